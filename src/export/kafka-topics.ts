/**
 * The topic of a plan as a `kafka-topics.sh --create` command. Pure: plain numbers in, text out.
 * docs/scenarios.md "Exports".
 */

/** Kafka's limit on a topic name's length (Topic.MAX_NAME_LENGTH). */
export const TOPIC_NAME_MAX_CHARS = 249;
export const DEFAULT_TOPIC_NAME = 'events';
/** Replace with one of your brokers; the command says so in a comment. */
export const BOOTSTRAP_PLACEHOLDER = 'localhost:9092';

const LEGAL = /^[a-zA-Z0-9._-]+$/;

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly retentionMs: number;
  /** The plan's min.insync.replicas. */
  readonly minInsyncReplicas: number;
  /** One line on what the planned failure does to acks=all writes, written as a comment. */
  readonly availability: string;
}

/** Why Kafka would refuse this topic name; '' when it is legal (Kafka's Topic.validate rules). */
export function topicNameProblem(name: string): string {
  if (name.length === 0) return 'The topic name is empty.';
  if (name === '.' || name === '..') return 'A topic cannot be named "." or "..".';
  if (name.length > TOPIC_NAME_MAX_CHARS) return `The topic name has ${name.length} characters; Kafka allows at most ${TOPIC_NAME_MAX_CHARS}.`;
  if (!LEGAL.test(name)) return 'A topic name may only contain letters a–z and A–Z, digits 0–9, ".", "_" and "-".';
  return '';
}

/** Kafka warns that "." and "_" collide in metric names: "a.b" and "a_b" would clash. */
export function topicNameWarning(name: string): string {
  return name.includes('.') && name.includes('_') ? 'Kafka warns about names with both "." and "_": they can collide in metric names with another topic.' : '';
}

/** Retention hours → retention.ms, a whole number of milliseconds. */
export function retentionMsFromHours(hours: number): number {
  return Math.round(hours * 3_600_000);
}

export function kafkaTopicsCommand(spec: TopicSpec, bootstrapServer: string = BOOTSTRAP_PLACEHOLDER): string {
  return [
    `# ${spec.availability}`,
    `# Replace ${bootstrapServer} with one of your brokers.`,
    `kafka-topics.sh --bootstrap-server ${bootstrapServer} --create --topic ${spec.topic} \\`,
    `  --partitions ${spec.partitions} --replication-factor ${spec.replicationFactor} \\`,
    `  --config retention.ms=${spec.retentionMs} \\`,
    `  --config min.insync.replicas=${spec.minInsyncReplicas}`,
    '',
  ].join('\n');
}
