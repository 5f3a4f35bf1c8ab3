import type { Metrics } from '../../engine/compute-metrics';
import { waitQuantileSeconds } from '../../engine/latency';
import type { GroupView, SimView, TopicSnapshot } from '../../sim/types';

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
    { name: 'latency-mean', label: 'Latency, mean', kind: 'seconds', measured: m.latencyMeanSeconds, model: metrics.latency.meanSeconds, modelNote: 'd + Wq + 1/μ: linger, wait, processing; leaves out replication (1 ms here)' },
    { name: 'latency-p50', label: 'Latency, p50', kind: 'seconds', measured: m.latencyP50Seconds, model: metrics.latency.p50Seconds, modelNote: 'd + ln 2 × (Wq + 1/μ)' },
    { name: 'latency-p99', label: 'Latency, p99', kind: 'seconds', measured: m.latencyP99Seconds, model: metrics.latency.p99Seconds, modelNote: 'd + ln 100 × (Wq + 1/μ)' },
    { name: 'dead-lettered', label: "Dead-lettered (the topic's groups)", kind: 'count', measured: groups.reduce((sum, g) => sum + g.deadLettered, 0), model: null, modelNote: 'not in the model' },
    { name: 'duplicates', label: "Duplicates processed (the topic's groups)", kind: 'count', measured: groups.reduce((sum, g) => sum + g.duplicates, 0), model: null, modelNote: 'not in the model' },
  ];
  return figures.map((figure) => ({ ...figure, settled: figure.kind === 'rate' ? rates : figure.name.startsWith('wait') || figure.name.startsWith('latency') ? waits : true }));
}

/** Alive consumers of the topic's first group that own no partition; null while the group rebalances (no answer yet). */
export function idleConsumersOfFirstGroup(snapshot: SimView, topic = 0): number | null {
  const group = firstGroupOf(snapshot, topic);
  if (!group || group.rebalancing) return null;
  return group.idleConsumers;
}
