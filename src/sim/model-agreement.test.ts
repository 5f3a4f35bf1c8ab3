import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { computeMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { createSimulation } from './simulation';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });

/** Counters of group 0 at the current time. */
function counters(sim: ReturnType<typeof createSimulation>) {
  const s = sim.snapshot();
  const g = s.groups[0];
  return { t: s.timeMs, consumed: g?.consumed ?? 0, lag: g?.lag ?? 0, wait: s.measurements.waitTotalSeconds, waits: s.measurements.waitSamples };
}

describe('the simulation agrees with the capacity model', () => {
  it('steady state: measured consumed rate within 2 % of the model (seed 21)', () => {
    const config = plan({ eventsPerSec: 2000, partitions: 4, consumersPerGroup: 4, processingMs: 1 });
    const model = computeMetrics(config);
    expect(model.utilization).toBeCloseTo(0.5, 6);
    const sim = createSimulation(config, { seed: 21 });
    sim.advance(5_000); // warm-up
    const a = counters(sim);
    sim.advance(60_000);
    const b = counters(sim);
    const consumedPerSec = ((b.consumed - a.consumed) * 1000) / (b.t - a.t);
    const modelConsumedPerSec = Math.min(config.eventsPerSec, model.groupCapacityEventsPerSec);
    expect(Math.abs(consumedPerSec / modelConsumedPerSec - 1)).toBeLessThan(0.02);
  });

  it("overloaded, the seed's scenario: measured lag growth within 3 % of the model's 999,950 events/s (seed 22)", () => {
    const sim = createSimulation(DEFAULT_CONFIG, { seed: 22 });
    sim.advance(5_000);
    const a = counters(sim);
    sim.advance(30_000);
    const b = counters(sim);
    const measured = ((b.lag - a.lag) * 1000) / (b.t - a.t);
    const model = computeMetrics(DEFAULT_CONFIG).lagGrowthEventsPerSecPerGroup;
    expect(model).toBe(999_950);
    expect(Math.abs(measured / model - 1)).toBeLessThan(0.03);
    // The consumers work flat out at the group capacity, 50 events/s, although a poll of
    // 500 events takes 50 s before it commits: the measured rate counts work as it is done.
    const { consumedPerSec, windowMs } = sim.snapshot().measurements;
    expect(windowMs).toBe(10_000);
    expect(Math.abs(consumedPerSec / computeMetrics(DEFAULT_CONFIG).groupCapacityEventsPerSec - 1)).toBeLessThan(0.1);
  });

  it('overloaded with uneven assignment (P = 5, a = 2): lag growth within 3 % of Σ max(0, λ·k_i/P − μ) (seed 23)', () => {
    const config = plan({ eventsPerSec: 100, partitions: 5, consumersPerGroup: 2, processingMs: 100 });
    const model = computeMetrics(config).lagGrowthEventsPerSecPerGroup; // 50 + 30 = 80 events/s
    const sim = createSimulation(config, { seed: 23, maxPollRecords: 20 });
    sim.advance(10_000);
    const a = counters(sim);
    sim.advance(1_200_000);
    const b = counters(sim);
    const measured = ((b.lag - a.lag) * 1000) / (b.t - a.t);
    expect(Math.abs(measured / model - 1)).toBeLessThan(0.03);
  });

  it('Poisson arrivals, exponential service (M/M/1 at ρ = 0.8): mean wait matches ρ/(μ − λ) within the 99 % confidence interval (seed 24)', () => {
    const config = plan({ eventsPerSec: 8, partitions: 1, consumersPerGroup: 1, processingMs: 100 });
    const model = computeMetrics(config);
    expect(model.latency.meanWaitSeconds).toBeCloseTo(0.4, 12);
    // No batching and no replication delay: the consumer sees each event as it arrives.
    const sim = createSimulation(config, { seed: 24, lingerMs: 0, replicationDelayMs: 0 });
    sim.advance(1_000_000); // warm-up
    const batchMeans: number[] = [];
    let previous = counters(sim);
    for (let i = 0; i < 30; i += 1) {
      sim.advance(1_000_000);
      const now = counters(sim);
      batchMeans.push((now.wait - previous.wait) / (now.waits - previous.waits));
      previous = now;
    }
    const mean = batchMeans.reduce((s, x) => s + x, 0) / batchMeans.length;
    const sd = Math.sqrt(batchMeans.reduce((s, x) => s + (x - mean) ** 2, 0) / (batchMeans.length - 1));
    const halfWidth = (2.756 * sd) / Math.sqrt(batchMeans.length); // t(0.995, 29 df)
    expect(halfWidth).toBeLessThan(0.04); // the interval is informative: ±10 % of 0.4 s
    expect(Math.abs(mean - model.latency.meanWaitSeconds)).toBeLessThanOrEqual(halfWidth);
    // and the time in system, wait + service, matches 1/(μ − λ) = 0.5 s
    expect(sim.snapshot().measurements.latencyMeanSeconds).toBeCloseTo(model.latency.meanSeconds, 1);
  });
});
