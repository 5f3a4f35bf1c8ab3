import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, PARAMS } from '../config/schema';
import { computeMetrics } from '../engine/compute-metrics';
import { METRIC_CATALOG } from '../engine/metric-catalog';
import type { PlanConfig } from '../engine/plan-config';
import { PLOTTABLE_KINDS, plotValue, sweep, sweepKey, sweepValues, type SweepInput } from './sensitivity';

const spec = (field: keyof PlanConfig): SweepInput => PARAMS.find((p) => p.field === field)!;
const metric = (name: string) => METRIC_CATALOG.find((m) => m.name === name)!.value;

describe('sensitivity sweep', () => {
  it('spans the whole range, log-spaced for log inputs, with 120 points that do not depend on the input itself', () => {
    const xs = sweepValues(spec('eventsPerSec'), DEFAULT_CONFIG);
    expect(xs[0]).toBe(1);
    expect(xs[xs.length - 1]).toBe(10_000_000);
    expect(xs).toHaveLength(120);
    expect(sweepValues(spec('eventsPerSec'), { ...DEFAULT_CONFIG, eventsPerSec: 1234 })).toEqual(xs);
    // Log-spaced: the ratio between neighbours is about the same everywhere.
    const ratio = 10_000_000 ** (1 / 119);
    expect(xs[1]! / xs[0]!).toBeCloseTo(ratio, 6);
    for (let i = 1; i < xs.length; i += 1) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
  });

  it('counts are whole numbers without duplicates; a linear input is evenly spaced', () => {
    const partitions = sweepValues(spec('partitions'), DEFAULT_CONFIG);
    expect(partitions.every(Number.isInteger)).toBe(true);
    expect(new Set(partitions).size).toBe(partitions.length);
    expect(sweepValues(spec('replicationFactor'), DEFAULT_CONFIG)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sweepValues(spec('plannedFailure'), DEFAULT_CONFIG)).toEqual([0, 1, 2]);
    const fill = sweepValues(spec('targetDiskFill'), DEFAULT_CONFIG);
    expect(fill[1]! - fill[0]!).toBeCloseTo(0.9 / 119, 9);
  });

  it('lag growth against the event rate never decreases', () => {
    const points = sweep(DEFAULT_CONFIG, spec('eventsPerSec'), metric('lag-growth'));
    for (let i = 1; i < points.length; i += 1) expect(points[i]!.y!).toBeGreaterThanOrEqual(points[i - 1]!.y!);
    // 0 while the group keeps up (capacity 50 events/s), then λ − 50 with 5 consumers on 5 partitions.
    expect(points[0]!.y).toBe(0);
    const last = points[points.length - 1]!;
    expect(last.y).toBe(10_000_000 - 50);
  });

  it('utilization against partitions falls until the consumers run out, then jumps at consumers + 1', () => {
    const config = { ...DEFAULT_CONFIG, consumersPerGroup: 40 };
    const points = sweep(config, spec('partitions'), metric('utilization'));
    const at = (p: number) => points.find((point) => point.x === p)!.y!;
    for (const point of points.filter((p) => p.x <= 40).slice(1)) {
      const previous = points[points.indexOf(point) - 1]!;
      expect(point.y!).toBeLessThan(previous.y!);
    }
    // 40 partitions: one each. 41: the busiest consumer owns 2, its capacity halves. Both are samples.
    expect(points.map((p) => p.x)).toEqual(expect.arrayContaining([40, 41]));
    expect(at(41) / at(40)).toBeCloseTo((2 * 40) / 41, 9);
    expect(at(41)).toBeGreaterThan(at(40) * 1.9);
  });

  it('an unbounded value is a gap (null), never a number', () => {
    const points = sweep({ ...DEFAULT_CONFIG, lingerMs: 0 }, spec('eventsPerSec'), metric('latency'));
    // Capacity 50 events/s: bounded below (M/M/1 without linger), unbounded from 50 up.
    expect(points[0]!.y).toBeCloseTo(1 / (10 - 1 / 5), 9);
    const gaps = points.filter((p) => p.y === null);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((p) => p.x >= 50)).toBe(true);
    expect(points.every((p) => p.y === null || Number.isFinite(p.y))).toBe(true);
  });

  it('every point is computeMetrics on a copy with one input changed', () => {
    const points = sweep(DEFAULT_CONFIG, spec('brokers'), metric('broker-network-in'), 12);
    for (const p of points) expect(p.y).toBe(computeMetrics({ ...DEFAULT_CONFIG, brokers: p.x }).brokerNetworkInBytesPerSec);
    expect(DEFAULT_CONFIG.brokers).toBe(3);
  });

  it('every plottable metric swept over every input gives finite numbers or gaps', () => {
    const entries = METRIC_CATALOG.filter((m) => PLOTTABLE_KINDS.includes(m.kind));
    expect(entries.map((m) => m.name)).not.toContain('active-consumers');
    for (const input of PARAMS) {
      for (const x of sweepValues(input, DEFAULT_CONFIG, 8)) {
        const metrics = computeMetrics({ ...DEFAULT_CONFIG, [input.field]: x });
        for (const entry of entries) {
          const y = plotValue(entry.value(metrics));
          expect(y === null || Number.isFinite(y), `${entry.name} at ${input.name} = ${x}`).toBe(true);
        }
      }
    }
  });

  it("the curve's key leaves out the swept input", () => {
    const a = sweepKey(DEFAULT_CONFIG, 'eventsPerSec', 'lag-growth');
    expect(sweepKey({ ...DEFAULT_CONFIG, eventsPerSec: 5 }, 'eventsPerSec', 'lag-growth')).toBe(a);
    expect(sweepKey({ ...DEFAULT_CONFIG, partitions: 6 }, 'eventsPerSec', 'lag-growth')).not.toBe(a);
    expect(sweepKey(DEFAULT_CONFIG, 'eventsPerSec', 'utilization')).not.toBe(a);
  });
});
