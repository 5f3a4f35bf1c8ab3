import type { TopicSpec } from './kafka-topics';

/**
 * The topics of a plan as Strimzi `KafkaTopic` custom resources. Pure: plain numbers in, YAML
 * text out. docs/scenarios.md "Exports". Strimzi 1.0 serves its resources only as
 * `kafka.strimzi.io/v1` (v1beta2 was removed: strimzi/strimzi-kafka-operator PR 12520); older
 * operators (0.x) need `v1beta2`, offered as a choice.
 *
 * Format: one YAML document a topic, in the plan's order, separated by `---` lines (one document,
 * no separator, for a one-topic plan). Each starts with the topic's availability line as a
 * comment. `metadata.name` is the Kafka topic name when that is a legal Kubernetes name (a
 * DNS-1123 subdomain); otherwise it is a lower-case form of it and `spec.topicName` carries the
 * real name — Strimzi's documented way ("Topic naming conventions"). Resource names are unique in
 * the file: two KafkaTopics may not share a name, and two that point at one topic conflict.
 */
export const STRIMZI_API_VERSIONS = ['kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2'] as const;
export type StrimziApiVersion = (typeof STRIMZI_API_VERSIONS)[number];

export const STRIMZI_CLUSTER_PLACEHOLDER = 'my-cluster';
/** The line between two YAML documents in one file. */
export const YAML_DOCUMENT_SEPARATOR = '---';

/** Kubernetes' DNS-1123 subdomain: dot-separated labels, each starting and ending with a letter or digit. */
const K8S_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const K8S_NAME = new RegExp(`^${K8S_LABEL}(\\.${K8S_LABEL})*$`);
const K8S_NAME_MAX_CHARS = 253;
const FALLBACK_NAME = 'topic';

/** Whether a Kafka topic name can be the resource's metadata.name as it is (a DNS-1123 subdomain). */
export function isKubernetesName(name: string): boolean {
  return name.length <= K8S_NAME_MAX_CHARS && K8S_NAME.test(name);
}

/** A legal resource name for a topic that is not one: lower case, "_" → "-", each dot-separated part trimmed to letters and digits at both ends. */
export function kubernetesNameFor(topic: string): string {
  const labels = topic
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .split('.')
    .map((label) => label.replace(/^-+|-+$/g, ''))
    .filter((label) => label !== '');
  let name = labels.join('.');
  // Cutting can leave a '.' or '-' at the end; the cut is rare (a topic has at most 249 characters).
  while (name.length > K8S_NAME_MAX_CHARS) name = name.slice(0, K8S_NAME_MAX_CHARS).replace(/[.-]+$/, '');
  return name || FALLBACK_NAME;
}

/**
 * The metadata.name of each topic's resource, unique in the file: a topic whose name is a legal
 * resource name keeps it; the others get `kubernetesNameFor`, with "-2", "-3", … when that is taken
 * ("Orders_V2" and "orders-v2" in one cluster).
 */
export function kubernetesNamesFor(topics: readonly string[]): string[] {
  const taken = new Set(topics.filter(isKubernetesName));
  return topics.map((topic) => {
    if (isKubernetesName(topic)) return topic;
    const base = kubernetesNameFor(topic);
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
    taken.add(name);
    return name;
  });
}

/**
 * Names are always double-quoted: a legal topic such as "true", "null" or "1e3" would otherwise
 * be read as a YAML boolean, null or number. Topic names hold no character that needs escaping.
 */
export function strimziKafkaTopicYaml(
  spec: TopicSpec,
  clusterName: string = STRIMZI_CLUSTER_PLACEHOLDER,
  apiVersion: StrimziApiVersion = 'kafka.strimzi.io/v1',
  resourceName: string = kubernetesNamesFor([spec.topic])[0] as string,
): string {
  const direct = resourceName === spec.topic;
  const lines = [
    `# ${spec.availability}`,
    `apiVersion: ${apiVersion}`,
    'kind: KafkaTopic',
    'metadata:',
    `  name: "${resourceName}"`,
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

/** Every topic's KafkaTopic in one file: YAML documents separated by `---` lines, in the plan's order. */
export function strimziKafkaTopicsYaml(specs: readonly TopicSpec[], clusterName: string = STRIMZI_CLUSTER_PLACEHOLDER, apiVersion: StrimziApiVersion = 'kafka.strimzi.io/v1'): string {
  const names = kubernetesNamesFor(specs.map((spec) => spec.topic));
  return specs.map((spec, i) => strimziKafkaTopicYaml(spec, clusterName, apiVersion, names[i])).join(`${YAML_DOCUMENT_SEPARATOR}\n`);
}
