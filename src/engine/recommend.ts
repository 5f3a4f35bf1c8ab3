import { formatMilliseconds, formatNumber } from '../lib/format';
import { PRACTICAL_MAX_PARTITIONS } from './assumptions';
import { GIB, MIB } from './broker-limits';
import { computeMetrics } from './compute-metrics';
import { consumerLoad } from './consumer-load';
import { latencyEstimate } from './latency';
import type { HealthFactorId } from './health';
import type { PlanConfig } from './plan-config';
import { traffic } from './traffic';

/** One recommended count and the limit that sets it. */
export interface Sized {
  readonly value: number;
  /** Which limit drives this number, in words. */
  readonly drivenBy: string;
  /** Every limit considered, with the count it alone would need. */
  readonly candidates: readonly { readonly limit: string; readonly value: number }[];
  /** Said beside the count: why it is not the smallest (kept, rounded), or '' . */
  readonly note?: string;
}

export interface Recommendation {
  /** False when no count can meet the targets: then `problems` says why and what would. */
  readonly feasible: boolean;
  /** The growth the counts are sized for (the plan's `growthFactor`). */
  readonly growthFactor: number;
  readonly partitions: Sized;
  readonly consumersPerGroup: Sized;
  readonly brokers: Sized;
  readonly replicationFactor: Sized;
  readonly minInsyncReplicas: Sized;
  readonly zones: Sized;
  /** Cheaper changes than more brokers, each with the broker count it would need. */
  readonly alternatives: readonly string[];
  readonly problems: readonly string[];
  /** The current config with the recommended counts: what "Apply" sets. */
  readonly config: PlanConfig;
}

/** The planner's input ranges (src/config/schema.ts), as the largest counts it will recommend. */
const MAX_CONSUMERS = 10_000;
const MAX_BROKERS = 1_000;
const BROKER_CHECKS: readonly HealthFactorId[] = ['broker-network', 'broker-disk', 'broker-storage', 'broker-replicas', 'cluster', 'zone-balance'];

/**
 * Counts that meet every check at the grown rate (λ × growth): partitions and consumers keep the
 * busiest consumer under the target utilization (and p99 under the target), each partition under
 * its throughput limit; brokers keep the busiest broker under its limits after the planned
 * failure; replication and min ISR keep writes going through it. With judgement:
 * - partitions are a multiple of the broker count, so leaders spread evenly, and never fewer than
 *   the topic has (Kafka cannot reduce them);
 * - brokers are a multiple of the zone count (MSK requires it);
 * - each count is the largest of what each limit alone needs, then checked against the model
 *   itself and stepped up where a limit is still broken.
 */
