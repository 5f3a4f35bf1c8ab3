import { describe, expect, it } from 'vitest';
import { axisUnitFor, formatCompact, logTicks, timeUnitFor } from './units';

describe('chart units', () => {
  it('short axis numbers with K/M/G/T suffixes, never NaN or Infinity', () => {
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1234)).toBe('1.23K');
    expect(formatCompact(3_599_820_000)).toBe('3.6G');
    expect(formatCompact(21_598_920_000)).toBe('21.6G');
    expect(formatCompact(2e13)).toBe('20T');
    expect(formatCompact(0.05)).toBe('0.05');
    expect(formatCompact(1.5)).toBe('1.5');
    expect(formatCompact(Infinity)).toBe('unbounded');
    expect(formatCompact(NaN)).toBe('—');
  });

  it('picks binary units by the largest value, and readable time units', () => {
    expect(axisUnitFor('bytes/s', 1_024_000_000).unit).toBe('MiB/s');
    expect(axisUnitFor('bytes/s', 1_024_000_000).factor).toBe(1024 ** 2);
    expect(axisUnitFor('bytes', 1024 ** 5 * 1.5).unit).toBe('PiB');
    expect(axisUnitFor('bytes', Infinity).unit).toBe('B');
    expect(axisUnitFor('seconds', 0.02).unit).toBe('ms');
    expect(axisUnitFor('seconds', 5000).unit).toBe('min');
    expect(axisUnitFor('seconds', 0.02).format(0.02)).toBe('20 ms');
    expect(axisUnitFor('ratio', 3).format(0.5)).toBe('50 % (ratio 0.5)');
    expect(timeUnitFor(60)).toEqual({ label: 's', seconds: 1 });
    expect(timeUnitFor(3600)).toEqual({ label: 'min', seconds: 60 });
    expect(timeUnitFor(6 * 3600)).toEqual({ label: 'h', seconds: 3600 });
  });

  it('log ticks at powers of ten', () => {
    expect(logTicks(1, 10_000_000)).toEqual([1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000]);
    expect(logTicks(0.001, 60_000)).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000]);
    expect(logTicks(2, 7)).toEqual([2, 7]);
  });
});
