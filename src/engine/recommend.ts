import { formatMilliseconds, formatNumber } from '../lib/format';
import { PRACTICAL_MAX_PARTITIONS } from './assumptions';
import { brokerLoad, GIB, MIB } from './broker-limits';
import { computeMetrics } from './compute-metrics';
import type { PlanConfig } from './plan-config';
import { traffic } from './traffic';

/** One recommended count and the limit that sets it. */
export interface Sized {
  readonly value: number;
  /** Which limit drives this number, in words. */
  readonly drivenBy: string;
  /** Every limit considered, with the count it alone would need. */
  readonly candidates: readonly { readonly limit: string; readonly value: number }[];
}

export interface Recommendation {
  /** False when no count can meet the targets: then `problems` says why and what would. */
  readonly feasible: boolean;
  readonly partitions: Sized;
  readonly consumersPerGroup: Sized;
  readonly brokers: Sized;
  readonly replicationFactor: Sized;
  readonly problems: readonly string[];
  /** The current config with the recommended counts: what "Apply" sets. */
  readonly config: PlanConfig;
}

/** The planner's input ranges (src/config/schema.ts), as the largest counts it will recommend. */
const MAX_CONSUMERS = 10_000;
const MAX_BROKERS = 1_000;

/**
 * The smallest partitions, consumers per group and brokers that keep the busiest consumer
 * under the target utilization, every broker under its network, disk, storage and replica
 * limits (with one broker down when that headroom is on), each partition under its
 * throughput limit, and the p99 latency under the target where one is set. Each count is
 * the largest of what each limit alone needs; then checked against the model itself, so that
 * one fewer would break a limit.
 */
export function recommend(config: PlanConfig): Recommendation {
  const problems: string[] = [];
  const lambda = config.eventsPerSec;
  const mu = 1000 / config.processingMs;
  const target = config.targetUtilization;
  const W = traffic(config).ingressBytesPerSec;

  // Per consumer: the most events/s one consumer may receive and still meet the targets.
  let perConsumerMax = target * mu;
  let perConsumerLimit = `utilization ≤ ${formatNumber(target * 100, 1)} % at ${formatMilliseconds(config.processingMs)} per event`;
  if (config.latencySloMs > 0) {
    const sloMax = mu - Math.log(100) / (config.latencySloMs / 1000);
    if (!(sloMax > 0)) {
      problems.push(
        `A p99 latency of ${formatMilliseconds(config.latencySloMs)} needs each event processed in under ` +
          `${formatMilliseconds(config.latencySloMs / Math.log(100))} (p99 of one exponential service is ln 100 ≈ 4.6 times its mean); ` +
          `it takes ${formatMilliseconds(config.processingMs)}.`,
      );
    } else if (sloMax < perConsumerMax) {
      perConsumerMax = sloMax;
      perConsumerLimit = `p99 latency ≤ ${formatMilliseconds(config.latencySloMs)}`;
    }
  }

  const partitionCandidates = [
    { limit: perConsumerLimit, value: Math.ceil(lambda / perConsumerMax) },
    { limit: `partition throughput ≤ ${formatNumber(config.partitionLimitMiBPerSec, 2)} MiB/s`, value: Math.ceil(W / (config.partitionLimitMiBPerSec * MIB)) },
    { limit: 'at least one partition', value: 1 },
  ];
  const partitions = sized(partitionCandidates);
  if (partitions.value > PRACTICAL_MAX_PARTITIONS) {
    const neededMs = (target * 1000 * PRACTICAL_MAX_PARTITIONS) / lambda;
    problems.push(
      `It would take ${formatNumber(partitions.value, 0)} partitions and consumers (${partitions.drivenBy}), more than ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)}. ` +
        `Processing time is the limit: with ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)} partitions each event must take ≤ ${formatMilliseconds(neededMs)} (now ${formatMilliseconds(config.processingMs)}).`,
    );
  }
  const P = Math.min(partitions.value, PRACTICAL_MAX_PARTITIONS);

  // Consumers: the fewest whose busiest member (⌈P/C⌉ partitions) stays within perConsumerMax.
  const maxPartitionsEach = Math.max(1, Math.floor((P * perConsumerMax) / lambda));
  const consumers = sized([
    { limit: `each consumer ≤ ${formatNumber(maxPartitionsEach, 0)} partition${maxPartitionsEach === 1 ? '' : 's'} (${perConsumerLimit})`, value: Math.ceil(P / maxPartitionsEach) },
  ]);

  const replicationFactor: Sized =
    config.replicationFactor >= 2
      ? { value: config.replicationFactor, drivenBy: 'your choice (kept)', candidates: [] }
      : { value: 3, drivenBy: 'redundancy: one copy loses data when its broker fails', candidates: [{ limit: 'redundancy', value: 3 }] };
  const R = replicationFactor.value;
  const headroom = config.headroomOneBrokerDown >= 1 ? 1 : 0;
  const load = brokerLoad({ ...config, partitions: P, replicationFactor: R, brokers: 1, headroomOneBrokerDown: 0 }, traffic(config));
  const storage = traffic({ ...config, replicationFactor: R }).storageReplicatedBytes;
  const plusHeadroom = headroom ? ' + 1 for one broker down' : '';
  const brokers = sized([
    { limit: `replication factor ${R}`, value: R },
    { limit: `network in ≤ ${formatNumber(config.brokerNetworkMiBPerSec, 0)} MiB/s${plusHeadroom}`, value: Math.ceil(load.networkInBytesPerSec / load.limits.networkBytesPerSec) + headroom },
    { limit: `network out ≤ ${formatNumber(config.brokerNetworkMiBPerSec, 0)} MiB/s${plusHeadroom}`, value: Math.ceil(load.networkOutBytesPerSec / load.limits.networkBytesPerSec) + headroom },
    { limit: `disk writes ≤ ${formatNumber(config.brokerDiskMiBPerSec, 0)} MiB/s${plusHeadroom}`, value: Math.ceil(load.diskWriteBytesPerSec / load.limits.diskBytesPerSec) + headroom },
    { limit: `storage ≤ ${formatNumber(config.diskPerBrokerGiB * config.targetDiskFill, 0)} GiB (${formatNumber(config.targetDiskFill * 100, 0)} % of ${formatNumber(config.diskPerBrokerGiB, 0)} GiB)${plusHeadroom}`, value: Math.ceil(storage / (config.diskPerBrokerGiB * GIB * config.targetDiskFill)) + headroom },
    { limit: `replicas ≤ ${formatNumber(config.replicasPerBrokerLimit, 0)} per broker${plusHeadroom}`, value: Math.ceil((P * R) / config.replicasPerBrokerLimit) + headroom },
  ]);

  // Check against the model itself and step up where rounding left a limit just broken.
  let applied: PlanConfig = { ...config, partitions: P, consumersPerGroup: Math.min(MAX_CONSUMERS, consumers.value), brokers: Math.min(MAX_BROKERS, brokers.value), replicationFactor: R };
  applied = shrink(settle(applied));
  if (brokers.value > MAX_BROKERS) problems.push(`It would take ${formatNumber(brokers.value, 0)} brokers (${brokers.drivenBy}), more than ${formatNumber(MAX_BROKERS, 0)}.`);
  const feasible = problems.length === 0 && computeMetrics(applied).health.score === 100;
  return {
    feasible,
    partitions: { ...partitions, value: applied.partitions },
    consumersPerGroup: { ...consumers, value: applied.consumersPerGroup },
    brokers: { ...brokers, value: applied.brokers },
    replicationFactor,
    problems,
    config: applied,
  };
}

