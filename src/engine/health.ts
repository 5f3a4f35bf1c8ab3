import { formatByteRate, formatBytes, formatDuration, formatMilliseconds, formatNumber, formatUtilization } from '../lib/format';
import { PRACTICAL_MAX_PARTITIONS } from './assumptions';
import type { BrokerLoad } from './broker-limits';
import type { ConsumerLoad } from './consumer-load';
import type { LatencyEstimate } from './latency';
import type { PlanConfig } from './plan-config';

export type HealthFactorId =
  | 'cluster'
  | 'consumers'
  | 'partition-throughput'
  | 'broker-network'
  | 'broker-disk'
  | 'broker-storage'
  | 'broker-replicas'
  | 'latency-slo'
  | 'redundancy'
  | 'idle-consumers';

/** One check of the plan, scored 0 (broken) … 1 (fine). */
export interface HealthFactor {
  readonly id: HealthFactorId;
  readonly label: string;
  readonly rule: string;
  readonly score01: number;
  /** What this check found, in words and numbers. */
  readonly finding: string;
  /** What to change when the check is not fully met; empty when it is. */
  readonly advice: string;
}

export interface Health {
  /** 0–100: floor(100 × the lowest factor); 100 only when every check is met. */
  readonly score: number;
  /** The factor that sets the score (the first lowest, in the order of `factors`). */
  readonly binding: HealthFactor;
  readonly factors: readonly HealthFactor[];
}

export const HEALTH_FORMULA =
  'score = floor(100 × min(cluster, consumers, limits…, latency, redundancy, idle)), so 100 means every check is fully met; ' +
  'cluster = 1 if R ≤ B else 0; ' +
  'consumers = clamp((1 − utilization) / (1 − target utilization), 0, 1); ' +
  'each limit (partition throughput, broker network, disk write, storage, replicas per broker) = 1 if the load is within it else 0; ' +
  'latency = 1 if p99 ≤ the target (or no target) else 0; ' +
  'redundancy = 1 if R ≥ 2 else 0.5; ' +
  'idle = 1 if no consumer is idle else 0.9';

export function health(config: PlanConfig, load: ConsumerLoad, brokers: BrokerLoad, latency: LatencyEstimate): Health {
  const factors = [
    clusterFactor(config),
    consumerFactor(config, load),
    ...limitFactors(config, brokers),
    latencyFactor(config, latency),
    redundancyFactor(config),
    idleFactor(config, load),
  ];
  const binding = factors.reduce((lowest, factor) => (factor.score01 < lowest.score01 ? factor : lowest));
  // floor, not round: 100 only when every check is fully met (1e-9 absorbs float noise like 0.4999999999).
  return { score: Math.floor(100 * binding.score01 + 1e-9), binding, factors };
}

function clusterFactor({ replicationFactor: R, brokers: B }: PlanConfig): HealthFactor {
  const valid = R <= B;
  return {
    id: 'cluster',
    label: 'Cluster',
    rule: '1 if replication factor ≤ brokers, else 0',
    score01: valid ? 1 : 0,
    finding: valid
      ? `${R} copies fit on ${B} broker${B === 1 ? '' : 's'}.`
      : `Invalid cluster: replication factor ${R} needs at least ${R} brokers, but there are ${B}.`,
    advice: valid ? '' : `Add brokers (at least ${R}) or lower the replication factor to ${B} or less.`,
  };
}

function consumerFactor(config: PlanConfig, load: ConsumerLoad): HealthFactor {
  const u = load.utilization;
  const targetUtilization = config.targetUtilization;
  // A target of 1 leaves no band: the check is then simply "keeps up".
  const score01 = targetUtilization >= 1 ? (u <= 1 ? 1 : 0) : Math.min(1, Math.max(0, (1 - u) / (1 - targetUtilization)));
  const target = formatUtilization(targetUtilization);
  const base = {
    id: 'consumers' as const,
    label: 'Consumer capacity',
    rule: `clamp((1 − utilization) / (1 − ${targetUtilization}), 0, 1)`,
    score01,
  };
  if (u <= targetUtilization) {
    return { ...base, finding: `Busiest consumer at ${formatUtilization(u)} of its capacity (target ≤ ${target}).`, advice: '' };
  }
  const finding =
    u >= 1
      ? `Overloaded: ${formatNumber(load.activeConsumers, 0)} active consumer${load.activeConsumers === 1 ? '' : 's'} ` +
        `can process ${formatNumber(load.groupCapacityEventsPerSec)} events/s, but ${formatNumber(config.eventsPerSec)} arrive ` +
        `(${formatUtilization(u)}); lag grows by ${formatNumber(load.lagGrowthEventsPerSecPerGroup)} events/s in each group.`
      : `Busiest consumer at ${formatUtilization(u)} of its capacity, above the ${target} target: little headroom for peaks.`;
  return { ...base, finding, advice: consumerAdvice(config, load) };
}

