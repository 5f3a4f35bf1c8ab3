import type { ConsumerSnapshot, FlowSnapshot, GroupFrame, GroupView, PartitionsView, PartitionSnapshot, SimColumns, SimFrame, SimShape, SimSnapshot, SimView, TopicSnapshot } from './types';

/** SimColumns.consumerFlags bits. */
export const CONSUMER_ALIVE = 1;
export const CONSUMER_BUSY = 2;
/** SimColumns.flows: numbers a flow, and its kinds. */
export const FLOW_FIELDS = 6;
export const FLOW_PRODUCE = 0;
export const FLOW_CONSUME = 1;
/** Flows a frame holds at most: drawing is aggregated. */
export const MAX_FLOWS_IN_SNAPSHOT = 300;

/**
 * The read-only view of one frame (src/sim/types.ts: SimShape, SimFrame, SimView): what the page
 * and the tests read, never the raw columns. Building one allocates a few small objects; lists
 * (a group's consumers, the topics) are made on first read and kept with the view.
 *
 * A view reads its frame's arrays as they are: once the page hands a frame back to the worker
 * (src/workers/sim-client.ts keeps the newest two), views of it must no longer be read.
 */
export function viewOf(shape: SimShape, frame: SimFrame): SimView {
  const { columns } = frame;
  const replicaLists = replicaListsOf(shape);
  let topics: readonly TopicSnapshot[] | undefined;
  let flows: readonly FlowSnapshot[] | undefined;
  const partitions: PartitionsView = {
    length: shape.partitionCount,
    topicOf: (p) => topicIndexOf(shape, p),
    logEndOffset: (p) => columns.logEndOffset[p] as number,
    highWatermark: (p) => columns.highWatermark[p] as number,
    logStartOffset: (p) => columns.logStartOffset[p] as number,
    leader: (p) => columns.leader[p] as number,
    produceBlocked: (p) => columns.produceBlocked[p] === 1,
    replicas: (p) => replicaLists[p] as number[],
    isr: (p) => inSyncOf(replicaLists[p] as number[], columns.isrMask[p] as number),
  };
  const groups = frame.groups.map((group) => groupViewOf(shape, group, columns));
  return {
    timeMs: frame.timeMs,
    config: shape.config,
    seed: shape.seed,
    get topics() {
      return (topics ??= shape.topics.map((t, i) => ({ ...t, ...(frame.topics[i] as SimFrame['topics'][number]) })));
    },
    produced: frame.produced,
    producerBuffered: frame.producerBuffered,
    spikeFactor: frame.spikeFactor,
    idempotentConsumers: frame.idempotentConsumers,
    brokers: frame.brokers,
    partitions,
    groups,
    deadLetterQueue: frame.deadLetterQueue,
    measurements: (frame.topics[0] as SimFrame['topics'][number]).measurements,
    get flows() {
      return (flows ??= flowsOf(columns.flows, frame.flowCount));
    },
    leaderMoves: frame.leaderMoves,
    log: frame.log,
  };
}

function flowsOf(column: Float64Array, count: number): FlowSnapshot[] {
  return Array.from({ length: count }, (_, n) => {
    const at = n * FLOW_FIELDS;
    const field = (k: number) => column[at + k] as number;
    return { kind: field(0) === FLOW_CONSUME ? 'consume' : 'produce', partition: field(1), group: field(2), consumer: field(3), events: field(4), progress: field(5) };
  });
}

function groupViewOf(shape: SimShape, group: GroupFrame, columns: SimColumns): GroupView {
  const { partitionsAt, consumersAt, consumersShown, ...figures } = group;
  const first = (shape.topics[group.topic] as SimShape['topics'][number]).firstPartition;
  let consumers: readonly ConsumerSnapshot[] | undefined;
  const ownerOf = (i: number) => columns.owner[partitionsAt + i] as number;
  return {
    ...figures,
    lagOf: (i) => (columns.logEndOffset[first + i] as number) - (columns.committedOffset[partitionsAt + i] as number),
    committedOffsetOf: (i) => columns.committedOffset[partitionsAt + i] as number,
    ownerOf,
    get consumers() {
      if (!consumers) {
        const count = (shape.topics[group.topic] as SimShape['topics'][number]).partitionCount;
        const assigned: number[][] = Array.from({ length: consumersShown }, () => []);
        for (let i = 0; i < count; i += 1) assigned[ownerOf(i)]?.push(first + i);
        consumers = assigned.map((owned, id) => {
          const flags = columns.consumerFlags[consumersAt + id] as number;
          return { id, alive: (flags & CONSUMER_ALIVE) !== 0, assigned: owned, busy: (flags & CONSUMER_BUSY) !== 0, processed: columns.consumerProcessed[consumersAt + id] as number };
        });
      }
      return consumers;
    },
  };
}

