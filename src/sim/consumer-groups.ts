import { EXACT_SERVICE_MAX_EVENTS, MAX_RUNS_PER_POLL } from './defaults';
import { releaseAfterPoll, startIncrementalRebalance } from './incremental-rebalance';
import type { PartitionLog } from './partition-log';
import { CONSUMER_DONE, CONSUMER_REJOIN, CONSUMER_WAKE, groupLabel, hasLiveLeader, partitionLabel, POLL_TIMEOUT, REBALANCE_DONE, RUN_FIELDS, SESSION_EXPIRED, say, topicOfPartition, type Chunk, type Consumer, type Group, type SimTopic, type World } from './world';

/**
 * Consumer groups: each consumer polls the partitions it owns in turn (up to max.poll.records a
 * poll, processing each event, committing after the batch), crashes are noticed after
 * session.timeout.ms, a rebalance stops the group and reassigns the partitions, poison events
 * are retried and dead-lettered, replay groups read the retained log from its start. Free
 * functions over the world; producers and brokers reach them through the world's hooks.
 */

/** A batch appended to partition p: its owner in each group of its topic may have something to read. */
export function onAppended(w: World, p: number, readableMs: number): void {
  for (const group of topicOfPartition(w, p).groups) {
    const c = group.owner[p - group.topic.first] as number;
    const consumer = c >= 0 ? group.consumers[c] : undefined;
    if (!consumer) continue;
    markReady(w, group, consumer, p);
    if (consumer.alive && !consumer.chunk && !group.stopped) wakeAt(w, group, consumer, readableMs);
  }
}

function wakeAt(w: World, group: Group, consumer: Consumer, atMs: number) {
  if (atMs >= consumer.wakeAtMs) return;
  consumer.wakeAtMs = atMs;
  w.queue.push(Math.max(atMs, w.nowMs), CONSUMER_WAKE, group.id, consumer.id);
}

function firstPoisonFrom(w: World, p: number, offset: number): number {
  const list = w.poison[p] as number[];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? (list[lo] as number) : Infinity;
}

/** Marks partition p as having unread events for its owner in this group. */
function markReady(w: World, group: Group, consumer: Consumer, p: number) {
  if (group.ready[p - group.topic.first] === 1) return;
  group.ready[p - group.topic.first] = 1;
  consumer.pending.push(p);
}

/**
 * Starts the next poll. Partitions with unread events wait in two queues: `pending`
 * (events appended, in append order, hence in the order they become readable) and
 * `ready` (readable, served in turn). Only partitions that got events are visited, so
 * a consumer owning thousands of partitions stays cheap.
 */
