import type { PlanConfig } from '../engine/plan-config';
import type { SimOptions } from './types';

/** Every option resolved to a value. Defaults follow Kafka's own where Kafka has one. */
export type ResolvedSimOptions = Required<SimOptions>;

/**
 * The simulation's options: what `options` sets, else the plan's own Kafka settings
 * (min.insync.replicas, linger.ms, batch.size, max.poll.records, session.timeout.ms, the topic's
 * hot-key share; their defaults and sources are in src/config/schema.ts), else Kafka's default. Every value is
 * clamped to what the simulation can run: min.insync.replicas to 1 … min(R, B), counts whole.
 */
export function resolveOptions(config: PlanConfig, options: SimOptions = {}): ResolvedSimOptions {
  const replicas = Math.max(1, Math.min(config.replicationFactor, config.brokers));
  const fromPlan = (value: number | undefined, planValue: number | undefined, kafkaDefault: number): number => {
    if (value !== undefined && !Number.isNaN(value)) return value;
    return planValue !== undefined && Number.isFinite(planValue) ? planValue : kafkaDefault;
  };
  return {
    seed: (options.seed ?? 1) >>> 0,
    arrivals: options.arrivals ?? 'poisson',
    service: options.service ?? 'exponential',
    lingerMs: Math.max(0, fromPlan(options.lingerMs, config.lingerMs, 5)),
    batchSizeBytes: Math.max(1, fromPlan(options.batchSizeBytes, config.batchSizeBytes, 16_384)),
    hotKeyShare: Math.min(1, Math.max(0, fromPlan(options.hotKeyShare, config.hotKeyShare, 0))),
    minInsyncReplicas: Math.min(replicas, Math.max(1, Math.floor(fromPlan(options.minInsyncReplicas, config.minInsyncReplicas, Math.min(2, replicas))))),
    // A calibrated produce latency floor (send → acks=all ack) is the measured time to readable; else 1 ms.
    replicationDelayMs: Math.max(0, options.replicationDelayMs ?? (config.produceLatencyFloorMs > 0 ? config.produceLatencyFloorMs : 1)),
    maxPollRecords: Math.max(1, Math.floor(fromPlan(options.maxPollRecords, config.maxPollRecords, 500))),
    sessionTimeoutMs: Math.max(0, fromPlan(options.sessionTimeoutMs, config.sessionTimeoutMs, 45_000)),
    maxPollIntervalMs: Math.max(1, fromPlan(options.maxPollIntervalMs, config.maxPollIntervalMs, 300_000)),
    heartbeatIntervalMs: Math.max(1, options.heartbeatIntervalMs ?? ((options.rebalanceProtocol ?? 'eager') === 'consumer' ? CONSUMER_PROTOCOL_HEARTBEAT_INTERVAL_MS : HEARTBEAT_INTERVAL_MS)),
    brokerSessionTimeoutMs: Math.max(0, options.brokerSessionTimeoutMs ?? BROKER_SESSION_TIMEOUT_MS),
    replicaLagTimeMaxMs: Math.max(0, options.replicaLagTimeMaxMs ?? REPLICA_LAG_TIME_MAX_MS),
    autoLeaderRebalance: options.autoLeaderRebalance ?? true,
    leaderImbalanceCheckIntervalMs: Math.max(1, options.leaderImbalanceCheckIntervalMs ?? LEADER_IMBALANCE_CHECK_INTERVAL_MS),
    leaderImbalancePerBrokerPercentage: Math.max(0, options.leaderImbalancePerBrokerPercentage ?? 10),
    rebalanceProtocol: options.rebalanceProtocol ?? 'eager',
    segmentBytes: Math.max(1, options.segmentBytes ?? SEGMENT_BYTES),
    segmentMs: Math.max(1, options.segmentMs ?? SEGMENT_MS),
    rebalanceMs: Math.max(0, options.rebalanceMs ?? 500),
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 3)),
    idempotentConsumers: options.idempotentConsumers ?? false,
  };
}

/** What each topic resolves for itself: min.insync.replicas (clamped to its replicas) and its hot-key share. */
export interface TopicOptions {
  readonly minInsyncReplicas: number;
  readonly hotKeyShare: number;
}

/** `options` overrides every topic alike; else the topic's own settings. */
export function resolveTopicOptions(topic: PlanConfig, options: SimOptions = {}): TopicOptions {
  const { minInsyncReplicas, hotKeyShare } = resolveOptions(topic, options);
  return { minInsyncReplicas, hotKeyShare };
}

/**
 * A follower that comes back fetches what it missed at its network-in headroom; however little
 * it missed, it takes at least one fetch round, `replica.fetch.wait.max.ms` (500 ms, Kafka's default).
 */
export const REPLICA_FETCH_WAIT_MAX_MS = 500;
/** Topic segment.bytes and segment.ms, Kafka's defaults (1 GiB, 7 days). */
export const SEGMENT_BYTES = 1_073_741_824;
export const SEGMENT_MS = 604_800_000;
/** Consumer heartbeat.interval.ms (Kafka's ConsumerConfig default). */
export const HEARTBEAT_INTERVAL_MS = 3_000;
/** group.consumer.heartbeat.interval.ms, the consumer protocol's (KIP-848; GroupCoordinatorConfig). */
export const CONSUMER_PROTOCOL_HEARTBEAT_INTERVAL_MS = 5_000;
/** KRaft broker.session.timeout.ms (apache/kafka KRaftConfigs.BROKER_SESSION_TIMEOUT_MS_DEFAULT). */
export const BROKER_SESSION_TIMEOUT_MS = 9_000;
/** leader.imbalance.check.interval.seconds = 300 (Kafka broker configs), in ms. */
export const LEADER_IMBALANCE_CHECK_INTERVAL_MS = 300_000;
/** replica.lag.time.max.ms (Kafka's broker default since 2.5, KIP-537). */
export const REPLICA_LAG_TIME_MAX_MS = 30_000;
/** Sampling interval of the measured rates; the window they are measured over. */
export const SAMPLE_INTERVAL_MS = 100;
export const RATE_WINDOW_MS = 10_000;
/** How long a produced batch is drawn travelling to its partition (simulated ms). */
export const PRODUCE_FLOW_MS = 50;
/** Bounds on what a snapshot carries, so drawing stays cheap at any scale. */
export const MAX_CONSUMERS_IN_SNAPSHOT = 256;
export const MAX_LOG_LINES = 40;
/** Leadership changes a snapshot carries: those of the last LEADER_MOVE_SHOWN_MS, at most this many. */
export const MAX_LEADER_MOVES = 64;
export const LEADER_MOVE_SHOWN_MS = 2_000;
/** Segment budget over all partitions of the log (memory bound), with a floor per partition. */
export const SEGMENT_BUDGET = 400_000;
export const MIN_SEGMENTS_PER_PARTITION = 64;
/** Up to this many events per poll, each event's service time is drawn on its own. */
export const EXACT_SERVICE_MAX_EVENTS = 8;
/**
 * A running poll keeps the arrival and readable times of its events as at most this many runs
 * (taken from the log when the poll starts; neighbours merged pairwise beyond it), so memory per
 * consumer stays bounded however many record batches one poll spans.
 */
export const MAX_RUNS_PER_POLL = 64;
