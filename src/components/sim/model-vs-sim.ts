import type { Metrics } from '../../engine/compute-metrics';
import { waitQuantileSeconds } from '../../engine/latency';
import type { PlanConfig } from '../../engine/plan-config';
import type { GroupView, SimView, TopicSnapshot } from '../../sim/types';
import { explainDifference } from './explain-difference';
import { BATCH_MIN_MS, type MeasurementHistory, type TopicHistory } from './measurement-history';
import { lagHalfWidthEvents, meanHalfWidthSeconds, quantileHalfWidthSeconds, rateHalfWidthEventsPerSec } from './uncertainty';

/** How a figure is written: events/s, events, or seconds. */
export type FigureKind = 'rate' | 'count' | 'seconds';

export interface ComparedFigure {
  /** data-testid is `sim-${name}`; a public contract for tests and programs. */
  readonly name: string;
  readonly label: string;
  readonly kind: FigureKind;
  /** Measured in the simulation, base units. */
  readonly measured: number;
  /** The capacity model's prediction, base units; null when the model says nothing about it. */
  readonly model: number | null;
  /** How the model figure is computed, in words. */
  readonly modelNote: string;
  /** False until there is something to measure (no rate window or no processed event yet): no difference is shown. */
  readonly settled: boolean;
}

/** (measured − model) / model in %, or null when either is not a finite number or the model is 0. */
export function differencePercent(measured: number, model: number | null): number | null {
  if (model === null || !Number.isFinite(measured) || !Number.isFinite(model) || model === 0) return null;
  return ((measured - model) / Math.abs(model)) * 100;
}

/** Topic `topic` of the run, or the first when the run has no such topic. */
export function runTopicIndex(snapshot: SimView, topic: number): number {
  return topic >= 0 && topic < snapshot.topics.length ? topic : 0;
}

/** The first group of a topic of the run: the one its figures measure. */
export function firstGroupOf(snapshot: SimView, topic: number): GroupView | undefined {
  const id = snapshot.topics[runTopicIndex(snapshot, topic)]?.groups[0];
  return id === undefined ? undefined : snapshot.groups[id];
}

/** Every measured figure of one topic in the "Model vs simulation" panel beside the model's prediction for it. */
export function compareFigures(snapshot: SimView, metrics: Metrics, topic = 0): ComparedFigure[] {
  const t = runTopicIndex(snapshot, topic);
  const m = (snapshot.topics[t] as TopicSnapshot).measurements;
  const group = firstGroupOf(snapshot, t);
  const groupName = `group ${group?.id ?? 0}`;
  const groups = snapshot.groups.filter((g) => g.topic === t);
  const seconds = snapshot.timeMs / 1000;
  const growth = metrics.lagGrowthEventsPerSecPerGroup;
  const rates = m.windowMs > 0;
  const waits = m.waitSamples > 0;
  const figures: Omit<ComparedFigure, 'settled'>[] = [
    { name: 'time', label: 'Simulated time', kind: 'seconds', measured: seconds, model: null, modelNote: '' },
    { name: 'produced-rate', label: 'Produced', kind: 'rate', measured: m.producedPerSec, model: metrics.totalEventsPerSec, modelNote: 'λ' },
    { name: 'consumed-rate', label: `Consumed (${groupName})`, kind: 'rate', measured: m.consumedPerSec, model: Math.min(metrics.totalEventsPerSec, metrics.groupCapacityEventsPerSec), modelNote: 'min(λ, group capacity)' },
    { name: 'lag', label: `Lag (${groupName})`, kind: 'count', measured: group?.lag ?? 0, model: growth > 0 ? growth * seconds : null, modelNote: growth > 0 ? 'lag growth × time, from an empty start' : 'no steady growth: the group keeps up' },
    { name: 'lag-growth', label: `Lag growth (${groupName})`, kind: 'rate', measured: m.lagGrowthPerSec, model: growth, modelNote: 'Σ max(0, λ·k_i/P − μ)' },
    { name: 'wait-mean', label: 'Wait before processing, mean', kind: 'seconds', measured: m.waitMeanSeconds, model: metrics.latency.meanWaitSeconds, modelNote: 'Wq: batches of X events, busiest consumer (M^X/M/1 less Δ)' },
    { name: 'wait-p50', label: 'Wait, p50', kind: 'seconds', measured: m.waitP50Seconds, model: waitQuantileSeconds(metrics.latency, 0.5), modelNote: 'P(W > t) = π·e^(−t·π/Wq), π = min(1, Wq·(μ − λ_b)); 0 if π ≤ ½' },
    { name: 'wait-p99', label: 'Wait, p99', kind: 'seconds', measured: m.waitP99Seconds, model: waitQuantileSeconds(metrics.latency, 0.99), modelNote: '(Wq/π)·ln(100π)' },
    { name: 'latency-mean', label: 'Latency, mean', kind: 'seconds', measured: m.latencyMeanSeconds, model: metrics.latency.meanSeconds, modelNote: 't_p + d + Wq + 1/μ: linger, wait, processing; leaves out replication (1 ms here)' },
    { name: 'latency-p50', label: 'Latency, p50', kind: 'seconds', measured: m.latencyP50Seconds, model: metrics.latency.p50Seconds, modelNote: 't_p + d + ln 2 × (Wq + 1/μ)' },
    { name: 'latency-p99', label: 'Latency, p99', kind: 'seconds', measured: m.latencyP99Seconds, model: metrics.latency.p99Seconds, modelNote: 't_p + d + ln 100 × (Wq + 1/μ)' },
    { name: 'dead-lettered', label: "Dead-lettered (the topic's groups)", kind: 'count', measured: groups.reduce((sum, g) => sum + g.deadLettered, 0), model: null, modelNote: 'not in the model: it assumes none' },
    { name: 'duplicates', label: "Duplicates processed (the topic's groups)", kind: 'count', measured: groups.reduce((sum, g) => sum + g.duplicates, 0), model: null, modelNote: 'not in the model: it assumes none' },
  ];
  return figures.map((figure) => ({ ...figure, settled: figure.kind === 'rate' ? rates : figure.name.startsWith('wait') || figure.name.startsWith('latency') ? waits : true }));
}

