import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { PRESETS } from '../config/presets';
import { computeMetrics } from './compute-metrics';
import type { PlanConfig } from './plan-config';
import { recommend } from './recommend';
import { verdict } from './verdict';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });
const factor = (c: PlanConfig, id: string) => computeMetrics(c).health.factors.find((f) => f.id === id)!;
const W = 1_024_000_000; // the seed's ingress, B/s

describe('per-broker loads from the placement (the seed: 5 partitions on 3 brokers)', () => {
  // The topic alone: Kafka's __consumer_offsets (50 partitions, no traffic worth counting) left out.
  const m = computeMetrics({ ...DEFAULT_CONFIG, offsetsTopicPartitions: 0 });

  it("__consumer_offsets' 50 × 3 replicas land on the same brokers: every broker of 3 holds 5 + 50", () => {
    const withOffsets = computeMetrics(DEFAULT_CONFIG).brokerLoad;
    expect(withOffsets.busiest.replicas).toBe(55);
    expect(withOffsets.partitionReplicasAllUp).toBe(55);
    // It carries no traffic the model counts: the byte figures are the topic's.
    expect(withOffsets.busiest.networkInBytesPerSec).toBe(m.brokerLoad.busiest.networkInBytesPerSec);
  });

  it('the busiest broker leads 2 of 5 partitions: network out 2 × (W·G + 2 follower fetches × W) / 5, 20 % over the mean card', () => {
    expect(m.brokerLoad.busiest.leaders).toBe(2);
    expect(m.brokerLoad.busiest.networkOutBytesPerSec).toBe((2 * (W * 1) + 4 * W) / 5);
    expect(m.brokerLoad.busiest.networkOutBytesPerSec / m.brokerNetworkOutBytesPerSec).toBeCloseTo(1.2, 12);
    // Every broker holds all 5 partitions (RF 3 on 3 brokers): in = 5 × W/5.
    expect(m.brokerLoad.busiest.networkInBytesPerSec).toBe(W);
  });

  it('after one broker down the worst survivor leads 3 of 5 (its leaders moved to their next replica)', () => {
    const f = m.brokerLoad.failover;
    expect(f.kind).toBe('broker');
    expect(f.brokersLeft).toBe(2);
    expect(f.busiest.leaders).toBe(3);
    // Each of its 3 partitions has one live follower now: 3 × (W·G + W) / 5.
    expect(f.busiest.networkOutBytesPerSec).toBe((3 * W + 3 * W) / 5);
    expect(f.worstCase).toBe('broker 0');
    // Replicas are not moved: what a survivor writes and stores does not change.
    expect(f.busiest.networkInBytesPerSec).toBe(W);
    expect(f.busiest.storageOnDiskBytes).toBe(m.brokerLoad.busiest.storageOnDiskBytes);
  });

  it('keeps the mean metrics exactly as defined (public contract)', () => {
    expect(m.brokerNetworkInBytesPerSec).toBe((W * 3) / 3);
    expect(m.brokerNetworkOutBytesPerSec).toBe((W * (1 + 3 - 1)) / 3);
    expect(m.brokerStorageBytes).toBe((W * 168 * 3600 * 3) / 3);
  });

  it('the exact broker-by-broker failover agrees with recomputing each case from scratch (zone failure with one broker a zone)', () => {
    const byZone = computeMetrics(plan({ plannedFailure: 2 })).brokerLoad.failover;
    expect(byZone.busiest.networkOutBytesPerSec).toBe(m.brokerLoad.failover.busiest.networkOutBytesPerSec);
    expect(byZone.busiest.diskIoBytesPerSec).toBe(m.brokerLoad.failover.busiest.diskIoBytesPerSec);
  });

  it('storage on disk adds one open segment a replica and the indexes to the retained log', () => {
    const small = computeMetrics(plan({ eventsPerSec: 1000, retentionHours: 24 }));
    const perPartition = (1000 * 1024) / 5; // B/s
    const open = Math.min(1024 ** 3, perPartition * 7 * 86_400);
    expect(small.brokerLoad.busiest.storageOnDiskBytes).toBeCloseTo(5 * (perPartition * 86_400 + open) * (1 + 20 / 4096), 3);
  });
});

