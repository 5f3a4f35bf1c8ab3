import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { appendLag, EMPTY_LAG_HISTORY, MAX_LAG_POINTS, runKeyFor, type LagHistory } from './lag-history';

const run = (times: number[], key = 'run', max = MAX_LAG_POINTS) =>
  times.reduce<LagHistory>((h, t) => appendLag(h, key, { timeMs: t, lag: t * 10 }, max), EMPTY_LAG_HISTORY);

describe('lag history', () => {
  it('keeps every point of a short run', () => {
    const h = run([0, 50, 100, 150]);
    expect(h.points.map((p) => p.timeMs)).toEqual([0, 50, 100, 150]);
  });

  it('never holds more than the maximum, keeps the first and newest points, in time order', () => {
    const times = Array.from({ length: 20_000 }, (_, i) => i * 50);
    const h = run(times);
    expect(h.points.length).toBeLessThanOrEqual(MAX_LAG_POINTS);
    expect(h.points.length).toBeGreaterThan(MAX_LAG_POINTS / 4);
    expect(h.points[0]!.timeMs).toBe(0);
    expect(h.points[h.points.length - 1]!.timeMs).toBe(times[times.length - 1]);
    for (let i = 1; i < h.points.length; i += 1) expect(h.points[i]!.timeMs).toBeGreaterThan(h.points[i - 1]!.timeMs);
    // Covers the run evenly: no gap much wider than the mean.
    const gaps = h.points.slice(1).map((p, i) => p.timeMs - h.points[i]!.timeMs);
    const mean = (h.points[h.points.length - 1]!.timeMs - h.points[0]!.timeMs) / gaps.length;
    expect(Math.max(...gaps)).toBeLessThanOrEqual(mean * 2.5);
  });

  it('starts over for a new run: another key, or time going back (a reset)', () => {
    const h = run([0, 100, 200]);
    expect(appendLag(h, 'other', { timeMs: 300, lag: 1 }).points).toEqual([{ timeMs: 300, lag: 1 }]);
    expect(appendLag(h, 'run', { timeMs: 0, lag: 0 }).points).toEqual([{ timeMs: 0, lag: 0 }]);
  });

  it('a snapshot at the same time replaces the last point (or is ignored when equal)', () => {
    const h = run([0, 100]);
    expect(appendLag(h, 'run', { timeMs: 100, lag: 1000 })).toBe(h);
    expect(appendLag(h, 'run', { timeMs: 100, lag: 5 }).points).toEqual([
      { timeMs: 0, lag: 0 },
      { timeMs: 100, lag: 5 },
    ]);
  });
});

describe('run keys', () => {
  it('do not depend on the order of the plan’s fields', () => {
    const reversed = Object.fromEntries(Object.entries(DEFAULT_CONFIG).reverse()) as typeof DEFAULT_CONFIG;
    expect(runKeyFor(7, reversed)).toBe(runKeyFor(7, DEFAULT_CONFIG));
    expect(runKeyFor(8, DEFAULT_CONFIG)).not.toBe(runKeyFor(7, DEFAULT_CONFIG));
    expect(runKeyFor(7, { ...DEFAULT_CONFIG, partitions: 6 })).not.toBe(runKeyFor(7, DEFAULT_CONFIG));
  });
});
