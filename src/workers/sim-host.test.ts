import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { singleTopicPlan } from '../engine/cluster-plan';
import { DEFAULT_SIM_SETTINGS, type SimSettings } from '../config/sim-link';
import type { SimAction, SimFrame, SimOptions, SimShape, Simulation, TimedAction } from '../sim/types';
import { SimHost, TICK_BUDGET_MS } from './sim-host';
import { isStaleEvent, SNAPSHOT_INTERVAL_MS, type SimCommand, type SimEvent } from './sim-protocol';

/**
 * A fake simulation on a fake wall clock: each simulated ms costs `wallMsPerSimMs` of wall
 * time, and every advance and apply is logged, so slicing and replay timing can be checked.
 */
function harness(wallMsPerSimMs = 0.01, snapshotWallMs = 0) {
  let wallMs = 0;
  let timers: { atMs: number; fn: () => void }[] = [];
  const events: SimEvent[] = [];
  const advances: { simMs: number; wallMs: number }[] = [];
  const applied: { atMs: number; action: SimAction }[] = [];
  /** The options of every simulation the host created, in order. */
  const created: (SimOptions | undefined)[] = [];
  let failAtMs = Infinity;

  const createSimulation = (_config: unknown, options?: SimOptions): Simulation => {
    created.push(options);
    let timeMs = 0;
    return {
      get timeMs() {
        return timeMs;
      },
      advance(ms) {
        if (timeMs + ms > failAtMs) throw new Error('sim broke');
        timeMs += ms;
        wallMs += ms * wallMsPerSimMs;
        advances.push({ simMs: ms, wallMs: ms * wallMsPerSimMs });
      },
      apply(action) {
        applied.push({ atMs: timeMs, action });
      },
      snapshot: () => {
        throw new Error('the host sends frames, not plain snapshots');
      },
      shape: () => ({}) as SimShape,
      frame: () => {
        wallMs += snapshotWallMs;
        return { timeMs, columns: {} } as unknown as SimFrame;
      },
    };
  };
  const host = new SimHost({
    createSimulation,
    nowMs: () => wallMs,
    schedule: (fn, delayMs) => timers.push({ atMs: wallMs + delayMs, fn }),
    post: (event) => events.push(event),
  });
  /** Lets `ms` of wall time pass, running due timers in order. */
  const runFor = (ms: number) => {
    const endMs = wallMs + ms;
    for (;;) {
      timers.sort((a, b) => a.atMs - b.atMs);
      const next = timers[0];
      if (!next || next.atMs > endMs) break;
      timers = timers.slice(1);
      wallMs = Math.max(wallMs, next.atMs);
      next.fn();
    }
    wallMs = Math.max(wallMs, endMs);
  };
  const snapshots = () => events.filter((e) => e.type === 'snapshot');
  const lastTimeMs = () => snapshots().at(-1)?.frame.timeMs;
  const failAt = (ms: number) => {
    failAtMs = ms;
  };
  return { host, events, advances, applied, created, runFor, snapshots, lastTimeMs, failAt, wall: () => wallMs };
}

const init = (timeline: TimedAction[] = [], settings: SimSettings = DEFAULT_SIM_SETTINGS) => ({ type: 'init' as const, runId: 1, plan: singleTopicPlan(DEFAULT_CONFIG), seed: 7, timeline, settings });
const DOWN_1: SimAction = { type: 'broker-down', broker: 1 };

