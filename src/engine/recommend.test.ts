import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { planConfig } from '../test-support/arbitraries';
import { computeMetrics } from './compute-metrics';
import type { PlanConfig } from './plan-config';
import { recommend } from './recommend';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });
const score = (c: PlanConfig) => computeMetrics(c).health.score;

describe('recommend: counts that satisfy every limit, with judgement', () => {
  // 100,000 events/s of 1 KiB at 1 ms each, kept a week, 3 copies, one broker down planned.
  const config = plan({ eventsPerSec: 100_000, processingMs: 1 });
  const r = recommend(config);

  it('sizes partitions and consumers by utilization, brokers by storage, names the limit, and rounds partitions to a multiple of the brokers', () => {
    expect(r.feasible).toBe(true);
    // ⌈100,000 / (0.7 × 1,000)⌉ = 143, rounded up to a multiple of 18 brokers
    expect(r.partitions.value).toBe(144);
    expect(r.partitions.drivenBy).toMatch(/utilization/);
    expect(r.partitions.note).toBe('143 needed, rounded up to a multiple of 18 brokers so leaders spread evenly');
    expect(r.consumersPerGroup.value).toBe(144);
    // 97.7 MiB/s × 604,800 s × 3 = 173,035 GiB (+ open segments, indexes) over 11,469 GiB a broker → 16+, a multiple of 3 zones: 18
    expect(r.brokers.value).toBe(18);
    expect(r.brokers.value % config.zones).toBe(0);
    expect(r.brokers.drivenBy).toMatch(/storage/);
    expect(r.replicationFactor.value).toBe(3);
  });

  it('is healthy once applied; fewer partitions, one fewer consumer or one zone fewer of brokers breaks a limit', () => {
    expect(score(r.config)).toBe(100);
    const { partitions: P, consumersPerGroup: C, brokers: B } = r.config;
    expect(score({ ...r.config, partitions: 143 - 1, consumersPerGroup: Math.min(C, 142) })).toBeLessThan(100);
    expect(score({ ...r.config, consumersPerGroup: C - 1 })).toBeLessThan(100);
    expect(score({ ...r.config, brokers: B - 3, partitions: P })).toBeLessThan(100);
  });

  it('names cheaper changes than more brokers, each with the count it would need', () => {
    expect(r.alternatives.some((a) => /^Compress .*: \d+ brokers instead of 18\.$/.test(a))).toBe(true);
    expect(r.alternatives.some((a) => /^Keep 84 h instead of 168 h: \d+ brokers\.$/.test(a))).toBe(true);
  });

  it('sizes partitions by per-partition throughput when events are big and fast to process', () => {
    const big = recommend(plan({ eventsPerSec: 10_000, eventSizeBytes: 100_000, processingMs: 0.01, retentionHours: 1 }));
    // 10,000 × 100,000 B = 953.7 MiB/s over 10 MiB/s per partition → 96, rounded up to a multiple of the brokers
    expect(big.partitions.drivenBy).toMatch(/partition throughput/);
    expect(big.partitions.value).toBeGreaterThanOrEqual(96);
    expect(big.partitions.value % big.brokers.value).toBe(0);
    // each consumer may take many partitions: 10,000 events/s need 10,000 / (0.7 × 100,000) → 1 consumer
    expect(big.consumersPerGroup.value).toBe(1);
    expect(score(big.config)).toBe(100);
  });

  it('meets a p99 latency target when one is set', () => {
    const slo = recommend(plan({ eventsPerSec: 1000, processingMs: 10, latencySloMs: 100 }));
    expect(slo.partitions.drivenBy).toMatch(/p99/);
    expect(computeMetrics(slo.config).latency.p99Seconds).toBeLessThanOrEqual(0.1);
    expect(score(slo.config)).toBe(100);
  });

  it("sizes a tight p99 target with the model's own latency (linger and batches), not M/M/1's", () => {
    const slo = recommend(plan({ eventsPerSec: 10_000, processingMs: 2, latencySloMs: 15, retentionHours: 24 }));
    // M/M/1 alone: μ − ln 100 / 0.015 s = 193 events/s a consumer → 52 partitions; the 5 ms linger needs more.
    expect(slo.partitions.value).toBeGreaterThan(52);
    expect(slo.partitions.drivenBy).toMatch(/p99/);
    expect(computeMetrics(slo.config).latency.p99Seconds).toBeLessThanOrEqual(0.015);
    expect(score(slo.config)).toBe(100);
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
    const single = recommend(plan({ eventsPerSec: 100, processingMs: 1, replicationFactor: 1, minInsyncReplicas: 1, brokers: 1, zones: 1 }));
    expect(single.replicationFactor.value).toBe(3);
    expect(single.brokers.value).toBeGreaterThanOrEqual(3);
    expect(score(single.config)).toBe(100);
  });

  it('never recommends fewer partitions than the topic has, and says what a new topic would need', () => {
    const over = recommend(plan({ eventsPerSec: 1000, processingMs: 1, partitions: 384, consumersPerGroup: 10 }));
    expect(over.partitions.value).toBe(384);
    expect(over.partitions.note).toMatch(/^keep 384 — partitions cannot be reduced; 2 would do for a new topic$/);
  });

  it('sizes partitions for the planned growth, and the 2× column for twice it', () => {
    const today = recommend(plan({ eventsPerSec: 10_000, processingMs: 1, retentionHours: 24 }));
    const grown = recommend(plan({ eventsPerSec: 10_000, processingMs: 1, retentionHours: 24, growthFactor: 2 }));
    // ⌈10,000 / 700⌉ = 15 today; ⌈20,000 / 700⌉ = 29 at 2×, rounded to a multiple of 3 brokers
    expect(today.partitions.value).toBe(15);
    expect(grown.partitions.value).toBe(30);
    expect(grown.partitions.drivenBy).toMatch(/at 2× today's rate/);
    expect(score({ ...grown.config, eventsPerSec: 20_000 })).toBe(100);
  });

  it('fixes writes that stop with a broker down: RF 2 with min ISR 2 becomes RF 3 with min ISR 2', () => {
    const fragile = plan({ eventsPerSec: 1000, processingMs: 1, partitions: 6, consumersPerGroup: 6, replicationFactor: 2, minInsyncReplicas: 2, brokers: 2, zones: 2 });
    expect(computeMetrics(fragile).health.factors.find((f) => f.id === 'availability')?.score01).toBe(0);
    const fixed = recommend(fragile);
    expect([fixed.replicationFactor.value, fixed.minInsyncReplicas.value]).toEqual([3, 2]);
    expect(fixed.replicationFactor.drivenBy).toMatch(/writes survive one broker down/);
    expect(score(fixed.config)).toBe(100);
  });

  it('asks for 3 zones when one zone down is planned on 2', () => {
    const twoZones = recommend(plan({ eventsPerSec: 1000, processingMs: 1, partitions: 6, consumersPerGroup: 6, brokers: 4, zones: 2, plannedFailure: 2 }));
    expect(twoZones.zones.value).toBe(3);
    expect(twoZones.config.brokers % 3).toBe(0);
    expect(score(twoZones.config)).toBe(100);
  });

  it('raises consumers with partitions when a broker step rounds partitions up (99,500 events/s at 1.01 ms, 167 h)', () => {
    const r = recommend(plan({ eventsPerSec: 99_500, processingMs: 1.01, brokers: 6, retentionHours: 167 }));
    expect(r.feasible).toBe(true);
    expect(r.config.consumersPerGroup).toBe(r.config.partitions);
    expect(score(r.config)).toBe(100);
  });

  it('fixes a max.poll.interval.ms livelock with fewer records per poll', () => {
    const slow = recommend(plan({ eventsPerSec: 10, processingMs: 1000, partitions: 24, consumersPerGroup: 24, retentionHours: 24 }));
    // 500 × 1 s = 500 s > 300 s: half the interval, 150 records a poll
    expect(slow.config.maxPollRecords).toBe(150);
    expect(score(slow.config)).toBe(100);
  });
});

describe('recommend over the whole input ranges (fast-check seed 41)', () => {
  it('apply-then-recompute is healthy whenever a recommendation exists; partitions never shrink, brokers are a multiple of zones and a zone fewer is not healthy', () => {
    fc.assert(
      fc.property(planConfig, (config) => {
        const r = recommend(config);
        if (!r.feasible) return;
        expect(score(r.config)).toBe(100);
        const { partitions: P, brokers: B, zones: Z } = r.config;
        expect(P).toBeGreaterThanOrEqual(config.partitions);
        expect(B % Math.min(Z, B)).toBe(0);
        // A zone fewer fails — where the partitions stay a multiple of it (the recommendation keeps them so).
        if (B - Z >= Math.max(r.config.replicationFactor, Z) && P % (B - Z) === 0) expect(score({ ...r.config, brokers: B - Z })).toBeLessThan(100);
      }),
      { seed: 41, numRuns: 150 },
    );
  }, 120_000);
});