/** Alive consumers of the topic's first group that own no partition; null while the group rebalances (no answer yet). */
export function idleConsumersOfFirstGroup(snapshot: SimView, topic = 0): number | null {
  const group = firstGroupOf(snapshot, topic);
  if (!group || group.rebalancing) return null;
  return group.idleConsumers;
}

/**
 * How a measured figure stands against the model's: 'agrees' when |measured − model| is within
 * the run's statistical error (the half-width) plus the model's tolerance, 'differs' beyond it,
 * 'measuring' while there is not enough of the run to tell (not settled, or too few batches).
 */
export type Verdict = 'agrees' | 'differs' | 'measuring';

export interface JudgedFigure extends ComparedFigure {
  /** Half-width of the measured value's ~95 % interval, in the figure's base unit (events/s, events, seconds); 0 for exact counts; null while measuring or not compared. */
  readonly halfWidth: number | null;
  /** How far the model may be off by its own approximations, in the figure's base unit. */
  readonly tolerance: number;
  /** null for a figure nothing is compared with (the time; the lag of a group the model says keeps up). */
  readonly verdict: Verdict | null;
  /** For 'differs': the causes in the run the model leaves out, in words (explainDifference); may be empty. */
  readonly reasons: readonly string[];
}

/** Dead letters and duplicates are not in the model, which assumes none: they are compared with 0. */
const ASSUMED_NONE = new Set(['dead-lettered', 'duplicates']);

/**
 * The model's tolerance, in the figure's unit: how close its formula is to what it describes,
 * apart from the run's randomness. Produced: λ is exact (1 %). Consumed rate, lag growth and lag:
 * as close as the model-agreement tests hold (2 %, 3 %), lag growth also 1 % of λ when the model
 * says 0. Mean wait and latency: 5 % (the batch law and the M^X/M/1 correction are approximate);
 * wait quantiles 10 % (the exponential tail, 1 % histogram buckets, the scaled error); latency
 * quantiles 20 % (d + ln(1/(1 − q))·(Wq + 1/μ) treats wait and processing as one exponential:
 * its p99 runs up to 15 % high in the runs); each + 0.1 ms.
 */
export function toleranceOf(name: string, model: number | null, metrics: Metrics): number {
  const m = model !== null && Number.isFinite(model) ? Math.abs(model) : 0;
  if (name === 'produced-rate') return 0.01 * m;
  if (name === 'consumed-rate') return 0.02 * m;
  if (name === 'lag-growth') return 0.03 * m + 0.01 * metrics.totalEventsPerSec;
  if (name === 'lag') return 0.03 * m;
  if (name === 'wait-mean' || name === 'latency-mean') return 0.05 * m + 0.0001;
  if (name.startsWith('wait')) return 0.1 * m + 0.0001;
  if (name.startsWith('latency')) return 0.2 * m + 0.0001;
  return 0;
}

