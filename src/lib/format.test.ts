import { describe, expect, it } from 'vitest';
import { binaryUnitFor, countOf, formatByteRate, formatBytes, formatDuration, formatMilliseconds, formatNumber, formatUtilization } from './format';

describe('format', () => {
  it('uses IEC binary units, labelled as such', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1_024_000_000)).toBe('976.6 MiB');
    expect(formatBytes(1024 ** 4 * 563.3)).toBe('563.3 TiB');
    expect(formatByteRate(2048)).toBe('2.0 KiB/s');
    expect(binaryUnitFor(1024 ** 5)).toBe('PiB');
  });
  it('never prints NaN or Infinity', () => {
    for (const f of [formatNumber, formatBytes, formatByteRate, formatDuration, formatUtilization, formatMilliseconds]) {
      expect(f(Infinity)).toBe('unbounded');
      expect(f(NaN)).toBe('—');
    }
  });
  it('picks a readable time unit', () => {
    expect(formatDuration(0.0001)).toBe('100 µs');
    expect(formatDuration(0.1)).toBe('100 ms');
    expect(formatDuration(2.5)).toBe('2.5 s');
    expect(formatDuration(5400)).toBe('1.5 h');
    expect(formatDuration(3 * 86400)).toBe('3 d');
  });
  it('shows utilization as a percentage, and huge overloads as a multiple', () => {
    expect(formatUtilization(0.7)).toBe('70 %');
    expect(formatUtilization(20_000)).toBe('20,000× capacity');
    expect(formatMilliseconds(0.0035)).toBe('0.0035 ms');
  });
});

describe('countOf', () => {
  it('takes the singular for exactly one and groups thousands', () => {
    expect(countOf(1, 'partition')).toBe('1 partition');
    expect(countOf(0, 'partition')).toBe('0 partitions');
    expect(countOf(2, 'copy', 'copies')).toBe('2 copies');
    expect(countOf(1, 'copy', 'copies')).toBe('1 copy');
    expect(countOf(10_000, 'broker')).toBe('10,000 brokers');
  });
});
