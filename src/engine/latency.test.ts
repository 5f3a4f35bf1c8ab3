import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { consumerLoad } from './consumer-load';
import { batchLaw, latencyEstimate, waitQuantileSeconds } from './latency';
import type { PlanConfig } from './plan-config';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });
const estimate = (config: PlanConfig) => latencyEstimate(consumerLoad(config), config);

describe('latencyEstimate', () => {
  it('is M/M/1 when every event is a batch of its own (linger 0, or batch.size one event)', () => {
    // λ_b = 8 events/s, μ = 10 events/s: ρ = 0.8, μ − λ_b = 2.
    for (const overrides of [{ lingerMs: 0 }, { batchSizeBytes: 1024 }, { batchSizeBytes: 1500 }]) {
      const e = estimate(plan({ eventsPerSec: 8, partitions: 1, consumersPerGroup: 1, processingMs: 100, ...overrides }));
      expect(e.bounded).toBe(true);
      expect(e.batch.meanEvents).toBe(1);
      expect(e.batch.meanLingerSeconds).toBe(0);
      expect(e.meanWaitSeconds).toBeCloseTo(0.8 / 2, 12);
      expect(e.meanSeconds).toBeCloseTo(1 / 2, 12);
      expect(e.p50Seconds).toBeCloseTo(Math.LN2 / 2, 12);
      expect(e.p99Seconds).toBeCloseTo(Math.log(100) / 2, 12);
      // M/M/1's wait quantile: ln(ρ/(1 − q))/(μ − λ).
      expect(waitQuantileSeconds(e, 0.99)).toBeCloseTo(Math.log(80) / 2, 12);
      expect(waitQuantileSeconds(e, 0.1)).toBe(0);
    }
  });

  it('adds the linger delay to the latency, and the batch-mates ahead to the wait', () => {
    const base = { eventsPerSec: 800, partitions: 1, consumersPerGroup: 1, processingMs: 1 }; // ρ = 0.8, θ = 4
    const alone = estimate(plan({ ...base, lingerMs: 0 }));
    const batched = estimate(plan({ ...base, lingerMs: 5 }));
    const b = batched.batch;
    expect(b.eventsInLinger).toBeCloseTo(4, 12);
    expect(b.meanEvents).toBeGreaterThan(4.99);
    expect(batched.batchMatesAhead).toBeCloseTo((b.secondMomentEvents / b.meanEvents - 1) / 2, 12);
    expect(batched.meanSeconds).toBeCloseTo(b.meanLingerSeconds + batched.meanWaitSeconds + 0.001, 12);
    expect(batched.p99Seconds).toBeCloseTo(b.meanLingerSeconds + Math.log(100) * (batched.meanWaitSeconds + 0.001), 12);
    // Batching makes it wait longer than M/M/1, but far less than Poisson batches (M^X/M/1) would.
    const poissonBatches = (0.8 / 1000 + (b.secondMomentEvents / b.meanEvents - 1) / 2000) / 0.2;
    expect(batched.meanWaitSeconds).toBeGreaterThan(alone.meanWaitSeconds);
    expect(batched.meanWaitSeconds).toBeLessThan(poissonBatches / 2);
    expect(batched.regularityCredit).toBeGreaterThan(0);
    // Q, the own partition's events a batch finds, stays ≥ 0: Δ ≤ r·(1 + E[J]).
    expect(batched.regularityCredit).toBeLessThanOrEqual(0.8 * (1 + batched.batchMatesAhead) + 1e-12);
  });

  it("tends to M^X/M/1 as one consumer's partitions multiply (their batches then arrive like a Poisson stream)", () => {
    // Same θ = λ_p·linger = 0.5 and ρ = 0.8 on 1, 10 and 1,000 partitions.
    const mx = (e: ReturnType<typeof estimate>, mu: number, rho: number) => (rho / mu + (e.batch.secondMomentEvents / e.batch.meanEvents - 1) / (2 * mu)) / (1 - rho);
    const gaps = [1, 10, 1000].map((partitions) => {
      const eventsPerSec = 100 * partitions; // λ_p = 100 events/s: θ = 0.5
      const mu = eventsPerSec / 0.8;
      const e = estimate(plan({ eventsPerSec, partitions, consumersPerGroup: 1, processingMs: 1000 / mu }));
      expect(e.batch.eventsInLinger).toBeCloseTo(0.5, 12);
      return mx(e, mu, 0.8) / e.meanWaitSeconds - 1;
    });
    expect(gaps[0]).toBeGreaterThan(0.2);
    expect(gaps[1]).toBeLessThan(gaps[0]!);
    expect(gaps[2]).toBeLessThan(gaps[1]!);
    expect(gaps[2]).toBeLessThan(0.01);
  });

  it('is unbounded when the busiest consumer cannot keep up', () => {
    const e = estimate(DEFAULT_CONFIG);
    expect(e.bounded).toBe(false);
    for (const x of [e.meanWaitSeconds, e.meanSeconds, e.p50Seconds, e.p99Seconds, waitQuantileSeconds(e, 0.5)]) expect(x).toBe(Infinity);
  });

  it('stays finite and ordered over extreme plans', () => {
    for (const overrides of [
      { eventsPerSec: 10_000_000, partitions: 1, consumersPerGroup: 1, processingMs: 0.00005, lingerMs: 10_000, batchSizeBytes: 16_777_216, eventSizeBytes: 1 },
      { eventsPerSec: 10_000_000, partitions: 10_000, consumersPerGroup: 1, processingMs: 0.00009, lingerMs: 5 },
      { eventsPerSec: 1, partitions: 1, consumersPerGroup: 1, processingMs: 999, lingerMs: 10_000 },
      { eventsPerSec: 9_990, partitions: 1, consumersPerGroup: 1, processingMs: 0.1, lingerMs: 5, eventSizeBytes: 100 },
    ]) {
      const e = estimate(plan(overrides));
      expect(e.bounded, JSON.stringify(overrides)).toBe(true);
      for (const x of [e.meanWaitSeconds, e.meanSeconds, e.p50Seconds, e.p99Seconds, e.regularityCredit]) {
        expect(Number.isFinite(x), JSON.stringify(overrides)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(0);
      }
      expect(e.p50Seconds).toBeLessThanOrEqual(e.p99Seconds);
    }
  });
});

describe('batchLaw: the events a producer batch holds, as the simulation forms batches', () => {
  it('X = 1 + N below a batch.size that never fills: E[X] = 1 + θ, E[X²] = 1 + 3θ + θ², d = linger·(θ + 2)/(2(1 + θ))', () => {
    const b = batchLaw(plan({ eventsPerSec: 600, partitions: 2, lingerMs: 10, batchSizeBytes: 1_048_576 })); // θ = 3
    expect(b.eventsInLinger).toBeCloseTo(3, 12);
    expect(b.meanEvents).toBeCloseTo(4, 9);
    expect(b.secondMomentEvents).toBeCloseTo(1 + 9 + 9, 9);
    expect(b.meanLingerSeconds).toBeCloseTo((0.01 * 5) / 8, 9);
    expect(b.fullShare).toBeLessThan(1e-12);
  });

  it('X = 1 + min(N, 1) when a batch holds two events: E[X] = 2 − e^−θ', () => {
    const b = batchLaw(plan({ eventsPerSec: 1000, partitions: 1, lingerMs: 1.5, batchSizeBytes: 2048 })); // θ = 1.5, m = 2
    expect(b.maxEvents).toBe(2);
    expect(b.meanEvents).toBeCloseTo(2 - Math.exp(-1.5), 12);
    expect(b.secondMomentEvents).toBeCloseTo(1 + 3 * (1 - Math.exp(-1.5)), 12);
    expect(b.fullShare).toBeCloseTo(1 - Math.exp(-1.5), 12);
  });

  it('full batches when batch.size fills long before linger: X = m, d = (m − 1)/(2λ_p)', () => {
    const b = batchLaw(plan({ eventsPerSec: 1_000_000, partitions: 5, lingerMs: 5 })); // θ = 1,000, m = 16
    expect(b.meanEvents).toBe(16);
    expect(b.secondMomentEvents).toBe(256);
    expect(b.meanLingerSeconds).toBeCloseTo(15 / 2 / 200_000, 12);
  });

  it('agrees across the switch from exact sums to a normal law at θ = 10⁴', () => {
    const at = (theta: number) => batchLaw(plan({ eventsPerSec: theta * 1000, partitions: 1, lingerMs: 1, eventSizeBytes: 1, batchSizeBytes: 10_001 }));
    const below = at(9_999.999);
    const above = at(10_000.001);
    expect(above.meanEvents / below.meanEvents - 1).toBeLessThan(1e-4);
    expect(above.meanLingerSeconds / below.meanLingerSeconds - 1).toBeLessThan(1e-3);
  });
});
