import { useEffect, useState } from 'react';
import type { ParamSpec } from '../../config/schema';
import type { MetricEntry } from '../../engine/metric-catalog';
import type { PlanConfig } from '../../engine/plan-config';
import { SWEEP_POINTS, sweepKey, sweepPoint, sweepValues } from '../../charts/sensitivity';

export interface SweepRow {
  readonly x: number;
  /** The metric for the current plan; null where unbounded (a gap). */
  readonly value: number | null;
  readonly baseline?: number | null;
}

export interface SweepState {
  readonly rows: readonly SweepRow[];
  /** False while a newer sweep is being computed (the rows shown are the previous one's). */
  readonly current: boolean;
}

/** Finished sweeps by key, newest last; a few are kept so going back is instant. */
const cache = new Map<string, readonly SweepRow[]>();
const CACHE_SIZE = 24;
/** Milliseconds of computing per slice, so a dragged slider never waits on the sweep. */
const SLICE_MS = 6;
/** The full sweep starts once the plan has stood still this long: a drag does not start one per step. */
const SETTLE_MS = 400;
/**
 * While the plan moves, a coarse sweep of this many points (a few milliseconds, one slice) starts
 * at once, so the curve follows a drag (issue 11); the full SWEEP_POINTS follow at rest.
 */
export const COARSE_SWEEP_POINTS = 24;

function remember(key: string, rows: readonly SweepRow[]) {
  cache.delete(key);
  cache.set(key, rows);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/**
 * The sensitivity sweep of `entry` against `spec` for the plan (and the baseline), computed a
 * slice at a time (each point is a full computeMetrics, about half a millisecond) so that the
 * page stays responsive while a slider is dragged; until it is done the previous curve for the
 * same metric and input stays on screen. Keyed without the swept input's own value: moving that
 * input only moves the marker.
 */
export function useSweep(config: PlanConfig, baseline: PlanConfig | null, spec: ParamSpec, entry: MetricEntry, moving = false): SweepState {
  const field = spec.field;
  const points = moving ? COARSE_SWEEP_POINTS : SWEEP_POINTS;
  const key = `${points}#${sweepKey(config, field, entry.name)}#${baseline ? sweepKey(baseline, field, entry.name) : '-'}`;
  const fullKey = `${SWEEP_POINTS}#${key.slice(key.indexOf('#') + 1)}`;
  const pair = `${field}|${entry.name}`;
  const [done, setDone] = useState<{ key: string; pair: string; rows: readonly SweepRow[] } | null>(null);

  useEffect(() => {
    if (cache.has(key)) return;
    // Moving: the full sweep of this plan may be known already (going back over a drag).
    if (moving && cache.has(fullKey)) return;
    const xs = [...new Set([...sweepValues(spec, config, points), ...(baseline ? sweepValues(spec, baseline, points) : [])])].sort((a, b) => a - b);
    const rows: SweepRow[] = [];
    let index = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const work = () => {
      const start = performance.now();
      while (index < xs.length && performance.now() - start < SLICE_MS) {
        const x = xs[index]!;
        const value = sweepPoint(config, field, x, entry.value).y;
        rows.push(baseline ? { x, value, baseline: sweepPoint(baseline, field, x, entry.value).y } : { x, value });
        index += 1;
      }
      if (index < xs.length) {
        timer = setTimeout(work, 0);
        return;
      }
      remember(key, rows);
      setDone({ key, pair, rows });
    };
    timer = setTimeout(work, moving ? 0 : SETTLE_MS);
    return () => clearTimeout(timer);
    // key stands for config (without the swept input), baseline, field and entry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const cached = cache.get(fullKey) ?? cache.get(key);
  if (cached) return { rows: cached, current: true };
  if (done && done.pair === pair) return { rows: done.rows, current: done.key === key };
  return { rows: [], current: false };
}
