/**
 * Log-bucketed histogram of durations (1 % wide buckets from 1 µs to ~30 years), with weights, so
 * a run of similar events is a few weighted entries. The count (Σ weights) is the number of events
 * exactly (weights are n / 4, exact in binary); sum (hence mean), minimum and maximum are exact;
 * quantiles come from the buckets, clamped to the smallest and largest duration recorded.
 */
const MIN_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 4096;
/** A run of events with linearly growing durations is added as at most this many points. */
const POINTS = 4;

function bucketOf(ms: number): number {
  return ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1);
}

export class DurationHistogram {
  private readonly weights = new Float64Array(BUCKETS);
  private total = 0;
  private sumMs = 0;
  private minMs = Infinity;
  private maxMs = 0;

  add(durationMs: number, weight = 1): void {
    const ms = durationMs > 0 ? durationMs : 0;
    const index = bucketOf(ms);
    this.weights[index] = (this.weights[index] as number) + weight;
    this.total += weight;
    this.sumMs += ms * weight;
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /**
   * Adds n events of durations first, first + step, …, first + (n − 1)·step. Up to POINTS events
   * are added one by one; a longer run as POINTS evenly placed points of weight n / POINTS (the
   * midpoints of equal shares of the run), so the count is n and the sum exact (the midpoint rule
   * is exact for a linear run), the minimum and maximum are the run's ends, and only the bucket of
   * each event inside the run is approximate.
   */
  addLinear(firstMs: number, stepMs: number, n: number): void {
    if (!(n > 0)) return;
    if (n <= POINTS) {
      for (let j = 0; j < n; j += 1) this.add(firstMs + stepMs * j);
      return;
    }
    const weight = n / POINTS;
    for (let s = 0; s < POINTS; s += 1) this.add(firstMs + stepMs * ((s + 0.5) * weight - 0.5), weight);
    const lastMs = firstMs + stepMs * (n - 1);
    const lo = Math.max(0, Math.min(firstMs, lastMs));
    const hi = Math.max(0, firstMs, lastMs);
    if (lo < this.minMs) this.minMs = lo;
    if (hi > this.maxMs) this.maxMs = hi;
  }

  get count(): number {
    return this.total;
  }

  get sumMilliseconds(): number {
    return this.sumMs;
  }

  /** The largest duration recorded; 0 when empty. */
  get maxMilliseconds(): number {
    return this.maxMs;
  }

  meanMs(): number {
    return this.total > 0 ? this.sumMs / this.total : 0;
  }

  /** The q-quantile (0…1): the geometric middle of its bucket, within [min, max] recorded; 0 when empty. */
  quantileMs(q: number): number {
    if (this.total <= 0) return 0;
    const target = q * this.total;
    let cumulative = 0;
    let ms = MIN_MS * GROWTH ** (BUCKETS - 1);
    for (let i = 0; i < BUCKETS; i += 1) {
      cumulative += this.weights[i] as number;
      if (cumulative >= target && (this.weights[i] as number) > 0) {
        ms = i === 0 ? MIN_MS / 2 : MIN_MS * GROWTH ** (i - 0.5);
        break;
      }
    }
    return Math.min(this.maxMs, Math.max(this.minMs, ms));
  }
}
