import { countOf, formatByteRate, formatBytes, formatDuration, formatMilliseconds, formatNumber, formatUtilization } from '../lib/format';
import { HOT_WINDOW_TARGET_SECONDS, PRACTICAL_MAX_PARTITIONS } from './assumptions';
import type { BrokerLoad } from './broker-limits';
import type { ClientLoad } from './client-checks';
import type { ConsumerLoad } from './consumer-load';
import type { LatencyEstimate } from './latency';
import type { PlanConfig } from './plan-config';

export type HealthFactorId =
  | 'cluster'
  | 'availability'
  | 'consumers'
  | 'hot-key'
  | 'poll-liveness'
  | 'partition-throughput'
  | 'broker-network'
  | 'broker-disk'
  | 'broker-storage'
  | 'broker-replicas'
  | 'latency-slo'
  | 'redundancy'
  | 'zone-balance'
  | 'idle-consumers'
  | 'page-cache';

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
  'score = floor(100 × min(cluster, availability, consumers, hot key, poll liveness, limits…, latency, redundancy, zones, idle)), so 100 means every check is fully met; ' +
  'cluster = 1 if R ≤ B else 0; ' +
  'availability = 1 if R − f ≥ min ISR (f: the most replicas of one partition the planned failure takes) else 0; ' +
  'consumers = clamp((1 − utilization) / (1 − target utilization), 0, 1); ' +
  'hot key = 1 if λ_hot × L ≤ 1 s (one consumer keeps up with the hot partition) else 0; ' +
  'poll liveness = 1 if max.poll.records × L ≤ max.poll.interval.ms else 0; ' +
  'each limit (partition throughput; the busiest broker\'s network, storage throughput and disk after the planned failure; replicas per broker) = 1 if the load is within it else 0; ' +
  'latency = 1 if p99 ≤ the target (or no target) else 0; ' +
  'redundancy = 1 if R ≥ 2 else 0.5; ' +
  'zones = 1 if B is a multiple of Z else 0.9; ' +
  'idle = 1 if no consumer is idle else 0.9; ' +
  'page cache: a finding only';

type Words = Pick<HealthFactor, 'finding' | 'advice'>;

/**
 * A check whose words are written when first read. A cluster scores every check of every topic
 * (50 topics: 700 findings a slider step) but shows the worst topic's of each and the selected
 * topic's; formatting the numbers of all the others was most of the health's time.
 */
function withWords(base: Omit<HealthFactor, 'finding' | 'advice'>, words: () => Words): HealthFactor {
  let written: Words | undefined;
  const read = () => (written ??= words());
  // Written out, not spread: a spread beside getters makes a slow object, 700 times a step.
  return {
    id: base.id,
    label: base.label,
    rule: base.rule,
    score01: base.score01,
    get finding() {
      return read().finding;
    },
    get advice() {
      return read().advice;
    },
  };
}

export function health(config: PlanConfig, load: ConsumerLoad, brokers: BrokerLoad, latency: LatencyEstimate, client: ClientLoad): Health {
  const factors = [
    clusterFactor(config),
    availabilityFactor(config, brokers),
    consumerFactor(config, load),
    hotKeyFactor(config, load),
    pollLivenessFactor(config, client),
    ...limitFactors(config, brokers),
    latencyFactor(config, latency),
    redundancyFactor(config),
    zoneBalanceFactor(config),
    idleFactor(config, load),
    pageCacheFactor(config, load, brokers),
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
      ? `${countOf(R, 'copy', 'copies')} fit${R === 1 ? 's' : ''} on ${countOf(B, 'broker')}.`
      : `Invalid cluster: replication factor ${R} needs at least ${R} brokers, but there are ${B}.`,
    advice: valid ? '' : `Add brokers (at least ${R}) or lower the replication factor to ${B} or less.`,
  };
}

