import { countOf, formatByteRate, formatBytes, formatDuration, formatNumber, formatUtilization } from '../lib/format';
import { openSegmentBytes } from './broker-limits';
import type { Metrics } from './compute-metrics';
import type { PlanConfig } from './plan-config';

/**
 * Each metric's formula with the plan's own values put in, ending in the result with its
 * unit: "W = λ·(s + o) / k = 1,000,000 events/s × (1,024 B + 0 B) / 1 = 1,024,000,000 B/s".
 * The formulas are those of METRIC_CATALOG and docs/model.md.
 */
const n = (x: number, digits = 3) => formatNumber(x, digits);
const evs = (x: number) => `${n(x)} events/s`;
const bps = (x: number) => `${n(x, 0)} B/s (${formatByteRate(x)})`;
const bytes = (x: number) => `${n(x, 0)} B (${formatBytes(x)})`;
const secs = (x: number) => (Number.isFinite(x) ? `${n(x, 6)} s (${formatDuration(x)})` : 'unbounded');

const failureText = (m: Metrics) => {
  const f = m.brokerLoad.failover;
  return f.kind === 'none' ? 'no failure planned (every broker up)' : `worst case ${f.worstCase} down, ${countOf(f.brokersLeft, 'broker')} left`;
};

/** __consumer_offsets' replicas and leaders sit on the brokers too, carrying no bytes the model counts. */
const offsetsNote = (m: Metrics) => {
  const extra = m.brokerLoad.busiest.replicas - m.brokerLoad.busiest.topicReplicas;
  return extra > 0 ? ` (__consumer_offsets adds up to ${n(extra)} replicas there, with no counted bytes)` : '';
};

/** Per-broker figures of a cluster are sums over every topic's partitions: the one-topic arithmetic does not apply. */
const PER_BROKER = new Set(['broker-network-in-max', 'broker-network-out-max', 'broker-disk-write-max', 'broker-storage-max', 'storage-on-disk-max', 'failover-network-out-max']);
const clusterSum = (name: string, c: PlanConfig, m: Metrics) => {
  const value = ({
    'broker-network-in-max': bps(m.brokerLoad.busiest.networkInBytesPerSec),
    'broker-network-out-max': bps(m.brokerLoad.busiest.networkOutBytesPerSec),
    'broker-disk-write-max': bps(m.brokerLoad.busiest.diskWriteBytesPerSec),
    'broker-storage-max': bytes(m.brokerLoad.busiest.storageBytes),
    'storage-on-disk-max': bytes(m.brokerLoad.busiest.storageOnDiskBytes),
    'failover-network-out-max': bps(m.brokerLoad.failover.busiest.networkOutBytesPerSec),
  } as Record<string, string>)[name];
  return `summed over the partitions of all ${n(m.clusterTopics)} topics on the broker (this topic: W / P = ${n(m.peakIngressBytesPerSec, 0)} B/s / ${n(c.partitions)} at peak, on ${n(m.brokerLoad.busiest.topicReplicas)} replicas of the fullest broker at most): ${value}`;
};

/** A hot key's term of a formula, spelled out only where there is one (h = 0 reads as the even-keys formula). */
const hotShare = (c: PlanConfig) => `h = ${n(c.hotKeyShare, 4)}`;

