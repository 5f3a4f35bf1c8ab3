import { runKeyFor } from '../../charts/lag-history';
import type { SimView } from '../../sim/types';
import { causesNow, type Cause, type CauseKey } from './run-causes';

/**
 * A small, bounded history of one run's cumulative counters, per topic, for the uncertainty of
 * the "Model vs simulation" figures (uncertainty.ts). Pure: fed each snapshot the page receives,
 * it keeps numbers only (never the view, whose frame goes back to the worker).
 *
 * Why batches of the run itself: producers send batches (linger.ms, batch.size), consumers take
 * polls of up to max.poll.records and commit at their end, so events come in clumps and their
 * waits are correlated. Counting events as if they were independent (Poisson) would understate
 * the error many times over. Batch means do not assume independence: the run is cut into
 * consecutive stretches (batches) long against those clumps, and the spread of the stretches'
 * rates or mean waits measures the error of the whole.
 *
 * Every counter is 0 at the run's time 0 (an empty log, nothing produced, processed or waited),
 * so the first batch starts there even when the page saw the run first later.
 */

/** The shortest batch, simulated ms: long against linger.ms (5 ms), the 100 ms sampling of processed work and a 500 ms rebalance. */
export const BATCH_MIN_MS = 1_000;
/**
 * Recent batches kept for the windowed rates (at least 5 min of the run at 1 s each): the
 * estimator joins neighbours into longer batches when the plan's polls are long (uncertainty.ts).
 */
export const RATE_BATCHES = 300;
/** Whole-run batches: when there are more than this many, neighbours merge pairwise and the batch length doubles. */
export const RUN_BATCHES_MAX = 40;

/** One topic's cumulative counters at one instant. */
export interface Totals {
  readonly timeMs: number;
  /** Events appended to the topic's partitions. */
  readonly produced: number;
  /** Events the topic's first group finished processing, duplicates included (what consumedPerSec counts). */
  readonly processed: number;
  /** The first group's lag. */
  readonly lag: number;
  /** The topic's wait and latency samples (every group) and their sums (SimMeasurements). */
  readonly waitSamples: number;
  readonly waitTotalSeconds: number;
  readonly latencySamples: number;
  readonly latencyTotalSeconds: number;
}

/** What happened over one batch: the counters' increments over spanMs of simulated time. */
export type Increment = Totals;

export interface CauseSeen {
  readonly firstMs: number;
  readonly lastMs: number;
  /** The cause as last seen (its wording names brokers, groups and counts). */
  readonly cause: Cause;
}

export interface TopicHistory {
  readonly last: Totals;
  /** Where the open rate batch and the open run batch start. */
  readonly rateStart: Totals;
  readonly runStart: Totals;
  /** The newest closed batches, at least BATCH_MIN_MS each, oldest first (timeMs is the span). */
  readonly rateBatches: readonly Increment[];
  /** Closed batches covering the run from time 0, each at least runBatchMs, oldest first. */
  readonly runBatches: readonly Increment[];
  readonly runBatchMs: number;
  /** Causes the capacity model leaves out, as this history has seen them in the run. */
  readonly seen: Readonly<Partial<Record<CauseKey, CauseSeen>>>;
  /** The first group's rebalance count at the last point (a rebalance between two snapshots still counts). */
  readonly rebalances: number;
}

export interface MeasurementHistory {
  /** Identifies the run: seed, first topic's plan and every topic's name and rate. */
  readonly runKey: string;
  readonly topics: readonly TopicHistory[];
}

export const EMPTY_MEASUREMENT_HISTORY: MeasurementHistory = { runKey: '', topics: [] };

const ZERO: Totals = { timeMs: 0, produced: 0, processed: 0, lag: 0, waitSamples: 0, waitTotalSeconds: 0, latencySamples: 0, latencyTotalSeconds: 0 };

export function measurementRunKey(view: SimView): string {
  return `${runKeyFor(view.seed, view.config)}|${view.topics.map((t) => `${t.name}:${t.eventsPerSec}`).join(',')}`;
}

function totalsOf(view: SimView, topic: number): Totals {
  const t = view.topics[topic];
  const first = t?.groups[0];
  const group = first === undefined ? undefined : view.groups[first];
  const m = t?.measurements;
  return {
    timeMs: view.timeMs,
    produced: t?.produced ?? 0,
    processed: group?.processed ?? 0,
    lag: group?.lag ?? 0,
    waitSamples: m?.waitSamples ?? 0,
    waitTotalSeconds: m?.waitTotalSeconds ?? 0,
    latencySamples: m?.latencySamples ?? 0,
    latencyTotalSeconds: m?.latencyTotalSeconds ?? 0,
  };
}

