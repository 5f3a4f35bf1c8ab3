import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedText } from './decimal-text';
import { readQuantity } from './quantity-text';

const valueOf = (text: string, unit: string) => {
  const read = readQuantity(text, unit);
  if ('error' in read) throw new Error(read.error);
  return read.value;
};

describe('readQuantity: numbers as people type them, in the field’s unit', () => {
  it.each([
    ['200,000', 'events/s', 200_000],
    ['200000', 'events/s', 200_000],
    ['200k', 'events/s', 200_000],
    ['1.5M', 'events/s', 1_500_000],
    ['2 KiB', 'bytes', 2_048],
    ['2 KB', 'bytes', 2_000],
    ['1 MiB', 'bytes', 1_048_576],
    ['7d', 'hours', 168],
    ['36h', 'hours', 36],
    ['90 min', 'hours', 1.5],
    ['2 weeks', 'hours', 336],
    ['45 s', 'ms', 45_000],
    ['5 min', 'ms', 300_000],
    ['250 MiB/s', 'MiB/s', 250],
    ['10 Gbit/s', 'MiB/s', 10e9 / 8 / 2 ** 20],
    ['1 GiB/s', 'MiB/s', 1_024],
    ['16 TiB', 'GiB', 16_384],
    ['500 GB', 'GiB', 500e9 / 2 ** 30],
    ['12 partitions', 'partitions', 12],
    ['1e6', 'events/s', 1_000_000],
    ['.5', 'ratio', 0.5],
  ])('“%s” in a %s field is %d', (text, unit, expected) => {
    expect(valueOf(text, unit)).toBe(expected);
  });

  it('says how it read a unit or a suffix, and that KB and bit/s are SI', () => {
    expect(readQuantity('2 KiB', 'bytes')).toEqual({ value: 2_048, reading: '2 KiB = 2,048 bytes' });
    expect(readQuantity('7d', 'hours')).toEqual({ value: 168, reading: '7d = 168 hours' });
    expect(readQuantity('200k', 'events/s')).toEqual({ value: 200_000, reading: '200k = 200,000 events/s' });
    expect(readQuantity('2 KB', 'bytes')).toEqual({ value: 2_000, reading: '2 KB = 2,000 bytes (SI: 1 KB = 1,000 bytes)' });
    expect((readQuantity('10 Gbit/s', 'MiB/s') as { reading: string }).reading).toBe('10 Gbit/s = 1,192.09 MiB/s (SI: 1 Gbit = 10⁹ bits, 8 bits a byte)');
    // Nothing to say when the number is written plainly, commas or not, or in the field's own unit.
    expect(readQuantity('200,000', 'events/s')).toEqual({ value: 200_000, reading: '' });
    expect(readQuantity('250 MiB/s', 'MiB/s')).toEqual({ value: 250, reading: '' });
  });

  it.each([
    ['lots', 'events/s', '“lots” is not a number'],
    ['', 'events/s', '“” is not a number'],
    ['1,00', 'events/s', '“1,00” is not a number'],
    ['2 KiB', 'events/s', '“2 KiB”: events/s are written as a number, or with k or M (200k, 1.5M)'],
    ['7d', 'bytes', '“7d” is not in bytes or a unit that converts to it (write e.g. 2048, 2 KiB or 2 KB)'],
    ['2 parsecs', 'hours', '“2 parsecs” is not in hours or a unit that converts to it (write e.g. 168, 7d or 36h)'],
    ['1e999', 'ms', '“1e999” is not a number'],
  ])('“%s” in a %s field: %s', (text, unit, error) => {
    expect(readQuantity(text, unit)).toEqual({ error });
  });

  it('reads back every whole number the app prints (with its commas), and k and M multiply exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        expect(valueOf(fixedText(n, 0, 0), 'events/s')).toBe(n);
        expect(valueOf(`${n}k`, 'partitions')).toBe(n * 1_000);
        expect(valueOf(`${n} M`, 'records')).toBe(n * 1_000_000);
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });

  it('binary sizes are exact powers of 1,024, whatever the field counts in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(valueOf(`${n} KiB`, 'bytes')).toBe(n * 1_024);
        expect(valueOf(`${n} TiB`, 'GiB')).toBe(n * 1_024);
        expect(valueOf(`${n} GiB/s`, 'MiB/s')).toBe(n * 1_024);
        expect(valueOf(`${n}d`, 'hours')).toBe(n * 24);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
