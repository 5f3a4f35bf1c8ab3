import type { PlanConfig } from '../engine/plan-config';

/**
 * The simulated broker's public types. Everything here is plain data: a snapshot is
 * structured-clone-able; a frame's columns are typed arrays the worker transfers to the page.
 * Times are simulated milliseconds since the start of the run; counts are events.
 */

export type ArrivalProcess = 'poisson' | 'constant';
export type ServiceTime = 'exponential' | 'constant';
/** How a consumer group rebalances: see SimOptions.rebalanceProtocol. */
export type RebalanceProtocol = 'eager' | 'cooperative' | 'consumer';

export interface SimOptions {
  /** PRNG seed: same config, seed and actions ⇒ identical snapshots. Default 1. */
  readonly seed?: number;
  /** Producer arrivals: a Poisson process (default) or evenly spaced. */
  readonly arrivals?: ArrivalProcess;
  /** Per-event processing time: exponential with mean L (default) or exactly L. */
  readonly service?: ServiceTime;
  /** Producer linger.ms: how long a batch waits to fill. Default: the plan's lingerMs (5). 0 sends every event alone. */
  readonly lingerMs?: number;
  /** Producer batch.size in bytes. Default: the plan's batchSizeBytes (16,384, Kafka's default). */
  readonly batchSizeBytes?: number;
  /** Extra share of each topic's events that goes to its first partition (a hot key), 0…1, for every topic. Default: each topic's own hotKeyShare (0: even keys). */
  readonly hotKeyShare?: number;
  /** min.insync.replicas for every topic: with acks=all, produce blocks when fewer replicas are in sync. Default: each topic's minInsyncReplicas, at most min(R, B). */
  readonly minInsyncReplicas?: number;
  /** Time for followers to fetch a batch before the high watermark covers it. Default: the plan's produce latency floor when set (produceLatencyFloorMs > 0), else 1 ms. */
  readonly replicationDelayMs?: number;
  /** max.poll.records: events a consumer takes per poll, committed after processing. Default: the plan's maxPollRecords (500). */
  readonly maxPollRecords?: number;
  /** session.timeout.ms: how long until a crashed consumer is noticed. Default: the plan's sessionTimeoutMs (45,000). */
  readonly sessionTimeoutMs?: number;
  /**
   * How often a consumer heartbeats: `heartbeat.interval.ms` (3,000 ms, Kafka's consumer default)
   * with the classic protocols, the broker's `group.consumer.heartbeat.interval.ms` (5,000 ms,
   * KIP-848) with the consumer protocol. A crashed member is noticed session.timeout.ms after its
   * last heartbeat, so up to one interval sooner than session.timeout.ms after the crash.
   */
  readonly heartbeatIntervalMs?: number;
  /**
   * KRaft `broker.session.timeout.ms`: a broker that stops heartbeating is fenced this long after,
   * and only then does the controller move its leaderships and take it out of every ISR. Default
   * 9,000 ms (Kafka's KRaftConfigs).
   */
  readonly brokerSessionTimeoutMs?: number;
  /**
   * `replica.lag.time.max.ms`: a leader takes a follower that has not caught up for this long out
   * of its ISR. Default 30,000 ms (Kafka's default since 2.5, KIP-537). With KRaft's 9 s fencing
   * a dead broker leaves the ISRs at fencing first; this matters when the session timeout is set longer.
   */
  readonly replicaLagTimeMaxMs?: number;
  /**
   * `auto.leader.rebalance.enable`: every `leader.imbalance.check.interval.seconds` (300 s) the
   * controller gives each partition back to its preferred leader (the first replica) on every
   * broker whose share of partitions it prefers but does not lead is above
   * `leader.imbalance.per.broker.percentage` (10 %). Default true.
   */
  readonly autoLeaderRebalance?: boolean;
  /** `leader.imbalance.check.interval.seconds` in ms. Default 300,000. */
  readonly leaderImbalanceCheckIntervalMs?: number;
  /** `leader.imbalance.per.broker.percentage`. Default 10. */
  readonly leaderImbalancePerBrokerPercentage?: number;
  /**
   * max.poll.interval.ms: a member whose poll batch runs longer leaves the group (a rebalance),
   * its commit is refused, and it rejoins when the batch is done. Default: the plan's
   * maxPollIntervalMs (300,000, Kafka's default).
   */
  readonly maxPollIntervalMs?: number;
  /**
   * How consumer groups rebalance. Default 'eager', what a Kafka 4.x consumer does unconfigured:
   * `group.protocol` defaults to "classic" and `partition.assignment.strategy` to
   * [RangeAssignor, CooperativeStickyAssignor], which picks the RangeAssignor (apache/kafka
   * ConsumerConfig: DEFAULT_GROUP_PROTOCOL, PARTITION_ASSIGNMENT_STRATEGY_DOC).
   * - 'eager': classic protocol with the RangeAssignor: every member gives up its partitions,
   *   stops and rejoins; nothing is consumed until the sync is done.
   * - 'cooperative': classic protocol with the CooperativeStickyAssignor (KIP-429): members keep
   *   what they own; only the partitions that move pause, over a second rebalance round.
   * - 'consumer': `group.protocol=consumer` (KIP-848, GA in Kafka 4.0): the broker computes the
   *   assignment and hands partitions over incrementally, with no group-wide sync barrier.
   */
  readonly rebalanceProtocol?: RebalanceProtocol;
  /** `segment.bytes`: the active log segment rolls when it would pass this. Default 1 GiB (Kafka's default). */
  readonly segmentBytes?: number;
  /** `segment.ms`: the active segment rolls once it is this old. Default 7 days (Kafka's default). */
  readonly segmentMs?: number;
  /** How long a rebalance stops the group. Default 500 ms. */
  readonly rebalanceMs?: number;
  /** Attempts at a poison event before it goes to the dead-letter queue. Default 3. */
  readonly maxAttempts?: number;
  /** Consumers remember processed offsets and skip redelivered events. Default false. */
  readonly idempotentConsumers?: boolean;
}