export function recommend(config: PlanConfig): Recommendation {
  const problems: string[] = [];
  const growth = config.growthFactor;
  const grown: PlanConfig = { ...config, eventsPerSec: Math.min(10_000_000, config.eventsPerSec * growth) };
  const lambda = grown.eventsPerSec;
  const mu = 1000 / config.processingMs;
  const target = config.targetUtilization;
  const W = traffic(grown).ingressBytesPerSec;
  const grownText = growth > 1 ? ` at ${formatNumber(growth, 2)}× today's rate` : '';

  // Per consumer: the most events/s one consumer may receive and still meet the targets.
  let perConsumerMax = target * mu;
  let perConsumerLimit = `utilization ≤ ${formatNumber(target * 100, 1)} % at ${formatMilliseconds(config.processingMs)} per event${grownText}`;
  if (config.latencySloMs > 0) {
    const sloMax = mu - Math.log(100) / (config.latencySloMs / 1000);
    if (!(sloMax > 0)) {
      problems.push(
        `A p99 latency of ${formatMilliseconds(config.latencySloMs)} needs each event processed in under ` +
          `${formatMilliseconds(config.latencySloMs / Math.log(100))} (p99 of one exponential service is ln 100 ≈ 4.6 times its mean); ` +
          `it takes ${formatMilliseconds(config.processingMs)}.`,
      );
    } else {
      // M/M/1's bound is where to start; the model's own p99 (with the producers' batching) decides.
      const modelMax = sloPerConsumerMax(grown, sloMax);
      if (modelMax === null) {
        problems.push(
          `A p99 latency of ${formatMilliseconds(config.latencySloMs)} is not reached with up to ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)} partitions: ` +
            `the producers' batching (linger.ms ${formatNumber(config.lingerMs, 3)} ms) and the processing alone take longer. Lower linger.ms or process each event faster.`,
        );
      } else if (modelMax < perConsumerMax) {
        perConsumerMax = modelMax;
        perConsumerLimit = `p99 latency ≤ ${formatMilliseconds(config.latencySloMs)}${grownText}`;
      }
    }
  }

  // A hot key: its share h·λ stays on one partition whatever the count, so the owner of partition 0
  // (one partition each) takes h·λ + (1 − h)·λ/n; no n helps when h·λ alone is over what one may take.
  const h = config.hotKeyShare;
  const partitionLimit = config.partitionLimitMiBPerSec * MIB;
  const hotConsumerFits = h * lambda < perConsumerMax;
  const hotPartitionFits = h * W < partitionLimit;
  if (!hotConsumerFits) {
    problems.push(
      `The hot key alone sends ${formatNumber(h * lambda)} events/s (${formatNumber(h * 100, 1)} % of ${formatNumber(lambda)}) to one partition, more than one consumer may take (${perConsumerLimit}): ` +
        'no number of partitions or consumers fixes it. Split or fix the key, or process each event faster.',
    );
  }
  if (!hotPartitionFits) {
    problems.push(`The hot key alone writes ${formatNumber((h * W) / MIB, 2)} MiB/s to one partition, above its ${formatNumber(config.partitionLimitMiBPerSec, 2)} MiB/s throughput limit: no number of partitions fixes it. Split or fix the key, or compress.`);
  }
  // The fewest partitions whose hottest stays within a per-partition limit x: (1 − h)·total / (x − h·total) (total / x with even keys).
  const partitionsWithin = (total: number, limit: number, fits: boolean) => Math.ceil(fits ? ((1 - h) * total) / (limit - h * total) : total / limit);
  const partitionCandidates = [
    { limit: perConsumerLimit, value: partitionsWithin(lambda, perConsumerMax, hotConsumerFits) },
    { limit: `partition throughput ≤ ${formatNumber(config.partitionLimitMiBPerSec, 2)} MiB/s${grownText}`, value: partitionsWithin(W, partitionLimit, hotPartitionFits) },
    { limit: 'at least one partition', value: 1 },
  ];
  const neededPartitions = sized(partitionCandidates);
  if (neededPartitions.value > PRACTICAL_MAX_PARTITIONS) {
    const neededMs = (target * 1000 * PRACTICAL_MAX_PARTITIONS) / lambda;
    problems.push(
      `It would take ${formatNumber(neededPartitions.value, 0)} partitions and consumers (${neededPartitions.drivenBy}), more than ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)}. ` +
        `Processing time is the limit: with ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)} partitions each event must take ≤ ${formatMilliseconds(neededMs)} (now ${formatMilliseconds(config.processingMs)}).`,
    );
  }

  // Availability: replication, min ISR and zones that keep acks=all writes going through the failure.
  const availability = availabilityFor(config);
  const R = availability.replicationFactor.value;
  const Z = availability.zones.value;
  const withAvailability: PlanConfig = { ...config, replicationFactor: R, minInsyncReplicas: availability.minInsyncReplicas.value, zones: Z };

  // Poll liveness: a full poll must end within max.poll.interval.ms.
  const poll = pollSettingsFor(config);

  const brokerNeed = brokersNeeded(withAvailability, grown, Math.min(neededPartitions.value, PRACTICAL_MAX_PARTITIONS), R, Z);
  let B = Math.min(MAX_BROKERS, roundUp(brokerNeed.value, Z));
  let P = partitionsFor(neededPartitions.value, B, config.partitions);
  // Partitions rounded up may need more brokers (replicas per broker): one more pass.
  const second = brokersNeeded(withAvailability, grown, P, R, Z);
  if (second.value > B) {
    B = Math.min(MAX_BROKERS, roundUp(second.value, Z));
    P = partitionsFor(neededPartitions.value, B, config.partitions);
  }
  const consumers = consumersFor(P, lambda, perConsumerMax, perConsumerLimit, h);
  // Whenever partitions change below, consumers follow: the fewest that keep each within its share.
  const consumersOf = (partitions: number) => Math.min(MAX_CONSUMERS, partitions, Math.max(1, consumersFor(partitions, lambda, perConsumerMax, perConsumerLimit, h).value));

  // Check against the model itself, at today's rate and at the grown rate, and step up where a limit is still broken.
  const start: PlanConfig = { ...withAvailability, ...poll, partitions: P, consumersPerGroup: Math.min(MAX_CONSUMERS, consumers.value), brokers: B };
  // A plan no count can fix (processing time, a latency target) is shown as sized, not refined: the model would only say no again.
  const applied = problems.length > 0 ? start : fewestBrokers(settle(start, growth, consumersOf), growth, neededPartitions.value, config.partitions, consumersOf);
  if (brokerNeed.value > MAX_BROKERS) problems.push(`It would take ${formatNumber(brokerNeed.value, 0)} brokers (${brokerNeed.drivenBy}), more than ${formatNumber(MAX_BROKERS, 0)}.`);
  const feasible = problems.length === 0 && healthy(applied) && healthy({ ...applied, eventsPerSec: lambda });

  const forNewTopic = partitionsFor(neededPartitions.value, applied.brokers, 1);
  const keptNote =
    applied.partitions === config.partitions && forNewTopic < config.partitions
      ? `keep ${formatNumber(config.partitions, 0)} — partitions cannot be reduced; ${formatNumber(forNewTopic, 0)} would do for a new topic`
      : applied.partitions > neededPartitions.value && applied.partitions !== config.partitions
        ? `${formatNumber(neededPartitions.value, 0)} needed, rounded up to a multiple of ${formatNumber(applied.brokers, 0)} brokers so leaders spread evenly`
        : '';
  return {
    feasible,
    growthFactor: growth,
    partitions: { ...neededPartitions, value: applied.partitions, note: keptNote },
    consumersPerGroup: { ...consumers, value: applied.consumersPerGroup },
    brokers: {
      ...brokerNeed,
      value: applied.brokers,
      note: applied.brokers > brokerNeed.value && Z > 1 ? `${formatNumber(brokerNeed.value, 0)} needed, rounded up to a multiple of ${Z} zones` : '',
    },
    replicationFactor: availability.replicationFactor,
    minInsyncReplicas: availability.minInsyncReplicas,
    zones: availability.zones,
    alternatives: feasible ? cheaperThanBrokers(applied, growth) : [],
    problems,
    config: applied,
  };
}