export function tryStart(w: World, group: Group, consumer: Consumer) {
  if (group.stopped || !consumer.alive || !consumer.member || consumer.chunk) return;
  const base = group.topic.first; // the group's arrays are indexed by partition − base
  // Move partitions whose events became readable from pending to ready.
  let nextReadableMs = Infinity;
  const pending = consumer.pending;
  while (consumer.pendingHead < pending.length) {
    const p = pending[consumer.pendingHead] as number;
    if ((group.owner[p - base] as number) !== consumer.id) {
      group.ready[p - base] = 0; // assignment changed since it was queued
    } else if (hasLiveLeader(w, p) && (group.position[p - base] as number) >= (w.logs[p] as PartitionLog).advanceHighWatermark(w.nowMs)) {
      nextReadableMs = (w.logs[p] as PartitionLog).nextReadableMs();
      if (nextReadableMs > w.nowMs) break; // later ones become readable later still
    } else {
      consumer.ready.push(p);
    }
    consumer.pendingHead += 1;
  }
  const ready = consumer.ready;
  for (let n = ready.length - consumer.readyHead; n > 0; n -= 1) {
    const p = ready[consumer.readyHead] as number;
    consumer.readyHead += 1;
    if ((group.owner[p - base] as number) !== consumer.id) {
      group.ready[p - base] = 0;
      continue;
    }
    if (!hasLiveLeader(w, p)) {
      ready.push(p); // offline or its leader is down: nothing can be fetched until a live leader leads it
      continue;
    }
    const partitionLog = w.logs[p] as PartitionLog;
    const highWatermark = partitionLog.advanceHighWatermark(w.nowMs);
    if ((group.committed[p - base] as number) < partitionLog.logStartOffset) {
      // Retention deleted events this group had not read: they are gone (auto.offset.reset=earliest).
      group.expired += partitionLog.logStartOffset - (group.committed[p - base] as number);
      group.committed[p - base] = partitionLog.logStartOffset;
      group.position[p - base] = Math.max(group.position[p - base] as number, partitionLog.logStartOffset);
    }
    const position = group.position[p - base] as number;
    if (position < highWatermark) {
      ready.push(p); // served in turn: back of the queue
      compactQueues(consumer);
      startChunk(w, group, consumer, p, position, highWatermark);
      return;
    }
    if (position < partitionLog.logEndOffset) {
      pending.push(p); // newer events, not readable yet
      nextReadableMs = Math.min(nextReadableMs, partitionLog.nextReadableMs());
    } else {
      group.ready[p - base] = 0; // drained
    }
  }
  compactQueues(consumer);
  if (nextReadableMs < Infinity) wakeAt(w, group, consumer, nextReadableMs);
}

function compactQueues(consumer: Consumer) {
  if (consumer.readyHead > 1024 && consumer.readyHead * 2 > consumer.ready.length) {
    consumer.ready = consumer.ready.slice(consumer.readyHead);
    consumer.readyHead = 0;
  }
  if (consumer.pendingHead > 1024 && consumer.pendingHead * 2 > consumer.pending.length) {
    consumer.pending = consumer.pending.slice(consumer.pendingHead);
    consumer.pendingHead = 0;
  }
}

function startChunk(w: World, group: Group, consumer: Consumer, p: number, from: number, highWatermark: number) {
  const poisonAt = firstPoisonFrom(w, p, from);
  const isPoison = poisonAt === from;
  const events = isPoison ? 1 : Math.min(w.opt.maxPollRecords, highWatermark - from, poisonAt - from);
  const duplicates = isPoison ? 0 : Math.max(0, Math.min(from + events, group.processedUpTo[p - group.topic.first] as number) - from);
  // An idempotent consumer recognises redelivered events and skips their work.
  const skipped = w.idempotent ? duplicates : 0;
  const work = events - skipped;
  const topic = group.topic;
  let finishes: Float64Array | null = null;
  let durationMs: number;
  if (work <= EXACT_SERVICE_MAX_EVENTS) {
    finishes = consumer.finishes;
    let t = 0;
    for (let i = 0; i < work; i += 1) {
      t += w.opt.service === 'exponential' ? w.rng.exponential(topic.serviceRatePerMs) : topic.processingMs;
      finishes[i] = t;
    }
    durationMs = t;
  } else {
    durationMs = w.opt.service === 'exponential' ? w.rng.gamma(work, topic.serviceRatePerMs) : work * topic.processingMs;
  }
  // The poll's records are fetched from the partition's leader.
  const leader = w.leader[p] as number;
  if (leader >= 0) w.brokerOutBytes[leader] = (w.brokerOutBytes[leader] as number) + events * topic.bytesPerEvent;
  consumer.token += 1;
  const chunk: Chunk = { partition: p, from, events, duplicates, skipped, work, poison: isPoison, startMs: w.nowMs, endMs: w.nowMs + durationMs, token: consumer.token, finishes, settled: 0, runCount: 0 };
  consumer.chunk = chunk;
  if (!isPoison && work > 0) captureRuns(w, consumer, chunk);
  w.queue.push(chunk.endMs, CONSUMER_DONE, group.id, consumer.id, consumer.token);
  // A batch longer than max.poll.interval.ms: the member is evicted before it can poll again.
  if (durationMs > w.opt.maxPollIntervalMs) w.queue.push(w.nowMs + w.opt.maxPollIntervalMs, POLL_TIMEOUT, group.id, consumer.id, consumer.token);
}

