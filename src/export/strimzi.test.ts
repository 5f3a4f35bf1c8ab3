import { describe, expect, it } from 'vitest';
import type { TopicSpec } from './kafka-topics';
import { isKubernetesName, kubernetesNameFor, kubernetesNamesFor, strimziKafkaTopicsYaml, strimziKafkaTopicYaml } from './strimzi';

function spec(topic: string, partitions = 1, replicationFactor = 3): TopicSpec {
  return { topic, partitions, replicationFactor, retentionMs: 3_600_000, minInsyncReplicas: 2, availability: `A ${topic}` };
}

/** The value of `key:` in each line of a document that has it, quotes removed. */
function valuesOf(document: string, key: string): string[] {
  return document
    .split('\n')
    .map((line) => line.match(new RegExp(`^\\s*${key.replace('.', '\\.')}: "?([^"]*)"?$`))?.[1])
    .filter((value): value is string => value !== undefined);
}

describe('Strimzi KafkaTopic YAML', () => {
  it('is a kafka.strimzi.io/v1 KafkaTopic (Strimzi 1.0) with partitions, replicas, retention.ms and the plan\'s min ISR', () => {
    expect(strimziKafkaTopicYaml({ topic: 'orders', partitions: 24, replicationFactor: 3, retentionMs: 604_800_000, minInsyncReplicas: 2, availability: 'A' })).toBe(
      [
        '# A',
        'apiVersion: kafka.strimzi.io/v1',
        'kind: KafkaTopic',
        'metadata:',
        '  name: "orders"',
        '  labels:',
        "    # The name of your Kafka cluster resource.",
        '    strimzi.io/cluster: "my-cluster"',
        'spec:',
        '  partitions: 24',
        '  replicas: 3',
        '  config:',
        '    retention.ms: 604800000',
        '    min.insync.replicas: 2',
        '',
      ].join('\n'),
    );
  });

  it('puts a name Kubernetes refuses into spec.topicName, with a legal metadata.name', () => {
    const yaml = strimziKafkaTopicYaml({ topic: 'Orders_V2', partitions: 3, replicationFactor: 1, retentionMs: 1, minInsyncReplicas: 1, availability: 'A' });
    expect(yaml).toContain('  name: "orders-v2"\n');
    expect(yaml).toContain('  topicName: "Orders_V2"\n');
    expect(yaml).toContain('    min.insync.replicas: 1\n');
  });

  it('quotes names YAML would read as other types', () => {
    for (const topic of ['true', 'null', '1e3', '123']) {
      expect(strimziKafkaTopicYaml({ topic, partitions: 1, replicationFactor: 1, retentionMs: 1, minInsyncReplicas: 1, availability: 'A' })).toContain(`name: "${topic}"`);
    }
  });

  it('makes legal Kubernetes names', () => {
    expect(isKubernetesName('orders.v2')).toBe(true);
    expect(isKubernetesName('Orders')).toBe(false);
    expect(isKubernetesName('-x')).toBe(false);
    expect(isKubernetesName('x_y')).toBe(false);
    // DNS-1123 subdomain: every dot-separated part starts and ends with a letter or digit.
    expect(isKubernetesName('a.-b')).toBe(false);
    expect(isKubernetesName('a..b')).toBe(false);
    expect(isKubernetesName('a-.b')).toBe(false);
    for (const topic of ['_x_', '---', '..', 'A.B_C', '-a-', 'x'.repeat(249), '.-_', 'a.-b', 'a..b', 'logs._internal', 'x.'.repeat(124)]) {
      const name = kubernetesNameFor(topic);
      expect(isKubernetesName(name), `${topic} → ${name}`).toBe(true);
    }
    expect(kubernetesNameFor('---')).toBe('topic');
  });
});

describe('Strimzi KafkaTopics of a cluster', () => {
  it('is exactly the one-topic resource for a one-topic plan', () => {
    expect(strimziKafkaTopicsYaml([spec('orders')])).toBe(strimziKafkaTopicYaml(spec('orders')));
    expect(strimziKafkaTopicsYaml([spec('Orders_V2')], 'c', 'kafka.strimzi.io/v1beta2')).toBe(strimziKafkaTopicYaml(spec('Orders_V2'), 'c', 'kafka.strimzi.io/v1beta2'));
  });

  it('writes one KafkaTopic document a topic, separated by ---, each with its partitions, replicas and the cluster label', () => {
    const specs = [spec('orders', 24, 3), spec('payments', 12, 3), spec('clicks', 96, 2)];
    const documents = strimziKafkaTopicsYaml(specs, 'prod').split('\n---\n');
    expect(documents).toHaveLength(3);
    documents.forEach((document, i) => {
      const topic = specs[i]!;
      expect(valuesOf(document, 'kind')).toEqual(['KafkaTopic']);
      expect(valuesOf(document, 'name')).toEqual([topic.topic]);
      expect(valuesOf(document, 'strimzi.io/cluster')).toEqual(['prod']);
      expect(valuesOf(document, 'partitions')).toEqual([String(topic.partitions)]);
      expect(valuesOf(document, 'replicas')).toEqual([String(topic.replicationFactor)]);
      expect(document.startsWith(`# ${topic.availability}\n`)).toBe(true);
    });
  });

  it('gives every resource a different legal name, with the real topic name in spec.topicName', () => {
    const topics = ['orders-v2', 'Orders_V2', 'orders_v2', 'topic', '__x__'];
    const names = kubernetesNamesFor(topics);
    expect(names).toEqual(['orders-v2', 'orders-v2-2', 'orders-v2-3', 'topic', 'x']);
    const documents = strimziKafkaTopicsYaml(topics.map((t) => spec(t))).split('\n---\n');
    documents.forEach((document, i) => {
      expect(valuesOf(document, 'name')).toEqual([names[i]]);
      expect(valuesOf(document, 'topicName')).toEqual(names[i] === topics[i] ? [] : [topics[i]]);
    });
    expect(new Set(names).size).toBe(topics.length);
    for (const name of names) expect(isKubernetesName(name), name).toBe(true);
  });

  it('keeps the fallback name unique too', () => {
    expect(kubernetesNamesFor(['topic', '___', '---'])).toEqual(['topic', 'topic-2', 'topic-3']);
  });
});

describe('Strimzi API version', () => {
  it('writes v1beta2 when asked, for operators older than Strimzi 1.0', () => {
    const yaml = strimziKafkaTopicYaml({ topic: 't', partitions: 1, replicationFactor: 3, retentionMs: 1, minInsyncReplicas: 2, availability: 'A' }, 'c', 'kafka.strimzi.io/v1beta2');
    expect(yaml).toContain('apiVersion: kafka.strimzi.io/v1beta2\n');
    expect(yaml).not.toContain('apiVersion: kafka.strimzi.io/v1\n');
  });
});
