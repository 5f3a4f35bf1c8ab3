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
}

export const PARAMS = [
  { name: 'rate', field: 'eventsPerSec', label: 'Event rate', description: 'Events produced per second, all producers together', unit: 'events/s', min: 1, max: 10_000_000, defaultValue: 1_000_000, integer: false, scale: 'log' },
  { name: 'size', field: 'eventSizeBytes', label: 'Event size', description: 'Average size of one event', unit: 'bytes', min: 1, max: 1_048_576, defaultValue: 1024, integer: true, scale: 'log' },
  { name: 'partitions', field: 'partitions', label: 'Partitions', description: 'Partitions of the topic', unit: 'partitions', min: 1, max: 10_000, defaultValue: 5, integer: true, scale: 'log' },
  { name: 'latency', field: 'processingMs', label: 'Processing time', description: "A consumer's processing time per event", unit: 'ms', min: 0.001, max: 60_000, defaultValue: 100, integer: false, scale: 'log' },
  { name: 'consumers', field: 'consumersPerGroup', label: 'Consumers per group', description: 'Consumers in each consumer group', unit: 'consumers', min: 1, max: 10_000, defaultValue: 10, integer: true, scale: 'log' },
  { name: 'rf', field: 'replicationFactor', label: 'Replication factor', description: 'Copies of every partition (leader and followers)', unit: 'copies', min: 1, max: 7, defaultValue: 3, integer: true, scale: 'linear' },
  { name: 'retention', field: 'retentionHours', label: 'Retention', description: 'How long events are kept', unit: 'hours', min: 1, max: 8760, defaultValue: 168, integer: false, scale: 'log' },
  { name: 'groups', field: 'consumerGroups', label: 'Consumer groups', description: 'Consumer groups that each read the whole topic (fan-out)', unit: 'groups', min: 1, max: 100, defaultValue: 1, integer: true, scale: 'log' },
  { name: 'brokers', field: 'brokers', label: 'Brokers', description: 'Brokers in the cluster', unit: 'brokers', min: 1, max: 1000, defaultValue: 3, integer: true, scale: 'log' },
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