export type SimAction =
  | { readonly type: 'broker-down'; readonly broker: number }
  | { readonly type: 'broker-up'; readonly broker: number }
  /** A consumer stops without leaving the group: noticed after the session timeout. */
  | { readonly type: 'consumer-crash'; readonly group: number; readonly consumer: number }
  /** A consumer joins the group: rebalance at once. */
  | { readonly type: 'consumer-add'; readonly group: number }
  /** Every topic's producers send factor × their configured rate for durationMs. */
  | { readonly type: 'traffic-spike'; readonly factor: number; readonly durationMs: number }
  /** The next `count` events produced, whatever their topic, fail processing every time. */
  | { readonly type: 'poison'; readonly count: number }
  /**
   * A new consumer group on topic `topic` (default 0) with that topic's consumers per group, that
   * reads the retained log from offset 0. Groups are numbered across the cluster: the plan's
   * groups topic by topic, then added ones in the order they were added.
   */
  | { readonly type: 'add-group'; readonly topic?: number }
  | { readonly type: 'set-idempotent'; readonly enabled: boolean };

/** An action and the simulated time it was applied at: a shared link replays these. */
export interface TimedAction {
  readonly atMs: number;
  readonly action: SimAction;
}

export interface BrokerSnapshot {
  readonly id: number;
  readonly up: boolean;
  /** Partitions this broker leads now. */
  readonly leaderOf: number;
  /** Partition replicas placed on this broker (leader or follower). */
  readonly replicas: number;
  /** Bytes it has taken in since the start: producer writes to the partitions it leads, follower fetches into the replicas it follows. */
  readonly networkInBytes: number;
  /** Bytes it has sent since the start: consumer fetches from the partitions it leads, follower fetches it served. */
  readonly networkOutBytes: number;
}

export interface PartitionSnapshot {
  /** Index over the whole cluster: topic t's partitions follow those of topics 0 … t−1. */
  readonly id: number;
  /** The topic it belongs to (index into SimSnapshot.topics). */
  readonly topic: number;
  /** Offset the next appended event gets = events appended to this partition. */
  readonly logEndOffset: number;
  /** Events consumers may read (replicated to every in-sync replica). */
  readonly highWatermark: number;
  /** Oldest retained offset (retention deletes whole segments before it). */
  readonly logStartOffset: number;
  /** Leader broker, or -1 when no in-sync replica is up (partition offline). */
  readonly leader: number;
  /** Every assigned replica, preferred leader first. */
  readonly replicas: readonly number[];
  /** In-sync replicas (brokers). */
  readonly isr: readonly number[];
  /** True while acks=all produce is refused (fewer than min.insync.replicas in sync, or offline). */
  readonly produceBlocked: boolean;
}

