import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { formatByteRate, formatBytesIn } from '../lib/format';
import { computeMetrics } from './compute-metrics';
import type { PlanConfig } from './plan-config';

const seed = computeMetrics(DEFAULT_CONFIG);
const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });

describe("the seed calculator's published figures", () => {
  it('1,000,000 events/s in total and 200,000/s per consumer (5 of 10 consumers active)', () => {
    expect(seed.totalEventsPerSec).toBe(1_000_000);
    expect(seed.activeConsumers).toBe(5);
    expect(seed.idleConsumers).toBe(5);
    expect(seed.eventsPerConsumerPerSec).toBe(200_000);
  });

  it('976.6 MiB/s of ingress (1,024,000,000 B/s, binary units)', () => {
    expect(seed.ingressBytesPerSec).toBe(1_024_000_000);
    expect(formatByteRate(seed.ingressBytesPerSec)).toBe('976.6 MiB/s');
  });

  it('576,782.2 GiB logical per week, and three times that replicated', () => {
    expect(seed.storageLogicalBytes).toBe(1_024_000_000 * 604_800);
    expect(formatBytesIn(seed.storageLogicalBytes, 'GiB')).toBe('576,782.2 GiB');
    expect(seed.storageReplicatedBytes).toBe(3 * seed.storageLogicalBytes);
    expect(formatBytesIn(seed.storageReplicatedBytes, 'GiB')).toBe('1,730,346.7 GiB');
  });

  it('is overloaded: 5 consumers at 100 ms handle 50 events/s, so lag grows by 999,950 events/s', () => {
    expect(seed.serviceRatePerConsumer).toBe(10);
    expect(seed.groupCapacityEventsPerSec).toBe(50);
    expect(seed.utilization).toBe(20_000);
    expect(seed.lagGrowthEventsPerSecPerGroup).toBe(999_950);
    expect(seed.latency.bounded).toBe(false);
    expect(seed.latency.meanSeconds).toBe(Infinity);
    expect(seed.health.score).toBe(0);
    expect(seed.health.binding.id).toBe('consumers');
    expect(seed.health.binding.finding).toContain('Overloaded');
  });

  it('moves bytes as defined: replication 2W, egress W, per broker W in and W out, storage W·T', () => {
    const W = 1_024_000_000;
    expect(seed.replicationBytesPerSec).toBe(2 * W);
    expect(seed.egressBytesPerSec).toBe(W);
    expect(seed.brokerNetworkInBytesPerSec).toBe(W);
    expect(seed.brokerNetworkOutBytesPerSec).toBe(W);
    expect(seed.brokerStorageBytes).toBe(seed.storageLogicalBytes);
  });
});

describe('consumer load with uneven assignment', () => {
  // P = 5 over a = 2: one consumer owns 3 partitions, one owns 2.
  const uneven = computeMetrics(plan({ eventsPerSec: 100, partitions: 5, consumersPerGroup: 2, processingMs: 100 }));

  it('gives the busiest consumer ⌈P/a⌉ partitions', () => {
    expect(uneven.partitionsOfBusiestConsumer).toBe(3);
    expect(uneven.partitionsOfLightestConsumer).toBe(2);
    expect(uneven.busiestConsumerCount).toBe(1);
    expect(uneven.busiestConsumerEventsPerSec).toBe(60);
  });

  it('limits group capacity to μ·P/⌈P/a⌉ and sums each consumer\'s excess for lag growth', () => {
    expect(uneven.groupCapacityEventsPerSec).toBeCloseTo(50 / 3, 12);
    expect(uneven.utilization).toBeCloseTo(6, 12);
    expect(uneven.lagGrowthEventsPerSecPerGroup).toBeCloseTo(50 + 30, 12);
  });

  it('counts only the consumers that fall behind', () => {
    const m = computeMetrics(plan({ eventsPerSec: 20, partitions: 5, consumersPerGroup: 2, processingMs: 100 }));
    // arrivals 12/s and 8/s against μ = 10/s: only the first falls behind, by 2/s.
    expect(m.lagGrowthEventsPerSecPerGroup).toBeCloseTo(2, 12);
    expect(m.lagGrowthEventsPerSecAllGroups).toBeCloseTo(2, 12);
    const threeGroups = computeMetrics(plan({ eventsPerSec: 20, partitions: 5, consumersPerGroup: 2, processingMs: 100, consumerGroups: 3 }));
    expect(threeGroups.lagGrowthEventsPerSecAllGroups).toBeCloseTo(6, 12);
  });

  it('is 0 when every consumer keeps up', () => {
    const m = computeMetrics(plan({ eventsPerSec: 40, partitions: 4, consumersPerGroup: 4, processingMs: 100 }));
    expect(m.utilization).toBe(1);
    expect(m.lagGrowthEventsPerSecPerGroup).toBe(0);
  });
});