/** The topic partition p belongs to: topics hold consecutive ranges. */
function topicIndexOf(shape: SimShape, p: number): number {
  const { topics } = shape;
  let low = 0;
  let high = topics.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((topics[mid] as SimShape['topics'][number]).firstPartition <= p) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** One array per partition, made once per shape: every view of the run hands out the same lists. */
const replicaListCache = new WeakMap<SimShape, readonly number[][]>();
function replicaListsOf(shape: SimShape): readonly number[][] {
  let lists = replicaListCache.get(shape);
  if (!lists) {
    const { replicaStart, replicaBrokers } = shape;
    lists = Array.from({ length: shape.partitionCount }, (_, p) => Array.from(replicaBrokers.subarray(replicaStart[p], replicaStart[p + 1])));
    replicaListCache.set(shape, lists);
  }
  return lists;
}

function inSyncOf(replicas: readonly number[], mask: number): readonly number[] {
  if (mask === (1 << replicas.length) - 1) return replicas;
  return replicas.filter((_, k) => (mask & (1 << k)) !== 0);
}

/** The view as a plain SimSnapshot: for the tests, the soak, the invariants and anything that keeps one. */
export function toPlainSnapshot(view: SimView): SimSnapshot {
  const { partitions } = view;
  const plainPartitions: PartitionSnapshot[] = [];
  for (let id = 0; id < partitions.length; id += 1) {
    plainPartitions.push({
      id,
      topic: partitions.topicOf(id),
      logEndOffset: partitions.logEndOffset(id),
      highWatermark: partitions.highWatermark(id),
      logStartOffset: partitions.logStartOffset(id),
      leader: partitions.leader(id),
      replicas: [...partitions.replicas(id)],
      isr: [...partitions.isr(id)],
      produceBlocked: partitions.produceBlocked(id),
    });
  }
  return {
    timeMs: view.timeMs,
    config: view.config,
    seed: view.seed,
    topics: view.topics.map((t) => ({ name: t.name, firstPartition: t.firstPartition, partitionCount: t.partitionCount, groups: [...t.groups], produced: t.produced, eventsPerSec: t.eventsPerSec, measurements: t.measurements })),
    produced: view.produced,
    producerBuffered: view.producerBuffered,
    spikeFactor: view.spikeFactor,
    idempotentConsumers: view.idempotentConsumers,
    brokers: view.brokers.map((b) => ({ id: b.id, up: b.up, leaderOf: b.leaderOf, replicas: b.replicas, networkInBytes: b.networkInBytes, networkOutBytes: b.networkOutBytes })),
    partitions: plainPartitions,
    groups: view.groups.map((g) => ({
      id: g.id,
      topic: g.topic,
      kind: g.kind,
      consumed: g.consumed,
      processed: g.processed,
      lag: g.lag,
      partitionLag: Array.from({ length: view.topics[g.topic]?.partitionCount ?? 0 }, (_, i) => g.lagOf(i)),
      deadLettered: g.deadLettered,
      expired: g.expired,
      duplicates: g.duplicates,
      duplicatesSuppressed: g.duplicatesSuppressed,
      failedAttempts: g.failedAttempts,
      rebalancing: g.rebalancing,
      rebalances: g.rebalances,
      consumerCount: g.consumerCount,
      aliveConsumers: g.aliveConsumers,
      idleConsumers: g.idleConsumers,
      consumers: g.consumers.map((c) => ({ id: c.id, alive: c.alive, assigned: [...c.assigned], busy: c.busy, processed: c.processed })),
    })),
    deadLetterQueue: view.deadLetterQueue,
    measurements: view.measurements,
    flows: view.flows.map((f) => ({ ...f })),
    leaderMoves: view.leaderMoves.map((m) => ({ ...m })),
    log: view.log.map((line) => ({ atMs: line.atMs, text: line.text })),
  };
}

/**
 * A plain snapshot as a shape and a frame (toPlainSnapshot's inverse): hand-made snapshots in
 * the page's tests become views. Each group's partitionLag gives its committed offsets.
 */
export function fromPlainSnapshot(snapshot: SimSnapshot): { shape: SimShape; frame: SimFrame } {
  const P = snapshot.partitions.length;
  const replicaStart = new Int32Array(P + 1);
  const brokers: number[] = [];
  snapshot.partitions.forEach((p, id) => {
    brokers.push(...p.replicas);
    replicaStart[id + 1] = brokers.length;
  });
  const shape: SimShape = {
    config: snapshot.config,
    seed: snapshot.seed,
    topics: snapshot.topics.map(({ name, firstPartition, partitionCount, eventsPerSec }) => ({ name, firstPartition, partitionCount, eventsPerSec })),
    partitionCount: P,
    replicaStart,
    replicaBrokers: Int32Array.from(brokers),
  };
  const partitionsOfGroup = snapshot.groups.map((g) => snapshot.topics[g.topic]?.partitionCount ?? 0);
  const shownOfGroup = snapshot.groups.map((g) => g.consumers.length);
  const columns = allocateColumns(P, sum(partitionsOfGroup), sum(shownOfGroup));
  snapshot.flows.slice(0, MAX_FLOWS_IN_SNAPSHOT).forEach((f, n) => columns.flows.set([f.kind === 'consume' ? FLOW_CONSUME : FLOW_PRODUCE, f.partition, f.group, f.consumer, f.events, f.progress], n * FLOW_FIELDS));
  snapshot.partitions.forEach((p, id) => {
    columns.logEndOffset[id] = p.logEndOffset;
    columns.highWatermark[id] = p.highWatermark;
    columns.logStartOffset[id] = p.logStartOffset;
    columns.leader[id] = p.leader;
    columns.isrMask[id] = p.replicas.reduce((mask, b, k) => (p.isr.includes(b) ? mask | (1 << k) : mask), 0);
    columns.produceBlocked[id] = p.produceBlocked ? 1 : 0;
  });
  let partitionsAt = 0;
  let consumersAt = 0;
  const groups: GroupFrame[] = snapshot.groups.map((group, g) => {
    const { partitionLag, consumers, ...figures } = group;
    const first = snapshot.topics[group.topic]?.firstPartition ?? 0;
    const count = partitionsOfGroup[g] as number;
    columns.owner.fill(-1, partitionsAt, partitionsAt + count);
    for (let i = 0; i < count; i += 1) columns.committedOffset[partitionsAt + i] = (snapshot.partitions[first + i]?.logEndOffset ?? 0) - (partitionLag[i] ?? 0);
    consumers.forEach((c, k) => {
      for (const p of c.assigned) columns.owner[partitionsAt + p - first] = c.id;
      columns.consumerFlags[consumersAt + k] = (c.alive ? CONSUMER_ALIVE : 0) | (c.busy ? CONSUMER_BUSY : 0);
      columns.consumerProcessed[consumersAt + k] = c.processed;
    });
    const placed = { ...figures, partitionsAt, consumersAt, consumersShown: consumers.length };
    partitionsAt += count;
    consumersAt += consumers.length;
    return placed;
  });
  const frame: SimFrame = {
    timeMs: snapshot.timeMs,
    produced: snapshot.produced,
    producerBuffered: snapshot.producerBuffered,
    spikeFactor: snapshot.spikeFactor,
    idempotentConsumers: snapshot.idempotentConsumers,
    deadLetterQueue: snapshot.deadLetterQueue,
    brokers: snapshot.brokers,
    topics: snapshot.topics.map(({ groups: ids, produced, measurements }) => ({ groups: ids, produced, measurements })),
    groups,
    flowCount: Math.min(MAX_FLOWS_IN_SNAPSHOT, snapshot.flows.length),
    leaderMoves: snapshot.leaderMoves,
    log: snapshot.log,
    columns,
  };
  return { shape, frame };
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/** Columns for P partitions, `groupPartitions` group-partition pairs and `consumers` shown consumers. */
export function allocateColumns(P: number, groupPartitions: number, consumers: number): SimColumns {
  return {
    logEndOffset: new Float64Array(P),
    highWatermark: new Float64Array(P),
    logStartOffset: new Float64Array(P),
    leader: new Int32Array(P),
    isrMask: new Int32Array(P),
    produceBlocked: new Uint8Array(P),
    committedOffset: new Float64Array(groupPartitions),
    owner: new Int32Array(groupPartitions),
    consumerFlags: new Uint8Array(consumers),
    consumerProcessed: new Float64Array(consumers),
    flows: new Float64Array(FLOW_FIELDS * MAX_FLOWS_IN_SNAPSHOT),
  };
}

/** The buffers a frame's columns live in: the transfer list of the message that carries it. */
export function frameBuffers(frame: SimFrame): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of Object.values(frame.columns) as ArrayBufferView[]) buffers.add(column.buffer as ArrayBuffer);
  return [...buffers];
}
