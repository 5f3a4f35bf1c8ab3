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
  /** Where an assumption's default comes from. */
  readonly source?: string;
}

const PLAN = 'plan' as const;
const ASSUMPTION = 'assumption' as const;

export const PARAMS = [
  { name: 'rate', field: 'eventsPerSec', label: 'Event rate', description: 'Events produced per second, all producers together', unit: 'events/s', min: 1, max: 10_000_000, defaultValue: 1_000_000, integer: false, scale: 'log', group: PLAN },
  { name: 'size', field: 'eventSizeBytes', label: 'Event size', description: 'Average size of one event', unit: 'bytes', min: 1, max: 1_048_576, defaultValue: 1024, integer: true, scale: 'log', group: PLAN },
  { name: 'partitions', field: 'partitions', label: 'Partitions', description: 'Partitions of the topic', unit: 'partitions', min: 1, max: 10_000, defaultValue: 5, integer: true, scale: 'log', group: PLAN },
  { name: 'latency', field: 'processingMs', label: 'Processing time', description: "A consumer's processing time per event", unit: 'ms', min: 0.001, max: 60_000, defaultValue: 100, integer: false, scale: 'log', group: PLAN },
  { name: 'consumers', field: 'consumersPerGroup', label: 'Consumers per group', description: 'Consumers in each consumer group', unit: 'consumers', min: 1, max: 10_000, defaultValue: 10, integer: true, scale: 'log', group: PLAN },
  { name: 'rf', field: 'replicationFactor', label: 'Replication factor', description: 'Copies of every partition (leader and followers)', unit: 'copies', min: 1, max: 7, defaultValue: 3, integer: true, scale: 'linear', group: PLAN },
  { name: 'retention', field: 'retentionHours', label: 'Retention', description: 'How long events are kept', unit: 'hours', min: 1, max: 8760, defaultValue: 168, integer: false, scale: 'log', group: PLAN },
  { name: 'groups', field: 'consumerGroups', label: 'Consumer groups', description: 'Consumer groups that each read the whole topic (fan-out)', unit: 'groups', min: 1, max: 100, defaultValue: 1, integer: true, scale: 'log', group: PLAN },
  { name: 'brokers', field: 'brokers', label: 'Brokers', description: 'Brokers in the cluster', unit: 'brokers', min: 1, max: 1000, defaultValue: 3, integer: true, scale: 'log', group: PLAN },
  { name: 'compression', field: 'compressionRatio', label: 'Compression ratio', description: 'How many times smaller batches get on the wire and on disk; 1 = no compression', unit: '×', min: 1, max: 20, defaultValue: 1, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Producer compression (lz4, zstd) typically gives 2–5× on JSON; 1 leaves the numbers as defined' },
  { name: 'overhead', field: 'recordOverheadBytes', label: 'Record overhead', description: 'Bytes of record and batch headers added to every event', unit: 'bytes', min: 0, max: 1024, defaultValue: 0, integer: true, scale: 'linear', group: ASSUMPTION, source: 'Kafka record format v2: about 18 B a record plus 61 B a batch; 0 leaves the numbers as defined' },
  { name: 'partitionMiBps', field: 'partitionLimitMiBPerSec', label: 'Partition throughput limit', description: 'Produce throughput one partition sustains', unit: 'MiB/s', min: 0.1, max: 1000, defaultValue: 10, integer: false, scale: 'log', group: ASSUMPTION, source: "Confluent, 'How to choose the number of topics/partitions': measure it; about 10 MB/s a partition is a common planning figure" },
  { name: 'brokerNetMiBps', field: 'brokerNetworkMiBPerSec', label: 'Broker network', description: 'Network throughput of one broker, each direction', unit: 'MiB/s', min: 1, max: 100_000, defaultValue: 1192, integer: false, scale: 'log', group: ASSUMPTION, source: '10 Gbit/s = 1,250,000,000 B/s ≈ 1,192 MiB/s' },
  { name: 'brokerDiskMiBps', field: 'brokerDiskMiBPerSec', label: 'Broker disk write', description: 'Disk write throughput of one broker', unit: 'MiB/s', min: 1, max: 100_000, defaultValue: 1000, integer: false, scale: 'log', group: ASSUMPTION, source: 'AWS EBS gp3: up to 1,000 MiB/s a volume' },
  { name: 'diskGiB', field: 'diskPerBrokerGiB', label: 'Disk per broker', description: 'Usable disk of one broker', unit: 'GiB', min: 1, max: 1_048_576, defaultValue: 16_384, integer: false, scale: 'log', group: ASSUMPTION, source: 'AWS EBS gp3: up to 16 TiB a volume' },
  { name: 'diskFill', field: 'targetDiskFill', label: 'Target disk fill', description: 'Share of the disk the retained log may fill', unit: 'ratio', min: 0.1, max: 1, defaultValue: 0.7, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Sizing guidance keeps disks 50–70 % full (AKalculator: at most 50 %)' },
  { name: 'replicaLimit', field: 'replicasPerBrokerLimit', label: 'Replicas per broker limit', description: 'Partition replicas one broker should host at most', unit: 'replicas', min: 100, max: 100_000, defaultValue: 4000, integer: true, scale: 'log', group: ASSUMPTION, source: 'Confluent guidance: about 4,000 partition replicas a broker, 200,000 a cluster' },
  { name: 'targetUtil', field: 'targetUtilization', label: 'Target utilization', description: 'Utilization of the busiest consumer to stay under', unit: 'ratio', min: 0.1, max: 1, defaultValue: 0.7, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Queueing: at 70 % an M/M/1 queue already waits 2.3 service times on average' },
  { name: 'headroom', field: 'headroomOneBrokerDown', label: 'Headroom for one broker down', description: 'Broker limits must hold with one broker down', unit: 'on/off', min: 0, max: 1, defaultValue: 1, integer: true, scale: 'linear', group: ASSUMPTION, toggle: true, source: 'AWS MSK sizing adds headroom for one broker (or zone) down' },
  { name: 'sloMs', field: 'latencySloMs', label: 'Latency target (p99)', description: 'End-to-end p99 latency to stay under; 0 = no target', unit: 'ms', min: 0, max: 60_000, defaultValue: 0, integer: false, scale: 'linear', group: ASSUMPTION, source: 'Your service-level objective' },
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];

/** The seed calculator's scenario: the first screen answers its question. */
export const DEFAULT_CONFIG: PlanConfig = Object.fromEntries(
  PARAMS.map((p) => [p.field, p.defaultValue]),
) as unknown as PlanConfig;

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