/**
 * The member has not polled for max.poll.interval.ms: it leaves the group (a rebalance gives its
 * partitions to the others). What it processed is not committed — its commit will be refused —
 * so those events are delivered again; the rest of its batch is abandoned here (Kafka's consumer
 * would still process it, as duplicates). It rejoins when the batch would have ended: with
 * max.poll.records × L above max.poll.interval.ms this repeats for ever, a livelock.
 */
export function evictSlowMember(w: World, group: Group, consumer: Consumer, token: number): void {
  const chunk = consumer.chunk;
  if (!chunk || chunk.token !== token || !consumer.alive) return;
  if (!chunk.poison) settle(w, group, consumer, chunk, finishedByNow(w, chunk));
  consumer.chunk = null;
  consumer.token += 1;
  consumer.member = false;
  releaseAfterPoll(w, group, consumer, chunk.partition);
  w.queue.push(chunk.endMs, CONSUMER_REJOIN, group.id, consumer.id, consumer.token);
  startRebalance(w, group, `consumer ${consumer.id} left: its poll batch ran past max.poll.interval.ms = ${w.opt.maxPollIntervalMs} ms`);
}

/** The evicted member's batch is done: it polls again and rejoins the group (another rebalance). */
export function rejoinGroup(w: World, group: Group, consumer: Consumer, token: number): void {
  if (consumer.member || consumer.token !== token || !consumer.alive) return;
  consumer.member = true;
  startRebalance(w, group, `consumer ${consumer.id} rejoined`);
}

/**
 * Keeps the arrival and readable times of the poll's worked events, read from the log when the
 * poll starts (retention or segment merging may change the log before the events finish).
 * Beyond MAX_RUNS_PER_POLL runs, neighbours are merged pairwise (times interpolated evenly).
 */
function captureRuns(w: World, consumer: Consumer, chunk: Chunk) {
  let runs = consumer.runs;
  let count = 0;
  (w.logs[chunk.partition] as PartitionLog).forEachRun(chunk.from + chunk.skipped, chunk.from + chunk.events, (events, arrA, arrB, readA, readB) => {
    if (count === MAX_RUNS_PER_POLL) {
      for (let src = 0, dst = 0; src < count; src += 2, dst += 1) {
        const a = src * RUN_FIELDS;
        const b = a + RUN_FIELDS;
        const d = dst * RUN_FIELDS;
        runs[d] = (runs[a] as number) + (runs[b] as number);
        runs[d + 1] = runs[a + 1] as number;
        runs[d + 2] = runs[b + 2] as number;
        runs[d + 3] = runs[a + 3] as number;
        runs[d + 4] = runs[b + 4] as number;
      }
      count /= 2;
    }
    if ((count + 1) * RUN_FIELDS > runs.length) {
      const bigger = new Float64Array(Math.min(MAX_RUNS_PER_POLL, runs.length / RUN_FIELDS * 2) * RUN_FIELDS);
      bigger.set(runs);
      runs = bigger;
      consumer.runs = runs;
    }
    const i = count * RUN_FIELDS;
    runs[i] = events;
    runs[i + 1] = arrA;
    runs[i + 2] = arrB;
    runs[i + 3] = readA;
    runs[i + 4] = readB;
    count += 1;
  });
  chunk.runCount = count;
}

/** Worked events of the running poll finished by now (never one that finishes later). */
function finishedByNow(w: World, chunk: Chunk): number {
  if (chunk.finishes) {
    let done = chunk.settled;
    while (done < chunk.work && chunk.startMs + (chunk.finishes[done] as number) <= w.nowMs) done += 1;
    return done;
  }
  const spanMs = chunk.endMs - chunk.startMs;
  if (w.nowMs >= chunk.endMs) return chunk.work;
  let done = spanMs > 0 ? Math.min(chunk.work, Math.floor((chunk.work * (w.nowMs - chunk.startMs)) / spanMs)) : chunk.work;
  while (done > chunk.settled && chunk.startMs + spanMs * (done / chunk.work) > w.nowMs) done -= 1;
  return Math.max(done, chunk.settled);
}

