import type { PartitionLog } from './partition-log';
import { groupLabel, REBALANCE_DONE, say, type Consumer, type Group, type World } from './world';

/**
 * Incremental rebalances: the classic protocol with the CooperativeStickyAssignor (KIP-429) and
 * the "consumer" protocol (KIP-848). Unlike the eager protocol (consumer-groups.ts startRebalance),
 * the group never stops: every member keeps processing the partitions it keeps, and only the
 * partitions that move pause, from the moment their old owner gives them up (after its running
 * poll on them, with its commit) until their new owner has them.
 *
 *   cooperative: round 1, members rejoin at their next poll (the slowest running poll, at most
 *                max.poll.interval.ms) + rebalanceMs; then the moving partitions are revoked;
 *                round 2, once all are given up, + rebalanceMs, they are assigned.
 *   consumer:    the coordinator computes the target at once (no barrier): round 1 is one
 *                rebalanceMs (a heartbeat round trip); revocation and assignment as above.
 *
 * REBALANCE_DONE events carry the round (b): 1 = members have rejoined, 2 = revoked partitions
 * assigned; and the group's rebalance token (c), so a newer rebalance supersedes an older one.
 */

const ROUND_JOINED = 1;
const ROUND_ASSIGNED = 2;

/** Members that can own partitions: alive and in the group, in id order. */
function membersOf(group: Group): Consumer[] {
  return group.consumers.filter((c) => c.alive && c.member);
}

/**
 * The sticky target: each member keeps what it owns up to its fair share (⌊P/n⌋, or one more for
 * P mod n of them), and the rest goes, lowest partition first, to the member with the fewest.
 * Indexed by the topic's partition index; −1 where no member is left.
 */
export function stickyTarget(group: Group): Int32Array {
  const count = group.owner.length;
  const target = new Int32Array(count).fill(-1);
  const members = membersOf(group);
  const n = members.length;
  if (n === 0) return target;
  const base = Math.floor(count / n);
  const extra = count % n;
  const ceiling = base + (extra > 0 ? 1 : 0);
  const load = new Map<number, number>(members.map((c) => [c.id, 0]));
  for (let i = 0; i < count; i += 1) {
    const owner = group.owner[i] as number;
    const held = load.get(owner);
    if (held === undefined || held >= ceiling) continue;
    target[i] = owner;
    load.set(owner, held + 1);
  }
  // At most `extra` members may hold one more than `base`: the others give their last one back.
  if (extra > 0) {
    let atCeiling = 0;
    for (const member of members) {
      if ((load.get(member.id) as number) < ceiling) continue;
      atCeiling += 1;
      if (atCeiling <= extra) continue;
      for (let i = count - 1; i >= 0; i -= 1) {
        if (target[i] !== member.id) continue;
        target[i] = -1;
        load.set(member.id, ceiling - 1);
        break;
      }
    }
  }
  for (let i = 0; i < count; i += 1) {
    if ((target[i] as number) >= 0) continue;
    let fewest = members[0] as Consumer;
    for (const member of members) if ((load.get(member.id) as number) < (load.get(fewest.id) as number)) fewest = member;
    target[i] = fewest.id;
    load.set(fewest.id, (load.get(fewest.id) as number) + 1);
  }
  return target;
}

export function startIncrementalRebalance(w: World, group: Group, reason: string): void {
  group.rebalancing = true;
  group.rebalanceToken += 1;
  group.releasesLeft = 0;
  group.revoking.fill(0);
  let rejoinedMs = w.nowMs;
  if (w.opt.rebalanceProtocol === 'cooperative') {
    // Classic protocol: every member rejoins at its next poll, the slowest capped at max.poll.interval.ms.
    for (const consumer of group.consumers) {
      if (consumer.alive && consumer.member && consumer.chunk) rejoinedMs = Math.max(rejoinedMs, Math.min(consumer.chunk.endMs, w.nowMs + w.opt.maxPollIntervalMs));
    }
  }
  const waits = rejoinedMs > w.nowMs ? `; members rejoin at their next poll, the last in ${Math.round(rejoinedMs - w.nowMs)} ms` : '';
  say(w, `${groupLabel(w, group)}: ${w.opt.rebalanceProtocol} rebalance (${reason})${waits}; members keep processing what they keep`);
  w.queue.push(rejoinedMs + w.opt.rebalanceMs, REBALANCE_DONE, group.id, ROUND_JOINED, group.rebalanceToken);
}

