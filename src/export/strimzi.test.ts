import { describe, expect, it } from 'vitest';
import { isKubernetesName, kubernetesNameFor, strimziKafkaTopicYaml } from './strimzi';

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
    for (const topic of ['_x_', '---', '..', 'A.B_C', '-a-', 'x'.repeat(249), '.-_']) {
      const name = kubernetesNameFor(topic);
      expect(isKubernetesName(name), `${topic} → ${name}`).toBe(true);
    }
    expect(kubernetesNameFor('---')).toBe('topic');
  });
});

describe('Strimzi API version', () => {
  it('writes v1beta2 when asked, for operators older than Strimzi 1.0', () => {
    const yaml = strimziKafkaTopicYaml({ topic: 't', partitions: 1, replicationFactor: 3, retentionMs: 1, minInsyncReplicas: 2, availability: 'A' }, 'c', 'kafka.strimzi.io/v1beta2');
    expect(yaml).toContain('apiVersion: kafka.strimzi.io/v1beta2\n');
    expect(yaml).not.toContain('apiVersion: kafka.strimzi.io/v1\n');
  });
});
