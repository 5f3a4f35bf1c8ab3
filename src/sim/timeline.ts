import { createSimulation } from './simulation';
import type { PlanConfig } from '../engine/plan-config';
import type { SimAction, SimOptions, Simulation, TimedAction } from './types';

/**
 * A simulation with its timeline of actions: what a shared link replays. Actions applied
 * live are recorded at the current simulated time; recorded actions are applied exactly
 * at their atMs however the time is advanced (frame by frame, stepped, or all at once),
 * so the same config, seed and timeline always give the same snapshots.
 */
export interface RecordedRun {
  readonly sim: Simulation;
  /** Every action so far and still to come, sorted by atMs. */
  readonly timeline: readonly TimedAction[];
  advance(ms: number): void;
  /** Applies the action now and records it. */
  apply(action: SimAction): TimedAction;
}

export function createRecordedRun(config: PlanConfig, options: SimOptions = {}, timeline: readonly TimedAction[] = []): RecordedRun {
  const sim = createSimulation(config, options);
  const actions = [...timeline].filter((t) => Number.isFinite(t.atMs) && t.atMs >= 0).sort((a, b) => a.atMs - b.atMs);
  let next = 0;
  const applyDue = (toMs: number) => {
    while (next < actions.length && (actions[next] as TimedAction).atMs <= toMs) {
      const due = actions[next] as TimedAction;
      sim.advance(due.atMs - sim.timeMs);
      sim.apply(due.action);
      next += 1;
    }
  };
  applyDue(0);
  return {
    sim,
    get timeline() {
      return actions;
    },
    advance(ms) {
      if (!(ms > 0)) return;
      const toMs = sim.timeMs + ms;
      applyDue(toMs);
      sim.advance(toMs - sim.timeMs);
    },
    apply(action) {
      const recorded = { atMs: sim.timeMs, action };
      actions.splice(next, 0, recorded);
      next += 1;
      sim.apply(action);
      return recorded;
    },
  };
}

/** Advance a bare simulation by ms, applying the actions with timeMs < atMs ≤ timeMs + ms at their time. */
export function advanceWithTimeline(sim: Simulation, timeline: readonly TimedAction[], ms: number): void {
  const fromMs = sim.timeMs;
  const toMs = fromMs + ms;
  for (const { atMs, action } of [...timeline].sort((a, b) => a.atMs - b.atMs)) {
    if (!(atMs > fromMs && atMs <= toMs)) continue;
    sim.advance(atMs - sim.timeMs);
    sim.apply(action);
  }
  sim.advance(toMs - sim.timeMs);
}
