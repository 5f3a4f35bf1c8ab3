import type { ClusterPlan } from '../engine/cluster-plan';
import { TimelineCursor } from '../sim/timeline';
import { frameBuffers } from '../sim/snapshot-view';
import type { SimAction, SimColumns, SimOptions, Simulation } from '../sim/types';
import { DEFAULT_SIM_SETTINGS, MAX_ACTIONS, type SimSettings } from '../config/sim-link';
import { MAX_SPEED, MIN_SPEED, SNAPSHOT_INTERVAL_MS, DEFAULT_SPEED, type SimCommand, type SimEvent, type SimMessage } from './sim-protocol';

/** What the host needs from the outside world: the sim, a wall clock, a timer, a way to post. */
export interface SimHostDeps {
  /** createClusterSimulation in the worker. */
  createSimulation(plan: ClusterPlan, options?: SimOptions): Simulation;
  /** Wall-clock ms (performance.now in the worker). */
  nowMs(): number;
  /** Run `fn` after `delayMs` of wall time. */
  schedule(fn: () => void, delayMs: number): void;
  /** Posts an event; `transfer` lists the buffers that move with it (a frame's columns). */
  post(event: SimEvent, transfer?: ArrayBuffer[]): void;
}

/** An event as the host builds it; post() stamps it with the run and the last command's seq. */
type Unstamped<E> = E extends unknown ? Omit<E, 'runId' | 'seq'> : never;
type SimEventBody = Unstamped<SimEvent>;

/** Wall time one tick may spend advancing before it yields to incoming commands. */
export const TICK_BUDGET_MS = 30;
/** Wall time one advance() call aims at; the slice size follows the measured sim speed. */
const SLICE_TARGET_MS = 8;
const INITIAL_SIM_MS_PER_WALL_MS = 0.25;
/** However big the plan, the figures still move at least 4 times a second. */
const SLOW_SNAPSHOT_MAX_INTERVAL_MS = 250;
/** Pause between ticks: lets commands (pause, apply) in, about one display frame. */
const TICK_INTERVAL_MS = 16;
/** A tick after a long pause (tab in background) must not try to catch up on minutes. */
const MAX_TICK_ELAPSED_MS = 250;
/** Frames handed back and kept for refilling: the page holds two, one is being filled. */
const SPARE_FRAMES = 2;

/**
 * Hosts one Simulation and turns wall time into simulated time: elapsed × speed, advanced in
 * whole simulated ms (so every action lands on a whole-ms atMs a link can carry exactly) and
 * in slices, so no single advance() blocks the worker for long. When the sim cannot keep up,
 * the backlog is dropped: the run goes slower than asked and reports the speed it reached.
 *
 * Every command is acknowledged: the host answers it with a snapshot carrying its `seq` (after
 * `pause`, the paused run's final snapshot), and every event it posts carries the `seq` of the
 * last command handled, so the page can tell a snapshot taken before its last command.
 *
 * A snapshot is a frame (src/sim/types.ts) whose columns are transferred, not copied; the page
 * hands each frame back once it is two frames old, and the next snapshot is written into it, so
 * a steady run allocates no columns. The run's shape goes once, before its first frame.
 */
export class SimHost {
  private sim: Simulation | undefined;
  private runId = 0;
  /** The seq of the last command handled: every event carries it. */
  private seq = 0;
  private plan: ClusterPlan | undefined;
  private seed = 1;
  /** The run's settings (arrivals, service, rebalance protocol): options of every restart. */
  private settings: SimSettings = DEFAULT_SIM_SETTINGS;
  /** The run's recorded actions and how many the sim has had (src/sim/timeline.ts). */
  private cursor = new TimelineCursor();
  private simTimeMs = 0;
  private playing = false;
  private speed = DEFAULT_SPEED;
  private achievedSpeed: number | null = null;
  /** Simulated ms owed to the wall clock, below 1 between ticks. */
  private owedMs = 0;
  private lastTickWallMs = 0;
  private lastPostWallMs = -Infinity;
  /** Wall ms between snapshots while playing: stretched when snapshots are big (10,000 partitions). */
  private snapshotIntervalMs = SNAPSHOT_INTERVAL_MS;
  /** Simulated ms per wall ms, measured: sizes the next slice. Starts low: a 10,000-partition plan at 10M events/s runs at about 0.1. */
  private simMsPerWallMs = INITIAL_SIM_MS_PER_WALL_MS;
  private tickScheduled = false;
  /** Columns of frames the page handed back, to be refilled. */
  private readonly spareColumns: SimColumns[] = [];

  constructor(private readonly deps: SimHostDeps) {}

  /** A message as posted by the page; a bare SimCommand (a test driving the host) counts as the next seq. */
  handle(command: SimCommand | SimMessage): void {
    if (command.type === 'recycle') {
      if (this.spareColumns.length < SPARE_FRAMES) this.spareColumns.push(command.columns);
      return;
    }
    this.seq = 'seq' in command ? command.seq : this.seq + 1;
    try {
      this.run(command);
    } catch (error) {
      this.fail(error);
    }
  }

