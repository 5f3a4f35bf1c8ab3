import type { PlanConfig } from '../engine/plan-config';
import type { SimAction, SimSnapshot, TimedAction } from '../sim/types';

/**
 * Messages between the page and the simulation worker. Plain data only (structured clone).
 * Every command is answered by at least one snapshot; while playing, snapshots come at most
 * every SNAPSHOT_INTERVAL_MS of wall time.
 */
export type SimCommand =
  /** Start a run at simulated time 0. Keeps play state and speed. Events about it carry its runId. */
  | { readonly type: 'init'; readonly runId: number; readonly config: PlanConfig; readonly seed: number; readonly timeline: readonly TimedAction[] }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Pause, then advance exactly `ms` simulated ms. */
  | { readonly type: 'step'; readonly ms: number }
  /** Simulated ms per wall ms; clamped to MIN_SPEED … MAX_SPEED. */
  | { readonly type: 'speed'; readonly factor: number }
  /** Back to time 0, paused, same config, seed and timeline (the recorded run replays). */
  | { readonly type: 'reset' }
  /** Apply now and record it in the timeline at the current simulated time. */
  | { readonly type: 'apply'; readonly action: SimAction };

/** Every event names the run it is about, so the page can drop stragglers from a run it replaced. */
export type SimEvent = { readonly runId: number } & (
  | {
      readonly type: 'snapshot';
      readonly snapshot: SimSnapshot;
      readonly playing: boolean;
      readonly speed: number;
      /** Simulated ms per wall ms actually reached while playing (below `speed` when the sim cannot keep up); null when paused. */
      readonly achievedSpeed: number | null;
    }
  /** The run's timeline after an `apply`, for the link. */
  | { readonly type: 'timeline'; readonly timeline: readonly TimedAction[] }
  /** A command that was refused (the sim is fine). */
  | { readonly type: 'notice'; readonly message: string }
  /** The sim failed; it stays stopped until the next `init`. */
  | { readonly type: 'error'; readonly message: string }
);

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
/** The choices offered; 1 = real time. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000] as const;
export const DEFAULT_SPEED = 1;
/** What one press of "Step" advances. */
export const STEP_MS = 100;
/** 20 snapshots a second: smooth enough for figures, cheap to clone at 10,000 partitions. */
export const SNAPSHOT_INTERVAL_MS = 50;
