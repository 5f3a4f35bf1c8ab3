import { LEADER_MOVE_SHOWN_MS, MAX_CONSUMERS_IN_SNAPSHOT, PRODUCE_FLOW_MS } from './defaults';
import type { PartitionLog } from './partition-log';
import { allocateColumns, CONSUMER_ALIVE, CONSUMER_BUSY, FLOW_CONSUME, FLOW_FIELDS, FLOW_PRODUCE, MAX_FLOWS_IN_SNAPSHOT } from './snapshot-view';
import type { GroupFrame, SimColumns, SimFrame, SimMeasurements, SimShape } from './types';
import { FLOW_RING, groupLabel, partitionLabel, SAMPLES, writable, type Group, type SimTopic, type World } from './world';

/**
 * What the page sees of a run, built from the world state: the shape once (shapeOf), then a
 * frame per snapshot (frameOf) whose columns are typed arrays, refilled in place when the
 * caller hands back an earlier frame's columns of the same size. Read-only except that it first moves
 * each high watermark over what is readable by now.
 */
const shapes = new WeakMap<World, SimShape>();

export function shapeOf(w: World): SimShape {
  let shape = shapes.get(w);
  if (!shape) {
    const replicaStart = new Int32Array(w.P + 1);
    for (let p = 0; p < w.P; p += 1) replicaStart[p + 1] = (replicaStart[p] as number) + (w.replicas[p] as number[]).length;
    shape = {
      config: w.config,
      seed: w.opt.seed,
      topics: w.topics.map((t) => ({ name: t.name, firstPartition: t.first, partitionCount: t.count, eventsPerSec: t.eventsPerSec })),
      partitionCount: w.P,
      replicaStart,
      replicaBrokers: Int32Array.from(w.replicas.flat()),
    };
    shapes.set(w, shape);
  }
  return shape;
}

export function frameOf(w: World, reuse?: SimColumns): SimFrame {
  const { logs, groups, leader, P } = w;
  for (const partitionLog of logs) partitionLog.advanceHighWatermark(w.nowMs);
  let groupPartitions = 0;
  let shownConsumers = 0;
  for (const group of groups) {
    groupPartitions += group.topic.count;
    shownConsumers += Math.min(MAX_CONSUMERS_IN_SNAPSHOT, group.consumers.length);
  }
  const columns = reuse && fits(reuse, P, groupPartitions, shownConsumers) ? reuse : allocateColumns(P, groupPartitions, shownConsumers);
  for (let p = 0; p < P; p += 1) {
    const partitionLog = logs[p] as PartitionLog;
    columns.logEndOffset[p] = partitionLog.logEndOffset;
    columns.highWatermark[p] = partitionLog.highWatermark;
    columns.logStartOffset[p] = partitionLog.logStartOffset;
    columns.leader[p] = leader[p] as number;
    columns.isrMask[p] = isrMaskOf(w.replicas[p] as number[], w.isr[p] as number[]);
    columns.produceBlocked[p] = writable(w, p) ? 0 : 1;
  }
  let partitionsAt = 0;
  let consumersAt = 0;
  const groupFrames: GroupFrame[] = groups.map((group) => {
    const placed = groupFrameOf(w, group, columns, partitionsAt, consumersAt);
    partitionsAt += group.topic.count;
    consumersAt += placed.consumersShown;
    return placed;
  });
  return {
    timeMs: w.nowMs,
    produced: w.produced,
    producerBuffered: w.bufferedCount.reduce((sum, n) => sum + n, 0),
    spikeFactor: w.spikeFactor,
    idempotentConsumers: w.idempotent,
    deadLetterQueue: w.deadLetterQueue,
    brokers: w.brokerUp.map((up, id) => ({
      id,
      up,
      leaderOf: w.leaderCount[id] as number,
      replicas: w.partitionsOnBroker[id]?.length ?? 0,
      networkInBytes: w.brokerInBytes[id] as number,
      networkOutBytes: w.brokerOutBytes[id] as number,
    })),
    topics: w.topics.map((topic) => ({ groups: topic.groups.map((g) => g.id), produced: topic.produced, measurements: measure(w, topic) })),
    groups: groupFrames,
    flowCount: writeFlows(w, columns.flows),
    leaderMoves: w.leaderMoves.filter((move) => move.atMs > w.nowMs - LEADER_MOVE_SHOWN_MS),
    log: w.log.map((line) => ({ ...line })),
    columns,
  };
}

function fits(columns: SimColumns, P: number, groupPartitions: number, consumers: number): boolean {
  return columns.logEndOffset.length === P && columns.committedOffset.length === groupPartitions && columns.consumerFlags.length === consumers;
}

/** Bit k: the k-th replica is in sync (the ISR keeps replica order, brokers.ts). */
function isrMaskOf(replicas: readonly number[], inSync: readonly number[]): number {
  let mask = 0;
  for (let k = 0; k < replicas.length; k += 1) if (inSync.includes(replicas[k] as number)) mask |= 1 << k;
  return mask;
}

/**
 * A group's scalars, and its columns written from `partitionsAt` and `consumersAt`. The owner
 * column is read off each member's assignment; a partition in two members' assignments would
 * be a broken simulation, and is reported as one rather than drawn as either.
 */
