/**
 * A seeded pseudo-random source (xoshiro128**, 32-bit integer arithmetic, so every
 * platform draws the same numbers) and the distributions the simulation needs.
 * Same seed ⇒ same sequence: the simulation never reads Math.random.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  /** Sum of `shape` independent exponentials of the given rate (Gamma with integer shape). */
  gamma(shape: number, rate: number): number;
  /** Poisson with the given mean. */
  poisson(mean: number): number;
}

export function createRandom(seed: number): Random {
  // splitmix32 spreads any 32-bit seed (0 included) over the 128-bit state.
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();

  const nextUint = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = () => nextUint() / 4294967296;
  // 1 − U lies in (0, 1], so the logarithm is finite.
  const standardExponential = () => -Math.log(1 - next());
  const standardNormal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };

  const standardGamma = (shape: number): number => {
    if (shape < 12) {
      let sum = 0;
      for (let i = 0; i < shape; i += 1) sum += standardExponential();
      return sum;
    }
    // Marsaglia & Tsang (2000), shape ≥ 1.
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = standardNormal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - next();
      if (u < 1 - 0.0331 * x ** 4) return dd * v;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  };

  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    if (mean < 30) {
      // Inversion by sequential search: exact, O(mean).
      let k = 0;
      let p = Math.exp(-mean);
      let cumulative = p;
      const u = next();
      while (u > cumulative && k < 1000) {
        k += 1;
        p *= mean / k;
        cumulative += p;
      }
      return k;
    }
    return poissonPtrs(mean, next);
  };

  return {
    next,
    exponential: (rate) => standardExponential() / rate,
    gamma: (shape, rate) => standardGamma(shape) / rate,
    poisson,
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Hörmann (1993) transformed rejection with squeeze, for means ≥ 10. */
function poissonPtrs(mean: number, next: () => number): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = next() - 0.5;
    const v = next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling's series: accurate to ~1e-10 for k ≥ 2.
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}
