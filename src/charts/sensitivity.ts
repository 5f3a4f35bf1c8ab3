import { computeMetrics, type Metrics } from '../engine/compute-metrics';
import type { MetricKind } from '../engine/metric-catalog';
import type { PlanConfig } from '../engine/plan-config';

/**
 * The sensitivity chart: one metric against one input, the input swept over its whole range
 * while every other input keeps its value. Pure. Each point is computeMetrics on a copy of the
 * plan with that one input changed. Log inputs are sampled log-spaced, linear ones evenly;
 * counts are rounded to whole numbers (duplicates dropped). The model's known corners
 * (partitions = consumers and one more, where the busiest consumer gets a second partition;
 * replication factor = brokers) are added, so a cliff is drawn where it is rather than between
 * two samples. The samples never depend on the swept input's own value, so moving that input
 * only moves the marker: the curve stays (see sweepKey).
 * An unbounded value (Infinity, e.g. latency of an overloaded group) is a gap (null), never a number.
 */

/** What the sweep needs of an input (src/config/schema.ts's ParamSpec has it all). */
export interface SweepInput {
  readonly field: keyof PlanConfig;
  readonly min: number;
  readonly max: number;
  readonly scale: 'log' | 'linear';
  readonly integer: boolean;
}

export const SWEEP_POINTS = 120;

export const PLOTTABLE_KINDS: readonly MetricKind[] = ['events/s', 'ratio', 'bytes/s', 'bytes', 'seconds', 'score'];

/** The values of `input` the sweep visits, ascending, within [min, max]. */
export function sweepValues(input: SweepInput, config: PlanConfig, points = SWEEP_POINTS): number[] {
  const { min, max } = input;
  const n = Math.max(2, points);
  const values = new Set<number>();
  const add = (v: number) => {
    if (!Number.isFinite(v)) return;
    const clamped = Math.min(max, Math.max(min, input.integer ? Math.round(v) : v));
    values.add(clamped);
  };
  for (let i = 0; i < n; i += 1) {
    const t = i / (n - 1);
    // Exact ends: no 9.999999 for 10.
    if (i === 0) add(min);
    else if (i === n - 1) add(max);
    else add(input.scale === 'log' ? Number((min * (max / min) ** t).toPrecision(12)) : Number((min + t * (max - min)).toPrecision(12)));
  }
  for (const v of cornersFor(input, config)) add(v);
  return [...values].sort((a, b) => a - b);
}

/** The model's corners for this input, from the other inputs (never from its own value). */
export function cornersFor(input: SweepInput, config: PlanConfig): number[] {
  const corners: number[] = [];
  // Utilization, capacity and lag step where a consumer starts owning one more partition.
  if (input.field === 'partitions') corners.push(config.consumersPerGroup, config.consumersPerGroup + 1);
  if (input.field === 'consumersPerGroup') corners.push(config.partitions - 1, config.partitions);
  // The cluster is valid only while R ≤ B.
  if (input.field === 'brokers') corners.push(config.replicationFactor - 1, config.replicationFactor);
  if (input.field === 'replicationFactor') corners.push(config.brokers, config.brokers + 1);
  return corners.filter((v) => v >= input.min && v <= input.max);
}

/** A metric as a number, or null where it is unbounded or undefined (drawn as a gap). */
export function plotValue(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export interface SweepPoint {
  readonly x: number;
  readonly y: number | null;
}

export function sweepPoint(config: PlanConfig, field: keyof PlanConfig, x: number, metric: (m: Metrics) => number): SweepPoint {
  return { x, y: plotValue(metric(computeMetrics({ ...config, [field]: x }))) };
}

/** The whole sweep at once (the chart computes the same points a slice at a time). */
export function sweep(config: PlanConfig, input: SweepInput, metric: (m: Metrics) => number, points = SWEEP_POINTS): SweepPoint[] {
  return sweepValues(input, config, points).map((x) => sweepPoint(config, input.field, x, metric));
}

/** The config with the swept input left out (the curve depends on nothing else), the metric and the samples. */
export function sweepKey(config: PlanConfig, field: keyof PlanConfig, metricName: string): string {
  const rest = Object.entries(config)
    .filter(([key]) => key !== field)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${String(value)}`);
  return `${String(field)}|${metricName}|${rest.join('&')}`;
}