function groupFrameOf(w: World, group: Group, columns: SimColumns, partitionsAt: number, consumersAt: number): GroupFrame {
  const { first, count } = group.topic;
  let lag = 0;
  for (let i = 0; i < count; i += 1) {
    const committed = group.committed[i] as number;
    columns.committedOffset[partitionsAt + i] = committed;
    lag += (w.logs[first + i] as PartitionLog).logEndOffset - committed;
  }
  columns.owner.fill(-1, partitionsAt, partitionsAt + count);
  let alive = 0;
  let idle = 0;
  for (const consumer of group.consumers) {
    if (consumer.alive) alive += 1;
    if (consumer.alive && consumer.assigned.length === 0) idle += 1;
    for (const p of consumer.assigned) {
      const at = partitionsAt + p - first;
      if ((columns.owner[at] as number) !== -1) throw new Error(`simulation invariant broken: ${groupLabel(w, group)} has ${partitionLabel(w, p)} in the assignments of consumers ${columns.owner[at]} and ${consumer.id}`);
      columns.owner[at] = consumer.id;
    }
  }
  const shown = Math.min(MAX_CONSUMERS_IN_SNAPSHOT, group.consumers.length);
  for (let k = 0; k < shown; k += 1) {
    const consumer = group.consumers[k] as Group['consumers'][number];
    columns.consumerFlags[consumersAt + k] = (consumer.alive ? CONSUMER_ALIVE : 0) | (consumer.chunk !== null ? CONSUMER_BUSY : 0);
    columns.consumerProcessed[consumersAt + k] = consumer.processed;
  }
  return {
    id: group.id,
    topic: group.topic.index,
    kind: group.kind,
    consumed: group.consumed,
    processed: group.processed,
    lag,
    deadLettered: group.deadLettered,
    expired: group.expired,
    duplicates: group.duplicates,
    duplicatesSuppressed: group.duplicatesSuppressed,
    failedAttempts: group.failedAttempts,
    rebalancing: group.rebalancing,
    rebalances: group.rebalances,
    consumerCount: group.consumers.length,
    aliveConsumers: alive,
    idleConsumers: group.rebalancing ? 0 : idle,
    partitionsAt,
    consumersAt,
    consumersShown: shown,
  };
}

/** A topic's rates over the sample window, waits and latencies from its histograms. */
export function measure(w: World, topic: SimTopic): SimMeasurements {
  const { sampleAt } = w;
  const { sampleProduced, sampleConsumed, sampleLag, waitHistogram, latencyHistogram } = topic;
  const newest = (w.samplesTaken - 1) % SAMPLES;
  const oldest = w.samplesTaken > SAMPLES ? w.samplesTaken % SAMPLES : 0;
  const windowMs = (sampleAt[newest] as number) - (sampleAt[oldest] as number);
  const perSec = (series: Float64Array) => (windowMs > 0 ? (((series[newest] as number) - (series[oldest] as number)) * 1000) / windowMs : 0);
  return {
    windowMs,
    producedPerSec: perSec(sampleProduced),
    consumedPerSec: perSec(sampleConsumed),
    lagGrowthPerSec: perSec(sampleLag),
    waitMeanSeconds: waitHistogram.meanMs() / 1000,
    waitP50Seconds: waitHistogram.quantileMs(0.5) / 1000,
    waitP99Seconds: waitHistogram.quantileMs(0.99) / 1000,
    waitTotalSeconds: waitHistogram.sumMilliseconds / 1000,
    waitMaxSeconds: waitHistogram.maxMilliseconds / 1000,
    latencyMeanSeconds: latencyHistogram.meanMs() / 1000,
    latencyP50Seconds: latencyHistogram.quantileMs(0.5) / 1000,
    latencyP99Seconds: latencyHistogram.quantileMs(0.99) / 1000,
    latencyMaxSeconds: latencyHistogram.maxMilliseconds / 1000,
    latencyTotalSeconds: latencyHistogram.sumMilliseconds / 1000,
    waitSamples: waitHistogram.count,
    latencySamples: latencyHistogram.count,
  };
}

/** The newest produce batches (for the animation) and every running poll, written into the flows column; returns how many. */
function writeFlows(w: World, column: Float64Array): number {
  const { flowPartition, flowEvents, flowAtMs, groups } = w;
  let count = 0;
  const put = (kind: number, partition: number, group: number, consumer: number, events: number, progress: number) => {
    column.set([kind, partition, group, consumer, events, progress], count * FLOW_FIELDS);
    count += 1;
  };
  const half = MAX_FLOWS_IN_SNAPSHOT / 2;
  for (let k = 1; k <= FLOW_RING && count < half; k += 1) {
    const i = (w.flowNext - k + FLOW_RING) % FLOW_RING;
    const age = w.nowMs - (flowAtMs[i] as number);
    if (age > PRODUCE_FLOW_MS) break;
    put(FLOW_PRODUCE, flowPartition[i] as number, -1, -1, flowEvents[i] as number, age / PRODUCE_FLOW_MS);
  }
  for (const group of groups) {
    for (const consumer of group.consumers) {
      if (count >= MAX_FLOWS_IN_SNAPSHOT) return count;
      const chunk = consumer.chunk;
      if (!chunk) continue;
      const span = chunk.endMs - chunk.startMs;
      put(FLOW_CONSUME, chunk.partition, group.id, consumer.id, chunk.events, span > 0 ? Math.min(1, (w.nowMs - chunk.startMs) / span) : 1);
    }
  }
  return count;
}

/** Group lag: Σ over its topic's partitions of log end − committed offset. */
export function groupLag(w: World, group: Group): number {
  const { first, count } = group.topic;
  let lag = 0;
  for (let i = 0; i < count; i += 1) lag += (w.logs[first + i] as PartitionLog).logEndOffset - (group.committed[i] as number);
  return lag;
}
