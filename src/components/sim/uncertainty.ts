import type { Increment, TopicHistory } from './measurement-history';

/**
 * The statistical error of a measured figure, from the run itself: batch means over the
 * consecutive stretches the history has cut the run into (measurement-history.ts). Each estimate
 * is the half-width of a ~95 % interval, Student's t with k − 1 degrees of freedom over k batches;
 * null while there are fewer than MIN_BATCHES (the figure is still "measuring").
 *
 * Batches are long (≥ 1 s, doubling as the run grows) against what makes events clump: producer
 * batches, polls, rebalances. Within a batch nothing is assumed independent; the batches are
 * taken as roughly independent, which is what "long against the clumps" buys.
 */
export const MIN_BATCHES = 5;

/** Two-sided 95 % quantiles of Student's t, 1 … 30 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** t(0.975, df): the table to 30, then the Cornish–Fisher expansion about z = 1.96 (within 0.001 beyond 30). */
export function studentT975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= T975.length) return T975[Math.floor(df) - 1] as number;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

type Counter = 'produced' | 'processed' | 'lag';

/** Most batches an estimate uses: the newest ones (a rate should not be judged by a fault long gone). */
export const MAX_ESTIMATE_BATCHES = 30;

/**
 * Neighbouring batches joined, newest first, until each spans at least minSpanMs (an oldest
 * remainder too short is left out), at most `max` of them, oldest first. Batches must be long against the run's
 * correlation time: a poll of 500 events at 100 ms each processes at one rate for 50 s, so 1 s
 * batches inside it would look far steadier than the rate over 10 s really is.
 */
export function coarsen(batches: readonly Increment[], minSpanMs: number, max = Infinity): Increment[] {
  const out: Increment[] = [];
  let open: Increment | null = null;
  for (let i = batches.length - 1; i >= 0 && out.length < max; i -= 1) {
    const b = batches[i] as Increment;
    open = open ? add(open, b) : b;
    if (open.timeMs >= minSpanMs) {
      out.push(open);
      open = null;
    }
  }
  return out.reverse();
}

function add(a: Increment, b: Increment): Increment {
  return {
    timeMs: a.timeMs + b.timeMs,
    produced: a.produced + b.produced,
    processed: a.processed + b.processed,
    lag: a.lag + b.lag,
    waitSamples: a.waitSamples + b.waitSamples,
    waitTotalSeconds: a.waitTotalSeconds + b.waitTotalSeconds,
    latencySamples: a.latencySamples + b.latencySamples,
    latencyTotalSeconds: a.latencyTotalSeconds + b.latencyTotalSeconds,
  };
}

/**
 * For a windowed rate, the newest recent batches joined to correlationMs; the whole run's when
 * the recent ones make too few (a correlation time longer than the recent history holds), and
 * for a whole-run figure.
 */
function batchesFor(history: TopicHistory | undefined, correlationMs: number, recent: boolean): Increment[] {
  if (!history) return [];
  const fromRecent = recent ? coarsen(history.rateBatches, correlationMs, MAX_ESTIMATE_BATCHES) : [];
  return fromRecent.length >= MIN_BATCHES ? fromRecent : coarsen(history.runBatches, correlationMs, recent ? MAX_ESTIMATE_BATCHES : Infinity);
}

/**
 * σ² of a counter's increments per unit time, events²/s: Σ bᵢ·(rᵢ − r̄)² / (k − 1) with bᵢ the
 * batch length in seconds, rᵢ its rate and r̄ the time-weighted mean rate. For a Poisson stream
 * of rate λ this is λ; batched producers make it about λ·E[X²]/E[X] (X events a batch).
 */
function variancePerSec(batches: readonly Increment[], counter: Counter): number {
  let seconds = 0;
  let events = 0;
  for (const b of batches) {
    seconds += b.timeMs / 1000;
    events += b[counter];
  }
  const mean = events / seconds;
  let squares = 0;
  for (const b of batches) {
    const s = b.timeMs / 1000;
    squares += s * (b[counter] / s - mean) ** 2;
  }
  return squares / (batches.length - 1);
}

function meanSpanSeconds(batches: readonly Increment[]): number {
  return batches.reduce((sum, b) => sum + b.timeMs, 0) / batches.length / 1000;
}

/**
 * Half-width, events/s, of a rate measured over windowMs (the sim's rate window), from the
 * recent batches joined to at least correlationMs: σ²/W, or σ²/b when the batches b are longer
 * than the window (a window inside one long poll sees one rate, with that poll's error).
 */
export function rateHalfWidthEventsPerSec(history: TopicHistory | undefined, counter: Counter, windowMs: number, correlationMs: number): number | null {
  const batches = batchesFor(history, correlationMs, true);
  if (batches.length < MIN_BATCHES || !(windowMs > 0)) return null;
  return studentT975(batches.length - 1) * Math.sqrt(variancePerSec(batches, counter) / Math.max(windowMs / 1000, meanSpanSeconds(batches)));
}

/** Half-width, events, of the lag at timeMs from an empty start: its variance grows as σ²·t, σ² over the whole run's batches. */
export function lagHalfWidthEvents(history: TopicHistory | undefined, timeMs: number, correlationMs: number): number | null {
  const batches = batchesFor(history, correlationMs, false);
  if (batches.length < MIN_BATCHES) return null;
  return studentT975(batches.length - 1) * Math.sqrt(variancePerSec(batches, 'lag') * (timeMs / 1000));
}

/**
 * Half-width, seconds, of a whole-run mean (wait or latency): the ratio estimator over the whole
 * run's batches, m̄ = ΣTᵢ/ΣNᵢ and Var(m̄) ≈ k/(k − 1) · Σ(Tᵢ − m̄·Nᵢ)² / (ΣNᵢ)², which weighs
 * each batch by its events and assumes nothing about the events inside one.
 */
export function meanHalfWidthSeconds(history: TopicHistory | undefined, which: 'wait' | 'latency', correlationMs: number): number | null {
  const n = (b: Increment) => (which === 'wait' ? b.waitSamples : b.latencySamples);
  const total = (b: Increment) => (which === 'wait' ? b.waitTotalSeconds : b.latencyTotalSeconds);
  const batches = (history ? coarsen(history.runBatches, correlationMs) : []).filter((b) => n(b) > 0);
  const k = batches.length;
  if (k < MIN_BATCHES) return null;
  let samples = 0;
  let seconds = 0;
  for (const b of batches) {
    samples += n(b);
    seconds += total(b);
  }
  const mean = seconds / samples;
  let squares = 0;
  for (const b of batches) squares += (total(b) - mean * n(b)) ** 2;
  return (studentT975(k - 1) * Math.sqrt((k / (k - 1)) * squares)) / samples;
}

/**
 * Half-width, seconds, of a whole-run q-quantile, scaled from the mean's: for a distribution with
 * an exponential tail (the model's shape, and what the runs show), the q-quantile's standard error
 * is about σ·√(q/(1 − q)) over as many independent events as the mean's is σ over, so
 * sd(quantile) ≈ sd(mean)·√(q/(1 − q)): 1 × at the median, 9.95 × at p99. The history has no
 * batch quantiles (the run's histogram stays in the worker), so this is an approximation; the
 * quantiles' tolerance (10 %) allows for it.
 */
export function quantileHalfWidthSeconds(meanHalfWidth: number | null, q: number): number | null {
  return meanHalfWidth === null ? null : meanHalfWidth * Math.sqrt(q / (1 - q));
}