export interface ConsumerSnapshot {
  readonly id: number;
  readonly alive: boolean;
  /** Partitions owned now, cluster-wide ids (empty: idle, or the group is rebalancing). */
  readonly assigned: readonly number[];
  /** Processing a poll batch right now. */
  readonly busy: boolean;
  /**
   * Events this consumer finished processing (duplicates included): counted when its poll ends,
   * when it crashes, and at every 100 ms sampling instant for the finished part of its running poll.
   */
  readonly processed: number;
}

export interface GroupSnapshot {
  /** Index over the whole cluster (the id consumer actions name). */
  readonly id: number;
  /** The topic it reads. */
  readonly topic: number;
  /** 'replay' for groups added to rebuild from offset 0. */
  readonly kind: 'live' | 'replay';
  /** Events processed and committed, each counted once. */
  readonly consumed: number;
  /**
   * Events the group's consumers finished processing, duplicates included, counted as their
   * ConsumerSnapshot.processed is (crashed consumers too). processed − duplicates = events this
   * group processed at least once: each has one wait and one latency sample.
   */
  readonly processed: number;
  /** Σ over its topic's partitions of (log end offset − committed offset). */
  readonly lag: number;
  /**
   * Per-partition lag, in the order of its topic's partitions (partitions[firstPartition + i]).
   */
  readonly partitionLag: readonly number[];
  /** Poison events given up on after maxAttempts and sent to the dead-letter queue. */
  readonly deadLettered: number;
  /** Events deleted by retention before this group read them (0 unless it fell a whole retention behind). */
  readonly expired: number;
  /** Redelivered events processed again (at-least-once duplicates), counted as they finish. */
  readonly duplicates: number;
  /** Redelivered events an idempotent consumer recognised and skipped. */
  readonly duplicatesSuppressed: number;
  /** Failed processing attempts of poison events (retries). */
  readonly failedAttempts: number;
  readonly rebalancing: boolean;
  readonly rebalances: number;
  /** Members ever in the group (crashed ones included), alive ones, and alive ones with no partition (0 while rebalancing). */
  readonly consumerCount: number;
  readonly aliveConsumers: number;
  readonly idleConsumers: number;
  /** The first 256 consumers (all of them in any usual plan): drawing aggregates beyond that. */
  readonly consumers: readonly ConsumerSnapshot[];
}

/** Figures measured over the run for one topic, for the "model vs simulation" panel. Base units. */
export interface SimMeasurements {
  /** Length of the window the rates were measured over, ms. */
  readonly windowMs: number;
  readonly producedPerSec: number;
  /** Events/s the topic's first group processed over the window (the finished part of running polls included, duplicates too). */
  readonly consumedPerSec: number;
  /** Lag growth of the topic's first group over the window, events/s (negative when draining). */
  readonly lagGrowthPerSec: number;
  /**
   * Wait from readable to processing start, seconds, over the events of every group of the topic that finished
   * processing (each event once: its first processing). A sample is taken once its event has
   * finished (at the end of its poll, or at the first 100 ms sampling instant after it finished),
   * so no sample is ever longer than the simulated time since its event was produced.
   */
  readonly waitMeanSeconds: number;
  readonly waitP50Seconds: number;
  readonly waitP99Seconds: number;
  /** The longest wait measured (≤ timeMs / 1000). */
  readonly waitMaxSeconds: number;
  /** Produced → processed, seconds (linger, replication, wait and processing); same events as the waits. */
  readonly latencyMeanSeconds: number;
  readonly latencyP50Seconds: number;
  readonly latencyP99Seconds: number;
  /** The longest latency measured (≤ timeMs / 1000). */
  readonly latencyMaxSeconds: number;
  /**
   * Events the wait figures are based on, and the sum of their waits (for batch means):
   * waitSamples = latencySamples = Σ over the topic's groups of (processed − duplicates).
   */
  readonly waitSamples: number;
  readonly waitTotalSeconds: number;
  /** Events the latency figures are based on, and the sum of their latencies. */
  readonly latencySamples: number;
  readonly latencyTotalSeconds: number;
}