function consumerFactor(config: PlanConfig, load: ConsumerLoad): HealthFactor {
  const u = load.utilization;
  const targetUtilization = config.targetUtilization;
  // A target of 1 leaves no band: the check is then simply "keeps up".
  const score01 = targetUtilization >= 1 ? (u <= 1 ? 1 : 0) : Math.min(1, Math.max(0, (1 - u) / (1 - targetUtilization)));
  const base = {
    id: 'consumers' as const,
    label: 'Consumer capacity',
    rule: `clamp((1 − utilization) / (1 − ${targetUtilization}), 0, 1)`,
    score01,
  };
  return withWords(base, () => {
    const target = formatUtilization(targetUtilization);
    if (u <= targetUtilization) return { finding: `Busiest consumer at ${formatUtilization(u)} of its capacity (target ≤ ${target}).`, advice: '' };
    const finding =
      u >= 1
        ? `Overloaded: ${formatNumber(load.activeConsumers, 0)} active consumer${load.activeConsumers === 1 ? '' : 's'} ` +
          `can process ${formatNumber(load.groupCapacityEventsPerSec)} events/s, but ${formatNumber(config.eventsPerSec)} arrive ` +
          `(${formatUtilization(u)}); lag grows by ${formatNumber(load.lagGrowthEventsPerSecPerGroup)} events/s in each group.`
        : `Busiest consumer at ${formatUtilization(u)} of its capacity, above the ${target} target: little headroom for peaks.`;
    return { finding: finding + hotOwnerNote(config, load), advice: consumerAdvice(config, load) };
  });
}

/** With a hot key, who the busiest consumer is: the owner of the hot partition. */
function hotOwnerNote(config: PlanConfig, load: ConsumerLoad): string {
  if (config.hotKeyShare === 0) return '';
  return ` The busiest consumer owns the hot partition: ${formatNumber(load.hotPartitionEventsPerSec)} of its ${formatNumber(load.busiestConsumerEventsPerSec)} events/s.`;
}

/** What to do when one key is more than consumers can spread: the same words for the consumers and the hot-key checks. */
function hotKeyAdvice(config: PlanConfig, load: ConsumerLoad, limit: number, what: string): string {
  const maxMs = (limit * 1000) / load.hotPartitionEventsPerSec;
  return (
    `No number of consumers or partitions fixes this: every event of a key goes to one partition, which one consumer of a group processes in order, and ` +
    `${formatUtilization(config.hotKeyShare)} of the events carry the hot key. Split the hot key (add a bucket suffix so it spreads over partitions, if its events need no order across buckets), ` +
    `fix the key (one tenant or a default value should not key a ${formatUtilization(config.hotKeyShare)} share), or process each event in ≤ ${formatMilliseconds(maxMs)} ${what}.`
  );
}

/**
 * The smallest layout of one partition a consumer that meets the target (with a hot key h its
 * owner takes h·λ + (1 − h)·λ/n, so n ≥ (1 − h)·λ / (target·μ − h·λ)), or the processing time that would.
 */
function consumerAdvice(config: PlanConfig, load: ConsumerLoad): string {
  const mu = load.serviceRatePerConsumer;
  const target = config.targetUtilization;
  const h = config.hotKeyShare;
  const lambda = config.eventsPerSec;
  const maxMsNow = (target * 1000) / load.busiestConsumerEventsPerSec;
  const processingHint = `or process each event in ≤ ${formatMilliseconds(maxMsNow)} with the current layout`;
  if (!(target * mu > h * lambda)) return hotKeyAdvice(config, load, target, `(the hot partition alone then stays under the ${formatUtilization(target)} target)`);
  const neededActive = Math.ceil(((1 - h) * lambda) / (target * mu - h * lambda));
  if (neededActive <= PRACTICAL_MAX_PARTITIONS) {
    return (
      `Run at least ${formatNumber(neededActive, 0)} consumers per group on at least ${formatNumber(neededActive, 0)} partitions ` +
      `(now ${formatNumber(load.activeConsumers, 0)} active of ${formatNumber(config.consumersPerGroup, 0)} on ${formatNumber(config.partitions, 0)}), ` +
      `${processingHint}.`
    );
  }
  const maxMsAtLimit = (target * 1000 * PRACTICAL_MAX_PARTITIONS) / (lambda * (1 + h * (PRACTICAL_MAX_PARTITIONS - 1)));
  return (
    `Processing time is the limit: at ${formatMilliseconds(config.processingMs)} per event it would take ` +
    `${formatNumber(neededActive, 0)} consumers and partitions, more than ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)}. ` +
    `Process each event in ≤ ${formatMilliseconds(maxMsAtLimit)} with ${formatNumber(PRACTICAL_MAX_PARTITIONS, 0)} partitions and consumers, ` +
    `${processingHint}.`
  );
}

