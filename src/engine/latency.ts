import { EXP_P50_FACTOR, EXP_P99_FACTOR } from './assumptions';
import type { ConsumerLoad } from './consumer-load';

/**
 * End-to-end latency estimate for an event on the busiest consumer, which is the
 * slowest path through the group. Each consumer owns its partitions alone (static
 * assignment), so it is its own single-server queue: M/M/1 with Poisson arrivals
 * λ_b = λ·⌈P/a⌉/P and exponential service at rate μ. Its time in system is
 * exponential with rate μ − λ_b: mean 1/(μ − λ_b), p50 ln2/(μ − λ_b),
 * p99 ln100/(μ − λ_b). Broker and network time (about 2 ms, Kreps 2014) is left out.
 * When λ_b ≥ μ the queue grows without bound: every figure is Infinity.
 */
export interface LatencyEstimate {
  /** False when the busiest consumer cannot keep up (lag grows without bound). */
  readonly bounded: boolean;
  /** Mean time an event waits before processing starts, seconds: ρ/(μ − λ_b). */
  readonly meanWaitSeconds: number;
  /** Mean time from append to processed, seconds: 1/(μ − λ_b). */
  readonly meanSeconds: number;
  readonly p50Seconds: number;
  readonly p99Seconds: number;
}

export function latencyEstimate(load: ConsumerLoad): LatencyEstimate {
  const mu = load.serviceRatePerConsumer;
  const arrivals = load.busiestConsumerEventsPerSec;
  const spareRate = mu - arrivals;
  if (!(spareRate > 0)) {
    return { bounded: false, meanWaitSeconds: Infinity, meanSeconds: Infinity, p50Seconds: Infinity, p99Seconds: Infinity };
  }
  const meanSeconds = 1 / spareRate;
  return {
    bounded: true,
    meanWaitSeconds: arrivals / mu / spareRate,
    meanSeconds,
    p50Seconds: EXP_P50_FACTOR * meanSeconds,
    p99Seconds: EXP_P99_FACTOR * meanSeconds,
  };
}