describe('SimHost: the worker side of the simulation', () => {
  it('answers init and each step with a snapshot at the stepped time', () => {
    const h = harness();
    h.host.handle(init());
    expect(h.lastTimeMs()).toBe(0);
    h.host.handle({ type: 'step', ms: 100 });
    h.host.handle({ type: 'step', ms: 100 });
    expect(h.lastTimeMs()).toBe(200);
    expect(h.snapshots()).toHaveLength(3);
  });

  it('creates the simulation with the run settings as options, and a reset keeps them', () => {
    const settings: SimSettings = { arrivals: 'constant', service: 'constant', rebalanceProtocol: 'cooperative' };
    const h = harness();
    h.host.handle(init([], settings));
    h.host.handle({ type: 'step', ms: 100 });
    h.host.handle({ type: 'reset' });
    expect(h.created).toEqual([
      { seed: 7, ...settings },
      { seed: 7, ...settings },
    ]);
    // A new init replaces them.
    h.host.handle(init());
    expect(h.created.at(-1)).toEqual({ seed: 7, ...DEFAULT_SIM_SETTINGS });
  });

  it('replays link actions at their exact atMs, however time is sliced', () => {
    const timeline = [{ atMs: 150, action: DOWN_1 }, { atMs: 300, action: { type: 'poison', count: 2 } as const }];
    const h = harness();
    h.host.handle(init(timeline));
    for (let i = 0; i < 5; i += 1) h.host.handle({ type: 'step', ms: 100 });
    expect(h.applied).toEqual(timeline);
  });

  it('records an applied action at the current time, echoes the sorted timeline, and a reset replays it', () => {
    const h = harness();
    h.host.handle(init([{ atMs: 1000, action: { type: 'add-group' } }]));
    h.host.handle({ type: 'step', ms: 250 });
    h.host.handle({ type: 'apply', action: DOWN_1 });
    const echoed = h.events.filter((e) => e.type === 'timeline').at(-1);
    expect(echoed).toEqual({ type: 'timeline', runId: 1, seq: 3, timeline: [{ atMs: 250, action: DOWN_1 }, { atMs: 1000, action: { type: 'add-group' } }] });
    h.host.handle({ type: 'step', ms: 1000 });
    const live = [...h.applied];

    h.applied.length = 0;
    h.host.handle({ type: 'reset' });
    for (let i = 0; i < 25; i += 1) h.host.handle({ type: 'step', ms: 50 });
    expect(h.applied).toEqual(live);
    expect(live.map((a) => a.atMs)).toEqual([250, 1000]);
  });

  it('plays at wall time × speed, posting at most 20 snapshots a second', () => {
    const h = harness();
    h.host.handle(init());
    h.host.handle({ type: 'speed', factor: 10 });
    h.host.handle({ type: 'play' });
    const before = h.snapshots().length;
    h.runFor(2000);
    const simMs = h.lastTimeMs() ?? 0;
    expect(simMs).toBeGreaterThan(19_000);
    expect(simMs).toBeLessThanOrEqual(20_000);
    expect(Number.isInteger(simMs)).toBe(true);
    expect(h.snapshots().length - before).toBeLessThanOrEqual((2000 / SNAPSHOT_INTERVAL_MS) + 1);
    expect(h.snapshots().length - before).toBeGreaterThan(20);
    h.host.handle({ type: 'pause' });
    const paused = h.lastTimeMs();
    h.runFor(1000);
    expect(h.lastTimeMs()).toBe(paused);
  });

  it('posts big snapshots less often: at most ~10 % of wall time goes to them', () => {
    const h = harness(0.01, 15); // a snapshot of a huge plan: 15 ms
    h.host.handle(init());
    h.host.handle({ type: 'play' });
    const before = h.snapshots().length;
    h.runFor(3000);
    const posted = h.snapshots().length - before;
    expect(posted).toBeLessThanOrEqual(3000 / 150 + 1);
    expect(posted).toBeGreaterThanOrEqual(3000 / 250 - 1);
  });

  it('slow motion: 0.1× advances a tenth of wall time', () => {
    const h = harness();
    h.host.handle(init());
    h.host.handle({ type: 'speed', factor: 0.1 });
    h.host.handle({ type: 'play' });
    h.runFor(3000);
    h.host.handle({ type: 'pause' });
    expect(h.lastTimeMs()).toBeGreaterThanOrEqual(290);
    expect(h.lastTimeMs()).toBeLessThanOrEqual(300);
  });

  it('a sim too slow for the speed asked runs slower, in short slices, and says how fast it went', () => {
    const h = harness(1); // 1 wall ms per simulated ms: at most about 1× real time
    h.host.handle(init());
    h.host.handle({ type: 'speed', factor: 1000 });
    h.host.handle({ type: 'play' });
    h.runFor(3000);
    expect(Math.max(...h.advances.map((a) => a.wallMs))).toBeLessThanOrEqual(TICK_BUDGET_MS + 5);
    const last = h.snapshots().at(-1);
    expect(last?.type === 'snapshot' && last.speed).toBe(1000);
    const achieved = last?.type === 'snapshot' ? last.achievedSpeed : null;
    expect(achieved).not.toBeNull();
    expect(achieved).toBeGreaterThan(0.3);
    expect(achieved).toBeLessThan(1.1);
  });

  it('reports a failing sim as an error message and stops', () => {
    const h = harness();
    h.host.handle(init());
    h.failAt(150);
    h.host.handle({ type: 'step', ms: 100 });
    h.host.handle({ type: 'step', ms: 100 });
    expect(h.events.at(-1)).toEqual({ type: 'error', runId: 1, seq: 3, message: 'sim broke' });
    const count = h.events.length;
    h.host.handle({ type: 'step', ms: 100 });
    expect(h.events).toHaveLength(count);
  });

  it('refuses to record a 201st action', () => {
    const h = harness();
    const full = Array.from({ length: 200 }, (_, i) => ({ atMs: i, action: { type: 'poison', count: 1 } as const }));
    h.host.handle(init(full));
    h.host.handle({ type: 'apply', action: DOWN_1 });
    expect(h.events.at(-2)?.type).toBe('notice');
    expect(h.applied).toEqual([]);
  });
});

