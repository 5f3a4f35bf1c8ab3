import { describe, expect, it } from 'vitest';
import { kafkaTopicsCommand, minInsyncReplicas, retentionMsFromHours, topicNameProblem, topicNameWarning, TOPIC_NAME_MAX_CHARS } from './kafka-topics';

describe('kafka-topics.sh command', () => {
  it('carries the partitions, replication factor, retention and min.insync.replicas', () => {
    const text = kafkaTopicsCommand({ topic: 'orders', partitions: 24, replicationFactor: 3, retentionMs: 604_800_000 });
    expect(text).toBe(
      [
        '# Replace localhost:9092 with one of your brokers.',
        'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders \\',
        '  --partitions 24 --replication-factor 3 \\',
        '  --config retention.ms=604800000 \\',
        '  --config min.insync.replicas=2',
        '',
      ].join('\n'),
    );
  });

  it('min.insync.replicas is min(2, R)', () => {
    expect([1, 2, 3, 7].map(minInsyncReplicas)).toEqual([1, 2, 2, 2]);
    expect(kafkaTopicsCommand({ topic: 't', partitions: 1, replicationFactor: 1, retentionMs: 3_600_000 })).toContain('min.insync.replicas=1');
  });

  it('retention hours become whole milliseconds', () => {
    expect(retentionMsFromHours(168)).toBe(604_800_000);
    expect(retentionMsFromHours(1.5)).toBe(5_400_000);
    expect(retentionMsFromHours(8760)).toBe(31_536_000_000);
    expect(Number.isInteger(retentionMsFromHours(1.23456789))).toBe(true);
  });

  it('uses the bootstrap server given', () => {
    expect(kafkaTopicsCommand({ topic: 't', partitions: 1, replicationFactor: 3, retentionMs: 1 }, 'kafka-0:9093')).toContain('--bootstrap-server kafka-0:9093 ');
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
