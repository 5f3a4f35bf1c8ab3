import type { PlanConfig } from '../engine/plan-config';

/**
 * The input schema: every parameter a person sets, with its URL name, unit, range and
 * default. This table is the single source for the sliders, the URL codec and the docs
 * (docs/model.md "Inputs"). URL names are a public contract: never rename one.
 */
export interface ParamSpec {
  /** URL query name (public contract). */
  readonly name: string;
  readonly field: keyof PlanConfig;
  readonly label: string;
  readonly description: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
  /** Whole numbers only (counts, bytes). */
  readonly integer: boolean;
  /** Log sliders where the range spans decades. */
  readonly scale: 'log' | 'linear';
  /** 'plan': what the person plans; 'assumption': a constant of the model, editable. */
  readonly group: 'plan' | 'assumption';
  /** A 0/1 value shown as a checkbox. */
  readonly toggle?: boolean;
  /** A small whole-number value shown as a choice: the label of each value from min on. */
  readonly choices?: readonly string[];
  /** Where an assumption's default comes from. */
  readonly source?: string;
  /** 'topic': each topic of the cluster has its own value (link `t0.rate`, `t1.rate`, …); otherwise one for the cluster. */
  readonly scope?: 'topic';
  /**
   * A plan input the link carries only where it differs from its default, as it does the
   * assumptions: one added after links were shared, so every link without it (and the default
   * plan's own link) stays exactly as it was.
   */
  readonly writtenWhenChanged?: true;
}

const PLAN = 'plan' as const;
/** The broker the default limits describe (docs/model.md "Broker limits"). */
export const BROKER_TYPE = 'AWS MSK kafka.m5.2xlarge (8 vCPU, 32 GiB)';
const ASSUMPTION = 'assumption' as const;
const TOPIC = 'topic' as const;
/** Where the default prices come from (docs/model.md "Cost"). */
/** Where the default prices come from (docs/model.md "Cost"); an estimate, every price editable. */
const PRICE_SOURCE_TEXT = 'AWS MSK pricing, US East (N. Virginia), read as of 2026-12 (src/config/broker-types.ts): ';