/**
 * The most events/s one consumer (one partition each) may take with the model's p99 within the
 * target: from M/M/1's bound up, partitions grow by a tenth until the model (which adds the
 * producers' linger and batches) meets it; null when 10,000 partitions do not.
 */
function sloPerConsumerMax(grown: PlanConfig, mm1Max: number): number | null {
  const lambda = grown.eventsPerSec;
  const target = grown.latencySloMs / 1000;
  for (let P = Math.max(1, Math.ceil(lambda / mm1Max)); ; P = Math.max(P + 1, Math.ceil(P * 1.1))) {
    const partitions = Math.min(P, PRACTICAL_MAX_PARTITIONS);
    const layout = { ...grown, partitions, consumersPerGroup: partitions };
    if (latencyEstimate(consumerLoad(layout), layout).p99Seconds <= target) return lambda / partitions;
    if (partitions >= PRACTICAL_MAX_PARTITIONS) return null;
  }
}

function sized(candidates: { limit: string; value: number }[]): Sized {
  const top = candidates.reduce((best, c) => (c.value > best.value ? c : best));
  return { value: Math.max(1, top.value), drivenBy: top.limit, candidates };
}

function roundUp(value: number, step: number): number {
  return Math.ceil(Math.max(1, value) / step) * step;
}