/**
 * The page's side, on a channel that delivers in order but late: the host's events wait in
 * flight until `deliver()`, so a command can be sent while snapshots taken before it are still
 * on their way — as a pause pressed while the worker is playing. The page numbers its commands
 * and shows only events isStaleEvent lets through, like useSimWorker.
 */
function page(h: ReturnType<typeof harness>) {
  let sentSeq = 0;
  let runId = 0;
  let delivered = 0;
  const shown: { timeMs: number; playing: boolean; seq: number }[] = [];
  const accepted: SimEvent[] = [];
  const send = (command: SimCommand) => {
    sentSeq += 1;
    if (command.type === 'init') runId = command.runId;
    h.host.handle({ ...command, seq: sentSeq });
    return sentSeq;
  };
  const deliver = () => {
    for (; delivered < h.events.length; delivered += 1) {
      const event = h.events[delivered];
      if (!event || isStaleEvent(event, runId, sentSeq)) continue;
      accepted.push(event);
      if (event.type === 'snapshot') shown.push({ timeMs: event.frame.timeMs, playing: event.playing, seq: event.seq });
    }
  };
  return { send, deliver, shown, accepted };
}

describe('SimHost acknowledges each command; the page ignores snapshots older than its last command', () => {
  it('answers every command with a snapshot carrying its seq, a refused one too, and stamps every event with the last seq', () => {
    const h = harness();
    const full = Array.from({ length: 200 }, (_, i) => ({ atMs: i, action: { type: 'poison', count: 1 } as const }));
    const commands: SimCommand[] = [init(full), { type: 'speed', factor: 2 }, { type: 'step', ms: 100 }, { type: 'play' }, { type: 'pause' }, { type: 'apply', action: DOWN_1 }, { type: 'reset' }];
    commands.forEach((command, i) => {
      const before = h.events.length;
      h.host.handle({ ...command, seq: 10 + i });
      const answers = h.events.slice(before);
      expect(answers.every((e) => e.seq === 10 + i), command.type).toBe(true);
      expect(answers.at(-1)?.type, command.type).toBe('snapshot');
    });
    // The 201st action was refused with a notice, and still acknowledged.
    expect(h.events.filter((e) => e.type === 'notice').map((e) => e.seq)).toEqual([15]);
  });

  it('the answer to pause is the final snapshot: playing false, the pause seq, and nothing follows it', () => {
    const h = harness();
    h.host.handle({ ...init(), seq: 1 });
    h.host.handle({ type: 'play', seq: 2 });
    h.runFor(500);
    expect(h.snapshots().at(-1)).toMatchObject({ playing: true, seq: 2 });
    h.host.handle({ type: 'pause', seq: 3 });
    const answer = h.events.at(-1);
    expect(answer).toMatchObject({ type: 'snapshot', playing: false, seq: 3, achievedSpeed: null });
    const count = h.events.length;
    h.runFor(1000);
    expect(h.events).toHaveLength(count);
  });

  it('a snapshot produced before a pause is not accepted after it: the shown time and playing do not move once Pause is sent', () => {
    const h = harness();
    const p = page(h);
    p.send(init());
    p.send({ type: 'play' });
    p.deliver();
    h.runFor(400); // snapshots taken while playing, still in flight…
    const inFlight = h.snapshots().filter((e) => e.playing);
    expect(inFlight.length).toBeGreaterThan(2);
    const pauseSeq = p.send({ type: 'pause' }); // …when Pause is pressed
    const shownBefore = p.shown.length;
    p.deliver();
    h.runFor(1000);
    p.deliver();
    // Only the pause's own answer is shown after it: the final time, paused.
    const after = p.shown.slice(shownBefore);
    expect(after).toEqual([{ timeMs: h.lastTimeMs(), playing: false, seq: pauseSeq }]);
    expect(inFlight.every((e) => isStaleEvent(e, 1, pauseSeq))).toBe(true);
  });

  it('keeps what a stale snapshot cannot undo: a timeline echo answered before a later step, but nothing of a replaced run', () => {
    const h = harness();
    const p = page(h);
    p.send(init());
    p.send({ type: 'step', ms: 200 });
    p.send({ type: 'apply', action: DOWN_1 });
    p.send({ type: 'step', ms: 100 }); // sent before the apply's echo arrived
    p.deliver();
    expect(p.accepted.filter((e) => e.type === 'timeline')).toHaveLength(1);
    expect(p.shown.map((s) => s.timeMs)).toEqual([300]);

    p.send({ type: 'play' });
    h.runFor(200);
    p.send({ ...init(), runId: 2 }); // a new plan replaces the run while its snapshots are in flight
    p.deliver();
    expect(p.shown.at(-1)).toEqual({ timeMs: 0, playing: true, seq: 6 });
    expect(p.accepted.filter((e) => e.runId === 1 && e.seq === 5)).toEqual([]);
  });
});
