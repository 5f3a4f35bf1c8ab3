import { MAX_CONSUMERS_IN_SNAPSHOT, MAX_FLOWS_IN_SNAPSHOT, MAX_PARTITION_LAG_VALUES, PRODUCE_FLOW_MS } from './defaults';
import type { PartitionLog } from './partition-log';
import type { FlowSnapshot, GroupSnapshot, SimMeasurements, SimSnapshot, TopicSnapshot } from './types';
import { FLOW_RING, SAMPLES, writable, type Group, type SimTopic, type World } from './world';

/**
 * What the page sees of a run: plain data, structured-clone-able, built from the world state.
 * Read-only except that it first moves each high watermark over what is readable by now.
 */
export function snapshotOf(w: World): SimSnapshot {
  const { config, opt, logs, groups, brokerUp, partitionsOnBroker, leader, bufferedCount, log, topicOf } = w;
  for (const partitionLog of logs) partitionLog.advanceHighWatermark(w.nowMs);
  // Per-partition lags: always for each topic's first group, for the others while the total stays bounded.
  let lagValues = 0;
  const groupSnapshots: GroupSnapshot[] = groups.map((group) => {
    const { first, count } = group.topic;
    const withValues = group === group.topic.groups[0] || lagValues + count <= MAX_PARTITION_LAG_VALUES;
    if (withValues) lagValues += count;
    const partitionLag: number[] = [];
    let lag = 0;
    for (let i = 0; i < count; i += 1) {
      const value = (logs[first + i] as PartitionLog).logEndOffset - (group.committed[i] as number);
      lag += value;
      if (withValues) partitionLag.push(value);
    }
    return {
      id: group.id,
      topic: group.topic.index,
      kind: group.kind,
      consumed: group.consumed,
      processed: group.processed,
      lag,
      partitionLag,
      deadLettered: group.deadLettered,
      expired: group.expired,
      duplicates: group.duplicates,
      duplicatesSuppressed: group.duplicatesSuppressed,
      failedAttempts: group.failedAttempts,
      rebalancing: group.rebalancing,
      rebalances: group.rebalances,
      consumerCount: group.consumers.length,
      aliveConsumers: group.consumers.filter((c) => c.alive).length,
      idleConsumers: group.rebalancing ? 0 : group.consumers.filter((c) => c.alive && c.assigned.length === 0).length,
      consumers: group.consumers.slice(0, MAX_CONSUMERS_IN_SNAPSHOT).map((c) => ({
        id: c.id,
        alive: c.alive,
        assigned: [...c.assigned],
        busy: c.chunk !== null,
        processed: c.processed,
      })),
    };
  });
  const topics = w.topics.map((topic) => topicSnapshotOf(w, topic));
  const shared = sharedLists(w);
  return {
    timeMs: w.nowMs,
    config,
    seed: opt.seed,
    topics,
    produced: w.produced,
    producerBuffered: bufferedCount.reduce((sum, n) => sum + n, 0),
    spikeFactor: w.spikeFactor,
    idempotentConsumers: w.idempotent,
    brokers: brokerUp.map((up, id) => ({
      id,
      up,
      leaderOf: w.leaderCount[id] as number,
      replicas: partitionsOnBroker[id]?.length ?? 0,
      networkInBytes: w.brokerInBytes[id] as number,
      networkOutBytes: w.brokerOutBytes[id] as number,
    })),
    partitions: logs.map((partitionLog, id) => ({
      id,
      topic: topicOf[id] as number,
      logEndOffset: partitionLog.logEndOffset,
      highWatermark: partitionLog.highWatermark,
      logStartOffset: partitionLog.logStartOffset,
      leader: leader[id] as number,
      replicas: shared.replicasOf(id),
      isr: shared.isrOf(id),
      produceBlocked: !writable(w, id),
    })),
    groups: groupSnapshots,
    deadLetterQueue: w.deadLetterQueue,
    measurements: (topics[0] as TopicSnapshot).measurements,
    flows: flows(w),
    log: log.map((line) => ({ ...line })),
  };
}

/**
 * The replica and ISR lists of a snapshot, one array per distinct list: most partitions share
 * a few orderings of their brokers (3 brokers, rf 3: six), and structured clone keeps shared
 * references, so at 10,000 partitions the page deserialises a handful of arrays instead of
 * 20,000. Replica lists never change in a run: interned once. An ISR equal to its replica list
 * is that list; a shrunk one is interned per snapshot (a new array each time: the page keeps
 * snapshots, so one already sent is never changed).
 */
const replicaLists = new WeakMap<World, readonly number[][]>();

function sharedLists(w: World): { replicasOf(p: number): number[]; isrOf(p: number): number[] } {
  let kept = replicaLists.get(w);
  if (!kept) {
    const byKey = new Map<string, number[]>();
    kept = w.replicas.map((set) => {
      const key = set.join(',');
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = [...set]));
      return list;
    });
    replicaLists.set(w, kept);
  }
  const lists = kept;
  const shrunk = new Map<string, number[]>();
  return {
    replicasOf: (p) => lists[p] as number[],
    isrOf: (p) => {
      const inSync = w.isr[p] as number[];
      const set = lists[p] as number[];
      if (inSync.length === set.length && inSync.every((b, i) => b === set[i])) return set;
      const key = inSync.join(',');
      let list = shrunk.get(key);
      if (!list) shrunk.set(key, (list = [...inSync]));
      return list;
    },
  };
}

function topicSnapshotOf(w: World, topic: SimTopic): TopicSnapshot {
  return {
    name: topic.name,
    firstPartition: topic.first,
    partitionCount: topic.count,
    groups: topic.groups.map((g) => g.id),
    produced: topic.produced,
    eventsPerSec: topic.eventsPerSec,
    measurements: measure(w, topic),
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

/** The newest produce batches (for the animation) and every running poll. */
export function flows(w: World): FlowSnapshot[] {
  const { flowPartition, flowEvents, flowAtMs, groups } = w;
  const out: FlowSnapshot[] = [];
  const half = MAX_FLOWS_IN_SNAPSHOT / 2;
  for (let k = 1; k <= FLOW_RING && out.length < half; k += 1) {
    const i = (w.flowNext - k + FLOW_RING) % FLOW_RING;
    const age = w.nowMs - (flowAtMs[i] as number);
    if (age > PRODUCE_FLOW_MS) break;
    out.push({ kind: 'produce', partition: flowPartition[i] as number, group: -1, consumer: -1, events: flowEvents[i] as number, progress: age / PRODUCE_FLOW_MS });
  }
  for (const group of groups) {
    for (const consumer of group.consumers) {
      if (out.length >= MAX_FLOWS_IN_SNAPSHOT) return out;
      const chunk = consumer.chunk;
      if (!chunk) continue;
      const span = chunk.endMs - chunk.startMs;
      out.push({ kind: 'consume', partition: chunk.partition, group: group.id, consumer: consumer.id, events: chunk.events, progress: span > 0 ? Math.min(1, (w.nowMs - chunk.startMs) / span) : 1 });
    }
  }
  return out;
}

/** Group lag: Σ over its topic's partitions of log end − committed offset. */
export function groupLag(w: World, group: Group): number {
  const { first, count } = group.topic;
  let lag = 0;
  for (let i = 0; i < count; i += 1) lag += (w.logs[first + i] as PartitionLog).logEndOffset - (group.committed[i] as number);
  return lag;
}
