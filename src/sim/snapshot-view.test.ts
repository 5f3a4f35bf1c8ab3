import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { clusterOf, topicOf, type ClusterPlan } from '../engine/cluster-plan';
import { addGroup, assign, newConsumer } from './consumer-groups';
import { frameOf } from './frame';
import { createClusterSimulation, createSimulation } from './simulation';
import { frameBuffers, fromPlainSnapshot, toPlainSnapshot, viewOf } from './snapshot-view';
import { createWorld } from './world';

const BIG = { ...DEFAULT_CONFIG, eventsPerSec: 10_000, partitions: 1_000, consumersPerGroup: 10, brokers: 3, zones: 3 };
const TWO_TOPICS: ClusterPlan = {
  cluster: clusterOf(DEFAULT_CONFIG),
  brokerType: 'custom',
  topics: [topicOf({ ...DEFAULT_CONFIG, partitions: 6, consumersPerGroup: 3 }, 'orders'), topicOf({ ...DEFAULT_CONFIG, eventsPerSec: 300, partitions: 4, consumersPerGroup: 2 }, 'clicks')],
};

describe('columnar snapshots: a shape once, then frames of typed arrays', () => {
  it('a view reads like the plain snapshot, partition by partition and group by group (two topics, after faults; seed 5)', () => {
    const sim = createClusterSimulation(TWO_TOPICS, { seed: 5 });
    sim.advance(3_000);
    sim.apply({ type: 'broker-down', broker: 1 });
    sim.apply({ type: 'consumer-crash', group: 1, consumer: 0 });
    sim.advance(12_000);
    const plain = sim.snapshot();
    const view = viewOf(sim.shape(), sim.frame());
    expect(view.partitions.length).toBe(plain.partitions.length);
    for (const p of plain.partitions) {
      expect([view.partitions.topicOf(p.id), view.partitions.logEndOffset(p.id), view.partitions.highWatermark(p.id), view.partitions.logStartOffset(p.id)]).toEqual([p.topic, p.logEndOffset, p.highWatermark, p.logStartOffset]);
      expect([view.partitions.leader(p.id), view.partitions.isr(p.id), view.partitions.replicas(p.id), view.partitions.produceBlocked(p.id)]).toEqual([p.leader, p.isr, p.replicas, p.produceBlocked]);
    }
    // The fault shows: broker 1 is fenced out of every ISR, the crashed member owns nothing yet… or again.
    expect(plain.partitions.some((p) => p.replicas.includes(1) && !p.isr.includes(1))).toBe(true);
    for (const g of plain.groups) {
      const v = view.groups[g.id]!;
      expect(g.partitionLag.map((_, i) => v.lagOf(i))).toEqual(g.partitionLag);
      expect(v.consumers).toEqual(g.consumers);
      for (const c of g.consumers) for (const p of c.assigned) expect(v.ownerOf(p - plain.topics[g.topic]!.firstPartition)).toBe(c.id);
    }
    expect(view.topics).toEqual(plain.topics.map((t) => expect.objectContaining(t)));
  });

  it('fromPlainSnapshot is toPlainSnapshot undone: a plain snapshot round-trips unchanged (seed 9)', () => {
    const sim = createClusterSimulation(TWO_TOPICS, { seed: 9 });
    sim.advance(2_000);
    sim.apply({ type: 'add-group', topic: 1 });
    sim.advance(1_500);
    const plain = sim.snapshot();
    const { shape, frame } = fromPlainSnapshot(plain);
    expect(toPlainSnapshot(viewOf(shape, frame))).toEqual(plain);
  });

  it('a frame handed back is refilled in place: the same buffers, nothing allocated, while the run keeps its size', () => {
    const sim = createSimulation(BIG, { seed: 3 });
    sim.advance(500);
    const first = sim.frame();
    sim.advance(500);
    const second = sim.frame(first.columns);
    expect(second.columns).toBe(first.columns);
    expect(viewOf(sim.shape(), second).timeMs).toBe(1_000);
    expect(toPlainSnapshot(viewOf(sim.shape(), second))).toEqual(sim.snapshot());
    // A new group makes the group columns longer: new arrays, the old frame left as it was.
    sim.apply({ type: 'add-group' });
    const third = sim.frame(second.columns);
    expect(third.columns.committedOffset.length).toBe(2 * BIG.partitions);
    expect(third.columns).not.toBe(second.columns);
    expect(sim.shape()).toBe(sim.shape());
  });

  it('a frame crosses a structured clone with its buffers transferred: the copy reads the same, the sender keeps none', () => {
    const sim = createSimulation(BIG, { seed: 4 });
    sim.advance(1_000);
    const frame = sim.frame();
    const expected = toPlainSnapshot(viewOf(sim.shape(), frame));
    const buffers = frameBuffers(frame);
    expect(buffers.length).toBeGreaterThanOrEqual(10);
    const received = structuredClone(frame, { transfer: buffers });
    expect(toPlainSnapshot(viewOf(structuredClone(sim.shape()), received))).toEqual(expected);
    expect(frame.columns.logEndOffset.length).toBe(0); // detached
  });

  it('every view of a run hands out the same replica lists, and an ISR equal to its replicas is that list', () => {
    const sim = createSimulation(BIG, { seed: 81 });
    sim.advance(1_000);
    const a = viewOf(sim.shape(), sim.frame());
    const b = viewOf(sim.shape(), sim.frame());
    for (let p = 0; p < BIG.partitions; p += 1) {
      expect(a.partitions.replicas(p)).toBe(b.partitions.replicas(p));
      expect(a.partitions.isr(p)).toBe(a.partitions.replicas(p));
    }
  });

  it('a partition in two members’ assignments is reported as a broken simulation, not drawn as either', () => {
    const w = createWorld({ cluster: clusterOf(DEFAULT_CONFIG), brokerType: 'custom', topics: [topicOf({ ...DEFAULT_CONFIG, partitions: 4, consumersPerGroup: 2 }, 'orders')] }, {});
    const group = addGroup(w, 'live', w.topics[0]!);
    assign(w, group);
    expect(() => frameOf(w)).not.toThrow();
    const second = group.consumers[1] ?? newConsumer(1, 0);
    second.assigned.push(group.consumers[0]!.assigned[0]!);
    expect(() => frameOf(w)).toThrow(/partition 0 in the assignments of consumers 0 and 1/);
  });
});