/** At least what the limits need, rounded up to a multiple of the brokers, never below what the topic has. */
function partitionsFor(needed: number, brokers: number, current: number): number {
  const capped = Math.min(needed, PRACTICAL_MAX_PARTITIONS);
  const rounded = capped >= brokers ? roundUp(capped, brokers) : capped;
  return Math.max(current, rounded <= PRACTICAL_MAX_PARTITIONS ? rounded : capped);
}

function consumersFor(P: number, lambda: number, perConsumerMax: number, perConsumerLimit: string, hotKeyShare: number): Sized {
  // The fewest whose busiest member (⌈P/C⌉ partitions, the hot one among them) stays within
  // perConsumerMax: h·λ + (1 − h)·λ·k/P ≤ perConsumerMax.
  const fit = Math.floor((P * (perConsumerMax - hotKeyShare * lambda)) / ((1 - hotKeyShare) * lambda));
  const maxPartitionsEach = Math.max(1, Number.isFinite(fit) ? fit : P);
  return sized([
    { limit: `each consumer ≤ ${formatNumber(maxPartitionsEach, 0)} partition${maxPartitionsEach === 1 ? '' : 's'} (${perConsumerLimit})`, value: Math.ceil(P / maxPartitionsEach) },
  ]);
}

/** Replication factor, min ISR and zones with which acks=all writes survive the planned failure. */
function availabilityFor(config: PlanConfig): { replicationFactor: Sized; minInsyncReplicas: Sized; zones: Sized } {
  const zoneFailure = config.plannedFailure >= 2;
  const failureUnits = config.plannedFailure >= 1 ? 1 : 0;
  // A zone failure takes one replica of each partition only when every replica has a zone of its own.
  const zones = zoneFailure && config.zones < 3
    ? { value: 3, drivenBy: `one zone down: with ${config.zones} zone${config.zones === 1 ? '' : 's'} a zone holds 2 or more replicas of a partition`, candidates: [{ limit: 'one zone down', value: 3 }] }
    : { value: config.zones, drivenBy: 'your choice (kept)', candidates: [] };
  let R = config.replicationFactor;
  let rDriven = 'your choice (kept)';
  if (R < 2) {
    R = 3;
    rDriven = 'redundancy: one copy loses data when its broker fails';
  }
  let minIsr = Math.min(config.minInsyncReplicas, R);
  let minDriven = 'your choice (kept)';
  if (R - failureUnits < minIsr) {
    if (R < 3) {
      R = 3;
      rDriven = `writes survive ${zoneFailure ? 'one zone' : 'one broker'} down with min ISR ${minIsr}`;
    }
    if (R - failureUnits < minIsr) {
      minIsr = Math.max(1, R - failureUnits);
      minDriven = `writes survive ${zoneFailure ? 'one zone' : 'one broker'} down with replication factor ${R}`;
    }
  }
  return {
    replicationFactor: { value: R, drivenBy: rDriven, candidates: [] },
    minInsyncReplicas: { value: minIsr, drivenBy: minDriven, candidates: [] },
    zones,
  };
}

function pollSettingsFor(config: PlanConfig): Partial<PlanConfig> {
  if (config.maxPollRecords * config.processingMs <= config.maxPollIntervalMs) return {};
  // Half the interval for one poll leaves room for slow events; at least one record.
  const records = Math.floor((config.maxPollIntervalMs / 2) / config.processingMs);
  if (records >= 1) return { maxPollRecords: records };
  return { maxPollRecords: 1, maxPollIntervalMs: Math.min(86_400_000, Math.ceil(2 * config.processingMs)) };
}

