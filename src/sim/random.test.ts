import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const draws = (seed: number, n: number) => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the seeded random source', () => {
  it('same seed, same sequence; another seed, another; seed 0 works', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
    expect(new Set(draws(0, 1_000)).size).toBe(1_000);
  });

  it('uniform in [0, 1): mean 1/2, each tenth about a tenth (100,000 draws, seed 7)', () => {
    const xs = draws(7, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    const tenths = new Array<number>(10).fill(0);
    for (const x of xs) tenths[Math.floor(x * 10)]! += 1;
    for (const n of tenths) expect(Math.abs(n / 100_000 - 0.1)).toBeLessThan(0.005);
  });

  it('exponential, gamma and Poisson have their means (seed 9)', () => {
    const r = createRandom(9);
    const n = 50_000;
    expect(mean(Array.from({ length: n }, () => r.exponential(4)))).toBeCloseTo(0.25, 2);
    expect(mean(Array.from({ length: n }, () => r.gamma(5, 2)))).toBeCloseTo(2.5, 1);
    for (const m of [0.5, 3, 40, 5_000]) {
      const ps = Array.from({ length: 20_000 }, () => r.poisson(m));
      expect(ps.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
      expect(Math.abs(mean(ps) - m) / m).toBeLessThan(0.03);
    }
  });
});