describe('writes survive the planned failure: R − f ≥ min ISR', () => {
  it('RF 2 with min ISR 2 stops acks=all writes on every partition of a broker that goes down', () => {
    const c = plan({ eventsPerSec: 1000, processingMs: 1, partitions: 6, consumersPerGroup: 6, replicationFactor: 2, minInsyncReplicas: 2, brokers: 2, zones: 2 });
    const f = factor(c, 'availability');
    expect(f.score01).toBe(0);
    expect(f.finding).toMatch(/keeps 1 of 2 replicas, below min ISR 2: acks=all writes stop on 6 of 6 partitions/);
    expect(f.advice).toMatch(/replication factor 3 with min ISR 2 on at least 3 brokers/);
    expect(computeMetrics(c).health.score).toBe(0);
  });

  it('RF 3 with min ISR 2 survives one broker down, and one zone down with 3 zones but not with 2', () => {
    expect(factor(plan({}), 'availability').score01).toBe(1);
    expect(factor(plan({ plannedFailure: 2 }), 'availability').score01).toBe(1);
    const twoZones = plan({ plannedFailure: 2, brokers: 4, zones: 2 });
    expect(computeMetrics(twoZones).brokerLoad.failover.replicasLost).toBe(2);
    expect(factor(twoZones, 'availability').score01).toBe(0);
  });

  it('min ISR 1 survives, and the advice names the durability it gives up', () => {
    expect(factor(plan({ replicationFactor: 2, minInsyncReplicas: 1 }), 'availability').score01).toBe(1);
    expect(factor(plan({ replicationFactor: 2, minInsyncReplicas: 2 }), 'availability').advice).toMatch(/or set min ISR to 1, which gives up durability/);
  });
});

describe('client checks', () => {
  it('names a max.poll.interval.ms livelock: 500 records × 1 s = 500 s > 300 s', () => {
    const f = factor(plan({ processingMs: 1000 }), 'poll-liveness');
    expect(f.score01).toBe(0);
    expect(f.label).toBe('max.poll.interval.ms');
    expect(f.finding).toMatch(/^Livelock: a full poll \(500 records × 1,000 ms\) takes 8.3 min, longer than max.poll.interval.ms = 5 min: the member is evicted/);
    expect(f.advice).toMatch(/Set max.poll.records to at most 300/);
    expect(factor(plan({ processingMs: 600 }), 'poll-liveness').score01).toBe(1);
  });

  it('estimates a rebalance: session.timeout.ms for a crash plus the slowest poll batch', () => {
    const m = computeMetrics(plan({ processingMs: 100 }));
    expect(m.client.rebalanceCrashSeconds).toBe(45 + 50);
    expect(m.client.rebalanceLeaveSeconds).toBe(50);
  });
});

describe('one verdict rule', () => {
  it('no preset headline says it works or holds while a check falls short; after Apply every preset passes every check', () => {
    for (const preset of PRESETS) {
      const m = computeMetrics(preset.config);
      const v = verdict(m.health, m.utilization);
      if (m.health.score < 100) expect(v.headline, preset.id).not.toMatch(/works|holds/);
      else expect(v.headline).toBe('This plan holds its traffic.');
      const r = recommend(preset.config);
      if (!r.feasible) continue;
      const applied = computeMetrics(r.config);
      expect(applied.health.factors.filter((f) => f.score01 < 1).map((f) => f.id), preset.id).toEqual([]);
    }
  });

  it('the log aggregation preset, applied, survives one broker down with acks=all', () => {
    const logs = PRESETS.find((p) => p.id === 'logs')!;
    const r = recommend(logs.config);
    expect(r.feasible).toBe(true);
    expect(r.config.replicationFactor - 1).toBeGreaterThanOrEqual(r.config.minInsyncReplicas);
    expect(factor(r.config, 'availability').score01).toBe(1);
  });
});