/**
 * Accounts for the worked events settled … upto of a poll, all finished by now: each is counted
 * as processed; the ones this group never processed before get their wait (readable → start of
 * processing) and latency (producer send → end of processing) recorded, at the times they
 * started and finished. Called when a poll ends, when its consumer crashes, and at every
 * sampling instant (so a long poll's finished events are measured while it runs). Redelivered
 * events are counted as duplicates and not measured again.
 */
function settle(w: World, group: Group, consumer: Consumer, chunk: Chunk, upto: number) {
  const lo = chunk.settled;
  if (chunk.poison || upto <= lo) return;
  chunk.settled = upto;
  const n = upto - lo;
  consumer.processed += n;
  group.processed += n;
  const p = chunk.partition;
  const base = chunk.from + chunk.skipped; // offset of worked event 0
  const firstNew = Math.max(lo, (group.processedUpTo[p - group.topic.first] as number) - base);
  const fresh = Math.max(0, upto - firstNew);
  group.duplicates += n - fresh;
  if (fresh === 0) return;
  group.processedUpTo[p - group.topic.first] = base + upto;
  recordTimes(group.topic, consumer, chunk, firstNew, upto);
}

/** Wait and latency samples of worked events j0 … j1 − 1 of a poll, into its topic's histograms. */
function recordTimes(topic: SimTopic, consumer: Consumer, chunk: Chunk, j0: number, j1: number) {
  const runs = consumer.runs;
  const finishes = chunk.finishes;
  const spanMs = chunk.endMs - chunk.startMs;
  const perEventMs = spanMs / chunk.work;
  let first = 0; // worked index of the run's first event
  for (let r = 0; r < chunk.runCount && first < j1; r += 1) {
    const i = r * RUN_FIELDS;
    const count = runs[i] as number;
    const a = Math.max(j0, first);
    const b = Math.min(j1, first + count);
    if (a < b) {
      const arrA = runs[i + 1] as number;
      const readA = runs[i + 3] as number;
      const arrStep = count > 1 ? ((runs[i + 2] as number) - arrA) / (count - 1) : 0;
      const readStep = count > 1 ? ((runs[i + 4] as number) - readA) / (count - 1) : 0;
      if (finishes) {
        for (let j = a; j < b; j += 1) {
          const k = j - first;
          const startMs = chunk.startMs + (j === 0 ? 0 : (finishes[j - 1] as number));
          topic.waitHistogram.add(startMs - (readA + readStep * k));
          topic.latencyHistogram.add(chunk.startMs + (finishes[j] as number) - (arrA + arrStep * k));
        }
      } else {
        // Spread evenly: event j starts at perEventMs·j and finishes at span·(j + 1)/work.
        const k = a - first;
        const startMs = chunk.startMs + spanMs * (a / chunk.work);
        const finishMs = chunk.startMs + spanMs * ((a + 1) / chunk.work);
        topic.waitHistogram.addLinear(startMs - (readA + readStep * k), perEventMs - readStep, b - a);
        topic.latencyHistogram.addLinear(finishMs - (arrA + arrStep * k), perEventMs - arrStep, b - a);
      }
    }
    first += count;
  }
}

/** Settles the finished part of every running poll: at each sampling instant. */
export function settleRunning(w: World) {
  for (const group of w.groups) {
    for (const consumer of group.consumers) {
      const chunk = consumer.chunk;
      if (chunk && !chunk.poison && chunk.settled < chunk.work) settle(w, group, consumer, chunk, finishedByNow(w, chunk));
    }
  }
}

