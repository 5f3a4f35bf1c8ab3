import { fromPlainSnapshot, viewOf } from '../sim/snapshot-view';
import type { ConsumerSnapshot, GroupSnapshot, PartitionSnapshot, SimSnapshot, SimView } from '../sim/types';
import { makePlainSnapshot } from './sim-snapshot';

/** A plain snapshot as the page holds it: a view of its frame. */
export function viewOfPlain(snapshot: SimSnapshot): SimView {
  const { shape, frame } = fromPlainSnapshot(snapshot);
  return viewOf(shape, frame);
}

/** The snapshot with some partitions changed (their leader, ISR, offsets, produceBlocked). */
export function withPartitions(snapshot: SimSnapshot, changes: Readonly<Record<number, Partial<PartitionSnapshot>>>): SimSnapshot {
  return { ...snapshot, partitions: snapshot.partitions.map((p) => ({ ...p, ...changes[p.id] })) };
}

/** The snapshot with group `g`'s lag per partition set (its committed offsets follow: log end − lag). */
export function withLags(snapshot: SimSnapshot, g: number, partitionLag: readonly number[]): SimSnapshot {
  return { ...snapshot, groups: snapshot.groups.map((group, i) => (i === g ? { ...group, partitionLag, lag: partitionLag.reduce((a, b) => a + b, 0) } : group)) };
}

/** The snapshot with group `g`'s consumers replaced (their assigned lists are the owner column). */
export function withConsumers(snapshot: SimSnapshot, g: number, consumers: readonly ConsumerSnapshot[], figures: Partial<GroupSnapshot> = {}): SimSnapshot {
  return { ...snapshot, groups: snapshot.groups.map((group, i) => (i === g ? { ...group, ...figures, consumers: [...consumers] } : group)) };
}

/**
 * A cluster of several topics on shared brokers: topic t gets `partitions` partitions in order
 * and one live group (numbered t) of `consumers` consumers, consumer k owning the topic's
 * partitions i with i % consumers = k, lag 100 × i.
 */
export function makeClusterPlain(topics: readonly { name: string; partitions: number; consumers: number }[], brokers = 3): SimSnapshot {
  const total = topics.reduce((n, t) => n + t.partitions, 0);
  const base = makePlainSnapshot({ config: { partitions: total, brokers } });
  let first = 0;
  const topicOf: number[] = [];
  const planned = topics.map((t, index) => {
    const placed = { ...base.topics[0]!, name: t.name, firstPartition: first, partitionCount: t.partitions, groups: [index] };
    for (let i = 0; i < t.partitions; i += 1) topicOf.push(index);
    first += t.partitions;
    return placed;
  });
  const groups: GroupSnapshot[] = topics.map((t, index) => {
    const start = planned[index]!.firstPartition;
    const partitionLag = Array.from({ length: t.partitions }, (_, i) => 100 * i);
    const active = Math.min(t.consumers, t.partitions);
    const consumers = Array.from({ length: t.consumers }, (_, k) => ({ id: k, alive: true, busy: k < active, processed: 0, assigned: Array.from({ length: t.partitions }, (_, i) => i).filter((i) => i % active === k && k < active).map((i) => start + i) }));
    return { ...base.groups[0]!, id: index, topic: index, partitionLag, lag: partitionLag.reduce((a, b) => a + b, 0), consumers, consumerCount: t.consumers, aliveConsumers: t.consumers, idleConsumers: t.consumers - active };
  });
  return { ...base, topics: planned, partitions: base.partitions.map((p) => ({ ...p, topic: topicOf[p.id]! })), groups, flows: [] };
}