/** A round of the incremental rebalance `token` is over. */
export function incrementalRoundDone(w: World, group: Group, round: number, token: number, wake: (consumer: Consumer) => void): void {
  if (!group.rebalancing || token !== group.rebalanceToken) return;
  if (round === ROUND_JOINED) {
    revokeMoving(w, group);
    if (group.releasesLeft === 0) scheduleAssignment(w, group);
    return;
  }
  if (round !== ROUND_ASSIGNED) return;
  const base = group.topic.first;
  let moved = 0;
  for (let i = 0; i < group.target.length; i += 1) {
    const owner = group.target[i] as number;
    if ((group.owner[i] as number) === owner || owner < 0) continue;
    const consumer = group.consumers[owner];
    if (!consumer || !consumer.alive || !consumer.member) continue; // left meanwhile: the next rebalance places it
    group.owner[i] = owner;
    group.position[i] = group.committed[i] as number;
    consumer.assigned.push(base + i);
    if ((w.logs[base + i] as PartitionLog).logEndOffset > (group.committed[i] as number) && group.ready[i] === 0) {
      group.ready[i] = 1;
      consumer.pending.push(base + i);
    }
    moved += 1;
  }
  group.rebalancing = false;
  group.rebalances += 1;
  const idle = group.consumers.filter((c) => c.alive && c.assigned.length === 0).length;
  say(w, `${groupLabel(w, group)}: rebalance done; ${moved} partition${moved === 1 ? '' : 's'} moved, ${group.consumers.filter((c) => c.alive).length - idle} active, ${idle} idle`);
  for (const consumer of group.consumers) wake(consumer);
}

/** The target is fixed; each moving partition is given up now, or after its owner's running poll on it. */
function revokeMoving(w: World, group: Group): void {
  group.target = stickyTarget(group);
  const base = group.topic.first;
  for (let i = 0; i < group.target.length; i += 1) {
    const owner = group.owner[i] as number;
    if (owner < 0 || owner === group.target[i]) continue;
    const consumer = group.consumers[owner] as Consumer;
    const busyOnIt = consumer.alive && consumer.chunk !== null && consumer.chunk.partition === base + i;
    if (busyOnIt) {
      group.revoking[i] = 1;
      group.releasesLeft += 1;
    } else {
      release(group, consumer, i);
    }
  }
}

function release(group: Group, consumer: Consumer, i: number): void {
  group.owner[i] = -1;
  group.ready[i] = 0;
  const p = group.topic.first + i;
  const at = consumer.assigned.indexOf(p);
  if (at >= 0) consumer.assigned.splice(at, 1);
}

/**
 * The old owner's poll on partition p is over (finished and committed, or abandoned by a crash
 * or an eviction): if the partition is moving, it is given up now.
 */
export function releaseAfterPoll(w: World, group: Group, consumer: Consumer, p: number): void {
  const i = p - group.topic.first;
  if (group.revoking[i] !== 1) return;
  group.revoking[i] = 0;
  release(group, consumer, i);
  group.releasesLeft -= 1;
  if (group.releasesLeft === 0) scheduleAssignment(w, group);
}

function scheduleAssignment(w: World, group: Group): void {
  w.queue.push(w.nowMs + w.opt.rebalanceMs, REBALANCE_DONE, group.id, ROUND_ASSIGNED, group.rebalanceToken);
}
