import type { ClusterPlan } from '../engine/cluster-plan';
import type { SimSettings } from '../config/sim-link';
import type { SimAction, SimColumns, SimFrame, SimShape, TimedAction } from '../sim/types';

/**
 * Messages between the page and the simulation worker: plain data (structured clone), and the
 * typed arrays of each frame, transferred there and back.
 * The page posts each command as a SimRequest: the command and its sequence number `seq`
 * (1, 2, 3, … for the page's lifetime, across workers). Every command is acknowledged by a
 * snapshot whose `seq` is that command's: the worker's state once it has handled it (the answer
 * to `pause` is the paused run's final snapshot, `playing: false`). Every event carries the
 * `seq` of the last command the worker had handled when it posted it, so the page can ignore a
 * snapshot older than the last command it sent (isStaleEvent). While playing, snapshots come at
 * most every SNAPSHOT_INTERVAL_MS of wall time.
 */
export type SimCommand =
  /** Start a run of the whole cluster at simulated time 0 with these settings (simulation options). Keeps play state and speed. Events about it carry its runId. */
  | { readonly type: 'init'; readonly runId: number; readonly plan: ClusterPlan; readonly seed: number; readonly timeline: readonly TimedAction[]; readonly settings: SimSettings }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Pause, then advance exactly `ms` simulated ms. */
  | { readonly type: 'step'; readonly ms: number }
  /** Simulated ms per wall ms; clamped to MIN_SPEED … MAX_SPEED. */
  | { readonly type: 'speed'; readonly factor: number }
  /** Back to time 0, paused, same config, seed, settings and timeline (the recorded run replays). */
  | { readonly type: 'reset' }
  /** Apply now and record it in the timeline at the current simulated time. */
  | { readonly type: 'apply'; readonly action: SimAction };

/** A command as the page posts it: numbered, so the worker's answers say which command they follow. */
export type SimRequest = SimCommand & { readonly seq: number };

/**
 * The columns of a frame the page has done with, their buffers transferred back for the worker
 * to refill (only the columns: the frame's small plain fields would cost a copy for nothing).
 * Not a command (no seq, no answer), so it never makes a snapshot in flight look stale.
 */
export interface FrameReturn {
  readonly type: 'recycle';
  readonly columns: SimColumns;
}

/** Everything the page posts to the worker. */
export type SimMessage = SimRequest | FrameReturn;

/**
 * Every event names the run it is about, so the page can drop stragglers from a run it replaced,
 * and `seq`, the last command the worker had handled when it posted the event.
 */
export type SimEvent = { readonly runId: number; readonly seq: number } & (
  /** What does not change in the run (placement, names, config): posted before its first frame, after every init and reset. */
  | { readonly type: 'shape'; readonly shape: SimShape }
  | {
      readonly type: 'snapshot';
      /** The run now, in columns (src/sim/types.ts), its buffers transferred: read it through viewOf with the run's shape. */
      readonly frame: SimFrame;
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

/**
 * The page's rule for what it shows, given the runId and the seq of the last command it sent:
 * any event of another run is a straggler; a snapshot is stale when its `seq` is older than
 * that command — it was produced before the worker handled the command (e.g. a `playing: true`
 * snapshot already in flight when Pause was pressed), so it would undo what the command did.
 * The command's own answer (same seq) and everything after it count. Shape, timeline, notice
 * and error events count for their whole run: they report what an earlier command did.
 */
export function isStaleEvent(event: SimEvent, runId: number, sentSeq: number): boolean {
  if (event.runId !== runId) return true;
  return event.type === 'snapshot' && event.seq < sentSeq;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
/** The choices offered; 1 = real time. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000] as const;
export const DEFAULT_SPEED = 1;
/** What one press of "Step" advances. */
export const STEP_MS = 100;
/** 20 snapshots a second: smooth enough for figures, cheap to send at 10,000 partitions. */
export const SNAPSHOT_INTERVAL_MS = 50;