export const PARAMS = [
  { name: 'rate', field: 'eventsPerSec', label: 'Event rate', description: 'Events produced per second, all producers together', unit: 'events/s', min: 1, max: 10_000_000, defaultValue: 1_000_000, integer: false, scale: 'log', group: PLAN, scope: TOPIC },
  { name: 'size', field: 'eventSizeBytes', label: 'Event size', description: 'Average size of one event', unit: 'bytes', min: 1, max: 1_048_576, defaultValue: 1024, integer: true, scale: 'log', group: PLAN, scope: TOPIC },
  { name: 'partitions', field: 'partitions', label: 'Partitions', description: 'Partitions of the topic', unit: 'partitions', min: 1, max: 10_000, defaultValue: 5, integer: true, scale: 'log', group: PLAN, scope: TOPIC },
  { name: 'latency', field: 'processingMs', label: 'Processing time', description: "A consumer's processing time per event", unit: 'ms', min: 0.001, max: 60_000, defaultValue: 100, integer: false, scale: 'log', group: PLAN, scope: TOPIC },
  { name: 'consumers', field: 'consumersPerGroup', label: 'Consumers per group', description: 'Consumers in each consumer group', unit: 'consumers', min: 1, max: 10_000, defaultValue: 10, integer: true, scale: 'log', group: PLAN, scope: TOPIC },
  { name: 'rf', field: 'replicationFactor', label: 'Replication factor', description: 'Copies of every partition (leader and followers)', unit: 'copies', min: 1, max: 7, defaultValue: 3, integer: true, scale: 'linear', group: PLAN, scope: TOPIC },
  { name: 'retention', field: 'retentionHours', label: 'Retention', description: 'How long events are kept', unit: 'hours', min: 1, max: 8760, defaultValue: 168, integer: false, scale: 'log', group: PLAN, scope: TOPIC },
  { name: 'groups', field: 'consumerGroups', label: 'Consumer groups', description: 'Consumer groups that each read the whole topic (fan-out)', unit: 'groups', min: 1, max: 100, defaultValue: 1, integer: true, scale: 'log', group: PLAN, scope: TOPIC },
  { name: 'brokers', field: 'brokers', label: 'Brokers', description: 'Brokers in the cluster', unit: 'brokers', min: 1, max: 1000, defaultValue: 3, integer: true, scale: 'log', group: PLAN },
  { name: 'minIsr', field: 'minInsyncReplicas', label: 'Min in-sync replicas', description: 'min.insync.replicas: in-sync copies an acks=all write needs', unit: 'replicas', min: 1, max: 7, defaultValue: 2, integer: true, scale: 'linear', group: PLAN, source: 'Kafka broker default 1; Confluent and AWS MSK advise 2 with replication factor 3. A link without it gets 2 when rf ≥ 3, else 1', scope: TOPIC },
  { name: 'zones', field: 'zones', label: 'Availability zones', description: 'Zones (racks) the brokers are spread over evenly', unit: 'zones', min: 1, max: 6, defaultValue: 3, integer: true, scale: 'linear', group: PLAN, source: 'AWS MSK: 2 or 3 zones, brokers a multiple of them. A link without it gets the largest of 3, 2, 1 that divides the brokers' },
  { name: 'growth', field: 'growthFactor', label: 'Growth to plan for', description: 'Size partitions and brokers for this many times today\'s rate', unit: '×', min: 1, max: 10, defaultValue: 1, integer: false, scale: 'linear', group: PLAN, source: 'Partitions cannot be reduced and adding them remaps keys: size them for the traffic you expect' },
  { name: 'replayGroups', field: 'replayGroups', label: 'Replaying groups', description: 'Consumer groups reading the retained log from the start (rebuilds), from disk', unit: 'groups', min: 0, max: 100, defaultValue: 0, integer: true, scale: 'linear', group: PLAN, scope: TOPIC },
  { name: 'peak', field: 'peakFactor', label: 'Peak traffic', description: 'The peak-hour rate as a multiple of the average rate; throughput is checked at peak, storage at the average', unit: '×', min: 1, max: 20, defaultValue: 1, integer: false, scale: 'linear', group: PLAN, scope: TOPIC, source: 'Size for the busiest hour, not the day\'s average (AWS MSK and Confluent sizing guidance); 1 = flat traffic' },
  { name: 'hotKeyShare', field: 'hotKeyShare', label: 'Hot-key share', description: "Share of the topic's events that carry one key and so all go to one partition, on top of its even share of the rest: that partition gets h + (1 − h)/P of the events; 0 = even keys", unit: 'ratio', min: 0, max: 1, defaultValue: 0, integer: false, scale: 'linear', group: PLAN, scope: TOPIC, writtenWhenChanged: true, source: "Kafka's default partitioner sends every event of one key to the same partition (murmur2 of the key mod P); a key with a large share of the traffic (one big tenant, a default key) makes that partition hot. 0 = even keys, what links made before this input mean" },
  { name: 'compression', field: 'compressionRatio', label: 'Compression ratio', description: 'How many times smaller batches get on the wire and on disk; 1 = no compression', unit: '×', min: 1, max: 20, defaultValue: 1, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Producer compression (lz4, zstd) typically gives 2–5× on JSON; 1 leaves the numbers as defined', scope: TOPIC },
  { name: 'overhead', field: 'recordOverheadBytes', label: 'Record overhead', description: 'Bytes of record and batch headers added to every event', unit: 'bytes', min: 0, max: 1024, defaultValue: 0, integer: true, scale: 'linear', group: ASSUMPTION, source: 'Kafka record format v2: about 18 B a record plus 61 B a batch; 0 leaves the numbers as defined' },
  { name: 'partitionMiBps', field: 'partitionLimitMiBPerSec', label: 'Partition throughput limit', description: 'Produce throughput one partition sustains', unit: 'MiB/s', min: 0.1, max: 1000, defaultValue: 10, integer: false, scale: 'log', group: ASSUMPTION, source: "Confluent, 'How to choose the number of topics/partitions': measure it; about 10 MB/s a partition is a common planning figure" },
  { name: 'brokerNetMiBps', field: 'brokerNetworkMiBPerSec', label: 'Broker network', description: 'Baseline network throughput of one broker, each direction', unit: 'MiB/s', min: 1, max: 100_000, defaultValue: 298, integer: false, scale: 'log', group: ASSUMPTION, source: `${BROKER_TYPE}: EC2 m5.2xlarge baseline 2.5 Gbit/s = 312,500,000 B/s ≈ 298 MiB/s (its 10 Gbit/s is a burst, not sustained; EC2 network bandwidth docs). Links of version 1 without it: 1,192 MiB/s` },
  { name: 'brokerDiskMiBps', field: 'brokerDiskMiBPerSec', label: 'Broker storage throughput', description: 'Volume throughput of one broker, reads and writes together', unit: 'MiB/s', min: 1, max: 100_000, defaultValue: 250, integer: false, scale: 'log', group: ASSUMPTION, source: `${BROKER_TYPE}: MSK's default EBS volume throughput 250 MiB/s, shared by reads and writes (VolumeReadBytes + VolumeWriteBytes; MSK developer guide). Links of version 1 without it: 1,000 MiB/s` },
  { name: 'brokerUtil', field: 'brokerUtilization', label: 'Broker utilization limit', description: 'Share of each broker limit (network, storage throughput) a plan may use', unit: 'ratio', min: 0.1, max: 1, defaultValue: 0.8, integer: false, scale: 'linear', group: ASSUMPTION, source: 'We keep 20 % of each limit free for bursts, rebalancing and recovery reads; Netflix\'s capacity model keeps 40 % of network free (a stricter 0.6)' },
  { name: 'memoryGiB', field: 'brokerMemoryGiB', label: 'Broker memory', description: 'Memory of one broker; what the JVM heap leaves holds the page cache', unit: 'GiB', min: 1, max: 4096, defaultValue: 32, integer: false, scale: 'log', group: ASSUMPTION, source: `${BROKER_TYPE}: 32 GiB (MSK broker instance types)` },
  { name: 'diskGiB', field: 'diskPerBrokerGiB', label: 'Disk per broker', description: 'Usable disk of one broker', unit: 'GiB', min: 1, max: 1_048_576, defaultValue: 16_384, integer: false, scale: 'log', group: ASSUMPTION, source: 'AWS MSK: 1 GiB to 16 TiB of EBS storage a broker' },
  { name: 'diskFill', field: 'targetDiskFill', label: 'Target disk fill', description: 'Share of the disk the retained log may fill', unit: 'ratio', min: 0.1, max: 1, defaultValue: 0.7, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Sizing guidance keeps disks 50–70 % full (AKalculator: at most 50 %)' },
  { name: 'replicaLimit', field: 'replicasPerBrokerLimit', label: 'Replicas per broker limit', description: 'Partition replicas one broker should host at most', unit: 'replicas', min: 100, max: 100_000, defaultValue: 2000, integer: true, scale: 'log', group: ASSUMPTION, source: `${BROKER_TYPE}: MSK recommends at most 2,000 partition replicas (leaders and followers) on an m5.2xlarge (4,000 from m5.4xlarge up). Links of version 1 without it: 4,000 (Confluent's figure)` },
  { name: 'targetUtil', field: 'targetUtilization', label: 'Target utilization', description: 'Utilization of the busiest consumer to stay under', unit: 'ratio', min: 0.1, max: 1, defaultValue: 0.7, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Queueing: at 70 % an M/M/1 queue already waits 2.3 service times on average' },
  { name: 'headroom', field: 'plannedFailure', label: 'Planned failure', description: 'The failure every check must survive: 0 none, 1 one broker down, 2 one zone down', unit: 'failure', min: 0, max: 2, defaultValue: 1, integer: true, scale: 'linear', group: ASSUMPTION, choices: ['none', 'one broker down', 'one zone down'], source: 'AWS MSK sizing adds headroom for one broker or one zone down; links made before zones existed mean 1 (one broker down) or 0' },
  { name: 'sloMs', field: 'latencySloMs', label: 'Latency target (p99)', description: 'End-to-end p99 latency to stay under; 0 = no target', unit: 'ms', min: 0, max: 60_000, defaultValue: 0, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Your service-level objective' },
  { name: 'linger', field: 'lingerMs', label: 'Producer linger', description: 'linger.ms: how long a producer batch waits to fill', unit: 'ms', min: 0, max: 10_000, defaultValue: 5, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Kafka producer default 5 ms since 4.0 (KIP-1030; 0 before)' },
  { name: 'produceMs', field: 'produceLatencyFloorMs', label: 'Produce latency floor', description: "Time from a producer's send to its acks=all acknowledgement, added to every end-to-end latency: the broker's append, replication and network round trip; 0 = left out", unit: 'ms', min: 0, max: 60_000, defaultValue: 0, integer: false, scale: 'linear', group: ASSUMPTION, source: "Your kafka-producer-perf-test's p50 latency (Calibrate, below); 0 leaves the broker's time out as links made before it did (about 2 ms median on a healthy cluster, Kreps 2014)" },
  { name: 'batchBytes', field: 'batchSizeBytes', label: 'Producer batch size', description: 'batch.size: a batch is sent when it holds this many bytes', unit: 'bytes', min: 1, max: 16_777_216, defaultValue: 16_384, integer: true, scale: 'log', group: ASSUMPTION, source: 'Kafka producer default 16,384 B' },
  { name: 'maxPollRecords', field: 'maxPollRecords', label: 'Records per poll', description: 'max.poll.records: events one poll returns at most', unit: 'records', min: 1, max: 100_000, defaultValue: 500, integer: true, scale: 'log', group: ASSUMPTION, source: 'Kafka consumer default 500' },
  { name: 'maxPollIntervalMs', field: 'maxPollIntervalMs', label: 'Max poll interval', description: 'max.poll.interval.ms: a member that does not poll again within it is evicted', unit: 'ms', min: 1000, max: 86_400_000, defaultValue: 300_000, integer: true, scale: 'log', group: ASSUMPTION, source: 'Kafka consumer default 300,000 ms (KIP-62)' },
  { name: 'sessionTimeoutMs', field: 'sessionTimeoutMs', label: 'Session timeout', description: 'session.timeout.ms: how long until a crashed member is noticed', unit: 'ms', min: 1000, max: 1_800_000, defaultValue: 45_000, integer: true, scale: 'log', group: ASSUMPTION, source: 'Kafka consumer default 45,000 ms since 3.0 (KIP-735; 10,000 before)' },
  { name: 'offsetsPartitions', field: 'offsetsTopicPartitions', label: 'Partitions of __consumer_offsets', description: "Partitions of Kafka's own offsets topic, placed on the same brokers; 0 = not counted", unit: 'partitions', min: 0, max: 1000, defaultValue: 50, integer: true, scale: 'linear', group: ASSUMPTION, source: 'Kafka broker default offsets.topic.num.partitions = 50. Links made before clusters: 0 (not counted)' },
  { name: 'offsetsRf', field: 'offsetsTopicReplicationFactor', label: 'Replication of __consumer_offsets', description: 'Replication factor of the offsets topic (at most the broker count is placed)', unit: 'copies', min: 1, max: 7, defaultValue: 3, integer: true, scale: 'linear', group: ASSUMPTION, source: 'Kafka broker default offsets.topic.replication.factor = 3' },
  { name: 'nearestReplica', field: 'fetchFromNearestReplica', label: 'Consumers fetch from the nearest replica', description: 'KIP-392: consumers read a replica in their own zone (client.rack, RackAwareReplicaSelector), so consumer traffic stays in the zone', unit: 'on/off', min: 0, max: 1, defaultValue: 0, integer: true, scale: 'linear', group: ASSUMPTION, toggle: true, source: 'KIP-392 (Kafka 2.4): off unless the brokers set replica.selector.class and the consumers client.rack' },
  { name: 'priceBrokerHour', field: 'brokerPricePerHour', label: 'Broker price', description: 'Price of one broker per hour (set by the broker type)', unit: 'USD/hour', min: 0, max: 1000, defaultValue: 0.84, integer: false, scale: 'linear', group: ASSUMPTION, source: `${PRICE_SOURCE_TEXT}kafka.m5.2xlarge` },
  { name: 'priceStorage', field: 'storagePricePerGiBMonth', label: 'Storage price', description: 'Price of provisioned broker storage per GiB-month', unit: 'USD/GiB-month', min: 0, max: 10, defaultValue: 0.1, integer: false, scale: 'linear', group: ASSUMPTION, source: `${PRICE_SOURCE_TEXT}broker storage` },
  { name: 'priceCrossZone', field: 'crossZonePricePerGiB', label: 'Cross-zone client traffic price', description: 'Price per GiB of producer and consumer traffic crossing zones (the sending and the receiving side together)', unit: 'USD/GiB', min: 0, max: 1, defaultValue: 0.02, integer: false, scale: 'linear', group: ASSUMPTION, source: 'AWS data transfer between zones of a region: 0.01 USD per GB out of one zone and 0.01 into the other (EC2 on-demand pricing, data transfer)' },
  { name: 'priceReplication', field: 'replicationPricePerGiB', label: 'Cross-zone replication price', description: 'Price per GiB of follower fetches crossing zones; 0 on AWS MSK, about 0.02 for Kafka you run on EC2', unit: 'USD/GiB', min: 0, max: 1, defaultValue: 0, integer: false, scale: 'linear', group: ASSUMPTION, source: 'AWS MSK pricing: no charge for data transfer used for replication between brokers' },
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];

/** The seed calculator's scenario: the first screen answers its question. */
export const DEFAULT_CONFIG: PlanConfig = Object.fromEntries(
  PARAMS.map((p) => [p.field, p.defaultValue]),
) as unknown as PlanConfig;

const SPEC_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((spec) => [spec.name, spec]));

/** One input's spec by its public name (a typo is a type error). */
export function paramSpec(name: ParamName): ParamSpec {
  return SPEC_BY_NAME.get(name) as ParamSpec;
}

export function isValidValue(spec: ParamSpec, value: number): boolean {
  return Number.isFinite(value) && value >= spec.min && value <= spec.max && (!spec.integer || Number.isInteger(value));
}

/**
 * Bring any number into the parameter's range: non-finite → default, fractional
 * counts → rounded, outside the range → the nearest bound.
 */
export function sanitizeValue(spec: ParamSpec, value: number): number {
  if (!Number.isFinite(value)) return spec.defaultValue;
  const whole = spec.integer ? Math.round(value) : value;
  return Math.min(spec.max, Math.max(spec.min, whole));
}