/**
 * One consumer of a group owns the hot partition and processes its events one after another, so
 * it must keep up with λ_hot = λ·(h + (1 − h)/P) alone: λ_hot·L ≤ 1 s. Past that the group's lag
 * grows whatever its layout; below it the consumers check holds the owner, with its other
 * partitions, to the target.
 */
function hotKeyFactor(config: PlanConfig, load: ConsumerLoad): HealthFactor {
  const fits = load.hotPartitionUtilization <= 1;
  const base = { id: 'hot-key' as const, label: 'Hot key', rule: '1 if the hot partition alone is within one consumer (λ_hot × L ≤ 1 s), else 0', score01: fits ? 1 : 0 };
  return withWords(base, () => {
    const hot = `${formatNumber(load.hotPartitionEventsPerSec)} events/s`;
    if (config.hotKeyShare === 0) return { finding: `Even keys: every partition receives ${hot}, ${formatUtilization(load.hotPartitionUtilization)} of one consumer.`, advice: '' };
    const share = formatUtilization(config.hotKeyShare);
    if (fits) {
      return { finding: `The hot key (${share} of the events) sends ${hot} to partition 0: ${formatUtilization(load.hotPartitionUtilization)} of the one consumer that owns it, which keeps up.`, advice: '' };
    }
    return {
      finding:
        `One key is more than one consumer can process: partition 0 receives ${hot} (${share} of the events carry the hot key), ` +
        `but a consumer processes ${formatNumber(load.serviceRatePerConsumer)} events/s (${formatUtilization(load.hotPartitionUtilization)}). ` +
        `Its lag grows by at least ${formatNumber(load.hotPartitionEventsPerSec - load.serviceRatePerConsumer)} events/s in each group.`,
      advice: hotKeyAdvice(config, load, 1, 'to keep up with the hot partition'),
    };
  });
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
  return withWords({ id: 'idle-consumers', label: 'Idle consumers', rule: '1 if every consumer owns a partition, else 0.9', score01: idle === 0 ? 1 : 0.9 }, () =>
    idle === 0
      ? { finding: 'Every consumer owns at least one partition.', advice: '' }
      : {
          finding: `${formatNumber(idle, 0)} of ${formatNumber(config.consumersPerGroup, 0)} consumers per group own no partition and sit idle.`,
          advice: `Add partitions (at least ${formatNumber(config.consumersPerGroup, 0)}) or run ${countOf(config.partitions, 'consumer')}.`,
        },
  );
}

/** A load against a limit: 1 when within it, 0 when over. */
function limitFactor(id: HealthFactorId, label: string, what: string, load: number, limit: number, text: (x: number) => string, advice: string, counted: () => string): HealthFactor {
  const within = load <= limit;
  return withWords({ id, label, rule: `1 if ${what} ≤ the limit, else 0`, score01: within ? 1 : 0 }, () => ({
    finding: `${what[0]?.toUpperCase()}${what.slice(1)}: ${text(load)} of ${text(limit)}${counted()}${within ? '.' : ' — over the limit.'}`,
    advice: within ? '' : advice,
  }));
}

/** Each broker limit's load (the busiest broker the check looks at) beside its limit: one rule for the health and the broker search. */
export function brokerLimitLoads(b: Pick<BrokerLoad, 'busiest' | 'failover' | 'limits'>): Record<'network' | 'disk' | 'storage' | 'replicas', { load: number; limit: number }> {
  const f = b.failover;
  return {
    network: { load: Math.max(f.busiest.networkOutBytesPerSec, f.busiest.networkInBytesPerSec), limit: b.limits.networkBytesPerSec },
    disk: { load: f.busiest.diskIoBytesPerSec, limit: b.limits.diskBytesPerSec },
    storage: { load: b.busiest.storageOnDiskBytes, limit: b.limits.storageBytes },
    replicas: { load: b.busiest.replicas, limit: b.limits.partitionReplicas },
  };
}

