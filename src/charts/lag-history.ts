import type { PlanConfig } from '../engine/plan-config';
import type { LagPoint } from './lag-series';

/**
 * A bounded history of the simulation's measured lag (group 0), for the lag chart. Pure.
 *
 * Points are kept at least `spacingMs` apart, except the newest, which always follows the run
 * (it is replaced until it is far enough from the one before). When the history is full, every
 * other point is dropped and the spacing doubles, so it never holds more than `max` points and
 * still covers the whole run evenly. A new run (another key, or time going back) starts over.
 */
export interface LagHistory {
  /** Identifies the run: seed and plan. */
  readonly runKey: string;
  readonly points: readonly LagPoint[];
  readonly spacingMs: number;
}

export const MAX_LAG_POINTS = 500;

export const EMPTY_LAG_HISTORY: LagHistory = { runKey: '', points: [], spacingMs: 0 };

export function appendLag(history: LagHistory, runKey: string, point: LagPoint, max = MAX_LAG_POINTS): LagHistory {
  const { points } = history;
  const last = points[points.length - 1];
  if (runKey !== history.runKey || !last || point.timeMs < last.timeMs) {
    return { runKey, points: [point], spacingMs: 0 };
  }
  if (point.timeMs === last.timeMs) {
    return last.lag === point.lag ? history : { ...history, points: [...points.slice(0, -1), point] };
  }
  const beforeLast = points[points.length - 2];
  // The newest point replaces the last while the last is too close to the one before it.
  const replaceLast = beforeLast !== undefined && last.timeMs - beforeLast.timeMs < history.spacingMs;
  let next = replaceLast ? [...points.slice(0, -1), point] : [...points, point];
  let spacingMs = history.spacingMs;
  while (next.length > max) {
    const kept = next.filter((_, index) => index % 2 === 0);
    const newest = next[next.length - 1]!;
    if (kept[kept.length - 1] !== newest) kept.push(newest);
    // Never below the mean gap of what is kept, so the history stays even after a thinning.
    spacingMs = Math.max(spacingMs * 2, (newest.timeMs - next[0]!.timeMs) / Math.max(1, kept.length - 1));
    next = kept.length > max ? kept.slice(kept.length - max) : kept;
  }
  return { runKey, points: next, spacingMs };
}

/** A plan as text with its fields sorted, so two copies of one plan (a clone in the worker) compare equal. */
export function planSignature(config: PlanConfig): string {
  return Object.entries(config)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('&');
}

/** The run a measurement belongs to: its seed and its plan (a new plan restarts the simulation). */
export function runKeyFor(seed: number, config: PlanConfig): string {
  return `${seed}|${planSignature(config)}`;
}