/** A batch on its way, for the animation: producer → partition, or partition → consumer. */
export interface FlowSnapshot {
  readonly kind: 'produce' | 'consume';
  readonly partition: number;
  /** Cluster-wide group id and consumer for 'consume' flows; -1 for 'produce'. */
  readonly group: number;
  readonly consumer: number;
  readonly events: number;
  /** 0…1: how far along its way at snapshot time. */
  readonly progress: number;
}

/** A partition's leadership moving (from or to −1: offline), for the picture. */
export interface LeaderMove {
  readonly atMs: number;
  /** Cluster-wide partition id. */
  readonly partition: number;
  readonly from: number;
  readonly to: number;
}

/** One topic of the simulated cluster. */
export interface TopicSnapshot {
  readonly name: string;
  /** Its partitions are partitions[firstPartition … firstPartition + partitionCount − 1]. */
  readonly firstPartition: number;
  readonly partitionCount: number;
  /** Its groups' ids (into SimSnapshot.groups), the plan's first, then added ones. */
  readonly groups: readonly number[];
  /** Events appended to its partitions. */
  readonly produced: number;
  /** Its configured producer rate, events/s (before any spike). */
  readonly eventsPerSec: number;
  readonly measurements: SimMeasurements;
}

export interface SimSnapshot {
  readonly timeMs: number;
  /** The first topic in its cluster (every field a one-topic plan has). */
  readonly config: PlanConfig;
  readonly seed: number;
  /** Every topic of the cluster, in plan order; all share the brokers. */
  readonly topics: readonly TopicSnapshot[];
  /** Events appended to the log, all partitions. */
  readonly produced: number;
  /** Events waiting in producers because their partition refuses writes. */
  readonly producerBuffered: number;
  readonly spikeFactor: number;
  readonly idempotentConsumers: boolean;
  readonly brokers: readonly BrokerSnapshot[];
  readonly partitions: readonly PartitionSnapshot[];
  readonly groups: readonly GroupSnapshot[];
  readonly deadLetterQueue: number;
  /** The first topic's measurements (topics[0].measurements). */
  readonly measurements: SimMeasurements;
  /** A bounded sample of batches in flight (at most a few hundred): drawing is aggregated. */
  readonly flows: readonly FlowSnapshot[];
  /** Leadership changes of the last 2 simulated seconds (at most 64), oldest first. */
  readonly leaderMoves: readonly LeaderMove[];
  /** Recent happenings in words ("broker 1 down; partition 3 leader 1 → 2"), newest last, bounded. */
  readonly log: readonly { readonly atMs: number; readonly text: string }[];
}

// ---- Columnar snapshots -----------------------------------------------------------------
// What the worker sends the page: the run's shape once (SimShape), then at each tick a frame
// (SimFrame) whose per-partition, per-group and per-consumer figures are typed arrays,
// transferred (not cloned) and handed back to be refilled. Readers never index the columns:
// they go through a SimView (viewOf in src/sim/snapshot-view.ts), which reads like a
// SimSnapshot; toPlainSnapshot turns a view into one.

/** What does not change in a run: sent once, not every tick. */
export interface SimShape {
  /** The first topic in its cluster (SimSnapshot.config). */
  readonly config: PlanConfig;
  readonly seed: number;
  readonly topics: readonly { readonly name: string; readonly firstPartition: number; readonly partitionCount: number; readonly eventsPerSec: number }[];
  /** Partitions, all topics. */
  readonly partitionCount: number;
  /** Partition p's replicas, preferred leader first: replicaBrokers[replicaStart[p] … replicaStart[p + 1] − 1]. */
  readonly replicaStart: Int32Array;
  readonly replicaBrokers: Int32Array;
}

