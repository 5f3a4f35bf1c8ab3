import type { TopicSpec } from './kafka-topics';

/**
 * The topic of a plan as a Strimzi `KafkaTopic` custom resource. Pure: plain numbers in, YAML
 * text out. docs/scenarios.md "Exports". Strimzi 1.0 serves its resources only as
 * `kafka.strimzi.io/v1` (v1beta2 was removed: strimzi/strimzi-kafka-operator PR 12520); older
 * operators (0.x) need `v1beta2`, offered as a choice.
 */
export const STRIMZI_API_VERSIONS = ['kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2'] as const;
export type StrimziApiVersion = (typeof STRIMZI_API_VERSIONS)[number];

export const STRIMZI_CLUSTER_PLACEHOLDER = 'my-cluster';

const K8S_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
const K8S_NAME_MAX_CHARS = 253;

/** Whether a Kafka topic name can be the resource's metadata.name as it is (a DNS-1123 subdomain). */
export function isKubernetesName(name: string): boolean {
  return name.length <= K8S_NAME_MAX_CHARS && K8S_NAME.test(name);
}

/** A legal resource name for a topic that is not one: lower case, "_" → "-", trimmed to letters and digits at both ends. */
export function kubernetesNameFor(topic: string): string {
  const lowered = topic
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[^a-z0-9]+$/, '')
    .slice(0, K8S_NAME_MAX_CHARS)
    .replace(/[^a-z0-9]+$/, '');
  return lowered || 'topic';
}

/**
 * Names are always double-quoted: a legal topic such as "true", "null" or "1e3" would otherwise
 * be read as a YAML boolean, null or number. Topic names hold no character that needs escaping.
 */
export function strimziKafkaTopicYaml(spec: TopicSpec, clusterName: string = STRIMZI_CLUSTER_PLACEHOLDER, apiVersion: StrimziApiVersion = 'kafka.strimzi.io/v1'): string {
  const direct = isKubernetesName(spec.topic);
  const lines = [
    `# ${spec.availability}`,
    `apiVersion: ${apiVersion}`,
    'kind: KafkaTopic',
    'metadata:',
    `  name: "${direct ? spec.topic : kubernetesNameFor(spec.topic)}"`,
    '  labels:',
    `    # The name of your Kafka cluster resource.`,
    `    strimzi.io/cluster: "${clusterName}"`,
    'spec:',
    // A topic name that is not a legal resource name goes in spec.topicName.
    ...(direct ? [] : [`  topicName: "${spec.topic}"`]),
    `  partitions: ${spec.partitions}`,
    `  replicas: ${spec.replicationFactor}`,
    '  config:',
    `    retention.ms: ${spec.retentionMs}`,
    `    min.insync.replicas: ${spec.minInsyncReplicas}`,
    '',
  ];
  return lines.join('\n');
}