/** The brokers each limit alone needs after the planned failure, from the cluster-wide loads (a lower bound the model then checks). */
function brokersNeeded(config: PlanConfig, grown: PlanConfig, P: number, R: number, Z: number): Sized {
  const m = computeMetrics({ ...grown, partitions: P, consumersPerGroup: Math.min(P, grown.consumersPerGroup), replicationFactor: R });
  const W = m.ingressBytesPerSec;
  const networkOut = m.brokerLoad.groupReadBytesPerSec + W * (R - 1);
  const diskIo = W * R + m.brokerLoad.diskReadBytesPerSec;
  const network = config.brokerNetworkMiBPerSec * MIB * config.brokerUtilization;
  const disk = config.brokerDiskMiBPerSec * MIB * config.brokerUtilization;
  const storage = config.diskPerBrokerGiB * GIB * config.targetDiskFill;
  // Survivors must carry it all: B·(Z − 1)/Z brokers after a zone, B − 1 after a broker.
  const zoneFailure = config.plannedFailure >= 2;
  const withFailure = (brokersForLoad: number) =>
    config.plannedFailure >= 1 ? (zoneFailure ? Math.ceil((brokersForLoad * Z) / Math.max(1, Z - 1)) : brokersForLoad + 1) : brokersForLoad;
  const failureText = config.plannedFailure >= 2 ? ' after one zone down' : config.plannedFailure >= 1 ? ' after one broker down' : '';
  return sized([
    { limit: `replication factor ${R}`, value: R },
    { limit: `${Z} zones`, value: Z },
    { limit: `network ≤ ${formatNumber(config.brokerNetworkMiBPerSec * config.brokerUtilization, 0)} MiB/s a broker${failureText}`, value: withFailure(Math.ceil(Math.max(W * R, networkOut) / network)) },
    { limit: `storage throughput ≤ ${formatNumber(config.brokerDiskMiBPerSec * config.brokerUtilization, 0)} MiB/s a broker${failureText}`, value: withFailure(Math.ceil(diskIo / disk)) },
    { limit: `storage ≤ ${formatNumber(config.diskPerBrokerGiB * config.targetDiskFill, 0)} GiB a broker (${formatNumber(config.targetDiskFill * 100, 0)} % of ${formatNumber(config.diskPerBrokerGiB, 0)} GiB)`, value: Math.ceil(m.storageReplicatedBytes / storage) },
    { limit: `replicas ≤ ${formatNumber(config.replicasPerBrokerLimit, 0)} a broker`, value: Math.ceil((P * R) / config.replicasPerBrokerLimit) },
  ]);
}

const healthy = (c: PlanConfig) => computeMetrics(c).health.score === 100;

/** Step up where the model still finds a limit broken — at today's rate and at the grown one. */
function settle(config: PlanConfig, growth: number, consumersOf: (partitions: number) => number): PlanConfig {
  let c = config;
  for (let i = 0; i < 12; i += 1) {
    const before = c;
    const grown = { ...c, eventsPerSec: Math.min(10_000_000, c.eventsPerSec * growth) };
    const failing = new Set([...failingChecks(c), ...failingChecks(grown)]);
    if (failing.size === 0) return c;
    const Z = Math.min(c.zones, c.brokers);
    if ((failing.has('consumers') || failing.has('latency-slo')) && c.consumersPerGroup < c.partitions) c = { ...c, consumersPerGroup: c.consumersPerGroup + 1 };
    else if ((failing.has('consumers') || failing.has('latency-slo') || failing.has('partition-throughput')) && c.partitions < PRACTICAL_MAX_PARTITIONS) {
      const P = Math.min(PRACTICAL_MAX_PARTITIONS, c.partitions + (c.partitions >= c.brokers ? c.brokers : 1));
      c = { ...c, partitions: P, consumersPerGroup: Math.max(consumersOf(P), Math.min(P, c.consumersPerGroup)) };
    }
    if (BROKER_CHECKS.some((id) => failing.has(id)) && c.brokers + Z <= MAX_BROKERS) {
      const B = roundUp(c.brokers + 1, Z);
      const P = partitionsFor(c.partitions, B, c.partitions);
      c = { ...c, brokers: B, partitions: P, consumersPerGroup: P === c.partitions ? c.consumersPerGroup : Math.max(consumersOf(P), Math.min(P, c.consumersPerGroup)) };
    }
    if (c === before) return c; // nothing left to step: the caller finds it unhealthy
  }
  return c;
}

