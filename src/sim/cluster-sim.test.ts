import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { clusterOf, topicOf, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { createClusterSimulation, createSimulation } from './simulation';
import { brokerRates } from './test/broker-rates';
import { expectInvariants } from './test/check-invariants';
import { recordRun } from './timeline';
import type { TimedAction } from './types';

/** Three topics on four brokers in two zones: different rates, sizes, partitions, replication and groups. */
function threeTopics(cluster: Partial<PlanConfig> = {}): ClusterPlan {
  const base: PlanConfig = { ...DEFAULT_CONFIG, brokers: 4, zones: 2, plannedFailure: 1, ...cluster };
  const topic = (name: string, overrides: Partial<PlanConfig>) => topicOf({ ...base, ...overrides }, name);
  return {
    cluster: clusterOf(base),
    brokerType: 'custom',
    topics: [
      topic('orders', { eventsPerSec: 3_000, eventSizeBytes: 1_024, partitions: 12, consumersPerGroup: 6, consumerGroups: 2, processingMs: 0.1, replicationFactor: 3, minInsyncReplicas: 2 }),
      topic('clicks', { eventsPerSec: 5_000, eventSizeBytes: 256, partitions: 8, consumersPerGroup: 4, consumerGroups: 1, processingMs: 0.2, replicationFactor: 2, minInsyncReplicas: 1 }),
      topic('audit', { eventsPerSec: 500, eventSizeBytes: 4_096, partitions: 3, consumersPerGroup: 3, consumerGroups: 1, processingMs: 1, replicationFactor: 3, minInsyncReplicas: 2 }),
    ],
  };
}

const within = (measured: number, modelled: number, what: string) =>
  expect(Math.abs(measured / modelled - 1), `${what}: ${measured.toFixed(0)} B/s against the model's ${modelled.toFixed(0)}`).toBeLessThan(0.02);

describe('the whole cluster in one simulation', () => {
  it('every topic runs on the shared brokers: its own partitions, producers and groups, each placed as the capacity model places it', () => {
    const plan = threeTopics();
    const sim = createClusterSimulation(plan, { seed: 3 });
    sim.advance(20_000);
    const s = sim.snapshot();
    expect(s.topics.map((t) => [t.name, t.firstPartition, t.partitionCount])).toEqual([
      ['orders', 0, 12],
      ['clicks', 12, 8],
      ['audit', 20, 3],
    ]);
    expect(s.partitions).toHaveLength(23);
    // Groups are numbered across the cluster, topic by topic, and read only their topic's partitions.
    expect(s.groups.map((g) => g.topic)).toEqual([0, 0, 1, 2]);
    for (const topic of s.topics) {
      const own = s.partitions.filter((p) => p.topic === s.topics.indexOf(topic));
      expect(own.map((p) => p.id)).toEqual(Array.from({ length: topic.partitionCount }, (_, i) => topic.firstPartition + i));
      expect(own.reduce((sum, p) => sum + p.logEndOffset, 0), `${topic.name}: Σ log end = produced`).toBe(topic.produced);
      // Each topic produces at its own rate (Poisson: within 3 % over 20 s of thousands of events).
      const perSec = topic.produced / 20;
      expect(Math.abs(perSec / topic.eventsPerSec - 1), `${topic.name} ${perSec}/s`).toBeLessThan(0.03);
      for (const id of topic.groups) {
        const group = s.groups[id];
        for (const consumer of group?.consumers ?? []) for (const p of consumer.assigned) expect(s.partitions[p]?.topic, `group ${id} owns partition ${p}`).toBe(s.topics.indexOf(topic));
        expect(group?.partitionLag).toHaveLength(topic.partitionCount);
      }
      expect(own.every((p) => p.replicas.length === plan.topics[s.topics.indexOf(topic)]?.replicationFactor)).toBe(true);
    }
    expect(s.produced).toBe(s.topics.reduce((sum, t) => sum + t.produced, 0));
    expectInvariants(s);
  });

  it('a one-topic cluster is the one-topic simulation, number for number', () => {
    const config: PlanConfig = { ...DEFAULT_CONFIG, eventsPerSec: 2_000, partitions: 6, consumersPerGroup: 3 };
    const plan: ClusterPlan = { cluster: clusterOf(config), topics: [topicOf(config, 'events')], brokerType: 'custom' };
    const one = createSimulation(config, { seed: 5 });
    const cluster = createClusterSimulation(plan, { seed: 5 });
    for (const sim of [one, cluster]) {
      sim.advance(3_000);
      sim.apply({ type: 'broker-down', broker: 1 });
      sim.advance(12_000);
    }
    // The configs are the same fields (the cluster's built from the plan): compared as such.
    expect(cluster.snapshot()).toEqual({ ...one.snapshot(), config: expect.objectContaining(one.snapshot().config) });
  });

  it("bytes per broker: every broker's network in and out within 2 % of the model's per-broker figures, all up (seed 41)", () => {
    const plan = threeTopics();
    const model = computeClusterMetrics(plan).brokerLoad.perBroker;
    const sim = createClusterSimulation(plan, { seed: 41 });
    sim.advance(2_000);
    const start = sim.snapshot();
    sim.advance(40_000);
    const rates = brokerRates(start, sim.snapshot());
    rates.forEach((r, b) => {
      within(r.inBytesPerSec, model.networkInBytesPerSec[b] as number, `broker ${b} in`);
      within(r.outBytesPerSec, model.networkOutBytesPerSec[b] as number, `broker ${b} out`);
    });
  });

  it("a broker failure hits every topic with a replica on it; once fenced, the busiest survivor's network out is within 2 % of the model's failover figure (seed 43)", () => {
    const plan = threeTopics();
    const { failover } = computeClusterMetrics(plan).brokerLoad;
    const failed = Number(/broker (\d+)/.exec(failover.worstCase)?.[1]);
    expect(Number.isInteger(failed), failover.worstCase).toBe(true);
    const sim = createClusterSimulation(plan, { seed: 43 });
    sim.advance(2_000);
    sim.apply({ type: 'broker-down', broker: failed });
    sim.advance(500);
    // Before fencing, every topic has partitions whose writes stall on the dead broker.
    const stalled = sim.snapshot();
    for (const [t] of plan.topics.entries()) {
      const own = stalled.partitions.filter((p) => p.topic === t && p.replicas.includes(failed));
      expect(own.length, `topic ${t} has replicas on broker ${failed}`).toBeGreaterThan(0);
      expect(own.every((p) => p.produceBlocked), `topic ${t}: acks=all writes wait for broker ${failed}`).toBe(true);
    }
    sim.advance(15_000); // fenced 9 s after: leaders moved in every topic, the held writes sent
    const afterMove = sim.snapshot();
    expect(afterMove.partitions.some((p) => p.leader === failed)).toBe(false);
    expect(afterMove.partitions.every((p) => !p.produceBlocked)).toBe(true);
    sim.advance(40_000);
    const survivors = brokerRates(afterMove, sim.snapshot()).filter((r) => r.up);
    within(Math.max(...survivors.map((r) => r.outBytesPerSec)), failover.busiest.networkOutBytesPerSec, 'busiest survivor out');
    expectInvariants(sim.snapshot());
  });

  it("a topic's hot-key share (the plan's) sends its extra to the topic's first partition, at the model's hot-partition rate within 3 %, and only its lag grows when it alone is more than one consumer can take (seed 47)", () => {
    const plan = threeTopics();
    const hot: ClusterPlan = { ...plan, topics: plan.topics.map((t, i) => (i === 1 ? { ...t, hotKeyShare: 0.4, processingMs: 0.5 } : t)) };
    const model = computeClusterMetrics(hot).topics[1]!;
    const sim = createClusterSimulation(hot, { seed: 47 });
    sim.advance(30_000);
    const s = sim.snapshot();
    const clicks = s.topics[1]!;
    const firstPerSec = (s.partitions[clicks.firstPartition]?.logEndOffset ?? 0) / 30;
    expect(Math.abs(firstPerSec / model.hotPartitionEventsPerSec - 1), `${firstPerSec}/s against ${model.hotPartitionEventsPerSec}`).toBeLessThan(0.03);
    expect(model.hotPartitionEventsPerSec).toBeCloseTo(5_000 * (0.4 + 0.6 / 8), 6);
    // 2,375 events/s on one partition at 0.5 ms an event: 1.19 × what its one consumer can do.
    const lag = s.groups[clicks.groups[0]!]!.partitionLag;
    expect(lag[0]).toBeGreaterThan(10 * Math.max(...lag.slice(1)));
    // The other topics keep even keys.
    const orders = s.partitions.slice(0, 12).map((p) => p.logEndOffset);
    expect(Math.max(...orders) / Math.min(...orders)).toBeLessThan(1.15);
  });

  it('actions name cluster-wide groups; add-group takes a topic; a recorded multi-topic run replays exactly', () => {
    const plan = threeTopics();
    const timeline: TimedAction[] = [
      { atMs: 1_000, action: { type: 'consumer-crash', group: 2, consumer: 0 } },
      { atMs: 2_000, action: { type: 'add-group', topic: 1 } },
      { atMs: 3_000, action: { type: 'consumer-add', group: 3 } },
      { atMs: 4_000, action: { type: 'broker-down', broker: 2 } },
      { atMs: 6_000, action: { type: 'poison', count: 2 } },
    ];
    const live = recordRun(createClusterSimulation(plan, { seed: 9 }));
    for (const timed of timeline) {
      live.advance(timed.atMs - live.sim.timeMs);
      live.apply(timed.action);
    }
    live.advance(60_000 - live.sim.timeMs);
    const replayed = recordRun(createClusterSimulation(plan, { seed: 9 }), live.timeline);
    replayed.advance(60_000);
    expect(replayed.sim.snapshot()).toEqual(live.sim.snapshot());

    const s = live.sim.snapshot();
    expect(s.groups).toHaveLength(5);
    expect(s.groups[4]).toMatchObject({ topic: 1, kind: 'replay' });
    expect(s.topics[1]?.groups).toEqual([2, 4]);
    expect(s.groups[2]?.aliveConsumers).toBe(3); // clicks' group lost consumer 0
    expect(s.groups[3]?.consumerCount).toBe(4); // audit's group gained one
    expect(s.log.some((line) => /partition (orders|clicks|audit)-\d+: leader 2 →/.test(line.text))).toBe(true);
    expectInvariants(s);
  });
});
