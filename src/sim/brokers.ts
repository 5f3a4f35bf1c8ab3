import { MIB } from '../engine/broker-limits';
import { REPLICA_FETCH_WAIT_MAX_MS } from './defaults';
import type { PartitionLog } from './partition-log';
import { flushBuffered, ratePerMs } from './producers';
import { BROKER_FENCED, FOLLOWER_REJOIN, ISR_LAG_SHRINK, partitionLabel, say, setLeader, topicOfPartition, type World } from './world';

/**
 * Brokers and replication: a broker going down or coming back, its fencing by the KRaft
 * controller, leader election among the in-sync replicas, ISRs shrinking and followers catching
 * up and rejoining them. The placement is the engine's
 * (src/engine/placement.ts, built in createWorld). A partition that is writable again gets its
 * producer's held events (flushBuffered); one that has a leader again tells the groups through
 * `w.hooks.onLeaderBack`.
 */

/** The first replica of the assignment that is up and in sync leads (no unclean election); -1: offline. */
function electLeader(w: World, p: number, reason: string): void {
  const { leader, isr, replicas, brokerUp } = w;
  const previous = leader[p] as number;
  const inSync = isr[p] as number[];
  const next = (replicas[p] as number[]).find((b) => brokerUp[b] && inSync.includes(b)) ?? -1;
  if (next === previous) return;
  setLeader(w, p, next);
  say(w, next >= 0 ? `${partitionLabel(w, p)}: leader ${previous} → ${next} (${reason})` : `${partitionLabel(w, p)}: offline, no in-sync replica is up (${reason})`);
}

/**
 * Broker b stops. Nothing moves at once: its leaderships stay with it (nothing can be written to
 * or read from them) and every ISR it is in still waits for it (acks=all writes stall there),
 * until the controller fences it after broker.session.timeout.ms (KRaft), or a leader drops it
 * after replica.lag.time.max.ms, whichever comes first.
 */
export function brokerDown(w: World, b: number): void {
  const { brokerUp, brokerToken, queue, opt } = w;
  if (!brokerUp[b]) return;
  brokerUp[b] = false;
  brokerToken[b] = (brokerToken[b] as number) + 1;
  const logEnds = w.logEndAtDown[b] as Float64Array;
  (w.partitionsOnBroker[b] ?? []).forEach((p, k) => (logEnds[k] = (w.logs[p] as PartitionLog).logEndOffset));
  say(w, `broker ${b} down; fenced after broker.session.timeout.ms = ${opt.brokerSessionTimeoutMs} ms`);
  queue.push(w.nowMs + opt.brokerSessionTimeoutMs, BROKER_FENCED, b, 0, brokerToken[b]);
  queue.push(w.nowMs + opt.replicaLagTimeMaxMs, ISR_LAG_SHRINK, b, 0, brokerToken[b]);
}

/** Takes b out of partition p's ISR unless it is the last one (it alone has every event: no unclean election). */
function leaveIsr(w: World, p: number, b: number): boolean {
  const inSync = w.isr[p] as number[];
  if (inSync.length <= 1 || !inSync.includes(b)) return false;
  w.isr[p] = inSync.filter((x) => x !== b);
  return true;
}

/** The controller fences broker b (still down since `token`): it leaves every ISR, and its partitions elect new leaders. */
export function fenceBroker(w: World, b: number, token: number): void {
  if (w.brokerUp[b] || w.brokerToken[b] !== token) return;
  say(w, `broker ${b} fenced by the controller`);
  for (const p of w.partitionsOnBroker[b] ?? []) {
    leaveIsr(w, p, b);
    if ((w.leader[p] as number) === b) {
      electLeader(w, p, `broker ${b} fenced`);
      w.hooks.onLeaderBack(p);
    }
    flushBuffered(w, p);
  }
}

/** replica.lag.time.max.ms after broker b went down (still down since `token`): the leaders of its followers drop it from their ISRs. */
export function shrinkIsrOfLagging(w: World, b: number, token: number): void {
  if (w.brokerUp[b] || w.brokerToken[b] !== token) return;
  let shrunk = 0;
  for (const p of w.partitionsOnBroker[b] ?? []) {
    const leader = w.leader[p] as number;
    if (leader === b || leader < 0 || !w.brokerUp[leader]) continue;
    if (leaveIsr(w, p, b)) shrunk += 1;
    flushBuffered(w, p);
  }
  if (shrunk > 0) say(w, `broker ${b} dropped from ${shrunk} ISR${shrunk === 1 ? '' : 's'} after replica.lag.time.max.ms = ${w.opt.replicaLagTimeMaxMs} ms`);
}

/**
 * Broker b is back. Back before it was fenced, it simply resumes: it still leads its partitions
 * and is still in their ISRs. Otherwise offline partitions it is in sync for lead again, and its
 * followers catch up, then rejoin the ISRs.
 */
