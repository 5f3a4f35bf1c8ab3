import { describe, expect, it } from 'vitest';

const AVAILABILITY = 'Survives one broker down with acks=all: 3 replicas, min.insync.replicas=2, at least 2 stay in sync.';
import { kafkaTopicsCommand, retentionMsFromHours, topicNameProblem, topicNameWarning, TOPIC_NAME_MAX_CHARS } from './kafka-topics';

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
