import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedText, significantText } from './decimal-text';

// Intl is the specification: every generated value must read exactly as Intl prints it.
const fixedIntl = (min: number, max: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
const significantIntl = (n: number) => new Intl.NumberFormat('en-US', { maximumSignificantDigits: n });

const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
  // Ties and carries: x.xx5, 9.995, 999.95 …
  fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000 + 0.0005),
  fc.constantFrom(0, -0, 0.5, 1.5, 2.5, 0.05, 0.15, 1.005, 9.995, 99.95, 999.95, 999_999.5, 1e21, 1.5e21, 5e-324, Number.MAX_VALUE, 0.000_49, 123_456_789.987),
);

describe('decimal text matches Intl.NumberFormat("en-US")', () => {
  it('with fraction-digit limits (fast-check seed 8128, 20,000 values)', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (value, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        expect(fixedText(value, min, max)).toBe(fixedIntl(min, max).format(value));
      }),
      { seed: 8128, numRuns: 20_000 },
    );
  });

  it('with significant-digit limits (fast-check seed 8129, 20,000 values)', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 1, max: 6 }), (value, n) => {
        expect(significantText(value, n)).toBe(significantIntl(n).format(value));
      }),
      { seed: 8129, numRuns: 20_000 },
    );
  });

  it('reads worked examples as a person expects', () => {
    expect(fixedText(1_234_567.891, 0, 2)).toBe('1,234,567.89');
    expect(fixedText(976.5625, 1, 1)).toBe('976.6');
    expect(fixedText(999.96, 0, 1)).toBe('1,000');
    expect(fixedText(0.000_4, 0, 3)).toBe('0');
    expect(significantText(0.003_456_7, 3)).toBe('0.00346');
    expect(significantText(123_456, 3)).toBe('123,000');
  });
});