export function brokerUpAgain(w: World, b: number): void {
  const { brokerUp, brokerToken, partitionsOnBroker, leader, isr, queue } = w;
  if (brokerUp[b]) return;
  brokerUp[b] = true;
  brokerToken[b] = (brokerToken[b] as number) + 1;
  for (const p of partitionsOnBroker[b] ?? []) {
    if ((leader[p] as number) < 0 && (isr[p] as number[]).includes(b)) electLeader(w, p, `broker ${b} back`);
    flushBuffered(w, p);
    if ((leader[p] as number) === b) w.hooks.onLeaderBack(p);
  }
  const catchUpMs = followerCatchUpMs(w, b);
  if (Number.isFinite(catchUpMs)) {
    say(w, `broker ${b} up; its followers catch up in ${formatMs(catchUpMs)} at its network-in headroom`);
    queue.push(w.nowMs + catchUpMs, FOLLOWER_REJOIN, b);
  } else {
    say(w, `broker ${b} up; its followers cannot catch up: the writes they follow take all of its ${w.config.brokerNetworkMiBPerSec} MiB/s network in`);
  }
}

function formatMs(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * How long broker b's followers take to fetch what they missed while it was down (every
 * replica it holds: what was appended since it went down), all in parallel over its network
 * in (brokerNetworkMiBPerSec), less what the writes it follows keep sending it meanwhile:
 * missed bytes / (network in − follow rate), at least one fetch round; Infinity when the
 * writes alone fill its network. Kafka's followers fetch as fast as the leaders can serve and
 * the follower can take (replica.fetch.max.bytes per partition, num.replica.fetchers threads);
 * the network is the limit a planner sizes.
 */
export function followerCatchUpMs(w: World, b: number): number {
  const on = w.partitionsOnBroker[b] ?? [];
  const logEnds = w.logEndAtDown[b] as Float64Array;
  let missedBytes = 0;
  let followBytesPerMs = 0;
  on.forEach((p, k) => {
    const topic = topicOfPartition(w, p);
    missedBytes += Math.max(0, (w.logs[p] as PartitionLog).logEndOffset - (logEnds[k] as number)) * topic.bytesPerEvent;
    followBytesPerMs += (ratePerMs(w, p) / w.spikeFactor) * topic.bytesPerEvent;
  });
  const headroomBytesPerMs = (w.config.brokerNetworkMiBPerSec * MIB) / 1000 - followBytesPerMs;
  if (missedBytes === 0) return REPLICA_FETCH_WAIT_MAX_MS;
  if (!(headroomBytesPerMs > 0)) return Infinity;
  return Math.max(REPLICA_FETCH_WAIT_MAX_MS, missedBytes / headroomBytesPerMs);
}

/**
 * The controller's preferred-leader check (auto.leader.rebalance.enable): on each broker whose
 * share of the partitions it prefers (first in their assignment) but does not lead is above
 * leader.imbalance.per.broker.percentage, those partitions go back to it where it is up and in
 * sync. Kafka's KafkaController.checkAndTriggerAutoLeaderRebalance, and its KRaft counterpart.
 */
export function rebalanceLeaders(w: World): void {
  const { P, B, replicas, leader, isr, brokerUp, opt } = w;
  const preferred = new Int32Array(B);
  const notLed = new Int32Array(B);
  for (let p = 0; p < P; p += 1) {
    const first = (replicas[p] as number[])[0] ?? -1;
    if (first < 0) continue;
    preferred[first] = (preferred[first] as number) + 1;
    if ((leader[p] as number) !== first) notLed[first] = (notLed[first] as number) + 1;
  }
  let moved = 0;
  for (let p = 0; p < P; p += 1) {
    const first = (replicas[p] as number[])[0] ?? -1;
    if (first < 0 || (leader[p] as number) === first || !brokerUp[first] || !(isr[p] as number[]).includes(first)) continue;
    if ((notLed[first] as number) * 100 <= opt.leaderImbalancePerBrokerPercentage * (preferred[first] as number)) continue;
    setLeader(w, p, first);
    moved += 1;
    flushBuffered(w, p);
    w.hooks.onLeaderBack(p);
  }
  if (moved > 0) say(w, `preferred-leader election: ${moved} partition${moved === 1 ? '' : 's'} back on ${moved === 1 ? 'its' : 'their'} preferred leader`);
}

/** Broker b has caught up: back in the ISR of every partition it holds. */
export function rejoin(w: World, b: number): void {
  const { brokerUp, partitionsOnBroker, isr, replicas } = w;
  if (!brokerUp[b]) return;
  let rejoined = 0;
  for (const p of partitionsOnBroker[b] ?? []) {
    const inSync = isr[p] as number[];
    if (inSync.includes(b)) continue;
    isr[p] = (replicas[p] as number[]).filter((x) => x === b || inSync.includes(x));
    rejoined += 1;
    flushBuffered(w, p);
  }
  if (rejoined > 0) say(w, `broker ${b} caught up; back in the ISR of ${rejoined} partition${rejoined === 1 ? '' : 's'}`);
}
