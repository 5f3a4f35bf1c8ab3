import { create } from 'zustand';
import { DEFAULT_SEED, DEFAULT_SIM_SETTINGS, type SimSettings } from '../config/sim-link';
import type { ClusterPlan } from '../engine/cluster-plan';
import type { SimView, TimedAction } from '../sim/types';
import type { SimClientEvent } from '../workers/sim-client';
import { DEFAULT_SPEED } from '../workers/sim-protocol';

/**
 * The simulation's UI state. The run itself lives in the worker; this holds what the page
 * shows and what the link carries (seed, settings, timeline). Written through its actions (the worker's
 * events, the controls) and by url-sync when the page opens.
 * `snapshot`, `playing`, `speed` and `achievedSpeed` come from one snapshot event, one that is
 * not older than the last command sent (isStaleEvent in workers/sim-protocol.ts).
 */
export interface SimState {
  /** As the worker last acknowledged: set by the answer to play or pause, never ahead of it. */
  readonly playing: boolean;
  /** Requested simulated ms per wall ms. */
  readonly speed: number;
  /** Reached while playing; null when paused or not measured yet. */
  readonly achievedSpeed: number | null;
  readonly seed: number;
  /** Arrivals, processing time and rebalance protocol: simulation options of the run. */
  readonly settings: SimSettings;
  /** Every action of the run, sorted by atMs: the link carries it. */
  readonly timeline: readonly TimedAction[];
  /**
   * The newest snapshot, a view of the worker's frame (src/workers/sim-client.ts): read it, and
   * the one before it, but keep neither (the frame goes back to the worker two snapshots later).
   */
  readonly snapshot: SimView | null;
  /** The plan the worker runs (every topic): what the measured figures are compared with. */
  readonly runPlan: ClusterPlan | null;
  /** Wall ms (performance.now) when the snapshot arrived: the canvas animates from it. */
  readonly snapshotAtMs: number;
  /** The sim crashed: shown with a "Restart simulation" button. */
  readonly error: string | null;
  /** A refused command, in words (e.g. the timeline is full). */
  readonly notice: string | null;
  /** Actions of a recorded run the opening link carried, until it is played or the plan changes: the page says so at the top. */
  readonly sharedRunActions: number;
  /** Play was asked for from outside the simulation section (the shared-run notice): the section plays once it can. */
  readonly playRequested: boolean;
  /** A recorded run a plan change set aside, with the plan it was recorded on: the page offers to bring both back. */
  readonly setAside: { readonly plan: ClusterPlan; readonly timeline: readonly TimedAction[] } | null;
  /** A run being brought back: when the plan at rest is this plan, the run starts with this timeline instead of none. */
  readonly restoring: { readonly plan: ClusterPlan; readonly timeline: readonly TimedAction[] } | null;
}

export const INITIAL_SIM_STATE: SimState = {
  playing: false,
  speed: DEFAULT_SPEED,
  achievedSpeed: null,
  seed: DEFAULT_SEED,
  settings: DEFAULT_SIM_SETTINGS,
  timeline: [],
  snapshot: null,
  runPlan: null,
  snapshotAtMs: 0,
  error: null,
  notice: null,
  sharedRunActions: 0,
  playRequested: false,
  setAside: null,
  restoring: null,
};

export interface SimActions {
  /** An event of the current run (src/workers/sim-client.ts) into what the page shows. */
  receive(event: SimClientEvent): void;
  setSpeed(factor: number): void;
  /** A new seed; recorded actions are kept. */
  setSeed(seed: number): void;
  /** New run settings; recorded actions are kept, as for a new seed. */
  setSettings(settings: SimSettings): void;
  /** Recorded actions belong to the plan they were recorded on: a new plan, or Clear, drops them. */
  clearTimeline(): void;
  /** A fresh worker after a crash: nothing shown until it answers. */
  restarting(): void;
  /** The worker was asked to run this plan. */
  started(plan: ClusterPlan): void;
  /** Play, from outside the simulation section; it answers with playRequestHandled. */
  requestPlay(): void;
  playRequestHandled(): void;
  /**
   * The plan the run followed changed to `plan`: the recorded actions belong to the old one, so
   * they are set aside (offered back) and the new run starts with none — or, when `plan` is the
   * one being brought back, with its timeline. Returns the timeline the new run starts with.
   */
  planChanged(previous: ClusterPlan | null, plan: ClusterPlan): readonly TimedAction[];
  /** Asked to bring back the set-aside run, whose plan is now `plan` in the planner store. */
  restoreSetAside(plan: ClusterPlan): void;
  dismissSetAside(): void;
}

export const useSimStore = create<SimState & SimActions>()((set, get) => ({
  ...INITIAL_SIM_STATE,
  receive: (event) => {
    switch (event.type) {
      case 'snapshot':
        set((state) => ({
          snapshot: event.snapshot,
          snapshotAtMs: performance.now(),
          playing: event.playing,
          speed: event.speed,
          achievedSpeed: event.achievedSpeed,
          // Once the shared run plays, the page no longer needs to point at it.
          sharedRunActions: event.playing ? 0 : state.sharedRunActions,
        }));
        break;
      case 'timeline':
        set({ timeline: event.timeline, notice: null });
        break;
      case 'notice':
        set({ notice: event.message });
        break;
      case 'error':
      case 'failed':
        set({ error: event.message, playing: false });
        break;
    }
  },
  setSpeed: (factor) => set({ speed: factor }),
  setSeed: (seed) => set({ seed }),
  setSettings: (settings) => set({ settings }),
  clearTimeline: () => set({ timeline: [], sharedRunActions: 0 }),
  restarting: () => set({ error: null, playing: false, snapshot: null }),
  started: (plan) => set({ runPlan: plan }),
  planChanged: (previous, plan) => {
    const { timeline, restoring } = get();
    if (restoring && restoring.plan === plan) {
      set({ timeline: restoring.timeline, restoring: null, setAside: null });
      return restoring.timeline;
    }
    set({ timeline: [], sharedRunActions: 0, restoring: null, setAside: timeline.length > 0 && previous ? { plan: previous, timeline } : get().setAside });
    return [];
  },
  restoreSetAside: (plan) => {
    const aside = get().setAside;
    if (aside) set({ restoring: { plan, timeline: aside.timeline }, setAside: null });
  },
  dismissSetAside: () => set({ setAside: null }),
  requestPlay: () => set({ playRequested: true }),
  playRequestHandled: () => set({ playRequested: false }),
}));

export const selectSnapshot = (state: SimState) => state.snapshot;
export const selectRunPlan = (state: SimState) => state.runPlan;
export const selectSeed = (state: SimState) => state.seed;
export const selectTimeline = (state: SimState) => state.timeline;
