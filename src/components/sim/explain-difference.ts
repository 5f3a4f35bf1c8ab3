import type { Metrics } from '../../engine/compute-metrics';
import { formatDuration, formatNumber } from '../../lib/format';
import { RATE_WINDOW_MS } from '../../sim/defaults';
import type { PlanConfig } from '../../engine/plan-config';
import type { SimView } from '../../sim/types';
import type { TopicHistory } from './measurement-history';
import { causesNow, type Cause, type CauseKind } from './run-causes';

/** The simulation's replication delay as the page runs it (SimOptions.replicationDelayMs, default 1 ms): in every latency, not in the model's. */
export const SIM_REPLICATION_DELAY_SECONDS = 0.001;

export interface DifferenceContext {
  readonly topic: number;
  readonly metrics: Metrics;
  /** The topic's history over the run: causes that have passed, and when. */
  readonly history?: TopicHistory;
  /** The topic's plan in the run (its consumers per group, max.poll.records, processing time); the run's own config for topic 0 when not given. */
  readonly plan?: PlanConfig;
}

export interface FigureToExplain {
  readonly name: string;
  readonly measured: number;
  readonly model: number | null;
  /** Half-width of the measured value's ~95 % interval, the figure's unit; null when not known. */
  readonly halfWidth: number | null;
  readonly tolerance: number;
}

const RATES = new Set(['produced-rate', 'consumed-rate', 'lag-growth']);
const PRODUCE: readonly CauseKind[] = ['spike', 'broker-down', 'blocked', 'buffered'];
const CONSUME: readonly CauseKind[] = [...PRODUCE, 'rebalance', 'crash', 'poison', 'duplicates', 'expired'];
const WAITS: readonly CauseKind[] = [...CONSUME, 'replay'];

/** Which causes can move a figure: a first-group figure only by that group's own. */
function relevantKinds(name: string): readonly CauseKind[] {
  if (name === 'produced-rate') return PRODUCE;
  if (name === 'consumed-rate' || name === 'lag-growth' || name === 'lag') return CONSUME;
  if (name.startsWith('wait') || name.startsWith('latency')) return WAITS;
  if (name === 'dead-lettered') return ['poison'];
  if (name === 'duplicates') return ['duplicates', 'rebalance', 'crash'];
  return [];
}

function applies(cause: Cause, name: string, firstGroup: number | undefined): boolean {
  if (!relevantKinds(name).includes(cause.kind)) return false;
  // The rates and the lag are the first group's; the waits, dead letters and duplicates every group's of the topic.
  return cause.group === undefined || !(RATES.has(name) || name === 'lag') || cause.group === firstGroup;
}

/**
 * Why a figure that differs from the model beyond the run's error may do so: the causes in the
 * run that the capacity model leaves out, each in words with what the model assumes instead
 * ("broker 1 is down; the model assumes every broker up"). A cause counts when it is there now,
 * or, from the history, when it was there within what the figure measures: the rate window for
 * a rate (a running count, such as poison events, only if it moved in the window), the whole run
 * for the lag, the waits and latencies, which add up from the start. Then what the model itself
 * simplifies: an unbounded figure, the peak rate, the busiest consumer, replication in the
 * latency, a run too short for its polls. Empty when nothing in the run explains it. Pure.
 */
