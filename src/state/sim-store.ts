import { create } from 'zustand';
import { DEFAULT_SEED } from '../config/sim-link';
import type { SimSnapshot, TimedAction } from '../sim/types';
import { DEFAULT_SPEED } from '../workers/sim-protocol';

/**
 * The simulation's UI state. The run itself lives in the worker; this holds what the page
 * shows and what the link carries (seed, timeline). Written by useSimWorker and url-sync.
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
  /** Every action of the run, sorted by atMs: the link carries it. */
  readonly timeline: readonly TimedAction[];
  readonly snapshot: SimSnapshot | null;
  /** Wall ms (performance.now) when the snapshot arrived: the canvas animates from it. */
  readonly snapshotAtMs: number;
  /** The sim crashed: shown with a "Restart simulation" button. */
  readonly error: string | null;
  /** A refused command, in words (e.g. the timeline is full). */
  readonly notice: string | null;
}

export const INITIAL_SIM_STATE: SimState = {
  playing: false,
  speed: DEFAULT_SPEED,
  achievedSpeed: null,
  seed: DEFAULT_SEED,
  timeline: [],
  snapshot: null,
  snapshotAtMs: 0,
  error: null,
  notice: null,
};

export const useSimStore = create<SimState>()(() => INITIAL_SIM_STATE);

export const selectSnapshot = (state: SimState) => state.snapshot;
export const selectSeed = (state: SimState) => state.seed;
export const selectTimeline = (state: SimState) => state.timeline;