/** And where the estimate overshot: step brokers down by a zone while the plan stays healthy at both rates. */
function fewestBrokers(config: PlanConfig, growth: number, neededPartitions: number, currentPartitions: number, consumersOf: (partitions: number) => number): PlanConfig {
  let c = config;
  const Z = Math.min(c.zones, c.brokers);
  const ok = (x: PlanConfig) => healthy(x) && healthy({ ...x, eventsPerSec: Math.min(10_000_000, x.eventsPerSec * growth) });
  if (!ok(c)) return c;
  while (c.brokers - Z >= Math.max(1, c.replicationFactor, Z)) {
    const B = c.brokers - Z;
    const P = Math.max(partitionsFor(neededPartitions, B, currentPartitions), Math.min(c.partitions, partitionsFor(c.partitions, B, currentPartitions)));
    const fewer = { ...c, brokers: B, partitions: P, consumersPerGroup: P === c.partitions ? c.consumersPerGroup : consumersOf(P) };
    if (!ok(fewer)) break;
    c = fewer;
  }
  return c;
}

function failingChecks(c: PlanConfig): HealthFactorId[] {
  return computeMetrics(c)
    .health.factors.filter((f) => f.score01 < 1)
    .map((f) => f.id);
}

/**
 * Changes that cost less than brokers, each with the broker count it would need: compression
 * (producers' lz4 or zstd on text data, 3× a typical figure), shorter retention when storage sets
 * the count, and provisioned volume throughput when the disk does.
 */
function cheaperThanBrokers(applied: PlanConfig, growth: number): string[] {
  const out: string[] = [];
  // The fewest brokers (a multiple of the zones) with which the variant passes at both rates.
  // Brokers only add capacity, so passing is monotone in the count: a binary search over multiples.
  const fewest = (variant: PlanConfig) => {
    const Z = Math.min(variant.zones, variant.brokers);
    const ok = (units: number) => {
      const c = { ...variant, brokers: units * Z };
      return healthy(c) && healthy({ ...c, eventsPerSec: Math.min(10_000_000, c.eventsPerSec * growth) });
    };
    let lo = Math.ceil(Math.max(variant.replicationFactor, Z) / Z);
    let hi = Math.floor(variant.brokers / Z);
    if (lo >= hi || !ok(hi)) return variant.brokers;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo * Z;
  };
  const B = applied.brokers;
  if (applied.compressionRatio < 3) {
    const n = fewest({ ...applied, compressionRatio: 3 });
    if (n < B) out.push(`Compress (lz4 or zstd, about 3× on text): ${formatNumber(n, 0)} brokers instead of ${formatNumber(B, 0)}.`);
  }
  if (applied.retentionHours > 24) {
    const shorter = Math.max(24, applied.retentionHours / 2);
    const n = fewest({ ...applied, retentionHours: shorter });
    if (n < B) out.push(`Keep ${formatNumber(shorter, 0)} h instead of ${formatNumber(applied.retentionHours, 0)} h: ${formatNumber(n, 0)} brokers.`);
  }
  if (applied.brokerDiskMiBPerSec < 1000) {
    const n = fewest({ ...applied, brokerDiskMiBPerSec: 1000 });
    if (n < B) out.push(`Provision 1,000 MiB/s of volume throughput (MSK, kafka.m5.12xlarge and up): ${formatNumber(n, 0)} brokers.`);
  }
  return out;
}
