import type { PlanConfig } from '../engine/plan-config';
import type { SimOptions } from './types';

/** Every option resolved to a value. Defaults follow Kafka's own where Kafka has one. */
export type ResolvedSimOptions = Required<SimOptions>;

export function resolveOptions(config: PlanConfig, options: SimOptions = {}): ResolvedSimOptions {
  const replicas = Math.min(config.replicationFactor, config.brokers);
  return {
    seed: (options.seed ?? 1) >>> 0,
    arrivals: options.arrivals ?? 'poisson',
    service: options.service ?? 'exponential',
    lingerMs: Math.max(0, options.lingerMs ?? 5),
    batchSizeBytes: Math.max(1, options.batchSizeBytes ?? 16_384),
    hotKeyShare: Math.min(1, Math.max(0, options.hotKeyShare ?? 0)),
    minInsyncReplicas: Math.min(replicas, Math.max(1, options.minInsyncReplicas ?? Math.min(2, replicas))),
    replicationDelayMs: Math.max(0, options.replicationDelayMs ?? 1),
    maxPollRecords: Math.max(1, Math.floor(options.maxPollRecords ?? 500)),
    sessionTimeoutMs: Math.max(0, options.sessionTimeoutMs ?? 10_000),
    rebalanceMs: Math.max(0, options.rebalanceMs ?? 500),
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 3)),
    idempotentConsumers: options.idempotentConsumers ?? false,
  };
}

/** How long a follower that comes back takes to catch up and rejoin the ISR. */
export const FOLLOWER_CATCH_UP_MS = 2_000;
/** Sampling interval of the measured rates; the window they are measured over. */
export const SAMPLE_INTERVAL_MS = 100;
export const RATE_WINDOW_MS = 10_000;
/** How long a produced batch is drawn travelling to its partition (simulated ms). */
export const PRODUCE_FLOW_MS = 50;
/** Bounds on what a snapshot carries, so drawing stays cheap at any scale. */
export const MAX_FLOWS_IN_SNAPSHOT = 300;
export const MAX_CONSUMERS_IN_SNAPSHOT = 256;
export const MAX_PARTITION_LAG_VALUES = 200_000;
export const MAX_LOG_LINES = 40;
/** Segment budget over all partitions of the log (memory bound), with a floor per partition. */
export const SEGMENT_BUDGET = 400_000;
export const MIN_SEGMENTS_PER_PARTITION = 64;
/** Up to this many events per poll, each event's service time is drawn on its own. */
export const EXACT_SERVICE_MAX_EVENTS = 8;