/**
 * How long the run stays correlated, simulated ms: batches shorter than this would understate
 * the error. A group that falls behind takes full polls (max.poll.records × L each, 50 s in the
 * seed plan), processing each at one rate and committing at its end; otherwise polls are short
 * and BATCH_MIN_MS (1 s) is long against linger.ms, the 100 ms sampling and a rebalance.
 */
export function correlationMsOf(metrics: Metrics, maxPollRecords: number): number {
  if (!(metrics.lagGrowthEventsPerSecPerGroup > 0)) return BATCH_MIN_MS;
  return Math.max(BATCH_MIN_MS, (maxPollRecords * 1000) / metrics.serviceRatePerConsumer);
}

function halfWidthOf(figure: ComparedFigure, snapshot: SimView, h: TopicHistory | undefined, topic: number, correlationMs: number): number | null {
  const windowMs = snapshot.topics[topic]?.measurements.windowMs ?? 0;
  switch (figure.name) {
    case 'produced-rate':
      return rateHalfWidthEventsPerSec(h, 'produced', windowMs, BATCH_MIN_MS);
    case 'consumed-rate':
      return rateHalfWidthEventsPerSec(h, 'processed', windowMs, correlationMs);
    case 'lag-growth':
      return rateHalfWidthEventsPerSec(h, 'lag', windowMs, correlationMs);
    case 'lag':
      return lagHalfWidthEvents(h, snapshot.timeMs, correlationMs);
    case 'wait-mean':
      return meanHalfWidthSeconds(h, 'wait', correlationMs);
    case 'latency-mean':
      return meanHalfWidthSeconds(h, 'latency', correlationMs);
    case 'wait-p50':
      return quantileHalfWidthSeconds(meanHalfWidthSeconds(h, 'wait', correlationMs), 0.5);
    case 'wait-p99':
      return quantileHalfWidthSeconds(meanHalfWidthSeconds(h, 'wait', correlationMs), 0.99);
    case 'latency-p50':
      return quantileHalfWidthSeconds(meanHalfWidthSeconds(h, 'latency', correlationMs), 0.5);
    case 'latency-p99':
      return quantileHalfWidthSeconds(meanHalfWidthSeconds(h, 'latency', correlationMs), 0.99);
    default:
      return 0; // counts read off the run, exactly
  }
}

/**
 * compareFigures with each figure's error, the model's tolerance and a verdict, and for a
 * figure that differs, the reasons the run shows. `history` is the run's (recordMeasurements);
 * without it every figure with a statistical error is 'measuring'. `plan` is the topic's plan in
 * the run (its consumers per group and polls, for the reasons).
 */
export function judgeFigures(snapshot: SimView, metrics: Metrics, topic: number, history: MeasurementHistory | null, plan?: PlanConfig): JudgedFigure[] {
  const t = runTopicIndex(snapshot, topic);
  const topicHistory = history?.topics[t];
  const correlationMs = correlationMsOf(metrics, (plan ?? snapshot.config).maxPollRecords);
  return compareFigures(snapshot, metrics, t).map((figure) => {
    const compared = ASSUMED_NONE.has(figure.name) ? 0 : figure.model;
    const tolerance = toleranceOf(figure.name, compared, metrics);
    if (compared === null) return { ...figure, halfWidth: null, tolerance, verdict: null, reasons: [] };
    const halfWidth = figure.settled ? halfWidthOf(figure, snapshot, topicHistory, t, correlationMs) : null;
    // An unbounded model figure (the group falls behind) differs from any finite measurement, however uncertain.
    const unbounded = figure.settled && !Number.isFinite(compared);
    if (halfWidth === null && !unbounded) return { ...figure, halfWidth, tolerance, verdict: 'measuring', reasons: [] };
    const differs = unbounded || !(Math.abs(figure.measured - compared) <= (halfWidth ?? 0) + tolerance);
    const reasons = differs ? explainDifference({ name: figure.name, measured: figure.measured, model: compared, halfWidth, tolerance }, snapshot, { topic: t, metrics, history: topicHistory, plan }) : [];
    return { ...figure, halfWidth, tolerance, verdict: differs ? 'differs' : 'agrees', reasons };
  });
}
