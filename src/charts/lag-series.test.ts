import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { computeMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { lagAt, lagOutlook, lagSeries } from './lag-series';

const plan = (overrides: Partial<PlanConfig> = {}) => {
  const config = { ...DEFAULT_CONFIG, ...overrides };
  return { config, load: computeMetrics(config) };
};

describe('lag forecast', () => {
  it("grows at the model's lag growth per group when overloaded (the seed: 999,950 events/s)", () => {
    const { config, load } = plan();
    expect(load.lagGrowthEventsPerSecPerGroup).toBe(999_950);
    expect(lagAt(config, load, 0, 3600)).toBeCloseTo(999_950 * 3600, 0);
    const rows = lagSeries({ current: { config, load }, backlogEvents: 0, horizonSeconds: 6 * 3600, unitSeconds: 3600 });
    expect(rows).toHaveLength(121);
    expect(rows[0]).toEqual({ x: 0, model: 0 });
    expect(rows[120]!.x).toBe(6);
    expect(rows[120]!.model).toBeCloseTo(999_950 * 6 * 3600, 0);
  });

  it('drains a backlog at group capacity − λ when P divides evenly, then stays at 0', () => {
    // 10 partitions, 10 consumers at 1 ms: capacity 10,000 events/s, λ = 4,000 → drains at 6,000/s.
    const { config, load } = plan({ eventsPerSec: 4000, partitions: 10, consumersPerGroup: 10, processingMs: 1 });
    expect(load.groupCapacityEventsPerSec).toBe(10_000);
    expect(lagAt(config, load, 60_000, 5)).toBeCloseTo(30_000, 6);
    expect(lagAt(config, load, 60_000, 10)).toBeCloseTo(0, 6);
    expect(lagAt(config, load, 60_000, 1000)).toBe(0);
    expect(lagOutlook(config, load, 60_000)).toEqual({ growthEventsPerSec: 0, drainSeconds: 10 });
  });

  it('with uneven assignment the busiest consumers drain last, at b / (capacity − λ)', () => {
    // 3 partitions on 2 consumers (2 + 1), μ = 1000: capacity 1000·3/2 = 1500, λ = 600.
    const { config, load } = plan({ eventsPerSec: 600, partitions: 3, consumersPerGroup: 2, processingMs: 1 });
    const { drainSeconds } = lagOutlook(config, load, 9000);
    expect(drainSeconds).toBeCloseTo(9000 / 900, 9);
    expect(lagAt(config, load, 9000, drainSeconds)).toBeCloseTo(0, 6);
    expect(lagAt(config, load, 9000, drainSeconds * 0.99)).toBeGreaterThan(0);
    // The corners of the forecast are grid points, so the drawn line is exact.
    const rows = lagSeries({ current: { config, load }, backlogEvents: 9000, horizonSeconds: 60, unitSeconds: 1 });
    expect(rows.some((r) => Math.abs(r.x - drainSeconds) < 1e-9)).toBe(true);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.model!).toBeLessThanOrEqual(rows[i - 1]!.model! + 1e-6);
  });

  it('a backlog on an overloaded group grows from where it is, and never drains', () => {
    const { config, load } = plan();
    expect(lagAt(config, load, 1e6, 10)).toBeCloseTo(1e6 + 999_950 * 10, 0);
    expect(lagOutlook(config, load, 1e6).drainSeconds).toBe(Infinity);
  });

  it('adds the baseline and the measured lag on the same rows, leaving out measurements past the horizon', () => {
    const current = plan();
    const baseline = plan({ consumersPerGroup: 5, partitions: 10 });
    const rows = lagSeries({
      current,
      baseline,
      backlogEvents: 0,
      horizonSeconds: 60,
      unitSeconds: 1,
      points: 7,
      measured: [
        { timeMs: 500, lag: 400_000 },
        { timeMs: 1000, lag: 900_000 },
        { timeMs: 61_000, lag: 1 },
      ],
    });
    expect(rows.map((r) => r.x)).toEqual([0, 0.5, 1, 10, 20, 30, 40, 50, 60]);
    expect(rows.filter((r) => r.measured !== undefined).map((r) => r.measured)).toEqual([400_000, 900_000]);
    for (const row of rows) {
      expect(row.baseline).toBeCloseTo(lagAt(baseline.config, baseline.load, 0, row.x), 6);
      expect(row.model).toBeCloseTo(999_950 * row.x, 3);
    }
  });
});