/** The smallest even layout that meets the target, or the processing time that would. */
function consumerAdvice(config: PlanConfig, load: ConsumerLoad): string {
  const mu = load.serviceRatePerConsumer;
  const target = config.targetUtilization;
  const neededActive = Math.ceil(config.eventsPerSec / (target * mu));
  const maxMsNow = (target * 1000) / load.busiestConsumerEventsPerSec;
  const processingHint = `or process each event in ≤ ${formatMilliseconds(maxMsNow)} with the current layout`;
  if (neededActive <= PRACTICAL_MAX_PARTITIONS) {
    return (
      `Run at least ${formatNumber(neededActive, 0)} consumers per group on at least ${formatNumber(neededActive, 0)} partitions ` +
      `(now ${formatNumber(load.activeConsumers, 0)} active of ${formatNumber(config.consumersPerGroup, 0)} on ${formatNumber(config.partitions, 0)}), ` +
      `${processingHint}.`
    );
  }
  const maxMsAtLimit = (target * 1000 * PRACTICAL_MAX_PARTITIONS) / config.eventsPerSec;
  return (
    `Processing time is the limit: at ${formatMilliseconds(config.processingMs)} per event it would take ` +
    `${formatNumber(neededActive, 0)} consumers and partitions, more than ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)}. ` +
    `Process each event in ≤ ${formatMilliseconds(maxMsAtLimit)} with ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)} partitions and consumers, ` +
    `${processingHint}.`
  );
}

function redundancyFactor({ replicationFactor: R }: PlanConfig): HealthFactor {
  const redundant = R >= 2;
  return {
    id: 'redundancy',
    label: 'Redundancy',
    rule: '1 if replication factor ≥ 2, else 0.5',
    score01: redundant ? 1 : 0.5,
    finding: redundant ? `${R} copies of every partition.` : 'One copy of every partition: losing its broker loses data.',
    advice: redundant ? '' : 'Use a replication factor of 3 on at least 3 brokers.',
  };
}

function idleFactor(config: PlanConfig, load: ConsumerLoad): HealthFactor {
  const idle = load.idleConsumers;
  return {
    id: 'idle-consumers',
    label: 'Idle consumers',
    rule: '1 if every consumer owns a partition, else 0.9',
    score01: idle === 0 ? 1 : 0.9,
    finding:
      idle === 0
        ? 'Every consumer owns at least one partition.'
        : `${formatNumber(idle, 0)} of ${formatNumber(config.consumersPerGroup, 0)} consumers per group own no partition and sit idle.`,
    advice: idle === 0 ? '' : `Add partitions (at least ${formatNumber(config.consumersPerGroup, 0)}) or run ${formatNumber(config.partitions, 0)} consumers.`,
  };
}

/** A load against a limit: 1 when within it, 0 when over. */
function limitFactor(id: HealthFactorId, label: string, what: string, load: number, limit: number, text: (x: number) => string, advice: string, counted: string): HealthFactor {
  const within = load <= limit;
  return {
    id,
    label,
    rule: `1 if ${what} ≤ the limit, else 0`,
    score01: within ? 1 : 0,
    finding: `${what[0]?.toUpperCase()}${what.slice(1)}: ${text(load)} of ${text(limit)}${counted}${within ? '.' : ' — over the limit.'}`,
    advice: within ? '' : advice,
  };
}

function limitFactors(config: PlanConfig, b: BrokerLoad): HealthFactor[] {
  const counted = config.headroomOneBrokerDown >= 1 ? ` (spread over ${b.brokersCounted} brokers: one down)` : '';
  const count = (x: number) => formatNumber(x, 0);
  return [
    limitFactor('partition-throughput', 'Partition throughput', 'ingress per partition', b.partitionIngressBytesPerSec, b.limits.partitionBytesPerSec, formatByteRate, 'Add partitions so each takes less.', ''),
    limitFactor('broker-network', 'Broker network', 'network out per broker', Math.max(b.networkOutBytesPerSec, b.networkInBytesPerSec), b.limits.networkBytesPerSec, formatByteRate, 'Add brokers, compress, or use faster network.', counted),
    limitFactor('broker-disk', 'Broker disk write', 'disk writes per broker', b.diskWriteBytesPerSec, b.limits.diskBytesPerSec, formatByteRate, 'Add brokers or faster disks.', counted),
    limitFactor('broker-storage', 'Broker storage', 'storage per broker', b.storageBytes, b.limits.storageBytes, formatBytes, 'Add brokers or disk, shorten retention, or compress.', counted),
    limitFactor('broker-replicas', 'Replicas per broker', 'partition replicas per broker', b.partitionReplicas, b.limits.partitionReplicas, count, 'Add brokers or use fewer partitions.', counted),
  ];
}

function latencyFactor(config: PlanConfig, latency: LatencyEstimate): HealthFactor {
  const base = { id: 'latency-slo' as const, label: 'Latency target', rule: '1 if p99 latency ≤ the target (or no target is set), else 0' };
  if (!(config.latencySloMs > 0)) return { ...base, score01: 1, finding: 'No latency target set.', advice: '' };
  const targetSeconds = config.latencySloMs / 1000;
  const within = latency.p99Seconds <= targetSeconds;
  return {
    ...base,
    score01: within ? 1 : 0,
    finding: `p99 latency ${formatDuration(latency.p99Seconds)} against a target of ${formatDuration(targetSeconds)}.`,
    advice: within ? '' : 'Spread the load over more partitions and consumers, or process each event faster.',
  };
}
