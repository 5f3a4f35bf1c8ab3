import { describe, expect, it } from 'vitest';

import { kafkaTopicsCommand, kafkaTopicsCommands, retentionMsFromHours, topicNameProblem, topicNameWarning, TOPIC_NAME_MAX_CHARS, type TopicSpec } from './kafka-topics';

const AVAILABILITY = 'Survives one broker down with acks=all: 3 replicas, min.insync.replicas=2, at least 2 stay in sync.';

describe('kafka-topics.sh command', () => {
  it('carries the partitions, replication factor, retention and min.insync.replicas', () => {
    const text = kafkaTopicsCommand({ topic: 'orders', partitions: 24, replicationFactor: 3, retentionMs: 604_800_000, minInsyncReplicas: 2, availability: AVAILABILITY });
    expect(text).toBe(
      [
        `# ${AVAILABILITY}`,
        '# Replace localhost:9092 with one of your brokers.',
        'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders \\',
        '  --partitions 24 --replication-factor 3 \\',
        '  --config retention.ms=604800000 \\',
        '  --config min.insync.replicas=2',
        '',
      ].join('\n'),
    );
  });

  it("writes the plan's min.insync.replicas, whatever it is", () => {
    for (const minIsr of [1, 2, 3]) {
      expect(kafkaTopicsCommand({ topic: 't', partitions: 1, replicationFactor: 3, retentionMs: 3_600_000, minInsyncReplicas: minIsr, availability: '' })).toContain(`min.insync.replicas=${minIsr}`);
    }
  });

  it('retention hours become whole milliseconds', () => {
    expect(retentionMsFromHours(168)).toBe(604_800_000);
    expect(retentionMsFromHours(1.5)).toBe(5_400_000);
    expect(retentionMsFromHours(8760)).toBe(31_536_000_000);
    expect(Number.isInteger(retentionMsFromHours(1.23456789))).toBe(true);
  });

  it('uses the bootstrap server given', () => {
    expect(kafkaTopicsCommand({ topic: 't', partitions: 1, replicationFactor: 3, retentionMs: 1, minInsyncReplicas: 2, availability: '' }, 'kafka-0:9093')).toContain('--bootstrap-server kafka-0:9093 ');
  });
});

describe('kafka-topics.sh commands of a cluster', () => {
  const orders: TopicSpec = { topic: 'orders', partitions: 24, replicationFactor: 3, retentionMs: 604_800_000, minInsyncReplicas: 2, availability: AVAILABILITY };
  const clicks: TopicSpec = { topic: 'clicks', partitions: 96, replicationFactor: 2, retentionMs: 86_400_000, minInsyncReplicas: 1, availability: 'B' };

  /** Each command as one line (the continuation backslashes joined). */
  function commandsOf(text: string): string[] {
    return text
      .replace(/ \\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => line.startsWith('kafka-topics.sh '));
  }

  it('is exactly the one-topic command for a one-topic plan', () => {
    expect(kafkaTopicsCommands([orders])).toBe(kafkaTopicsCommand(orders));
    expect(kafkaTopicsCommands([orders], 'kafka-0:9093')).toBe(kafkaTopicsCommand(orders, 'kafka-0:9093'));
  });

  it('writes one command a topic, each with its own name, partitions, replication, retention and min ISR', () => {
    const commands = commandsOf(kafkaTopicsCommands([orders, clicks]));
    expect(commands).toEqual([
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 24 --replication-factor 3 --config retention.ms=604800000 --config min.insync.replicas=2',
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic clicks --partitions 96 --replication-factor 2 --config retention.ms=86400000 --config min.insync.replicas=1',
    ]);
  });

  it("puts each topic's availability line right above its command, and the bootstrap note once", () => {
    const text = kafkaTopicsCommands([orders, clicks], 'kafka-0:9093');
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['# Replace kafka-0:9093 with one of your brokers.', '# 2 topics, one command each.']);
    expect(lines.filter((line) => line.startsWith('# Replace'))).toHaveLength(1);
    for (const spec of [orders, clicks]) {
      const at = lines.findIndex((line) => line.includes(`--topic ${spec.topic} `));
      expect(lines[at - 1]).toBe(`# ${spec.availability}`);
    }
    expect(text.endsWith('min.insync.replicas=1\n')).toBe(true);
  });
});

describe('topic names (Kafka Topic.validate rules)', () => {
  it.each(['events', 'orders.v2', 'a_b-C.9', 'x'.repeat(TOPIC_NAME_MAX_CHARS), '...a', '-x'])('accepts %s', (name) => {
    expect(topicNameProblem(name)).toBe('');
  });

  it.each([
    ['', 'empty'],
    ['.', '"."'],
    ['..', '"."'],
    ['x'.repeat(TOPIC_NAME_MAX_CHARS + 1), 'at most 249'],
    ['with space', 'may only contain'],
    ['semi;colon', 'may only contain'],
    ['$(rm -rf /)', 'may only contain'],
    ['<script>', 'may only contain'],
    ['ünïcode', 'may only contain'],
    ['new\nline', 'may only contain'],
  ])('refuses %j (%s)', (name, why) => {
    expect(topicNameProblem(name)).toContain(why);
  });

  it('warns when "." and "_" are mixed', () => {
    expect(topicNameWarning('a.b_c')).not.toBe('');
    expect(topicNameWarning('a.b')).toBe('');
    expect(topicNameWarning('a_b')).toBe('');
  });
});
