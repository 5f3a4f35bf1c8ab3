import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { planConfig } from '../test-support/arbitraries';
import { computeMetrics } from './compute-metrics';
import type { PlanConfig } from './plan-config';
import { recommend } from './recommend';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });
const score = (c: PlanConfig) => computeMetrics(c).health.score;

describe('recommend: the smallest counts that satisfy every limit', () => {
  // 100,000 events/s of 1 KiB at 1 ms each, kept a week, 3 copies.
  const config = plan({ eventsPerSec: 100_000, processingMs: 1 });
  const r = recommend(config);

  it('sizes partitions and consumers by utilization, brokers by storage, and names the limit', () => {
    expect(r.feasible).toBe(true);
    expect(r.partitions.value).toBe(143); // ⌈100,000 / (0.7 × 1,000)⌉
    expect(r.partitions.drivenBy).toMatch(/utilization/);
    expect(r.consumersPerGroup.value).toBe(143);
    // 97.7 MiB/s × 604,800 s × 3 = 173,035 GiB over 16,384 GiB × 0.7 per broker = 15.1 → 16, + 1 for one down
    expect(r.brokers.value).toBe(17);
    expect(r.brokers.drivenBy).toMatch(/storage/);
    expect(r.replicationFactor.value).toBe(3);
  });

  it('is healthy once applied, and one fewer of any count breaks a limit', () => {
    expect(score(r.config)).toBe(100);
    const { partitions: P, consumersPerGroup: C, brokers: B } = r.config;
    expect(score({ ...r.config, partitions: P - 1, consumersPerGroup: Math.min(C, P - 1) })).toBeLessThan(100);
    expect(score({ ...r.config, consumersPerGroup: C - 1 })).toBeLessThan(100);
    expect(score({ ...r.config, brokers: B - 1 })).toBeLessThan(100);
  });

  it('sizes partitions by per-partition throughput when events are big and fast to process', () => {
    const big = recommend(plan({ eventsPerSec: 10_000, eventSizeBytes: 100_000, processingMs: 0.01, retentionHours: 1 }));
    // 10,000 × 100,000 B = 953.7 MiB/s over 10 MiB/s per partition → 96
    expect(big.partitions.value).toBe(96);
    expect(big.partitions.drivenBy).toMatch(/partition throughput/);
    // each consumer may take many partitions: 10,000 events/s need 10,000 / (0.7 × 100,000) → 1 consumer
    expect(big.consumersPerGroup.value).toBe(1);
    expect(score(big.config)).toBe(100);
  });

  it('meets a p99 latency target when one is set', () => {
    const slo = recommend(plan({ eventsPerSec: 1000, processingMs: 10, latencySloMs: 100 }));
    // p99 = ln100 / (μ − λ_b) ≤ 0.1 s → λ_b ≤ 100 − 46.05 = 53.95 → ⌈1000 / 53.95⌉ = 19 partitions
    expect(slo.partitions.value).toBe(19);
    expect(slo.partitions.drivenBy).toMatch(/p99/);
    expect(computeMetrics(slo.config).latency.p99Seconds).toBeLessThanOrEqual(0.1);
  });

  it('says when processing time alone makes the target impossible, and what per-event time would do', () => {
    const seed = recommend(DEFAULT_CONFIG);
    expect(seed.feasible).toBe(false);
    expect(seed.problems.join(' ')).toMatch(/Processing time is the limit/);
    expect(seed.problems.join(' ')).toMatch(/≤ 7 ms/); // 0.7 × 1000 × 10,000 / 1,000,000
    const hopeless = recommend(plan({ eventsPerSec: 10, processingMs: 100, latencySloMs: 200 }));
    expect(hopeless.feasible).toBe(false);
    expect(hopeless.problems.join(' ')).toMatch(/p99 latency of 200 ms needs each event processed in under/);
  });

  it('recommends three copies when there is only one', () => {
    const single = recommend(plan({ eventsPerSec: 100, processingMs: 1, replicationFactor: 1, brokers: 1 }));
    expect(single.replicationFactor.value).toBe(3);
    expect(single.brokers.value).toBeGreaterThanOrEqual(3);
    expect(score(single.config)).toBe(100);
  });
});

describe('recommend over the whole input ranges (fast-check seed 41)', () => {
  it('apply-then-recompute is healthy whenever a recommendation exists; one fewer partition, consumer or broker is not', () => {
    fc.assert(
      fc.property(planConfig, (config) => {
        const r = recommend(config);
        if (!r.feasible) return;
        expect(score(r.config)).toBe(100);
        const { partitions: P, consumersPerGroup: C, brokers: B } = r.config;
        if (P > 1) expect(score({ ...r.config, partitions: P - 1, consumersPerGroup: Math.min(C, P - 1) })).toBeLessThan(100);
        if (C > 1) expect(score({ ...r.config, consumersPerGroup: C - 1 })).toBeLessThan(100);
        if (B > 1) expect(score({ ...r.config, brokers: B - 1 })).toBeLessThan(100);
      }),
      { seed: 41, numRuns: 1000 },
    );
  });
});