/** The figures of one instant that grow with the cluster, one typed array each. */
export interface SimColumns {
  /** Per partition (cluster-wide index), as in PartitionSnapshot. */
  readonly logEndOffset: Float64Array;
  readonly highWatermark: Float64Array;
  readonly logStartOffset: Float64Array;
  /** −1: offline. */
  readonly leader: Int32Array;
  /** Bit k set: the partition's k-th replica (SimShape order) is in sync; its popcount is the ISR size. */
  readonly isrMask: Int32Array;
  /** 1 while acks=all writes are refused. */
  readonly produceBlocked: Uint8Array;
  /** Per group, per partition of its topic, from the group's partitionsAt on: the committed offset… */
  readonly committedOffset: Float64Array;
  /** …and the member whose assignment holds it (−1: none). */
  readonly owner: Int32Array;
  /** Per consumer shown (the first 256 of each group), from the group's consumersAt on: CONSUMER_ALIVE | CONSUMER_BUSY (snapshot-view.ts)… */
  readonly consumerFlags: Uint8Array;
  /** …and the events it has processed (ConsumerSnapshot.processed). */
  readonly consumerProcessed: Float64Array;
  /** The batches in flight (SimSnapshot.flows), FLOW_FIELDS numbers each (snapshot-view.ts): kind (0 produce, 1 consume), partition, group, consumer, events, progress. */
  readonly flows: Float64Array;
}

/** A group's figures in a frame: GroupSnapshot's scalars, and where its columns start. */
export type GroupFrame = Omit<GroupSnapshot, 'partitionLag' | 'consumers'> & {
  /** Its topic's partitions in committedOffset and owner start here. */
  readonly partitionsAt: number;
  /** Its first consumersShown consumers in consumerFlags and consumerProcessed start here. */
  readonly consumersAt: number;
  readonly consumersShown: number;
};

export type TopicFrame = Pick<TopicSnapshot, 'groups' | 'produced' | 'measurements'>;

/** One instant of a run: small plain fields (as SimSnapshot has them), and the columns. */
export type SimFrame = Pick<SimSnapshot, 'timeMs' | 'produced' | 'producerBuffered' | 'spikeFactor' | 'idempotentConsumers' | 'deadLetterQueue' | 'brokers' | 'leaderMoves' | 'log'> & {
  /** Batches in flight, in the flows column. */
  readonly flowCount: number;
  readonly topics: readonly TopicFrame[];
  readonly groups: readonly GroupFrame[];
  readonly columns: SimColumns;
};

/** A snapshot's partitions, read through functions of the partition's cluster-wide index. */
export interface PartitionsView {
  readonly length: number;
  topicOf(p: number): number;
  logEndOffset(p: number): number;
  highWatermark(p: number): number;
  logStartOffset(p: number): number;
  leader(p: number): number;
  produceBlocked(p: number): boolean;
  /** The run's replica list (the same array every frame). */
  replicas(p: number): readonly number[];
  isr(p: number): readonly number[];
}

/** A group as GroupSnapshot has it, with its per-partition figures read by its topic's partition index i. */
export type GroupView = Omit<GroupSnapshot, 'partitionLag'> & {
  lagOf(i: number): number;
  committedOffsetOf(i: number): number;
  /** The consumer that owns partition firstPartition + i, or −1. */
  ownerOf(i: number): number;
};

/** A SimSnapshot read from a shape and a frame: what the page holds. */
export type SimView = Omit<SimSnapshot, 'partitions' | 'groups'> & {
  readonly partitions: PartitionsView;
  readonly groups: readonly GroupView[];
};

export interface Simulation {
  /** Simulated time now, ms since the start. */
  readonly timeMs: number;
  /** Run simulated time forward by ms (≥ 0). */
  advance(ms: number): void;
  /** Plain data, structured-clone-able: toPlainSnapshot of the current frame. */
  snapshot(): SimSnapshot;
  /** What does not change in the run (the same object every call). */
  shape(): SimShape;
  /** The current instant, in columns: written into `reuse` (an earlier frame's columns) when they fit, allocating nothing; into new ones otherwise. */
  frame(reuse?: SimColumns): SimFrame;
  /** Changes and faults at the current simulated time. */
  apply(action: SimAction): void;
}
