import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/schema';
import { computeMetrics } from '../../engine/compute-metrics';
import { makeSnapshot } from '../../test-support/sim-snapshot';
import { compareFigures, differencePercent, idleConsumersOfFirstGroup, mm1WaitQuantileSeconds } from './model-vs-sim';

describe('model vs simulation figures', () => {
  it('M/M/1 wait quantiles: 0 below the no-wait share, ln(ρ/(1−p))/(μ−λ) above; mean of the distribution is ρ/(μ−λ)', () => {
    // λ = 8, μ = 10: ρ = 0.8, μ − λ = 2.
    expect(mm1WaitQuantileSeconds(8, 10, 0.5)).toBeCloseTo(Math.log(1.6) / 2, 12);
    expect(mm1WaitQuantileSeconds(8, 10, 0.99)).toBeCloseTo(Math.log(80) / 2, 12);
    expect(mm1WaitQuantileSeconds(4, 10, 0.5)).toBe(0); // ρ = 0.4: 60 % of events never wait
    expect(mm1WaitQuantileSeconds(10, 10, 0.5)).toBe(Infinity);
    // P(W > t) = ρ e^{−(μ−λ)t} at the p99 gives 1 %.
    const t = mm1WaitQuantileSeconds(8, 10, 0.99);
    expect(0.8 * Math.exp(-2 * t)).toBeCloseTo(0.01, 12);
  });

  it('difference in % only where both figures are finite and the model is not 0', () => {
    expect(differencePercent(105, 100)).toBeCloseTo(5, 12);
    expect(differencePercent(-95, -100)).toBeCloseTo(5, 12);
    expect(differencePercent(1, 0)).toBeNull();
    expect(differencePercent(1, Infinity)).toBeNull();
    expect(differencePercent(NaN, 1)).toBeNull();
    expect(differencePercent(1, null)).toBeNull();
  });

  it("puts the seed scenario's measurements beside the model's predictions", () => {
    const snapshot = makeSnapshot({ timeMs: 3000, measurements: { lagGrowthPerSec: 999_000 } });
    const figures = Object.fromEntries(compareFigures(snapshot, computeMetrics(DEFAULT_CONFIG)).map((f) => [f.name, f]));
    expect(figures['time']?.measured).toBe(3);
    expect(figures['produced-rate']?.model).toBe(1_000_000);
    expect(figures['consumed-rate']?.model).toBe(50);
    expect(figures['lag-growth']).toMatchObject({ measured: 999_000, model: 999_950 });
    expect(figures['lag']?.model).toBeCloseTo(999_950 * 3, 6);
    expect(figures['latency-p50']?.model).toBe(Infinity);
    expect(figures['dead-lettered']?.model).toBeNull();
    expect(Object.keys(figures)).toEqual(['time', 'produced-rate', 'consumed-rate', 'lag', 'lag-growth', 'wait-mean', 'wait-p50', 'wait-p99', 'latency-p50', 'latency-p99', 'dead-lettered', 'duplicates']);
  });

  it('shows no difference until there is something to measure', () => {
    const fresh = makeSnapshot({ timeMs: 0, measurements: { windowMs: 0, waitSamples: 0 } });
    const settled = Object.fromEntries(compareFigures(fresh, computeMetrics(DEFAULT_CONFIG)).map((f) => [f.name, f.settled]));
    expect(settled).toMatchObject({ 'produced-rate': false, 'lag-growth': false, 'wait-p50': false, 'latency-p99': false, lag: true, time: true });
    expect(compareFigures(makeSnapshot(), computeMetrics(DEFAULT_CONFIG)).every((f) => f.settled)).toBe(true);
  });

  it('idle consumers of group 0, and no answer while it rebalances', () => {
    expect(idleConsumersOfFirstGroup(makeSnapshot())).toBe(5);
    expect(idleConsumersOfFirstGroup(makeSnapshot({ groups: [{ rebalancing: true }] }))).toBeNull();
  });
});