describe('latency: the busiest consumer as an M/M/1 queue', () => {
  it('without producer batching (linger 0) it is M/M/1: mean 1/(μ − λ_b), wait ρ/(μ − λ_b), p50 ln2·mean, p99 ln100·mean', () => {
    const m = computeMetrics(plan({ eventsPerSec: 4, partitions: 1, consumersPerGroup: 1, processingMs: 100, lingerMs: 0 }));
    expect(m.latency.bounded).toBe(true);
    expect(m.latency.meanSeconds).toBeCloseTo(1 / 6, 12);
    expect(m.latency.meanWaitSeconds).toBeCloseTo(0.4 / 6, 12);
    expect(m.latency.p50Seconds).toBeCloseTo(Math.LN2 / 6, 12);
    expect(m.latency.p99Seconds).toBeCloseTo(Math.log(100) / 6, 12);
  });

  it('is unbounded exactly at capacity', () => {
    const m = computeMetrics(plan({ eventsPerSec: 10, partitions: 1, consumersPerGroup: 1, processingMs: 100 }));
    expect(m.latency.bounded).toBe(false);
    expect(m.latency.p99Seconds).toBe(Infinity);
  });
});

describe('traffic and storage', () => {
  const m = computeMetrics(plan({ eventsPerSec: 1000, eventSizeBytes: 500, replicationFactor: 3, consumerGroups: 4, brokers: 6, retentionHours: 2 }));
  it('follows W = λ·s, replication W(R−1), egress W·G', () => {
    expect(m.ingressBytesPerSec).toBe(500_000);
    expect(m.replicationBytesPerSec).toBe(1_000_000);
    expect(m.egressBytesPerSec).toBe(2_000_000);
  });
  it('spreads network and storage over B brokers', () => {
    expect(m.brokerNetworkInBytesPerSec).toBe(250_000);
    expect(m.brokerNetworkOutBytesPerSec).toBe((500_000 * 6) / 6);
    expect(m.storageLogicalBytes).toBe(500_000 * 7200);
    expect(m.storageReplicatedBytes).toBe(500_000 * 7200 * 3);
    expect(m.brokerStorageBytes).toBe(500_000 * 7200 / 2);
  });
});

describe('health score', () => {
  it('is 100 for a plan with headroom, no idle consumers and redundancy', () => {
    const m = computeMetrics(plan({ eventsPerSec: 100, partitions: 10, consumersPerGroup: 10, processingMs: 10 }));
    expect(m.utilization).toBeCloseTo(0.1, 12);
    expect(m.health.score).toBe(100);
  });
  it('falls linearly from 100 at the 70 % target to 0 at full utilization', () => {
    const at85 = computeMetrics(plan({ eventsPerSec: 85, partitions: 1, consumersPerGroup: 1, processingMs: 10 }));
    expect(at85.health.score).toBe(50);
    expect(at85.health.binding.id).toBe('consumers');
  });
  it('says an invalid cluster is invalid (R > B) and scores it 0', () => {
    const m = computeMetrics(plan({ eventsPerSec: 1, replicationFactor: 5, brokers: 3 }));
    expect(m.clusterValid).toBe(false);
    expect(m.health.score).toBe(0);
    expect(m.health.binding.id).toBe('cluster');
    expect(m.health.binding.finding).toMatch(/Invalid cluster/);
  });
  it('halves for a single copy and takes 10 points for idle consumers', () => {
    const single = computeMetrics(plan({ eventsPerSec: 1, partitions: 10, consumersPerGroup: 10, replicationFactor: 1, brokers: 1, plannedFailure: 0 }));
    expect(single.health.score).toBe(50);
    expect(single.health.binding.id).toBe('redundancy');
    const idle = computeMetrics(plan({ eventsPerSec: 1, partitions: 5, consumersPerGroup: 10 }));
    expect(idle.health.score).toBe(90);
    expect(idle.health.binding.id).toBe('idle-consumers');
  });
  it('advises the smallest even layout that meets the target, or a processing time when none is practical', () => {
    const m = computeMetrics(plan({ eventsPerSec: 100, partitions: 2, consumersPerGroup: 2, processingMs: 100 }));
    // 100 / (0.7 × 10) = 14.3 → 15 consumers on 15 partitions.
    expect(m.health.binding.advice).toContain('at least 15 consumers per group on at least 15 partitions');
    expect(seed.health.binding.advice).toContain('Processing time is the limit');
    expect(seed.health.binding.advice).toContain('0.0035 ms'); // 0.7 × 1000 / 200,000 per consumer
  });
});
