import { FOLLOWER_CATCH_UP_MS } from './defaults';
import { flushBuffered } from './producers';
import { FOLLOWER_REJOIN, say, type World } from './world';

/**
 * Brokers and replication: a broker going down or coming back, leader election among the
 * in-sync replicas, followers catching up and rejoining the ISR. The placement is the engine's
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
  leader[p] = next;
  say(w, next >= 0 ? `partition ${p}: leader ${previous} → ${next} (${reason})` : `partition ${p}: offline, no in-sync replica is up (${reason})`);
}

/** Broker b stops: it leaves every ISR it can leave, and its partitions elect new leaders. */
export function brokerDown(w: World, b: number): void {
  const { brokerUp, partitionsOnBroker, isr, leader } = w;
  if (!brokerUp[b]) return;
  brokerUp[b] = false;
  say(w, `broker ${b} down`);
  for (const p of partitionsOnBroker[b] ?? []) {
    const inSync = isr[p] as number[];
    // The last in-sync replica stays in the ISR: it alone has every event (no unclean election).
    if (inSync.length > 1) isr[p] = inSync.filter((x) => x !== b);
    if ((leader[p] as number) === b) electLeader(w, p, `broker ${b} down`);
  }
}

/** Broker b is back: offline partitions it is in sync for lead again; its followers catch up, then rejoin the ISRs. */
export function brokerUpAgain(w: World, b: number): void {
  const { brokerUp, partitionsOnBroker, leader, isr, queue } = w;
  if (brokerUp[b]) return;
  brokerUp[b] = true;
  say(w, `broker ${b} up; catching up`);
  for (const p of partitionsOnBroker[b] ?? []) {
    if ((leader[p] as number) < 0 && (isr[p] as number[]).includes(b)) {
      electLeader(w, p, `broker ${b} back`);
      flushBuffered(w, p);
      w.hooks.onLeaderBack(p);
    }
  }
  queue.push(w.nowMs + FOLLOWER_CATCH_UP_MS, FOLLOWER_REJOIN, b);
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
