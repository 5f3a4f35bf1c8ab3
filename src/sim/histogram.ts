/**
 * Log-bucketed histogram of durations (1 % wide buckets from 1 µs to ~30 years), with
 * weights, so a batch of k similar events is one weighted entry. Mean is kept exactly.
 */
const MIN_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 4096;

export class DurationHistogram {
  private readonly weights = new Float64Array(BUCKETS);
  private total = 0;
  private sumMs = 0;

  add(durationMs: number, weight = 1): void {
    const ms = durationMs > 0 ? durationMs : 0;
    const index = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1);
    this.weights[index] = (this.weights[index] as number) + weight;
    this.total += weight;
    this.sumMs += ms * weight;
  }

  get count(): number {
    return this.total;
  }

  get sumMilliseconds(): number {
    return this.sumMs;
  }

  meanMs(): number {
    return this.total > 0 ? this.sumMs / this.total : 0;
  }

  /** The q-quantile (0…1), as the geometric middle of its bucket; 0 when empty. */
  quantileMs(q: number): number {
    if (this.total <= 0) return 0;
    const target = q * this.total;
    let cumulative = 0;
    for (let i = 0; i < BUCKETS; i += 1) {
      cumulative += this.weights[i] as number;
      if (cumulative >= target && (this.weights[i] as number) > 0) {
        return i === 0 ? MIN_MS / 2 : MIN_MS * GROWTH ** (i - 0.5);
      }
    }
    return MIN_MS * GROWTH ** (BUCKETS - 1);
  }
}