const EXPLAINERS: Record<string, (c: PlanConfig, m: Metrics) => string> = {
  'total-events': (c) => `λ = ${evs(c.eventsPerSec)}`,
  'active-consumers': (c, m) => `a = min(C, P) = min(${n(c.consumersPerGroup)}, ${n(c.partitions)}) = ${n(m.activeConsumers)}`,
  'events-per-consumer': (c, m) => `λ / a = ${evs(c.eventsPerSec)} / ${n(m.activeConsumers)} = ${evs(m.eventsPerConsumerPerSec)}`,
  'group-capacity': (c, m) =>
    `μ = 1000 / L = 1000 / ${n(c.processingMs)} ms = ${evs(m.serviceRatePerConsumer)}; ` +
    (c.hotKeyShare === 0
      ? `μ·P / ⌈P/a⌉ = ${n(m.serviceRatePerConsumer)} × ${n(c.partitions)} / ${n(m.partitionsOfBusiestConsumer)} = ${evs(m.groupCapacityEventsPerSec)}`
      : `${hotShare(c)}; μ·P / (⌈P/a⌉ + h·(P − ⌈P/a⌉)) = ${n(m.serviceRatePerConsumer)} × ${n(c.partitions)} / (${n(m.partitionsOfBusiestConsumer)} + ${n(c.hotKeyShare, 4)} × ${n(c.partitions - m.partitionsOfBusiestConsumer)}) = ${evs(m.groupCapacityEventsPerSec)}`),
  utilization: (c, m) => `λ / group capacity = ${evs(c.eventsPerSec)} / ${evs(m.groupCapacityEventsPerSec)} = ${formatUtilization(m.utilization)}`,
  'lag-growth': (c, m) => {
    const hi = m.busiestConsumerCount;
    const lo = m.activeConsumers - hi;
    if (c.hotKeyShare === 0) {
      const term = (count: number, k: number) => `${n(count)} × max(0, ${n(c.eventsPerSec)} × ${n(k)} / ${n(c.partitions)} − ${n(m.serviceRatePerConsumer)})`;
      return `Σ_i max(0, λ·k_i/P − μ) = ${term(hi, m.partitionsOfBusiestConsumer)}${lo > 0 ? ` + ${term(lo, m.partitionsOfLightestConsumer)}` : ''} = ${evs(m.lagGrowthEventsPerSecPerGroup)} per group`;
    }
    const cold = (k: number) => `${n(c.eventsPerSec)} × (1 − ${n(c.hotKeyShare, 4)}) × ${n(k)} / ${n(c.partitions)}`;
    const term = (count: number, k: number) => (count > 0 ? ` + ${n(count)} × max(0, ${cold(k)} − ${n(m.serviceRatePerConsumer)})` : '');
    return (
      `${hotShare(c)}; Σ_i max(0, λ_i − μ) = max(0, ${evs(m.busiestConsumerEventsPerSec)} − ${n(m.serviceRatePerConsumer)}) (the hot partition's owner)` +
      `${term(hi - 1, m.partitionsOfBusiestConsumer)}${term(lo, m.partitionsOfLightestConsumer)} = ${evs(m.lagGrowthEventsPerSecPerGroup)} per group`
    );
  },
  ingress: (c, m) => `W = λ·(s + o) / k = ${evs(c.eventsPerSec)} × (${n(c.eventSizeBytes)} B + ${n(c.recordOverheadBytes)} B) / ${n(c.compressionRatio)} = ${bps(m.ingressBytesPerSec)}`,
  replication: (c, m) => `W·(R − 1) = ${n(m.ingressBytesPerSec, 0)} B/s × (${c.replicationFactor} − 1) = ${bps(m.replicationBytesPerSec)}`,
  egress: (c, m) => `W·G = ${n(m.ingressBytesPerSec, 0)} B/s × ${c.consumerGroups} = ${bps(m.egressBytesPerSec)}`,
  'storage-logical': (c, m) => `W·T = ${n(m.ingressBytesPerSec, 0)} B/s × ${n(c.retentionHours)} h × 3,600 s/h = ${bytes(m.storageLogicalBytes)}`,
  storage: (c, m) => `W·T·R = ${n(m.ingressBytesPerSec, 0)} B/s × ${n(c.retentionHours * 3600, 0)} s × ${c.replicationFactor} = ${bytes(m.storageReplicatedBytes)}`,
  'broker-network-in': (c, m) => `W·R / B = ${n(m.ingressBytesPerSec, 0)} B/s × ${c.replicationFactor} / ${c.brokers} = ${bps(m.brokerNetworkInBytesPerSec)}`,
  'broker-network-out': (c, m) => `W·(G + R − 1) / B = ${n(m.ingressBytesPerSec, 0)} B/s × (${c.consumerGroups} + ${c.replicationFactor} − 1) / ${c.brokers} = ${bps(m.brokerNetworkOutBytesPerSec)}`,
  'broker-storage': (c, m) => `W·T·R / B = ${n(m.storageReplicatedBytes, 0)} B / ${c.brokers} = ${bytes(m.brokerStorageBytes)}`,
  'partition-ingress': (c, m) =>
    c.hotKeyShare === 0
      ? `W / P = ${n(m.peakIngressBytesPerSec, 0)} B/s / ${n(c.partitions)} = ${bps(m.brokerLoad.partitionIngressBytesPerSec)}`
      : `W·(h + (1 − h)/P) = ${n(m.peakIngressBytesPerSec, 0)} B/s × (${n(c.hotKeyShare, 4)} + (1 − ${n(c.hotKeyShare, 4)}) / ${n(c.partitions)}) = ${bps(m.brokerLoad.partitionIngressBytesPerSec)}`,
  'hot-partition-events': (c, m) =>
    `λ_hot = λ·(h + (1 − h)/P) = ${n(m.peakEventsPerSec)} × (${n(c.hotKeyShare, 4)} + (1 − ${n(c.hotKeyShare, 4)}) / ${n(c.partitions)}) = ${evs(m.hotPartitionEventsPerSec)}; ` +
    `λ_hot × L = ${n(m.hotPartitionEventsPerSec)} × ${n(c.processingMs / 1000, 6)} s = ${formatUtilization(m.hotPartitionUtilization)} of one consumer (it keeps up below 100 %)`,
  'broker-replicas': (c, m) => `⌈P·R / B⌉ = ⌈${n(c.partitions)} × ${c.replicationFactor} / ${c.brokers}⌉ = ${n(m.brokerLoad.partitionReplicasAllUp)}`,
  'broker-network-in-max': (c, m) => `the fullest broker holds ${n(m.brokerLoad.busiest.topicReplicas)} of ${n(c.partitions * Math.min(c.replicationFactor, c.brokers))} replicas${offsetsNote(m)}: ${n(m.brokerLoad.busiest.topicReplicas)} × ${n(m.peakIngressBytesPerSec, 0)} B/s / ${n(c.partitions)} = ${bps(m.brokerLoad.busiest.networkInBytesPerSec)}`,
  'broker-network-out-max': (c, m) => `E = ${bps(m.brokerLoad.groupReadBytesPerSec)}; the busiest broker leads ${n(m.brokerLoad.busiest.topicLeaders)} of ${n(c.partitions)} partitions${offsetsNote(m)}; max_b [leaders_b × E / P + fetches_b × W / P] = ${bps(m.brokerLoad.busiest.networkOutBytesPerSec)}`,
  'broker-disk-write-max': (c, m) => `${countOf(m.brokerLoad.busiest.topicReplicas, 'replica')} × ${n(m.peakIngressBytesPerSec, 0)} B/s / ${n(c.partitions)} = ${bps(m.brokerLoad.busiest.diskWriteBytesPerSec)}`,
  'broker-storage-max': (c, m) => `${countOf(m.brokerLoad.busiest.topicReplicas, 'replica')} × ${n(m.storageLogicalBytes, 0)} B / ${n(c.partitions)} = ${bytes(m.brokerLoad.busiest.storageBytes)}`,
  'failover-network-in-max': (_c, m) => `${failureText(m)}: ${bps(m.brokerLoad.failover.busiest.networkInBytesPerSec)}`,
  'failover-network-out-max': (_c, m) => `${failureText(m)}: a survivor leads up to ${n(m.brokerLoad.failover.busiest.topicLeaders)} partitions${offsetsNote(m)}; ${bps(m.brokerLoad.failover.busiest.networkOutBytesPerSec)}`,
  'failover-disk-io-max': (_c, m) => `${failureText(m)}: writes + reads (D = ${bps(m.brokerLoad.diskReadBytesPerSec)}) = ${bps(m.brokerLoad.failover.busiest.diskIoBytesPerSec)}`,
  'failover-storage-max': (_c, m) => `${failureText(m)}: ${bytes(m.brokerLoad.failover.busiest.storageOnDiskBytes)}`,
  'storage-on-disk-max': (c, m) => {
    const perPartition = m.ingressBytesPerSec / c.partitions;
    return `${countOf(m.brokerLoad.busiest.topicReplicas, 'replica')} × (${n(m.storageLogicalBytes / c.partitions, 0)} B + open segment ${n(openSegmentBytes(perPartition), 0)} B) × (1 + 20/4096) = ${bytes(m.brokerLoad.busiest.storageOnDiskBytes)}`;
  },
  'disk-reads': (c, m) => `${m.lagGrowthEventsPerSecPerGroup > 0 ? `${c.consumerGroups} lagging group${c.consumerGroups === 1 ? '' : 's'} at ${evs(c.eventsPerSec - m.lagGrowthEventsPerSecPerGroup)}` : 'no lagging group'}; ${c.replayGroups} replaying group${c.replayGroups === 1 ? '' : 's'} at a·μ = ${evs(m.activeConsumers * m.serviceRatePerConsumer)}; D = ${bps(m.brokerLoad.diskReadBytesPerSec)}`,
  'page-cache-window': (c, m) => `(${n(c.brokerMemoryGiB)} GiB − 6 GiB) / ${bps(m.brokerLoad.busiest.diskWriteBytesPerSec)} = ${secs(m.brokerLoad.pageCacheSeconds)}`,
  'poll-batch-time': (c, m) => `${n(c.maxPollRecords)} records × ${n(c.processingMs)} ms = ${secs(m.client.pollBatchSeconds)} (max.poll.interval.ms = ${n(c.maxPollIntervalMs)} ms)`,
  'rebalance-time': (c, m) => `${n(c.sessionTimeoutMs)} ms + min(${n(c.maxPollRecords)} × ${n(c.processingMs)} ms, ${n(c.maxPollIntervalMs)} ms) = ${secs(m.client.rebalanceCrashSeconds)}; after a clean leave ${secs(m.client.rebalanceLeaveSeconds)}`,
  'replay-time': (c, m) => {
    const backlog = c.eventsPerSec * c.retentionHours * 3600;
    const spare = m.groupCapacityEventsPerSec - c.eventsPerSec;
    return `λ·T / (group capacity − λ) = ${n(backlog, 0)} events / (${n(m.groupCapacityEventsPerSec)} − ${n(c.eventsPerSec)}) events/s = ${spare > 0 ? secs(m.replayCatchUpSeconds) : 'unbounded: the group never catches up'}`;
  },
  latency: (c, m) => {
    const lambdaB = m.busiestConsumerEventsPerSec;
    const mu = m.serviceRatePerConsumer;
    const head =
      c.hotKeyShare === 0
        ? `λ_b = λ·⌈P/a⌉/P = ${n(c.eventsPerSec)} × ${n(m.partitionsOfBusiestConsumer)} / ${n(c.partitions)} = ${evs(lambdaB)}; μ = ${evs(mu)}`
        : `λ_b = λ·(h + (1 − h)·⌈P/a⌉/P) = ${n(c.eventsPerSec)} × (${n(c.hotKeyShare, 4)} + (1 − ${n(c.hotKeyShare, 4)}) × ${n(m.partitionsOfBusiestConsumer)} / ${n(c.partitions)}) = ${evs(lambdaB)}; μ = ${evs(mu)}`;
    if (!m.latency.bounded) return `${head}; λ_b ≥ μ, so the queue grows without bound: unbounded`;
    const { batch, batchMatesAhead, regularityCredit, meanWaitSeconds } = m.latency;
    const rho = lambdaB / mu;
    const batches =
      `m = ⌊batch.size / s⌋ = ⌊${n(c.batchSizeBytes)} B / ${n(c.eventSizeBytes)} B⌋ = ${n(batch.maxEvents)}; ` +
      `λ/P × linger.ms = ${n(c.eventsPerSec / c.partitions)} events/s × ${n(c.lingerMs)} ms = ${n(batch.eventsInLinger, 4)} events; ` +
      `E[X] = ${n(batch.meanEvents, 4)}, E[X²]/E[X] − 1 = ${n(2 * batchMatesAhead, 4)}; d = ${secs(batch.meanLingerSeconds)}; ` +
      `t_p = produce latency floor = ${secs(c.produceLatencyFloorMs / 1000)}`;
    const wait = `ρ = λ_b/μ = ${n(rho, 4)}; Δ = ${n(regularityCredit, 4)}; Wq = [ρ/μ + (E[X²]/E[X] − 1)/(2μ) − Δ/μ] / (1 − ρ) = ${secs(meanWaitSeconds)}`;
    return `${head}; ${batches}; ${wait}; mean = t_p + d + Wq + 1/μ = ${secs(m.latency.meanSeconds)}; p50 = t_p + d + ln 2 × (Wq + 1/μ) = ${secs(m.latency.p50Seconds)}; p99 = t_p + d + ln 100 × (Wq + 1/μ) = ${secs(m.latency.p99Seconds)}`;
  },
  score: (_c, m) =>
    `min over the checks = ${n(m.health.binding.score01, 4)} (${m.health.binding.label.toLowerCase()}); floor(100 × ${n(m.health.binding.score01, 4)}) = ${m.health.score}`,
};

/** The formula with values substituted, or '' for a metric without an explainer. */
export function explainMetric(name: string, config: PlanConfig, metrics: Metrics): string {
  if (metrics.clusterTopics > 1 && PER_BROKER.has(name)) return clusterSum(name, config, metrics);
  return EXPLAINERS[name]?.(config, metrics) ?? '';
}

export const EXPLAINED_METRICS = Object.keys(EXPLAINERS);