export function finishChunk(w: World, group: Group, consumer: Consumer, token: number) {
  const chunk = consumer.chunk;
  if (!chunk || chunk.token !== token) return;
  consumer.chunk = null;
  const p = chunk.partition;
  const owns = (group.owner[p - group.topic.first] as number) === consumer.id && (group.committed[p - group.topic.first] as number) === chunk.from;
  if (chunk.poison) {
    group.failedAttempts += 1;
    group.attempts[p - group.topic.first] = (group.attempts[p - group.topic.first] as number) + 1;
    if ((group.attempts[p - group.topic.first] as number) >= w.opt.maxAttempts && owns) {
      group.attempts[p - group.topic.first] = 0;
      group.deadLettered += 1;
      w.deadLetterQueue += 1;
      commit(w, group, p, chunk.from + 1);
      say(w, `${groupLabel(w, group)}: poison event at offset ${chunk.from} of ${partitionLabel(w, p)} sent to the dead-letter queue after ${w.opt.maxAttempts} attempts`);
    }
  } else {
    settle(w, group, consumer, chunk, chunk.work);
    group.duplicatesSuppressed += chunk.skipped;
    // A commit after losing the partition in a rebalance is refused: the events will be redelivered.
    if (owns) {
      group.consumed += chunk.events;
      commit(w, group, p, chunk.from + chunk.events);
    }
  }
  releaseAfterPoll(w, group, consumer, p);
  tryStart(w, group, consumer);
}

function commit(w: World, group: Group, p: number, offset: number) {
  group.committed[p - group.topic.first] = offset;
  group.position[p - group.topic.first] = Math.max(group.position[p - group.topic.first] as number, offset);
}

export function crash(w: World, group: Group, consumer: Consumer) {
  if (!consumer.alive) return;
  consumer.alive = false;
  const chunk = consumer.chunk;
  // Events finished before the crash were processed but never committed: they come back.
  if (chunk && !chunk.poison) settle(w, group, consumer, chunk, finishedByNow(w, chunk));
  consumer.chunk = null;
  consumer.token += 1;
  if (chunk) releaseAfterPoll(w, group, consumer, chunk.partition);
  // The coordinator notices session.timeout.ms after the last heartbeat it had, not after the crash.
  const lastHeartbeatMs = w.nowMs - ((w.nowMs - consumer.joinedMs) % w.opt.heartbeatIntervalMs);
  const noticedMs = Math.max(w.nowMs, lastHeartbeatMs + w.opt.sessionTimeoutMs);
  say(w, `${groupLabel(w, group)}: consumer ${consumer.id} crashed; noticed in ${Math.round(noticedMs - w.nowMs)} ms, session.timeout.ms = ${w.opt.sessionTimeoutMs} ms after its last heartbeat`);
  w.queue.push(noticedMs, SESSION_EXPIRED, group.id, consumer.id);
}

/**
 * A rebalance. Eager (the classic protocol with the default RangeAssignor): the group stops;
 * every member rejoins at its next poll, so the rebalance waits for the slowest running poll
 * batch to finish (a member starts no new batch meanwhile), then takes rebalanceMs more for the
 * join and sync round trips. The cooperative and consumer protocols never stop the group
 * (incremental-rebalance.ts).
 */
export function startRebalance(w: World, group: Group, reason: string) {
  if (w.opt.rebalanceProtocol !== 'eager') {
    startIncrementalRebalance(w, group, reason);
    return;
  }
  group.rebalancing = true;
  group.stopped = true;
  group.rebalanceToken += 1;
  // At most max.poll.interval.ms (the rebalance timeout): a member still busy then is evicted.
  let lastRejoinMs = w.nowMs;
  for (const consumer of group.consumers) {
    if (consumer.alive && consumer.member && consumer.chunk) lastRejoinMs = Math.max(lastRejoinMs, Math.min(consumer.chunk.endMs, w.nowMs + w.opt.maxPollIntervalMs));
  }
  const waits = lastRejoinMs > w.nowMs ? `; members rejoin at their next poll, the last in ${Math.round(lastRejoinMs - w.nowMs)} ms` : '';
  say(w, `${groupLabel(w, group)}: rebalance (${reason})${waits}`);
  w.queue.push(lastRejoinMs + w.opt.rebalanceMs, REBALANCE_DONE, group.id, 0, group.rebalanceToken);
}

