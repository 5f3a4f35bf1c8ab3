import type { PlanConfig } from './plan-config';

/**
 * A cluster: shared brokers, zones, planned failure and assumptions, carrying one or more topics.
 * Each topic has its own traffic and consumers; the brokers, disks and network are the cluster's.
 * `PlanConfig` stays the flat view of one topic in its cluster (`topicView`), which every
 * per-topic formula reads.
 */

/** The inputs each topic has for itself; every other PlanConfig field is the cluster's. */
export const TOPIC_FIELDS = [
  'eventsPerSec',
  'eventSizeBytes',
  'partitions',
  'processingMs',
  'consumersPerGroup',
  'consumerGroups',
  'replicationFactor',
  'minInsyncReplicas',
  'retentionHours',
  'compressionRatio',
  'replayGroups',
  'peakFactor',
  'hotKeyShare',
] as const satisfies readonly (keyof PlanConfig)[];

export type TopicField = (typeof TOPIC_FIELDS)[number];

export interface TopicPlan extends Pick<PlanConfig, TopicField> {
  /** Kafka topic name: letters, digits, '.', '_', '-'; at most 249 characters. */
  readonly name: string;
}

export type ClusterSettings = Omit<PlanConfig, TopicField>;

export interface ClusterPlan {
  readonly cluster: ClusterSettings;
  /** At least one topic. */
  readonly topics: readonly TopicPlan[];
  /** The broker type the assumptions were set from (src/config/broker-types.ts), or 'custom'. */
  readonly brokerType: string;
  /** What the plan was calibrated from, if it was (src/config/calibration.ts); the model reads only the values it set. */
  readonly calibration?: PlanCalibration;
}

/** The team's own measurements a plan's assumptions were derived from: kafka-producer-perf-test's summary line and more. */
export interface PlanCalibration {
  /** kafka-producer-perf-test's final summary line, as pasted. */
  readonly producer: string;
  /** kafka-consumer-perf-test's CSV data line, if one was given. */
  readonly consumer?: string;
  /** Partitions of the topic the perf test wrote to: the partition limit is its MiB/s over them. */
  readonly testPartitions: number;
  /** The topic whose event size (and processing-time floor) it set. */
  readonly topic: string;
}

const TOPIC_FIELD_SET: ReadonlySet<string> = new Set(TOPIC_FIELDS);

export function isTopicField(field: keyof PlanConfig): field is TopicField {
  return TOPIC_FIELD_SET.has(field);
}

/** One topic in its cluster, as the flat config the per-topic formulas read. */
export function topicView(plan: ClusterPlan, index: number): PlanConfig {
  const topic = plan.topics[index] ?? plan.topics[0];
  if (!topic) throw new Error('a cluster has at least one topic');
  // Fields added, not the name deleted: a deleted key turns the object into a slow dictionary,
  // and the engine reads every field of every view many times a step.
  const view: Record<string, number> = { ...plan.cluster };
  for (const field of TOPIC_FIELDS) view[field] = topic[field];
  return view as unknown as PlanConfig;
}

export function topicOf(config: PlanConfig, name: string): TopicPlan {
  const topic: Record<string, number | string> = { name };
  for (const field of TOPIC_FIELDS) topic[field] = config[field];
  return topic as unknown as TopicPlan;
}

export function clusterOf(config: PlanConfig): ClusterSettings {
  const cluster: Record<string, number> = { ...config };
  for (const field of TOPIC_FIELDS) delete cluster[field];
  return cluster as unknown as ClusterSettings;
}

/** A one-topic cluster from a flat config: what every plan was before clusters. */
export function singleTopicPlan(config: PlanConfig, name = DEFAULT_TOPIC_NAME, brokerType = 'custom'): ClusterPlan {
  return { cluster: clusterOf(config), topics: [topicOf(config, name)], brokerType };
}

export const DEFAULT_TOPIC_NAME = 'events';

/** Kafka's rule (org.apache.kafka.common.internals.Topic): [a-zA-Z0-9._-], 1 … 249 characters, not '.' or '..'. */
export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;

export function topicNameProblem(name: string): string {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `longer than ${MAX_TOPIC_NAME_LENGTH} characters`;
  if (name === '.' || name === '..') return "'.' and '..' are not allowed";
  if (!LEGAL_TOPIC_NAME.test(name)) return "only letters, digits, '.', '_' and '-' are allowed";
  return '';
}
