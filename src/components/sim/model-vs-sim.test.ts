import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/schema';
import { computeMetrics } from '../../engine/compute-metrics';
import { makeSnapshot } from '../../test-support/sim-snapshot';
import { compareFigures, differencePercent, idleConsumersOfFirstGroup } from './model-vs-sim';

const figuresOf = (config: Partial<typeof DEFAULT_CONFIG>) => {
  const plan = { ...DEFAULT_CONFIG, ...config };
  return Object.fromEntries(compareFigures(makeSnapshot({ config: plan }), computeMetrics(plan)).map((f) => [f.name, f]));
};

describe('model vs simulation figures', () => {
  it('compares the waits with the batched model, which is M/M/1 when every event is a batch of its own', () => {
    // λ = 8, μ = 10 on one partition: ρ = 0.8, μ − λ = 2.
    const single = figuresOf({ eventsPerSec: 8, partitions: 1, consumersPerGroup: 1, processingMs: 100, lingerMs: 0 });
    expect(single['wait-mean']?.model).toBeCloseTo(0.8 / 2, 12);
    expect(single['wait-p50']?.model).toBeCloseTo(Math.log(1.6) / 2, 12); // ln(ρ/(1 − p))/(μ − λ)
    expect(single['wait-p99']?.model).toBeCloseTo(Math.log(80) / 2, 12);
    expect(single['latency-mean']?.model).toBeCloseTo(1 / 2, 12);
    expect(single['latency-p99']?.model).toBeCloseTo(Math.log(100) / 2, 12);
    expect(figuresOf({ eventsPerSec: 4, partitions: 1, consumersPerGroup: 1, processingMs: 100, lingerMs: 0 })['wait-p50']?.model).toBe(0); // ρ = 0.4: 60 % never wait
    // With linger.ms 5 and 1 ms events (θ = 4 events a batch): the batched model, not M/M/1.
    const plan = { ...DEFAULT_CONFIG, eventsPerSec: 800, partitions: 1, consumersPerGroup: 1, processingMs: 1 };
    const latency = computeMetrics(plan).latency;
    const batched = figuresOf(plan);
    expect(batched['wait-mean']?.model).toBe(latency.meanWaitSeconds);
    expect(batched['wait-mean']?.model).toBeGreaterThan(0.8 / 200);
    expect(batched['latency-mean']?.model).toBe(latency.meanSeconds);
    expect(batched['latency-p50']?.model).toBe(latency.p50Seconds);
    expect(batched['wait-p99']?.model).toBeGreaterThan(batched['wait-p50']?.model ?? Infinity);
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
    expect(figures['wait-p99']?.model).toBe(Infinity);
    expect(figures['dead-lettered']?.model).toBeNull();
    expect(Object.keys(figures)).toEqual(['time', 'produced-rate', 'consumed-rate', 'lag', 'lag-growth', 'wait-mean', 'wait-p50', 'wait-p99', 'latency-mean', 'latency-p50', 'latency-p99', 'dead-lettered', 'duplicates']);
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