/** Range assignment of its topic's partitions over live members in id order: the first P mod a get one partition more. */
export function assign(w: World, group: Group) {
  const { first, count } = group.topic;
  const members = group.consumers.filter((c) => c.alive && c.member);
  const active = Math.min(members.length, count);
  group.owner.fill(-1);
  group.ready.fill(0);
  for (const consumer of group.consumers) {
    consumer.assigned = [];
    consumer.pending = [];
    consumer.pendingHead = 0;
    consumer.ready = [];
    consumer.readyHead = 0;
  }
  let p = first;
  members.forEach((consumer, i) => {
    if (i >= active) return;
    const share = Math.floor(count / active) + (i < count % active ? 1 : 0);
    for (let k = 0; k < share; k += 1, p += 1) {
      consumer.assigned.push(p);
      group.owner[p - group.topic.first] = consumer.id;
      if ((w.logs[p] as PartitionLog).logEndOffset > (group.committed[p - group.topic.first] as number)) markReady(w, group, consumer, p);
    }
  });
}

export function finishRebalance(w: World, group: Group, token: number) {
  if (!group.rebalancing || token !== group.rebalanceToken) return;
  assign(w, group);
  group.rebalancing = false;
  group.stopped = false;
  group.rebalances += 1;
  group.position.set(group.committed);
  const idle = group.consumers.filter((c) => c.alive && c.assigned.length === 0).length;
  say(w, `${groupLabel(w, group)}: rebalance done; ${group.consumers.filter((c) => c.alive).length - idle} active, ${idle} idle`);
  for (const consumer of group.consumers) tryStart(w, group, consumer);
}

export function addGroup(w: World, kind: 'live' | 'replay', topic: SimTopic): Group {
  const id = w.groups.length;
  const n = topic.count;
  const group: Group = {
    id,
    kind,
    topic,
    consumers: [],
    owner: new Int32Array(n).fill(-1),
    committed: new Float64Array(n),
    position: new Float64Array(n),
    processedUpTo: new Float64Array(n),
    attempts: new Int32Array(n),
    ready: new Uint8Array(n),
    consumed: 0,
    processed: 0,
    deadLettered: 0,
    expired: 0,
    duplicates: 0,
    duplicatesSuppressed: 0,
    failedAttempts: 0,
    rebalancing: false,
    stopped: false,
    rebalanceToken: 0,
    target: new Int32Array(0),
    revoking: new Uint8Array(n),
    releasesLeft: 0,
    rebalances: 0,
  };
  for (let c = 0; c < topic.config.consumersPerGroup; c += 1) group.consumers.push(newConsumer(c, w.nowMs));
  w.groups.push(group);
  topic.groups.push(group);
  return group;
}

export function newConsumer(id: number, joinedMs: number): Consumer {
  return {
    id,
    joinedMs,
    alive: true,
    member: true,
    assigned: [],
    pending: [],
    pendingHead: 0,
    ready: [],
    readyHead: 0,
    chunk: null,
    token: 0,
    wakeAtMs: Infinity,
    processed: 0,
    finishes: new Float64Array(EXACT_SERVICE_MAX_EVENTS),
    runs: new Float64Array(RUN_FIELDS * 4),
  };
}

/** Partition p can be read again: wake its owner in every group of its topic. */
export function wakeOwners(w: World, p: number) {
  for (const group of topicOfPartition(w, p).groups) {
    const c = group.owner[p - group.topic.first] as number;
    const consumer = c >= 0 ? group.consumers[c] : undefined;
    if (consumer) wakeAt(w, group, consumer, w.nowMs);
  }
}
