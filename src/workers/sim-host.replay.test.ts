import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { decodeSimRun, encodeSimRun, type SimSettings } from '../config/sim-link';
import { createSimulation } from '../sim/index';
import type { SimSnapshot, TimedAction } from '../sim/types';
import { SimHost } from './sim-host';
import type { SimCommand, SimEvent } from './sim-protocol';

/** The host around the real simulation, on a still wall clock (only steps move time). */
function realHost() {
  const events: SimEvent[] = [];
  const host = new SimHost({ createSimulation, nowMs: () => 0, schedule: () => {}, post: (e) => events.push(e) });
  const send = (command: SimCommand) => host.handle(command);
  const last = (): SimSnapshot => {
    const event = events.filter((e) => e.type === 'snapshot').at(-1);
    if (event?.type !== 'snapshot') throw new Error('no snapshot');
    return event.snapshot;
  };
  const timeline = (): readonly TimedAction[] => {
    const event = events.filter((e) => e.type === 'timeline').at(-1);
    return event?.type === 'timeline' ? event.timeline : [];
  };
  return { send, last, timeline, events };
}

const config = { ...DEFAULT_CONFIG, eventsPerSec: 20_000, processingMs: 1 };
/** Not the defaults, so the link has to carry them for the replay to match. */
const settings: SimSettings = { arrivals: 'constant', service: 'constant', rebalanceProtocol: 'eager' };

describe('SimHost with the real simulation', () => {
  it('a run played live and the same run replayed from its link give identical snapshots (seed 5, constant arrivals and service)', () => {
    const live = realHost();
    live.send({ type: 'init', runId: 1, config, seed: 5, timeline: [], settings });
    live.send({ type: 'step', ms: 300 });
    live.send({ type: 'apply', action: { type: 'broker-down', broker: 0 } });
    live.send({ type: 'step', ms: 200 });
    live.send({ type: 'apply', action: { type: 'traffic-spike', factor: 5, durationMs: 400 } });
    live.send({ type: 'apply', action: { type: 'consumer-add', group: 0 } });
    live.send({ type: 'step', ms: 700 });
    expect(live.events.some((e) => e.type === 'error')).toBe(false);

    // Through the link's text form, as a person opening the shared link gets it.
    const link = decodeSimRun('?' + encodeSimRun({ seed: 5, timeline: live.timeline(), settings }), config);
    expect(link.notices).toEqual([]);
    expect(link.timeline.map((t) => t.atMs)).toEqual([300, 500, 500]);
    expect(link.settings).toEqual(settings);

    const replay = realHost();
    replay.send({ type: 'init', runId: 1, config, seed: link.seed, timeline: link.timeline, settings: link.settings });
    for (let i = 0; i < 12; i += 1) replay.send({ type: 'step', ms: 100 });
    const a = live.last();
    const b = replay.last();
    expect(b.timeMs).toBe(1200);
    expect(b).toEqual(a);
    expect(b.brokers[0]?.up).toBe(false);
  });
});