function limitFactors(config: PlanConfig, b: BrokerLoad): HealthFactor[] {
  const f = b.failover;
  const loads = brokerLimitLoads(b);
  const where = () =>
    f.kind === 'none'
      ? 'the busiest broker, every broker up'
      : `the busiest broker after ${f.kind === 'broker' ? 'one broker' : 'one zone'} down (worst case ${f.worstCase}: ${formatNumber(f.brokersLeft, 0)} of ${formatNumber(config.brokers, 0)} left)`;
  const count = (x: number) => formatNumber(x, 0);
  const share = (limitMiB: number) => () => ` (${formatUtilization(config.brokerUtilization)} of ${formatNumber(limitMiB, 0)} MiB/s; ${where()})`;
  const none = () => '';
  const networkWhat = f.busiest.networkOutBytesPerSec >= f.busiest.networkInBytesPerSec ? 'network out of a broker' : 'network into a broker';
  const reads = b.diskReadBytesPerSec > 0 ? ' (writes plus reads of lagging or replaying groups)' : '';
  return [
    limitFactor('partition-throughput', 'Partition throughput', 'ingress per partition', b.partitionIngressBytesPerSec, b.limits.partitionBytesPerSec, formatByteRate, 'Add partitions so each takes less.', none),
    limitFactor('broker-network', 'Broker network', networkWhat, loads.network.load, loads.network.limit, formatByteRate, 'Add brokers, compress, or use a broker type with more baseline network.', share(config.brokerNetworkMiBPerSec)),
    limitFactor('broker-disk', 'Broker storage throughput', `disk reads + writes of a broker${reads}`, loads.disk.load, loads.disk.limit, formatByteRate, 'Add brokers, compress, provision more volume throughput, or keep groups from reading the log from disk.', share(config.brokerDiskMiBPerSec)),
    limitFactor('broker-storage', 'Broker storage', 'data on the fullest disk (retained log, open segments, indexes)', loads.storage.load, loads.storage.limit, formatBytes, 'Add brokers or disk, shorten retention, or compress.', () => ` (${formatUtilization(config.targetDiskFill)} of ${formatNumber(config.diskPerBrokerGiB, 0)} GiB)`),
    limitFactor('broker-replicas', 'Replicas per broker', 'partition replicas on the fullest broker', loads.replicas.load, loads.replicas.limit, count, 'Add brokers or use fewer partitions.', none),
  ];
}

function availabilityFactor(config: PlanConfig, b: BrokerLoad): HealthFactor {
  const R = config.replicationFactor;
  const minIsr = config.minInsyncReplicas;
  const f = b.failover;
  const base = { id: 'availability' as const, label: 'Writes survive the planned failure', rule: '1 if R − f ≥ min ISR, else 0 (f: most replicas of one partition the failure takes)' };
  if (f.kind === 'none') {
    return { ...base, score01: 1, finding: `No failure planned: with every broker up each partition has ${R} in-sync replicas of the ${minIsr} acks=all writes need.`, advice: '' };
  }
  const what = f.kind === 'broker' ? 'one broker' : 'one zone';
  const left = R - f.replicasLost;
  if (left >= minIsr && f.partitionsOffline === 0) {
    return { ...base, score01: 1, finding: `With ${what} down every partition keeps at least ${left} of ${R} replicas, ≥ min ISR ${minIsr}: acks=all writes go on.`, advice: '' };
  }
  return withWords({ ...base, score01: 0 }, () => {
    const stopped = f.partitionsOffline > 0 ? `${countOf(f.partitionsOffline, 'partition')} go${f.partitionsOffline === 1 ? 'es' : ''} offline (no replica left)` : `acks=all writes stop on ${formatNumber(f.partitionsBelowMinIsr, 0)} of ${formatNumber(config.partitions, 0)} partitions`;
    const need = f.kind === 'zone' ? 'zones' : 'brokers';
    return {
      finding: `With ${what} down a partition keeps ${Math.max(0, left)} of ${countOf(R, 'replica')}, below min ISR ${minIsr}: ${stopped} (producers with acks=all get NotEnoughReplicas).`,
      advice:
        `Use replication factor 3 with min ISR 2 on at least 3 ${need}` +
        (f.kind === 'zone' && config.zones < 3 ? ` (now ${config.zones} zone${config.zones === 1 ? '' : 's'}: a zone down takes every replica a partition keeps there)` : '') +
        `; or set min ISR to ${Math.max(1, left)}, which gives up durability: a write acknowledged by ${Math.max(1, left)} replica${left > 1 ? 's' : ''} is lost if ${left > 1 ? 'they fail' : 'it fails'} before the others catch up.`,
    };
  });
}

