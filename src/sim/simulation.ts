import type { PlanConfig } from '../engine/plan-config';
import { EXACT_SERVICE_MAX_EVENTS, MAX_RUNS_PER_POLL, SAMPLE_INTERVAL_MS } from './defaults';
import type { PartitionLog } from './partition-log';
import { brokerDown, brokerUpAgain, rejoin } from './brokers';
import { produceBatch, scheduleBatch } from './producers';
import { groupLag, snapshotOf } from './snapshot';
import type { SimAction, SimOptions, SimSnapshot, Simulation } from './types';
import {
  BATCH,
  CONSUMER_DONE,
  CONSUMER_WAKE,
  createWorld,
  FOLLOWER_REJOIN,
  REBALANCE_DONE,
  RUN_FIELDS,
  SAMPLE,
  SAMPLES,
  say as sayIn,
  SESSION_EXPIRED,
  SPIKE_END,
  type Chunk,
  type Consumer,
  type Group,
} from './world';

/**
 * The simulated broker: the event loop (dispatch) and the actions (apply) over one world state
 * (src/sim/world.ts); what the page sees is built by src/sim/snapshot.ts.
 */
export function createSimulation(config: PlanConfig, options: SimOptions = {}): Simulation {
  const w = createWorld(config, options);
  const { opt, rng, queue, P, B, serviceRatePerMs } = w;
  const { leader, logs, poison } = w;
  const { groups, waitHistogram, latencyHistogram, sampleAt, sampleProduced, sampleConsumed, sampleLag } = w;

  const say = (text: string) => sayIn(w, text);
  // A batch appended to partition p: its owner in each group may have something to read.
  // A partition offline until now has a leader again: its owners may read.
  w.hooks.onLeaderBack = (p) => wakeOwners(p);
  w.hooks.onAppended = (p, readableMs) => {
    for (const group of groups) {
      const c = group.owner[p] as number;
      const consumer = c >= 0 ? group.consumers[c] : undefined;
      if (!consumer) continue;
      markReady(group, consumer, p);
      if (consumer.alive && !consumer.chunk && !group.rebalancing) wakeAt(group, consumer, readableMs);
    }
  };

  // ---- consumers ----------------------------------------------------------------------

  const wakeAt = (group: Group, consumer: Consumer, atMs: number) => {
    if (atMs >= consumer.wakeAtMs) return;
    consumer.wakeAtMs = atMs;
    queue.push(Math.max(atMs, w.nowMs), CONSUMER_WAKE, group.id, consumer.id);
  };

  const firstPoisonFrom = (p: number, offset: number): number => {
    const list = poison[p] as number[];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? (list[lo] as number) : Infinity;
  };

  /** Marks partition p as having unread events for its owner in this group. */
  const markReady = (group: Group, consumer: Consumer, p: number) => {
    if (group.ready[p] === 1) return;
    group.ready[p] = 1;
    consumer.pending.push(p);
  };

  /**
   * Starts the next poll. Partitions with unread events wait in two queues: `pending`
   * (events appended, in append order, hence in the order they become readable) and
   * `ready` (readable, served in turn). Only partitions that got events are visited, so
   * a consumer owning thousands of partitions stays cheap.
   */
  const tryStart = (group: Group, consumer: Consumer) => {
    if (group.rebalancing || !consumer.alive || consumer.chunk) return;
    // Move partitions whose events became readable from pending to ready.
    let nextReadableMs = Infinity;
    const pending = consumer.pending;
    while (consumer.pendingHead < pending.length) {
      const p = pending[consumer.pendingHead] as number;
      if ((group.owner[p] as number) !== consumer.id) {
        group.ready[p] = 0; // assignment changed since it was queued
      } else if ((leader[p] as number) >= 0 && (group.position[p] as number) >= (logs[p] as PartitionLog).advanceHighWatermark(w.nowMs)) {
        nextReadableMs = (logs[p] as PartitionLog).nextReadableMs();
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
      if ((group.owner[p] as number) !== consumer.id) {
        group.ready[p] = 0;
        continue;
      }
      if ((leader[p] as number) < 0) {
        ready.push(p); // offline: nothing can be fetched until a leader is back
        continue;
      }
      const partitionLog = logs[p] as PartitionLog;
      const highWatermark = partitionLog.advanceHighWatermark(w.nowMs);
      if ((group.committed[p] as number) < partitionLog.logStartOffset) {
        // Retention deleted events this group had not read: they are gone (auto.offset.reset=earliest).
        group.expired += partitionLog.logStartOffset - (group.committed[p] as number);
        group.committed[p] = partitionLog.logStartOffset;
        group.position[p] = Math.max(group.position[p] as number, partitionLog.logStartOffset);
      }
      const position = group.position[p] as number;
      if (position < highWatermark) {
        ready.push(p); // served in turn: back of the queue
        compactQueues(consumer);
        startChunk(group, consumer, p, position, highWatermark);
        return;
      }
      if (position < partitionLog.logEndOffset) {
        pending.push(p); // newer events, not readable yet
        nextReadableMs = Math.min(nextReadableMs, partitionLog.nextReadableMs());
      } else {
        group.ready[p] = 0; // drained
      }
    }
    compactQueues(consumer);
    if (nextReadableMs < Infinity) wakeAt(group, consumer, nextReadableMs);
  };

  const compactQueues = (consumer: Consumer) => {
    if (consumer.readyHead > 1024 && consumer.readyHead * 2 > consumer.ready.length) {
      consumer.ready = consumer.ready.slice(consumer.readyHead);
      consumer.readyHead = 0;
    }
    if (consumer.pendingHead > 1024 && consumer.pendingHead * 2 > consumer.pending.length) {
      consumer.pending = consumer.pending.slice(consumer.pendingHead);
      consumer.pendingHead = 0;
    }
  };

  const startChunk = (group: Group, consumer: Consumer, p: number, from: number, highWatermark: number) => {
    const poisonAt = firstPoisonFrom(p, from);
    const isPoison = poisonAt === from;
    const events = isPoison ? 1 : Math.min(opt.maxPollRecords, highWatermark - from, poisonAt - from);
    const duplicates = isPoison ? 0 : Math.max(0, Math.min(from + events, group.processedUpTo[p] as number) - from);
    // An idempotent consumer recognises redelivered events and skips their work.
    const skipped = w.idempotent ? duplicates : 0;
    const work = events - skipped;
    let finishes: Float64Array | null = null;
    let durationMs: number;
    if (work <= EXACT_SERVICE_MAX_EVENTS) {
      finishes = consumer.finishes;
      let t = 0;
      for (let i = 0; i < work; i += 1) {
        t += opt.service === 'exponential' ? rng.exponential(serviceRatePerMs) : config.processingMs;
        finishes[i] = t;
      }
      durationMs = t;
    } else {
      durationMs = opt.service === 'exponential' ? rng.gamma(work, serviceRatePerMs) : work * config.processingMs;
    }
    consumer.token += 1;
    const chunk: Chunk = { partition: p, from, events, duplicates, skipped, work, poison: isPoison, startMs: w.nowMs, endMs: w.nowMs + durationMs, token: consumer.token, finishes, settled: 0, runCount: 0 };
    consumer.chunk = chunk;
    if (!isPoison && work > 0) captureRuns(consumer, chunk);
    queue.push(chunk.endMs, CONSUMER_DONE, group.id, consumer.id, consumer.token);
  };

  /**
   * Keeps the arrival and readable times of the poll's worked events, read from the log when the
   * poll starts (retention or segment merging may change the log before the events finish).
   * Beyond MAX_RUNS_PER_POLL runs, neighbours are merged pairwise (times interpolated evenly).
   */
  const captureRuns = (consumer: Consumer, chunk: Chunk) => {
    let runs = consumer.runs;
    let count = 0;
    (logs[chunk.partition] as PartitionLog).forEachRun(chunk.from + chunk.skipped, chunk.from + chunk.events, (events, arrA, arrB, readA, readB) => {
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
  };

  /** Worked events of the running poll finished by now (never one that finishes later). */
  const finishedByNow = (chunk: Chunk): number => {
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
  };

  /**
   * Accounts for the worked events settled … upto of a poll, all finished by now: each is counted
   * as processed; the ones this group never processed before get their wait (readable → start of
   * processing) and latency (producer send → end of processing) recorded, at the times they
   * started and finished. Called when a poll ends, when its consumer crashes, and at every
   * sampling instant (so a long poll's finished events are measured while it runs). Redelivered
   * events are counted as duplicates and not measured again.
   */
  const settle = (group: Group, consumer: Consumer, chunk: Chunk, upto: number) => {
    const lo = chunk.settled;
    if (chunk.poison || upto <= lo) return;
    chunk.settled = upto;
    const n = upto - lo;
    consumer.processed += n;
    group.processed += n;
    const p = chunk.partition;
    const base = chunk.from + chunk.skipped; // offset of worked event 0
    const firstNew = Math.max(lo, (group.processedUpTo[p] as number) - base);
    const fresh = Math.max(0, upto - firstNew);
    group.duplicates += n - fresh;
    if (fresh === 0) return;
    group.processedUpTo[p] = base + upto;
    recordTimes(consumer, chunk, firstNew, upto);
  };

  /** Wait and latency samples of worked events j0 … j1 − 1 of a poll. */
  const recordTimes = (consumer: Consumer, chunk: Chunk, j0: number, j1: number) => {
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
            waitHistogram.add(startMs - (readA + readStep * k));
            latencyHistogram.add(chunk.startMs + (finishes[j] as number) - (arrA + arrStep * k));
          }
        } else {
          // Spread evenly: event j starts at perEventMs·j and finishes at span·(j + 1)/work.
          const k = a - first;
          const startMs = chunk.startMs + spanMs * (a / chunk.work);
          const finishMs = chunk.startMs + spanMs * ((a + 1) / chunk.work);
          waitHistogram.addLinear(startMs - (readA + readStep * k), perEventMs - readStep, b - a);
          latencyHistogram.addLinear(finishMs - (arrA + arrStep * k), perEventMs - arrStep, b - a);
        }
      }
      first += count;
    }
  };

  /** Settles the finished part of every running poll: at each sampling instant. */
  const settleRunning = () => {
    for (const group of groups) {
      for (const consumer of group.consumers) {
        const chunk = consumer.chunk;
        if (chunk && !chunk.poison && chunk.settled < chunk.work) settle(group, consumer, chunk, finishedByNow(chunk));
      }
    }
  };

  const finishChunk = (group: Group, consumer: Consumer, token: number) => {
    const chunk = consumer.chunk;
    if (!chunk || chunk.token !== token) return;
    consumer.chunk = null;
    const p = chunk.partition;
    const owns = (group.owner[p] as number) === consumer.id && (group.committed[p] as number) === chunk.from;
    if (chunk.poison) {
      group.failedAttempts += 1;
      group.attempts[p] = (group.attempts[p] as number) + 1;
      if ((group.attempts[p] as number) >= opt.maxAttempts && owns) {
        group.attempts[p] = 0;
        group.deadLettered += 1;
        w.deadLetterQueue += 1;
        commit(group, p, chunk.from + 1);
        say(`group ${group.id}: poison event at offset ${chunk.from} of partition ${p} sent to the dead-letter queue after ${opt.maxAttempts} attempts`);
      }
    } else {
      settle(group, consumer, chunk, chunk.work);
      group.duplicatesSuppressed += chunk.skipped;
      // A commit after losing the partition in a rebalance is refused: the events will be redelivered.
      if (owns) {
        group.consumed += chunk.events;
        commit(group, p, chunk.from + chunk.events);
      }
    }
    tryStart(group, consumer);
  };

  const commit = (group: Group, p: number, offset: number) => {
    group.committed[p] = offset;
    group.position[p] = Math.max(group.position[p] as number, offset);
  };

  const crash = (group: Group, consumer: Consumer) => {
    if (!consumer.alive) return;
    consumer.alive = false;
    const chunk = consumer.chunk;
    // Events finished before the crash were processed but never committed: they come back.
    if (chunk && !chunk.poison) settle(group, consumer, chunk, finishedByNow(chunk));
    consumer.chunk = null;
    consumer.token += 1;
    say(`group ${group.id}: consumer ${consumer.id} crashed; noticed after the ${opt.sessionTimeoutMs} ms session timeout`);
    queue.push(w.nowMs + opt.sessionTimeoutMs, SESSION_EXPIRED, group.id, consumer.id);
  };

  const startRebalance = (group: Group, reason: string) => {
    group.rebalancing = true;
    group.rebalanceToken += 1;
    say(`group ${group.id}: rebalance (${reason})`);
    queue.push(w.nowMs + opt.rebalanceMs, REBALANCE_DONE, group.id, 0, group.rebalanceToken);
  };

  /** Range assignment over live members in id order: the first P mod a get one partition more. */
  const assign = (group: Group) => {
    const members = group.consumers.filter((c) => c.alive);
    const active = Math.min(members.length, P);
    group.owner.fill(-1);
    group.ready.fill(0);
    for (const consumer of group.consumers) {
      consumer.assigned = [];
      consumer.pending = [];
      consumer.pendingHead = 0;
      consumer.ready = [];
      consumer.readyHead = 0;
    }
    let p = 0;
    members.forEach((consumer, i) => {
      if (i >= active) return;
      const share = Math.floor(P / active) + (i < P % active ? 1 : 0);
      for (let k = 0; k < share; k += 1, p += 1) {
        consumer.assigned.push(p);
        group.owner[p] = consumer.id;
        if ((logs[p] as PartitionLog).logEndOffset > (group.committed[p] as number)) markReady(group, consumer, p);
      }
    });
  };

  const finishRebalance = (group: Group, token: number) => {
    if (!group.rebalancing || token !== group.rebalanceToken) return;
    assign(group);
    group.rebalancing = false;
    group.rebalances += 1;
    group.position.set(group.committed);
    const idle = group.consumers.filter((c) => c.alive && c.assigned.length === 0).length;
    say(`group ${group.id}: rebalance done; ${group.consumers.filter((c) => c.alive).length - idle} active, ${idle} idle`);
    for (const consumer of group.consumers) tryStart(group, consumer);
  };

  const addGroup = (kind: 'live' | 'replay') => {
    const id = groups.length;
    const group: Group = {
      id,
      kind,
      consumers: [],
      owner: new Int32Array(P).fill(-1),
      committed: new Float64Array(P),
      position: new Float64Array(P),
      processedUpTo: new Float64Array(P),
      attempts: new Int32Array(P),
      ready: new Uint8Array(P),
      consumed: 0,
      processed: 0,
      deadLettered: 0,
      expired: 0,
      duplicates: 0,
      duplicatesSuppressed: 0,
      failedAttempts: 0,
      rebalancing: false,
      rebalanceToken: 0,
      rebalances: 0,
    };
    for (let c = 0; c < config.consumersPerGroup; c += 1) group.consumers.push(newConsumer(c));
    groups.push(group);
    return group;
  };

  const newConsumer = (id: number): Consumer => ({
    id,
    alive: true,
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
  });

  // ---- brokers ------------------------------------------------------------------------

  const wakeOwners = (p: number) => {
    for (const group of groups) {
      const c = group.owner[p] as number;
      const consumer = c >= 0 ? group.consumers[c] : undefined;
      if (consumer) wakeAt(group, consumer, w.nowMs);
    }
  };

  // ---- measurement --------------------------------------------------------------------

  const takeSample = () => {
    // The finished part of running polls counts now: a poll of 500 events at 100 ms each takes
    // 50 s, and neither the rate nor the measured waits should wait for it to commit.
    settleRunning();
    const slot = w.samplesTaken % SAMPLES;
    const first = groups[0];
    sampleAt[slot] = w.nowMs;
    sampleProduced[slot] = w.produced;
    sampleConsumed[slot] = first ? first.processed : 0;
    sampleLag[slot] = first ? groupLag(w, first) : 0;
    w.samplesTaken += 1;
    queue.push(w.nowMs + SAMPLE_INTERVAL_MS, SAMPLE);
  };

  // ---- the event loop -----------------------------------------------------------------

  const event = { timeMs: 0, kind: 0, a: 0, b: 0, c: 0 };
  const dispatch = () => {
    switch (event.kind) {
      case BATCH:
        produceBatch(w, event.a);
        scheduleBatch(w, event.a, w.nowMs);
        break;
      case CONSUMER_DONE: {
        const group = groups[event.a];
        const consumer = group?.consumers[event.b];
        if (group && consumer) finishChunk(group, consumer, event.c);
        break;
      }
      case CONSUMER_WAKE: {
        const group = groups[event.a];
        const consumer = group?.consumers[event.b];
        if (group && consumer) {
          if (consumer.wakeAtMs <= w.nowMs) consumer.wakeAtMs = Infinity;
          tryStart(group, consumer);
        }
        break;
      }
      case SESSION_EXPIRED: {
        const group = groups[event.a];
        if (group) startRebalance(group, `consumer ${event.b} left: session timed out`);
        break;
      }
      case REBALANCE_DONE: {
        const group = groups[event.a];
        if (group) finishRebalance(group, event.c);
        break;
      }
      case SPIKE_END:
        if (event.c === w.spikeToken) {
          w.spikeFactor = 1;
          say('traffic spike over');
        }
        break;
      case FOLLOWER_REJOIN:
        rejoin(w, event.a);
        break;
      case SAMPLE:
        takeSample();
        break;
    }
  };

  // ---- start --------------------------------------------------------------------------

  for (let g = 0; g < config.consumerGroups; g += 1) assign(addGroup('live'));
  for (let p = 0; p < P; p += 1) scheduleBatch(w, p, 0);
  takeSample();

  const advance = (ms: number) => {
    if (!(ms > 0)) return;
    const targetMs = w.nowMs + ms;
    while (queue.peekTime() <= targetMs) {
      queue.pop(event);
      w.nowMs = event.timeMs;
      dispatch();
    }
    w.nowMs = targetMs;
  };

  const apply = (action: SimAction) => {
    switch (action.type) {
      case 'broker-down':
        if (action.broker >= 0 && action.broker < B) brokerDown(w, action.broker);
        break;
      case 'broker-up':
        if (action.broker >= 0 && action.broker < B) brokerUpAgain(w, action.broker);
        break;
      case 'consumer-crash': {
        const group = groups[action.group];
        const consumer = group?.consumers[action.consumer];
        if (group && consumer) crash(group, consumer);
        break;
      }
      case 'consumer-add': {
        const group = groups[action.group];
        if (!group) break;
        group.consumers.push(newConsumer(group.consumers.length));
        startRebalance(group, `consumer ${group.consumers.length - 1} joined`);
        break;
      }
      case 'traffic-spike':
        if (!(action.factor > 0) || !(action.durationMs > 0)) break;
        w.spikeFactor = action.factor;
        w.spikeToken += 1;
        say(`traffic spike: ×${action.factor} for ${action.durationMs} ms`);
        queue.push(w.nowMs + action.durationMs, SPIKE_END, 0, 0, w.spikeToken);
        break;
      case 'poison':
        if (action.count > 0) {
          w.poisonToSend += Math.floor(action.count);
          say(`${Math.floor(action.count)} poison events on their way`);
        }
        break;
      case 'add-group': {
        const group = addGroup('replay');
        // Start from the oldest retained event; anything already deleted counts as expired.
        for (let p = 0; p < P; p += 1) {
          const start = (logs[p] as PartitionLog).logStartOffset;
          group.committed[p] = start;
          group.position[p] = start;
          group.expired += start;
        }
        startRebalance(group, 'new group replays the retained log from offset 0');
        break;
      }
      case 'set-idempotent':
        w.idempotent = action.enabled;
        say(`idempotent consumers ${w.idempotent ? 'on' : 'off'}`);
        break;
    }
  };

  const snapshot = (): SimSnapshot => snapshotOf(w);

  return {
    get timeMs() {
      return w.nowMs;
    },
    advance,
    snapshot,
    apply,
  };
}
