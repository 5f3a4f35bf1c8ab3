import { topicView, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';
import { placeReplicas, replicasOf } from '../engine/placement';
import { traffic } from '../engine/traffic';
import { MAX_LEADER_MOVES, MAX_LOG_LINES, MIN_SEGMENTS_PER_PARTITION, RATE_WINDOW_MS, SAMPLE_INTERVAL_MS, SEGMENT_BUDGET, resolveOptions, resolveTopicOptions } from './defaults';
import { EventQueue } from './event-queue';
import { LogSegments } from './log-segments';
import { DurationHistogram } from './histogram';
import { PartitionLog } from './partition-log';
import { createRandom, type Random } from './random';
import type { LeaderMove, SimOptions } from './types';

/**
 * The state of one simulated run, shared by the parts of the simulation (producers, brokers,
 * consumer groups, snapshot): plain fields and typed arrays, no behaviour. Each part is free
 * functions over this one object, so a part reads what another wrote without closures.
 */

// Kinds of future events.
export const BATCH = 1; // a producer batch for partition a closes and is sent
export const CONSUMER_DONE = 2; // consumer b of group a finishes its poll batch (token c)
export const CONSUMER_WAKE = 3; // consumer b of group a may find readable events
export const SESSION_EXPIRED = 4; // the group a notices its crashed consumer b
export const REBALANCE_DONE = 5; // group a's rebalance (token c) completes, or its round b (incremental protocols)
export const SPIKE_END = 6; // traffic spike (token c) ends
export const FOLLOWER_REJOIN = 7; // broker a has caught up and rejoins the ISRs
export const SAMPLE = 8; // record counters for the measured rates
export const BROKER_FENCED = 9; // broker a (down since its token c) is fenced by the controller
export const LEADER_REBALANCE = 11; // the controller's periodic preferred-leader check
export const ISR_LAG_SHRINK = 10;
export const POLL_TIMEOUT = 12; // consumer b of group a has not polled for max.poll.interval.ms (token c)
export const CONSUMER_REJOIN = 13; // consumer b of group a, evicted, finishes its batch and rejoins (token c) // leaders drop broker a (down since token c) from their ISRs: replica.lag.time.max.ms

export interface Chunk {
  readonly partition: number;
  readonly from: number;
  /** Events in this poll batch (duplicates included). */
  readonly events: number;
  /** Leading events already processed once before (redelivered), as known when the poll started. */
  readonly duplicates: number;
  /** Leading events an idempotent consumer recognised and skipped (0 unless idempotent at the start). */
  readonly skipped: number;
  /** Events actually processed: events − skipped, offsets from + skipped onwards. */
  readonly work: number;
  readonly poison: boolean;
  readonly startMs: number;
  readonly endMs: number;
  readonly token: number;
  /**
   * Finish time (ms after startMs) of each worked event when drawn one by one (the consumer's
   * buffer, `work` entries); null when the poll's total was drawn as one sum and the events are
   * spread evenly over it: event j finishes at durationMs·(j + 1)/work.
   */
  readonly finishes: Float64Array | null;
  /** Worked events already accounted for (counted as processed, sampled if new): 0 … work. */
  settled: number;
  /** Runs of the worked events' times in the consumer's `runs` buffer (RUN_FIELDS numbers each). */
  runCount: number;
}

/** A run of consecutive offsets in a poll: count, first and last arrival, first and last readable. */
export const RUN_FIELDS = 5;

export interface Consumer {
  readonly id: number;
  /** When it joined: it heartbeats every heartbeat interval from then. */
  readonly joinedMs: number;
  alive: boolean;
  /** In the group: false while evicted for exceeding max.poll.interval.ms, until it rejoins. */
  member: boolean;
  assigned: number[];
  /** Owned partitions with unread events not yet known readable, in append order (from pendingHead on). */
  pending: number[];
  pendingHead: number;
  /** Owned partitions with readable events, served in turn (from readyHead on). */
  ready: number[];
  readyHead: number;
  chunk: Chunk | null;
  token: number;
  wakeAtMs: number;
  /** Events finished processing (duplicates included), as accounted so far. */
  processed: number;
  /** Buffers reused by every poll of this consumer (it runs one poll at a time). */
  finishes: Float64Array;
  runs: Float64Array;
}

export interface Group {
  /** Index in world.groups: cluster-wide. */
  readonly id: number;
  readonly kind: 'live' | 'replay';
  /** The topic it reads; its per-partition arrays are indexed by partition − topic.first. */
  readonly topic: SimTopic;
  readonly consumers: Consumer[];
  readonly owner: Int32Array;
  readonly committed: Float64Array;
  readonly position: Float64Array;
  /** Highest offset + 1 ever processed per partition: below it, a delivery is a duplicate. */
  readonly processedUpTo: Float64Array;
  readonly attempts: Int32Array;
  /** 1 where the partition is in its owner's ready queue. */
  readonly ready: Uint8Array;
  consumed: number;
  /** Σ processed of its consumers, the crashed ones included. */
  processed: number;
  deadLettered: number;
  expired: number;
  duplicates: number;
  duplicatesSuppressed: number;
  failedAttempts: number;
  /** A rebalance is in progress (any protocol). */
  rebalancing: boolean;
  /** An eager rebalance stops every member: nothing is polled until it is done. */
  stopped: boolean;
  rebalanceToken: number;
  /** Incremental rebalances (incremental-rebalance.ts): the target owner per partition, 1 where the old owner gives it up after its running poll, and how many are still to be given up. */
  target: Int32Array;
  readonly revoking: Uint8Array;
  releasesLeft: number;
  rebalances: number;
}

/** Recent produced batches kept for the animation. */
export const FLOW_RING = 512;
/** Samples for the measured rates, over the rate window. */
export const SAMPLES = Math.floor(RATE_WINDOW_MS / SAMPLE_INTERVAL_MS) + 1;

/**
 * One topic of the cluster: its partitions are first … first + count − 1 of the world's, its
 * groups read only them, and its traffic, processing and retention are its own.
 */
export interface SimTopic {
  readonly index: number;
  readonly name: string;
  /** The topic in its cluster, flat (engine/cluster-plan.ts topicView). */
  readonly config: PlanConfig;
  readonly first: number;
  readonly count: number;
  readonly eventsPerSec: number;
  readonly serviceRatePerMs: number;
  readonly processingMs: number;
  readonly retentionMs: number;
  readonly maxRecordsPerBatch: number;
  /** Bytes an event puts on the wire, the capacity model's W/λ = (s + o)/k (src/engine/traffic.ts). */
  readonly bytesPerEvent: number;
  readonly minInsyncReplicas: number;
  /** Extra share of its events that goes to its first partition. */
  readonly hotKeyShare: number;
  /** Its groups, in the order they were made (the plan's first). */
  readonly groups: Group[];
  /** Events appended to its partitions. */
  produced: number;
  readonly waitHistogram: DurationHistogram;
  readonly latencyHistogram: DurationHistogram;
  // Samples for its measured rates (a ring of SAMPLES beside the world's sampleAt): produced, consumed and lag of its first group.
  readonly sampleProduced: Float64Array;
  readonly sampleConsumed: Float64Array;
  readonly sampleLag: Float64Array;
}

/** Where one part of the simulation tells another (set by createSimulation). */
export interface WorldHooks {
  /** A batch was appended to partition p; it becomes readable at readableMs. */
  onAppended(p: number, readableMs: number): void;
  /** Partition p, offline until now, has a leader again. */
  onLeaderBack(p: number): void;
}

export interface World {
  /** The first topic in its cluster: what a snapshot names as its config. */
  readonly config: PlanConfig;
  readonly hooks: WorldHooks;
  /** The run's options; min.insync.replicas and the hot-key share are each topic's (SimTopic). */
  readonly opt: ReturnType<typeof resolveOptions>;
  readonly rng: Random;
  readonly queue: EventQueue;
  /** Partitions (all topics) and brokers. */
  readonly P: number;
  readonly B: number;
  readonly topics: readonly SimTopic[];
  /** Per partition, the index of its topic. */
  readonly topicOf: Int32Array;

  nowMs: number;
  /** Events appended to the log, all partitions. */
  produced: number;
  /** Events still to be produced as poison (the next ones, whatever their partition). */
  poisonToSend: number;
  spikeFactor: number;
  spikeToken: number;
  idempotent: boolean;
  deadLetterQueue: number;

  // Brokers and partitions: Kafka's replica assignment over B brokers in Z zones, the one the
  // capacity model uses (engine/placement.ts); the first replica is the preferred leader.
  readonly brokerUp: boolean[];
  /** Per broker, how often it went down or up: a fencing or ISR shrink scheduled before the last change is stale. */
  readonly brokerToken: Int32Array;
  /** Per broker, the log end offsets of its partitions (partitionsOnBroker order) when it went down: what it has. */
  readonly logEndAtDown: Float64Array[];
  readonly replicas: number[][];
  readonly isr: number[][];
  readonly leader: Int32Array;
  /** Cumulative bytes per broker, in and out over the network (measured, for the failover comparison). */
  readonly brokerInBytes: Float64Array;
  readonly brokerOutBytes: Float64Array;
  /** Partitions each broker leads now, kept up to date by setLeader (a snapshot never recounts). */
  readonly leaderCount: Int32Array;
  /** The newest leadership changes, oldest first (at most MAX_LEADER_MOVES): the picture draws them moving. */
  readonly leaderMoves: LeaderMove[];
  readonly partitionsOnBroker: number[][];
  readonly logs: PartitionLog[];
  /** Kafka's log segments per partition, for retention (log-segments.ts). */
  readonly segments: LogSegments[];
  /** Offsets of poison events per partition, ascending. */
  readonly poison: number[][];

  // Producer state per partition: the batch being filled, and events held while writes are refused.
  readonly pendingCount: Float64Array;
  readonly pendingFirstMs: Float64Array;
  readonly pendingLastMs: Float64Array;
  readonly bufferedCount: Float64Array;
  readonly bufferedFirstMs: Float64Array;
  readonly bufferedLastMs: Float64Array;

  /** Every group of every topic, cluster-wide ids. */
  readonly groups: Group[];
  readonly log: { atMs: number; text: string }[];

  // Recent produced batches, for the animation (a ring of FLOW_RING).
  readonly flowPartition: Int32Array;
  readonly flowEvents: Float64Array;
  readonly flowAtMs: Float64Array;
  flowNext: number;

  // Times of the samples for the measured rates (a ring of SAMPLES; each topic keeps its series).
  readonly sampleAt: Float64Array;
  samplesTaken: number;
}

/**
 * The world of a cluster run. The topics are placed as the capacity model places them
 * (src/engine/broker-limits.ts layoutOf): topic t's partitions after those of topics 0 … t−1,
 * each placed from the start index where the previous one ended, so leaders keep going round
 * the brokers. `config` is what snapshots name (the first topic's view unless given).
 */
export function createWorld(plan: ClusterPlan, options: SimOptions, config: PlanConfig = topicView(plan, 0)): World {
  const opt = resolveOptions(config, options);
  const B = config.brokers;
  const views = plan.topics.map((_, t) => (t === 0 ? config : topicView(plan, t)));
  const P = views.reduce((sum, view) => sum + view.partitions, 0);
  const segmentsPerPartition = Math.max(MIN_SEGMENTS_PER_PARTITION, Math.floor(SEGMENT_BUDGET / P));
  const replicas: number[][] = [];
  const isr: number[][] = [];
  const leader = new Int32Array(P);
  const leaderCount = new Int32Array(B);
  const topicOf = new Int32Array(P);
  const partitionsOnBroker: number[][] = Array.from({ length: B }, () => []);
  const logs: PartitionLog[] = [];
  const segments: LogSegments[] = [];
  const poison: number[][] = [];
  const topics: SimTopic[] = [];
  let startIndex = 0;
  for (const [t, view] of views.entries()) {
    const first = logs.length;
    const placement = placeReplicas(view.partitions, view.replicationFactor, B, view.zones, startIndex);
    startIndex = (startIndex + view.partitions) % B;
    for (let i = 0; i < view.partitions; i += 1) {
      const p = first + i;
      const set = replicasOf(placement, i);
      replicas.push(set);
      isr.push([...set]);
      topicOf[p] = t;
      leader[p] = set[0] ?? -1;
      if ((leader[p] as number) >= 0) leaderCount[leader[p] as number] = (leaderCount[leader[p] as number] as number) + 1;
      for (const b of set) partitionsOnBroker[b]?.push(p);
      logs.push(new PartitionLog(segmentsPerPartition));
      segments.push(new LogSegments(opt.segmentBytes, opt.segmentMs));
      poison.push([]);
    }
    const own = resolveTopicOptions(view, options);
    topics.push({
      index: t,
      name: plan.topics[t]?.name ?? `topic-${t}`,
      config: view,
      first,
      count: view.partitions,
      eventsPerSec: view.eventsPerSec,
      serviceRatePerMs: 1 / view.processingMs,
      processingMs: view.processingMs,
      retentionMs: view.retentionHours * 3_600_000,
      maxRecordsPerBatch: Math.max(1, Math.floor(opt.batchSizeBytes / view.eventSizeBytes)),
      bytesPerEvent: view.eventsPerSec > 0 ? traffic(view).ingressBytesPerSec / view.eventsPerSec : 0,
      minInsyncReplicas: own.minInsyncReplicas,
      hotKeyShare: own.hotKeyShare,
      groups: [],
      produced: 0,
      waitHistogram: new DurationHistogram(),
      latencyHistogram: new DurationHistogram(),
      sampleProduced: new Float64Array(SAMPLES),
      sampleConsumed: new Float64Array(SAMPLES),
      sampleLag: new Float64Array(SAMPLES),
    });
  }
  return {
    config,
    hooks: { onAppended: () => {}, onLeaderBack: () => {} },
    opt,
    rng: createRandom(opt.seed),
    queue: new EventQueue(),
    P,
    B,
    topics,
    topicOf,
    nowMs: 0,
    produced: 0,
    poisonToSend: 0,
    spikeFactor: 1,
    spikeToken: 0,
    idempotent: opt.idempotentConsumers,
    deadLetterQueue: 0,
    brokerUp: new Array<boolean>(B).fill(true),
    brokerToken: new Int32Array(B),
    logEndAtDown: partitionsOnBroker.map((on) => new Float64Array(on.length)),
    replicas,
    isr,
    leader,
    leaderCount,
    leaderMoves: [],
    brokerInBytes: new Float64Array(B),
    brokerOutBytes: new Float64Array(B),
    partitionsOnBroker,
    logs,
    segments,
    poison,
    pendingCount: new Float64Array(P),
    pendingFirstMs: new Float64Array(P),
    pendingLastMs: new Float64Array(P),
    bufferedCount: new Float64Array(P),
    bufferedFirstMs: new Float64Array(P),
    bufferedLastMs: new Float64Array(P),
    groups: [],
    log: [],
    flowPartition: new Int32Array(FLOW_RING),
    flowEvents: new Float64Array(FLOW_RING),
    flowAtMs: new Float64Array(FLOW_RING).fill(-Infinity),
    flowNext: 0,
    sampleAt: new Float64Array(SAMPLES),
    samplesTaken: 0,
  };
}

/** The topic partition p belongs to. */
export function topicOfPartition(w: World, p: number): SimTopic {
  return w.topics[w.topicOf[p] as number] as SimTopic;
}

/** How the event log names partition p: by its index in a one-topic run, Kafka's `topic-index` in a cluster. */
export function partitionLabel(w: World, p: number): string {
  if (w.topics.length === 1) return `partition ${p}`;
  const topic = topicOfPartition(w, p);
  return `partition ${topic.name}-${p - topic.first}`;
}

/** How the event log names a group: its id, and its topic in a cluster. */
export function groupLabel(w: World, group: Group): string {
  return w.topics.length === 1 ? `group ${group.id}` : `group ${group.id} (${group.topic.name})`;
}

/** Partition p's leader is now broker b (−1: offline); the per-broker counts follow. */
export function setLeader(w: World, p: number, b: number): void {
  const previous = w.leader[p] as number;
  if (previous === b) return;
  if (previous >= 0) w.leaderCount[previous] = (w.leaderCount[previous] as number) - 1;
  if (b >= 0) w.leaderCount[b] = (w.leaderCount[b] as number) + 1;
  w.leader[p] = b;
  w.leaderMoves.push({ atMs: w.nowMs, partition: p, from: previous, to: b });
  if (w.leaderMoves.length > MAX_LEADER_MOVES) w.leaderMoves.shift();
}

/** The partition's leader is up: consumers can fetch from it. */
export function hasLiveLeader(w: World, p: number): boolean {
  const leader = w.leader[p] as number;
  return leader >= 0 && (w.brokerUp[leader] as boolean);
}

/**
 * acks=all can be met: the leader is up, every replica in the ISR is up (the leader waits for
 * each of them before it acknowledges, so a dead one still in the ISR stalls every write), and
 * the ISR holds at least min.insync.replicas.
 */
export function writable(w: World, p: number): boolean {
  if (!hasLiveLeader(w, p)) return false;
  const inSync = w.isr[p] as number[];
  if (inSync.length < topicOfPartition(w, p).minInsyncReplicas) return false;
  for (const b of inSync) if (!w.brokerUp[b]) return false;
  return true;
}

/** A line in the run's event log (the newest MAX_LOG_LINES are kept). */
export function say(w: World, text: string): void {
  w.log.push({ atMs: w.nowMs, text });
  if (w.log.length > MAX_LOG_LINES) w.log.shift();
}