  private run(command: SimCommand): void {
    switch (command.type) {
      case 'init':
        this.runId = command.runId;
        this.plan = command.plan;
        this.seed = command.seed;
        this.settings = command.settings;
        this.cursor = new TimelineCursor(command.timeline);
        this.restart();
        break;
      case 'reset':
        this.playing = false;
        this.restart();
        break;
      case 'play':
        if (!this.sim) return;
        this.playing = true;
        this.lastTickWallMs = this.deps.nowMs();
        this.owedMs = 0;
        this.scheduleTick(0);
        break;
      case 'pause':
        this.playing = false;
        break;
      case 'step':
        this.playing = false;
        this.advanceBy(Math.max(0, Math.round(command.ms)), Infinity);
        break;
      case 'speed':
        this.speed = Number.isFinite(command.factor) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, command.factor)) : DEFAULT_SPEED;
        break;
      case 'apply':
        this.applyNow(command.action);
        return; // applyNow posts
    }
    this.postSnapshot();
  }

  private restart(): void {
    if (!this.plan) return;
    this.sim = this.deps.createSimulation(this.plan, { seed: this.seed, ...this.settings });
    this.post({ type: 'shape', shape: this.sim.shape() });
    this.simMsPerWallMs = INITIAL_SIM_MS_PER_WALL_MS;
    // The same actions, replayed from the start.
    this.cursor = new TimelineCursor(this.cursor.timeline);
    this.simTimeMs = 0;
    this.owedMs = 0;
    this.achievedSpeed = null;
    if (this.playing) {
      this.lastTickWallMs = this.deps.nowMs();
      this.scheduleTick(0);
    }
  }

  private applyNow(action: SimAction): void {
    if (!this.sim) return;
    if (this.cursor.timeline.length >= MAX_ACTIONS) {
      this.post({ type: 'notice', message: `This run already has ${MAX_ACTIONS} actions, the most a link can carry. Reset or clear the actions to record more.` });
      this.postSnapshot(); // the refused command is acknowledged too
      return;
    }
    // Recorded actions due now go first, as they will when the link replays the run.
    this.cursor.record(this.sim, action);
    this.post({ type: 'timeline', timeline: [...this.cursor.timeline] });
    this.postSnapshot();
  }

  /**
   * Advances whole simulated ms in slices, each recorded action applied at its exact atMs
   * (TimelineCursor). Stops early when `budgetMs` of wall time is spent; returns the simulated ms advanced.
   */
  private advanceBy(totalMs: number, budgetMs: number): number {
    const sim = this.sim;
    if (!sim) return 0;
    const startWallMs = this.deps.nowMs();
    let doneMs = 0;
    while (doneMs < totalMs) {
      const sliceMs = Math.min(totalMs - doneMs, Math.max(1, Math.floor(this.simMsPerWallMs * SLICE_TARGET_MS)));
      const sliceStartWallMs = this.deps.nowMs();
      this.cursor.advance(sim, sliceMs);
      const sliceWallMs = this.deps.nowMs() - sliceStartWallMs;
      this.simTimeMs += sliceMs;
      doneMs += sliceMs;
      // Fast slices say little about speed: grow at most 4× a slice, follow slow ones at once.
      const measured = sliceWallMs > 0 ? sliceMs / sliceWallMs : Infinity;
      this.simMsPerWallMs = Math.min(measured, this.simMsPerWallMs * 4);
      if (this.deps.nowMs() - startWallMs >= budgetMs) break;
    }
    return doneMs;
  }

  private scheduleTick(delayMs: number): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.deps.schedule(() => {
      this.tickScheduled = false;
      try {
        this.tick();
      } catch (error) {
        this.fail(error);
      }
    }, delayMs);
  }

  private tick(): void {
    if (!this.playing || !this.sim) return;
    const startWallMs = this.deps.nowMs();
    const elapsedWallMs = Math.min(MAX_TICK_ELAPSED_MS, Math.max(0, startWallMs - this.lastTickWallMs));
    this.lastTickWallMs = startWallMs;
    this.owedMs += elapsedWallMs * this.speed;
    const wantedMs = Math.floor(this.owedMs);
    const doneMs = this.advanceBy(wantedMs, TICK_BUDGET_MS);
    // Behind: drop the backlog rather than chase it forever (the sim runs slower than asked).
    this.owedMs = doneMs < wantedMs ? 0 : this.owedMs - doneMs;
    if (elapsedWallMs > 0) {
      const speedNow = doneMs < wantedMs ? doneMs / elapsedWallMs : this.speed;
      this.achievedSpeed = this.achievedSpeed === null ? speedNow : this.achievedSpeed * 0.7 + speedNow * 0.3;
    }
    const endWallMs = this.deps.nowMs();
    if (endWallMs - this.lastPostWallMs >= this.snapshotIntervalMs) this.postSnapshot();
    this.scheduleTick(Math.max(1, TICK_INTERVAL_MS - (endWallMs - startWallMs)));
  }

  private postSnapshot(): void {
    if (!this.sim) return;
    const startWallMs = this.deps.nowMs();
    const frame = this.sim.frame(this.spareColumns.pop());
    this.lastPostWallMs = this.deps.nowMs();
    // A snapshot costs about as much again to read and draw on the page: keep both under ~10 %.
    this.snapshotIntervalMs = Math.max(SNAPSHOT_INTERVAL_MS, Math.min(SLOW_SNAPSHOT_MAX_INTERVAL_MS, (this.lastPostWallMs - startWallMs) * 10));
    this.post(
      {
        type: 'snapshot',
        frame,
        playing: this.playing,
        speed: this.speed,
        achievedSpeed: this.playing ? this.achievedSpeed : null,
      },
      frameBuffers(frame),
    );
  }

  private fail(error: unknown): void {
    this.playing = false;
    this.sim = undefined;
    this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }

  private post(event: SimEventBody, transfer?: ArrayBuffer[]): void {
    this.deps.post({ ...event, runId: this.runId, seq: this.seq } as SimEvent, transfer);
  }
}
