import { describe, expect, it } from 'vitest';
import { DurationHistogram } from './histogram';

describe('the duration histogram', () => {
  it('is empty at first', () => {
    const h = new DurationHistogram();
    expect([h.count, h.meanMs(), h.quantileMs(0.99), h.maxMilliseconds]).toEqual([0, 0, 0, 0]);
  });

  it('counts, sums and bounds exactly; quantiles within a 1 % bucket, clamped to what was recorded', () => {
    const h = new DurationHistogram();
    for (let ms = 1; ms <= 1_000; ms += 1) h.add(ms);
    expect(h.count).toBe(1_000);
    expect(h.sumMilliseconds).toBe(500_500);
    expect(h.meanMs()).toBe(500.5);
    expect(h.maxMilliseconds).toBe(1_000);
    expect(Math.abs(h.quantileMs(0.5) - 500) / 500).toBeLessThan(0.01);
    expect(Math.abs(h.quantileMs(0.99) - 990) / 990).toBeLessThan(0.01);
    expect(h.quantileMs(1)).toBeLessThanOrEqual(1_000);
    expect(h.quantileMs(0)).toBeGreaterThanOrEqual(1);
  });

  it('a linear run is counted and summed exactly in four weighted points, its ends as min and max, its quantiles as coarse as the points', () => {
    const one = new DurationHistogram();
    const run = new DurationHistogram();
    for (let j = 0; j < 1_000; j += 1) one.add(10 + 0.5 * j);
    run.addLinear(10, 0.5, 1_000);
    expect(run.count).toBe(1_000);
    expect(run.sumMilliseconds).toBeCloseTo(one.sumMilliseconds, 6);
    expect(run.maxMilliseconds).toBe(one.maxMilliseconds);
    expect(run.quantileMs(0)).toBeGreaterThanOrEqual(10);
    // Inside the run, a quantile is as fine as its four points: the median lies between the quartiles.
    expect(run.quantileMs(0.5)).toBeGreaterThanOrEqual(10 + 0.5 * 250);
    expect(run.quantileMs(0.5)).toBeLessThanOrEqual(10 + 0.5 * 750);
  });

  it('negative durations count as 0', () => {
    const h = new DurationHistogram();
    h.add(-5);
    expect([h.count, h.sumMilliseconds, h.quantileMs(0.5)]).toEqual([1, 0, 0]);
  });
});
