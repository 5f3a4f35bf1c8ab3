/**
 * The topics of a plan as `kafka-topics.sh --create` commands. Pure: plain numbers in, text out.
 * docs/scenarios.md "Exports".
 *
 * Format. One topic: its availability line as a comment, the bootstrap-server comment, then the
 * command (`--topic`, `--partitions`, `--replication-factor`, `--config retention.ms`,
 * `--config min.insync.replicas`). Several topics (`kafkaTopicsCommands`): the bootstrap-server
 * comment once, a line saying how many commands follow, then one block a topic, in the plan's
 * order and separated by a blank line: the topic's availability line and its command. Each
 * command is complete on its own, so any block can be copied alone.
 */

import { DEFAULT_TOPIC_NAME as PLAN_DEFAULT_TOPIC_NAME, MAX_TOPIC_NAME_LENGTH, topicNameProblem as planTopicNameProblem } from '../engine/cluster-plan';

/** Kafka's limit on a topic name's length (Topic.MAX_NAME_LENGTH). */
export const TOPIC_NAME_MAX_CHARS = MAX_TOPIC_NAME_LENGTH;
export const DEFAULT_TOPIC_NAME = PLAN_DEFAULT_TOPIC_NAME;
/** Replace with one of your brokers; the command says so in a comment. */
export const BOOTSTRAP_PLACEHOLDER = 'localhost:9092';

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

/** Why Kafka would refuse this topic name, as a sentence; '' when it is legal (the rules: src/engine/cluster-plan.ts). */
export function topicNameProblem(name: string): string {
  if (planTopicNameProblem(name) === '') return '';
  if (name.length === 0) return 'The topic name is empty.';
  if (name === '.' || name === '..') return 'A topic cannot be named "." or "..".';
  if (name.length > TOPIC_NAME_MAX_CHARS) return `The topic name has ${name.length} characters; Kafka allows at most ${TOPIC_NAME_MAX_CHARS}.`;
  return 'A topic name may only contain letters a–z and A–Z, digits 0–9, ".", "_" and "-".';
}

/** Kafka warns that "." and "_" collide in metric names: "a.b" and "a_b" would clash. */
export function topicNameWarning(name: string): string {
  return name.includes('.') && name.includes('_') ? 'Kafka warns about names with both "." and "_": they can collide in metric names with another topic.' : '';
}

/** Retention hours → retention.ms, a whole number of milliseconds. */
export function retentionMsFromHours(hours: number): number {
  return Math.round(hours * 3_600_000);
}

function bootstrapComment(bootstrapServer: string): string {
  return `# Replace ${bootstrapServer} with one of your brokers.`;
}

/** The command lines of one topic, without comments. */
function createLines(spec: TopicSpec, bootstrapServer: string): string[] {
  return [
    `kafka-topics.sh --bootstrap-server ${bootstrapServer} --create --topic ${spec.topic} \\`,
    `  --partitions ${spec.partitions} --replication-factor ${spec.replicationFactor} \\`,
    `  --config retention.ms=${spec.retentionMs} \\`,
    `  --config min.insync.replicas=${spec.minInsyncReplicas}`,
  ];
}

/** One topic's command, with its availability line and the bootstrap-server comment. */
export function kafkaTopicsCommand(spec: TopicSpec, bootstrapServer: string = BOOTSTRAP_PLACEHOLDER): string {
  return [`# ${spec.availability}`, bootstrapComment(bootstrapServer), ...createLines(spec, bootstrapServer), ''].join('\n');
}

/**
 * One command a topic (the cluster's topics in the plan's order). A one-topic plan gets exactly
 * `kafkaTopicsCommand`; with several, the bootstrap-server comment is said once at the top instead
 * of in every block.
 */
export function kafkaTopicsCommands(specs: readonly TopicSpec[], bootstrapServer: string = BOOTSTRAP_PLACEHOLDER): string {
  if (specs.length === 1) return kafkaTopicsCommand(specs[0] as TopicSpec, bootstrapServer);
  const header = [bootstrapComment(bootstrapServer), `# ${specs.length} topics, one command each.`];
  const blocks = specs.map((spec) => [`# ${spec.availability}`, ...createLines(spec, bootstrapServer)].join('\n'));
  return [header.join('\n'), ...blocks].join('\n\n') + '\n';
}
