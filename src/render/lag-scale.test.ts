import { describe, expect, it } from 'vitest';
import { LAG_SCALE_DECADES, LAG_SCALE_TICKS, lagScaleShare, xBehindLogEnd } from './lag-scale';

describe('the lag scale', () => {
  it('puts events behind the log end on a fixed log10 scale: 0 at the end, a tenth per decade, clamped', () => {
    expect(LAG_SCALE_DECADES).toBe(10);
    expect(lagScaleShare(0)).toBe(0);
    expect(lagScaleShare(9)).toBeCloseTo(0.1);
    expect(lagScaleShare(999)).toBeCloseTo(0.3);
    expect(lagScaleShare(1e10 - 1)).toBeCloseTo(1);
    expect(lagScaleShare(1e15)).toBe(1);
    expect(lagScaleShare(Number.NaN)).toBe(0);
    expect(lagScaleShare(-5)).toBe(0);
  });

  it('maps to x from the strip’s right end leftwards', () => {
    expect(xBehindLogEnd(100, 200, 0)).toBe(300);
    expect(xBehindLogEnd(100, 200, 9)).toBeCloseTo(280);
    expect(xBehindLogEnd(100, 200, 1e12)).toBe(100);
  });

  it('labels each decade as a person reads counts', () => {
    expect(LAG_SCALE_TICKS.slice(0, 5)).toEqual([
      { events: 1, label: '1' },
      { events: 10, label: '10' },
      { events: 100, label: '100' },
      { events: 1000, label: '1k' },
      { events: 10_000, label: '10k' },
    ]);
    expect(LAG_SCALE_TICKS.at(-1)).toEqual({ events: 1e10, label: '10G' });
  });
});