export function explainDifference(figure: FigureToExplain, view: SimView, context: DifferenceContext): string[] {
  const { name } = figure;
  const { metrics, history } = context;
  const reasons: string[] = [];
  const t = view.topics[context.topic];
  const firstGroup = t?.groups[0];
  const windowMs = t?.measurements.windowMs ?? 0;
  const since = RATES.has(name) ? view.timeMs - windowMs : -Infinity;
  const present = causesNow(view, context.topic).filter((c) => applies(c, name, firstGroup));
  for (const cause of present) {
    const seen = history?.seen[cause.key];
    // A count that has not moved within the window does not explain a rate measured over it.
    if (cause.count !== undefined && seen && seen.lastMs < since) continue;
    reasons.push(`${cause.now}; ${cause.model}`);
  }
  for (const seen of Object.values(history?.seen ?? {})) {
    if (!seen || present.some((c) => c.key === seen.cause.key) || seen.lastMs < since || !applies(seen.cause, name, firstGroup)) continue;
    const when = RATES.has(name) ? `${formatDuration((view.timeMs - seen.lastMs) / 1000)} ago, within the ${formatDuration(windowMs / 1000)} the rate is measured over` : seen.firstMs === seen.lastMs ? `at ${formatDuration(seen.lastMs / 1000)} into the run` : `from ${seen.firstMs === 0 ? 'the start' : formatDuration(seen.firstMs / 1000)} to ${formatDuration(seen.lastMs / 1000)} into the run`;
    reasons.push(`${seen.cause.past} ${when}; ${seen.cause.model}`);
  }

  const plan = context.plan ?? (context.topic === 0 ? view.config : undefined);
  const group = firstGroup === undefined ? undefined : view.groups[firstGroup];
  const planned = plan?.consumersPerGroup;
  if (group && planned !== undefined && group.consumerCount > planned && relevantKinds(name).includes('crash')) {
    reasons.push(`group ${group.id} has ${formatNumber(group.consumerCount, 0)} consumers, ${formatNumber(group.consumerCount - planned, 0)} added; the model has the plan's ${formatNumber(planned, 0)}`);
  }
  if (figure.model !== null && !Number.isFinite(figure.model)) {
    reasons.push('the group falls behind, so the model has no steady figure (it is unbounded); the run measures how far it has grown by now');
  }
  const consumerFigure = name !== 'produced-rate' && name !== 'dead-lettered' && name !== 'duplicates';
  if (consumerFigure && metrics.peakEventsPerSec !== metrics.totalEventsPerSec) {
    reasons.push(`the model's consumer figures are at the plan's peak, ${formatNumber(metrics.peakEventsPerSec, 1)} events/s; the run produces the average, ${formatNumber(metrics.totalEventsPerSec, 1)} events/s`);
  }
  const waitFigure = name.startsWith('wait') || name.startsWith('latency');
  if (waitFigure && figure.model !== null && Number.isFinite(figure.model) && metrics.busiestConsumerEventsPerSec > metrics.eventsPerConsumerPerSec * (1 + 1e-9) && figure.measured < figure.model) {
    reasons.push(`the model's waits are the busiest consumer's (${formatNumber(metrics.busiestConsumerEventsPerSec, 1)} events/s); the run's are every consumer's, some less loaded`);
  }
  if (name === 'consumed-rate' && metrics.lagGrowthEventsPerSecPerGroup > 0 && figure.model !== null) {
    // Behind, each consumer works at min(its arrivals, μ): the group's rate is λ − lag growth, which is min(λ, capacity) only with an even load.
    const flatOut = metrics.peakEventsPerSec - metrics.lagGrowthEventsPerSecPerGroup;
    if (Math.abs(flatOut - figure.model) > figure.tolerance) {
      reasons.push(`the group is behind, so each consumer works through what it owns as fast as it can: ${formatNumber(flatOut, 1)} events/s (λ − lag growth); min(λ, group capacity) is only the rate at which the busiest consumer keeps up`);
    }
  }
  if (name.startsWith('latency') && figure.model !== null && Number.isFinite(figure.model)) {
    // Only when the replication delay accounts for what is left over.
    const left = Math.abs(figure.measured - (figure.model + SIM_REPLICATION_DELAY_SECONDS));
    if (figure.measured > figure.model && left <= (figure.halfWidth ?? 0) + figure.tolerance) {
      // It accounts for the whole difference: whatever else the run shows is not needed to explain it.
      return [`the run's latency includes replication (${formatDuration(SIM_REPLICATION_DELAY_SECONDS)} here: followers fetch a batch before consumers may read it); the model leaves it out`];
    }
  }
  if (plan && (name === 'consumed-rate' || name === 'lag-growth' || name === 'lag')) {
    const pollSeconds = (plan.maxPollRecords * plan.processingMs) / 1000;
    const pollShort = view.timeMs / 1000 < 2 * pollSeconds;
    if (view.timeMs < RATE_WINDOW_MS || (pollShort && metrics.lagGrowthEventsPerSecPerGroup > 0)) {
      const polls = pollShort ? `: a full poll of ${formatNumber(plan.maxPollRecords, 0)} events takes ${formatDuration(pollSeconds)}, and lag falls only when a poll commits` : `, less than the ${formatDuration(RATE_WINDOW_MS / 1000)} the rates are measured over`;
      reasons.push(`the run is only ${formatDuration(view.timeMs / 1000)} long${polls}; the model describes the steady state`);
    }
  }
  return reasons;
}