function sized(candidates: { limit: string; value: number }[]): Sized {
  const top = candidates.reduce((best, c) => (c.value > best.value ? c : best));
  return { value: Math.max(1, top.value), drivenBy: top.limit, candidates };
}

/** Floating-point rounding can leave a limit broken by a hair: add one where the model says so. */
function settle(config: PlanConfig): PlanConfig {
  let c = config;
  for (let i = 0; i < 4; i += 1) {
    const failing = new Set(computeMetrics(c).health.factors.filter((f) => f.score01 < 1).map((f) => f.id));
    if (failing.size === 0) return c;
    if ((failing.has('consumers') || failing.has('latency-slo')) && c.consumersPerGroup < c.partitions) c = { ...c, consumersPerGroup: c.consumersPerGroup + 1 };
    else if ((failing.has('consumers') || failing.has('latency-slo') || failing.has('partition-throughput')) && c.partitions < PRACTICAL_MAX_PARTITIONS) c = { ...c, partitions: c.partitions + 1, consumersPerGroup: c.consumersPerGroup + (c.consumersPerGroup === c.partitions ? 1 : 0) };
    if (['broker-network', 'broker-disk', 'broker-storage', 'broker-replicas', 'cluster'].some((id) => failing.has(id as never)) && c.brokers < MAX_BROKERS) c = { ...c, brokers: c.brokers + 1 };
  }
  return c;
}

/** And where rounding overshot by one (ceil of 100.0000001), step back while the plan stays healthy. */
function shrink(config: PlanConfig): PlanConfig {
  const healthy = (c: PlanConfig) => computeMetrics(c).health.score === 100;
  let c = config;
  if (!healthy(c)) return c;
  for (let i = 0; i < 3; i += 1) {
    const fewer = [
      c.partitions > 1 ? { ...c, partitions: c.partitions - 1, consumersPerGroup: Math.min(c.consumersPerGroup, c.partitions - 1) } : null,
      c.consumersPerGroup > 1 ? { ...c, consumersPerGroup: c.consumersPerGroup - 1 } : null,
      c.brokers > 1 ? { ...c, brokers: c.brokers - 1 } : null,
    ].find((candidate) => candidate !== null && healthy(candidate));
    if (!fewer) return c;
    c = fewer;
  }
  return c;
}