function pollLivenessFactor(config: PlanConfig, client: ClientLoad): HealthFactor {
  const within = client.pollBatchSeconds * 1000 <= config.maxPollIntervalMs;
  return withWords({ id: 'poll-liveness', label: 'max.poll.interval.ms', rule: '1 if max.poll.records × L ≤ max.poll.interval.ms, else 0', score01: within ? 1 : 0 }, () => {
    const batch = formatDuration(client.pollBatchSeconds);
    return {
      finding: within
        ? `A full poll (${formatNumber(config.maxPollRecords, 0)} records × ${formatMilliseconds(config.processingMs)}) takes ${batch}, within max.poll.interval.ms = ${formatDuration(config.maxPollIntervalMs / 1000)}.`
        : `Livelock: a full poll (${formatNumber(config.maxPollRecords, 0)} records × ${formatMilliseconds(config.processingMs)}) takes ${batch}, longer than max.poll.interval.ms = ${formatDuration(config.maxPollIntervalMs / 1000)}: the member is evicted, the group rebalances and the batch is redelivered — again and again.`,
      advice: within
        ? ''
        : `Set max.poll.records to at most ${formatNumber(Math.max(1, Math.floor(config.maxPollIntervalMs / config.processingMs)), 0)}, or process each event in ≤ ${formatMilliseconds(config.maxPollIntervalMs / config.maxPollRecords)}, or raise max.poll.interval.ms above ${formatDuration(client.pollBatchSeconds)}.`,
    };
  });
}

function zoneBalanceFactor(config: PlanConfig): HealthFactor {
  const Z = Math.min(config.zones, config.brokers);
  const even = config.brokers % Z === 0;
  const largest = Math.ceil(config.brokers / Z);
  return withWords({ id: 'zone-balance', label: 'Brokers over zones', rule: '1 if brokers are a multiple of zones, else 0.9', score01: even ? 1 : 0.9 }, () => ({
    finding: even
      ? `${countOf(config.brokers, 'broker')}, ${formatNumber(config.brokers / Z, 0)} in each of ${countOf(Z, 'zone')}.`
      : `${formatNumber(config.brokers, 0)} brokers do not split evenly over ${Z} zones: the largest zone has ${largest}, so losing it takes more than its share.`,
    advice: even ? '' : `Use ${formatNumber(Math.ceil(config.brokers / Z) * Z, 0)} brokers (a multiple of ${Z}), as AWS MSK requires.`,
  }));
}

/** Informational: what the page cache holds, and whether tail readers miss it. Never lowers the score. */
function pageCacheFactor(config: PlanConfig, load: ConsumerLoad, b: BrokerLoad): HealthFactor {
  const hotWindowSeconds = b.pageCacheSeconds;
  const tail = load.lagGrowthEventsPerSecPerGroup > 0 || config.replayGroups > 0;
  const short = hotWindowSeconds < HOT_WINDOW_TARGET_SECONDS;
  const base = { id: 'page-cache' as const, label: 'Page cache', rule: 'a finding only: hot window = (memory − 6 GiB heap) / the busiest broker\'s writes', score01: 1 };
  return withWords(base, () => {
    const windowText = Number.isFinite(hotWindowSeconds) ? formatDuration(hotWindowSeconds) : 'all';
    return {
      finding:
        `Each broker's page cache holds about the last ${windowText} of its writes. ` +
        (tail
          ? `Groups that lag or replay read further back, from disk: ${formatByteRate(b.diskReadBytesPerSec)} of reads count against storage throughput.`
          : short
            ? `A consumer that falls more than ${windowText} behind reads from disk (Netflix plans for about 10 minutes).`
            : 'Consumers that keep up read from memory.'),
      advice: '',
    };
  });
}

function latencyFactor(config: PlanConfig, latency: LatencyEstimate): HealthFactor {
  const base = { id: 'latency-slo' as const, label: 'Latency target', rule: '1 if p99 latency ≤ the target (or no target is set), else 0' };
  if (!(config.latencySloMs > 0)) return { ...base, score01: 1, finding: 'No latency target set.', advice: '' };
  const targetSeconds = config.latencySloMs / 1000;
  const within = latency.p99Seconds <= targetSeconds;
  return withWords({ ...base, score01: within ? 1 : 0 }, () => ({
    finding: `p99 latency ${formatDuration(latency.p99Seconds)} against a target of ${formatDuration(targetSeconds)}.`,
    advice: within ? '' : 'Spread the load over more partitions and consumers, or process each event faster.',
  }));
}