function difference(a: Totals, b: Totals): Increment {
  return {
    timeMs: a.timeMs - b.timeMs,
    produced: a.produced - b.produced,
    processed: a.processed - b.processed,
    lag: a.lag - b.lag,
    waitSamples: a.waitSamples - b.waitSamples,
    waitTotalSeconds: a.waitTotalSeconds - b.waitTotalSeconds,
    latencySamples: a.latencySamples - b.latencySamples,
    latencyTotalSeconds: a.latencyTotalSeconds - b.latencyTotalSeconds,
  };
}

function sum(a: Increment, b: Increment): Increment {
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

/** A counter that only grows went down: not the same run (a reset the key did not tell apart). */
function wentBack(now: Totals, last: Totals): boolean {
  return now.timeMs < last.timeMs || now.produced < last.produced || now.processed < last.processed || now.waitSamples < last.waitSamples;
}

function freshTopic(): TopicHistory {
  return { last: ZERO, rateStart: ZERO, runStart: ZERO, rateBatches: [], runBatches: [], runBatchMs: BATCH_MIN_MS, seen: {}, rebalances: 0 };
}

function recordTopic(history: TopicHistory, view: SimView, topic: number): TopicHistory {
  const now = totalsOf(view, topic);
  let { rateStart, runStart, rateBatches, runBatches, runBatchMs } = history;
  if (now.timeMs - rateStart.timeMs >= BATCH_MIN_MS) {
    rateBatches = [...rateBatches, difference(now, rateStart)].slice(-RATE_BATCHES);
    rateStart = now;
  }
  if (now.timeMs - runStart.timeMs >= runBatchMs) {
    runBatches = [...runBatches, difference(now, runStart)];
    runStart = now;
    if (runBatches.length > RUN_BATCHES_MAX) {
      const merged: Increment[] = [];
      for (let i = 0; i + 1 < runBatches.length; i += 2) merged.push(sum(runBatches[i] as Increment, runBatches[i + 1] as Increment));
      // An odd batch out goes back into the open one, so every closed batch spans the doubled length.
      if (runBatches.length % 2 === 1) runStart = difference(runStart, runBatches[runBatches.length - 1] as Increment);
      runBatches = merged;
      runBatchMs *= 2;
    }
  }
  const first = view.topics[topic]?.groups[0];
  const rebalances = first === undefined ? 0 : (view.groups[first]?.rebalances ?? 0);
  const seen: Partial<Record<CauseKey, CauseSeen>> = { ...history.seen };
  const causes = causesNow(view, topic);
  // A rebalance that began and ended between two snapshots (500 ms, at a high speed) is seen by its count.
  if (first !== undefined && rebalances > history.rebalances && !causes.some((c) => c.key === `rebalance:${first}`)) {
    causes.push({ key: `rebalance:${first}`, kind: 'rebalance', group: first, now: '', past: `group ${first} rebalanced`, model: 'the model has no rebalances' });
  }
  for (const cause of causes) {
    const before = seen[cause.key];
    // A running count (poison events, duplicates) is seen again only when it moves.
    const moved = cause.count === undefined || before?.cause.count !== cause.count;
    // Known only by its count: it happened after the last snapshot seen.
    const firstMs = before?.firstMs ?? (cause.now === '' ? history.last.timeMs : view.timeMs);
    seen[cause.key] = { firstMs, lastMs: moved || !before ? view.timeMs : before.lastMs, cause };
  }
  return { last: now, rateStart, runStart, rateBatches, runBatches, runBatchMs, seen, rebalances };
}

/**
 * The history with this snapshot added: every topic's counters, its batches closed when long
 * enough, the causes seen. A new run (another key, time or a counter going back) starts over; a
 * snapshot at the time of the last one (paused, or a command's answer) changes nothing.
 */
export function recordMeasurements(history: MeasurementHistory, view: SimView): MeasurementHistory {
  const runKey = measurementRunKey(view);
  const same = runKey === history.runKey && history.topics.length === view.topics.length && history.topics.every((t, i) => !wentBack(totalsOf(view, i), t.last));
  const base = same ? history.topics : view.topics.map(() => freshTopic());
  if (same && base[0] && view.timeMs === base[0].last.timeMs) return history;
  return { runKey, topics: base.map((t, i) => recordTopic(t, view, i)) };
}
