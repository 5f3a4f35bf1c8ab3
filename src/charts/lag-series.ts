import type { ConsumerLoad } from '../engine/consumer-load';
import type { PlanConfig } from '../engine/plan-config';

/**
 * The lag chart's data: the capacity model's forecast of one consumer group's lag over the
 * next hours, optionally a pinned baseline's, and the simulation's measured lag. Pure.
 *
 * The model (docs/model.md, assumptions 1–3): even keys, static assignment. Consumer class c
 * (count n_c, owning k_c partitions) receives λ·k_c/P events/s and processes μ, so its share
 * b·k_c/P of an existing backlog b changes at λ·k_c/P − μ per consumer, never below 0:
 *
 *     lag(t) = Σ_c n_c · max(0, b·k_c/P + (λ·k_c/P − μ)·t)
 *
 * With b = 0 this is lag-growth × t; an overloaded class grows at λ·k_c/P − μ. A backlog on a
 * group that keeps up drains and is gone after b / (group capacity − λ) seconds (the busiest
 * consumer's share is last); when P divides evenly over the consumers it drains at exactly
 * group capacity − λ per second.
 */

interface ConsumerClass {
  readonly count: number;
  /** Partitions each consumer of the class owns. */
  readonly partitions: number;
}

function classesOf(load: ConsumerLoad): ConsumerClass[] {
  const classes: ConsumerClass[] = [{ count: load.busiestConsumerCount, partitions: load.partitionsOfBusiestConsumer }];
  const lightest = load.activeConsumers - load.busiestConsumerCount;
  if (lightest > 0) classes.push({ count: lightest, partitions: load.partitionsOfLightestConsumer });
  return classes;
}

/** Forecast lag of one group after `seconds`, starting from `backlogEvents` spread evenly over the partitions. */
export function lagAt(config: PlanConfig, load: ConsumerLoad, backlogEvents: number, seconds: number): number {
  const P = config.partitions;
  const mu = load.serviceRatePerConsumer;
  let lag = 0;
  for (const c of classesOf(load)) {
    const share = (backlogEvents * c.partitions) / P;
    const rate = (config.eventsPerSec * c.partitions) / P - mu;
    lag += c.count * Math.max(0, share + rate * seconds);
  }
  return lag;
}

/** What the forecast does, in numbers for the chart's summary. */
export interface LagOutlook {
  /** Slope once every draining share is gone: the model's lag growth per group, events/s. */
  readonly growthEventsPerSec: number;
  /** Seconds until the backlog is gone; 0 with no backlog; Infinity when it never is. */
  readonly drainSeconds: number;
}

export function lagOutlook(config: PlanConfig, load: ConsumerLoad, backlogEvents: number): LagOutlook {
  const growthEventsPerSec = load.lagGrowthEventsPerSecPerGroup;
  if (!(backlogEvents > 0)) return { growthEventsPerSec, drainSeconds: 0 };
  const spare = load.groupCapacityEventsPerSec - config.eventsPerSec;
  return { growthEventsPerSec, drainSeconds: spare > 0 ? backlogEvents / spare : Infinity };
}

/** Times where a class's share reaches 0: the forecast's corners, so the drawn line is exact. */
function cornerSeconds(config: PlanConfig, load: ConsumerLoad, backlogEvents: number): number[] {
  if (!(backlogEvents > 0)) return [];
  const P = config.partitions;
  const corners: number[] = [];
  for (const c of classesOf(load)) {
    const drain = load.serviceRatePerConsumer - (config.eventsPerSec * c.partitions) / P;
    if (drain > 0) corners.push((backlogEvents * c.partitions) / P / drain);
  }
  return corners;
}

export interface LagPlan {
  readonly config: PlanConfig;
  readonly load: ConsumerLoad;
}

export interface LagPoint {
  readonly timeMs: number;
  readonly lag: number;
}

export interface LagRow {
  /** Time from now in the chart's time unit. */
  readonly x: number;
  /** The model's forecast, events (one group). */
  readonly model?: number;
  readonly baseline?: number;
  /** The simulation's measured lag of group 0, events. */
  readonly measured?: number;
}

export interface LagSeriesInput {
  readonly current: LagPlan;
  readonly baseline?: LagPlan | null;
  readonly backlogEvents: number;
  readonly horizonSeconds: number;
  /** Seconds per unit of x (1, 60 or 3600). */
  readonly unitSeconds: number;
  /** Measured points (simulated time since the run started); those past the horizon are left out. */
  readonly measured?: readonly LagPoint[];
  /** Grid points of the forecast, ends included. */
  readonly points?: number;
}

/**
 * Rows sorted by x: the forecast on an even grid plus its corners, and one row per measured
 * point (which carries the forecast too, so a tooltip compares them at the same time).
 */
export function lagSeries(input: LagSeriesInput): LagRow[] {
  const { current, baseline, backlogEvents, horizonSeconds, unitSeconds } = input;
  const points = Math.max(2, input.points ?? 121);
  const times = new Set<number>();
  for (let i = 0; i < points; i += 1) times.add((horizonSeconds * i) / (points - 1));
  for (const plan of [current, baseline]) {
    if (!plan) continue;
    for (const t of cornerSeconds(plan.config, plan.load, backlogEvents)) if (t < horizonSeconds) times.add(t);
  }
  const measuredAt = new Map<number, number>();
  for (const p of input.measured ?? []) {
    const t = p.timeMs / 1000;
    if (t >= 0 && t <= horizonSeconds && Number.isFinite(p.lag)) {
      measuredAt.set(t, p.lag);
      times.add(t);
    }
  }
  return [...times]
    .sort((a, b) => a - b)
    .map((t) => {
      const row: { x: number; model: number; baseline?: number; measured?: number } = {
        x: t / unitSeconds,
        model: lagAt(current.config, current.load, backlogEvents, t),
      };
      if (baseline) row.baseline = lagAt(baseline.config, baseline.load, backlogEvents, t);
      const measured = measuredAt.get(t);
      if (measured !== undefined) row.measured = measured;
      return row;
    });
}
