import { createSimulation } from './simulation';
import type { PlanConfig } from '../engine/plan-config';
import type { SimAction, SimOptions, Simulation, TimedAction } from './types';

/**
 * A run's timeline of actions and how far into it a simulation is: the one place that replays
 * recorded actions (the worker host, the recorded runs of the tests and the soak all go
 * through it). Every action is applied exactly at its atMs, after the events up to that time,
 * however the time is advanced — frame by frame, in slices, stepped or all at once — so the
 * same config, seed and timeline always give the same snapshots. An action applied live is
 * recorded at the current time, after the recorded ones due then (as a replay will apply it).
 */
export class TimelineCursor {
  private readonly actions: TimedAction[];
  /** actions[0 … next − 1] have been applied. */
  private next = 0;

  constructor(timeline: readonly TimedAction[] = []) {
    this.actions = timeline.filter((t) => Number.isFinite(t.atMs) && t.atMs >= 0).sort((a, b) => a.atMs - b.atMs);
  }

  /** Every action so far and still to come, sorted by atMs. */
  get timeline(): readonly TimedAction[] {
    return this.actions;
  }

  /** Advances `sim` by ms, applying each action due on the way at its exact time (one at the end included). */
  advance(sim: Simulation, ms: number): void {
    if (!(ms > 0)) return;
    const toMs = sim.timeMs + ms;
    for (let due = this.actions[this.next]; due && due.atMs <= toMs; due = this.actions[this.next]) {
      sim.advance(due.atMs - sim.timeMs);
      sim.apply(due.action);
      this.next += 1;
    }
    sim.advance(toMs - sim.timeMs);
  }

  /** Applies the actions due by now (atMs ≤ the sim's time) that are not applied yet. */
  applyDue(sim: Simulation): void {
    for (let due = this.actions[this.next]; due && due.atMs <= sim.timeMs; due = this.actions[this.next]) {
      sim.apply(due.action);
      this.next += 1;
    }
  }

  /** Applies `action` now and records it at the sim's current time. */
  record(sim: Simulation, action: SimAction): TimedAction {
    this.applyDue(sim);
    const recorded = { atMs: sim.timeMs, action };
    this.actions.splice(this.next, 0, recorded);
    this.next += 1;
    sim.apply(action);
    return recorded;
  }
}

/** A simulation with its timeline of actions: what a shared link replays. */
export interface RecordedRun {
  readonly sim: Simulation;
  /** Every action so far and still to come, sorted by atMs. */
  readonly timeline: readonly TimedAction[];
  advance(ms: number): void;
  /** Applies the action now and records it. */
  apply(action: SimAction): TimedAction;
}

export function createRecordedRun(config: PlanConfig, options: SimOptions = {}, timeline: readonly TimedAction[] = []): RecordedRun {
  return recordRun(createSimulation(config, options), timeline);
}

/** A fresh simulation (any plan: createSimulation, createClusterSimulation) with its timeline. */
export function recordRun(sim: Simulation, timeline: readonly TimedAction[] = []): RecordedRun {
  const cursor = new TimelineCursor(timeline);
  cursor.applyDue(sim);
  return {
    sim,
    get timeline() {
      return cursor.timeline;
    },
    advance: (ms) => cursor.advance(sim, ms),
    apply: (action) => cursor.record(sim, action),
  };
}
