import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { decodeSimRun, encodeSimRun, type SimSettings } from '../config/sim-link';
import { decodePlan, encodePlan } from '../config/url-codec';
import { clusterOf, topicOf, type ClusterPlan } from '../engine/cluster-plan';
import { createClusterSimulation } from '../sim/index';
import { toPlainSnapshot, viewOf } from '../sim/snapshot-view';
import type { SimSnapshot, TimedAction } from '../sim/types';
import { SimHost } from './sim-host';
import type { SimCommand, SimEvent } from './sim-protocol';

/** The host around the real simulation, on a still wall clock (only steps move time). */
function realHost() {
  const events: SimEvent[] = [];
  const host = new SimHost({ createSimulation: createClusterSimulation, nowMs: () => 0, schedule: () => {}, post: (e) => events.push(e) });
  const send = (command: SimCommand) => host.handle(command);
  const last = (): SimSnapshot => {
    const event = events.filter((e) => e.type === 'snapshot').at(-1);
    const shape = events.filter((e) => e.type === 'shape').at(-1);
    if (event?.type !== 'snapshot' || shape?.type !== 'shape') throw new Error('no snapshot');
    return toPlainSnapshot(viewOf(shape.shape, event.frame));
  };
  const timeline = (): readonly TimedAction[] => {
    const event = events.filter((e) => e.type === 'timeline').at(-1);
    return event?.type === 'timeline' ? event.timeline : [];
  };
  return { send, last, timeline, events };
}

const base = { ...DEFAULT_CONFIG, eventsPerSec: 20_000, processingMs: 1 };
/** Two topics on the same brokers: the link carries both, and the run is the whole cluster's. */
const plan: ClusterPlan = {
  cluster: clusterOf(base),
  brokerType: 'custom',
  topics: [topicOf(base, 'orders'), topicOf({ ...base, eventsPerSec: 4_000, partitions: 7, consumersPerGroup: 3, consumerGroups: 2 }, 'clicks')],
};
/** Not the defaults, so the link has to carry them for the replay to match. */
const settings: SimSettings = { arrivals: 'constant', service: 'constant', rebalanceProtocol: 'eager' };

describe('SimHost with the real simulation', () => {
  it('a multi-topic run played live and the same run replayed from its shared link give identical snapshots (seed 5, constant arrivals and service)', () => {
    const live = realHost();
    live.send({ type: 'init', runId: 1, plan, seed: 5, timeline: [], settings });
    live.send({ type: 'step', ms: 300 });
    live.send({ type: 'apply', action: { type: 'broker-down', broker: 0 } });
    live.send({ type: 'step', ms: 200 });
    live.send({ type: 'apply', action: { type: 'traffic-spike', factor: 5, durationMs: 400 } });
    live.send({ type: 'apply', action: { type: 'consumer-add', group: 2 } });
    live.send({ type: 'apply', action: { type: 'add-group', topic: 1 } });
    live.send({ type: 'step', ms: 700 });
    live.send({ type: 'apply', action: { type: 'consumer-crash', group: 3, consumer: 1 } });
    live.send({ type: 'step', ms: 300 });
    expect(live.events.some((e) => e.type === 'error')).toBe(false);

    // Through the link's text form, plan and run, as a person opening the shared link gets it.
    const search = `?${encodePlan(plan)}&${encodeSimRun({ seed: 5, timeline: live.timeline(), settings })}`;
    expect(search).toContain('actions=300:broker-down:0,500:spike:5:400,500:consumer-add:2,500:add-group:1,1200:consumer-crash:3:1');
    const opened = decodePlan(search);
    expect(opened.notices).toEqual([]);
    const link = decodeSimRun(search, opened.plan);
    expect(link.notices).toEqual([]);
    expect(link.settings).toEqual(settings);

    const replay = realHost();
    replay.send({ type: 'init', runId: 1, plan: opened.plan, seed: link.seed, timeline: link.timeline, settings: link.settings });
    for (let i = 0; i < 15; i += 1) replay.send({ type: 'step', ms: 100 });
    const a = live.last();
    const b = replay.last();
    expect(b.timeMs).toBe(1500);
    expect(b).toEqual(a);
    expect(b.topics.map((t) => t.name)).toEqual(['orders', 'clicks']);
    expect(b.groups.map((g) => g.topic)).toEqual([0, 1, 1, 1]);
    expect(b.brokers[0]?.up).toBe(false);
  });
});
