import type { PlanConfig } from './plan-config';

/**
 * What the consumer client settings mean for the group (Kafka consumer configs; KIP-62):
 * a member must call poll() again within max.poll.interval.ms, and with the classic group
 * protocol a rebalance waits for every member's next poll.
 */
export interface ClientLoad {
  /** A full poll's processing: max.poll.records × L, seconds. */
  readonly pollBatchSeconds: number;
  /** Rebalance after a crash: session.timeout.ms to notice it, then the slowest member's poll batch (at most max.poll.interval.ms), seconds. */
  readonly rebalanceCrashSeconds: number;
  /** Rebalance after a clean leave (LeaveGroup: noticed at once): the slowest member's poll batch, seconds. */
  readonly rebalanceLeaveSeconds: number;
}

export function clientLoad(config: PlanConfig): ClientLoad {
  const pollBatchSeconds = (config.maxPollRecords * config.processingMs) / 1000;
  // A member still busy past max.poll.interval.ms is dropped from the group, so the wait ends there.
  const slowestPollSeconds = Math.min(pollBatchSeconds, config.maxPollIntervalMs / 1000);
  return {
    pollBatchSeconds,
    rebalanceCrashSeconds: config.sessionTimeoutMs / 1000 + slowestPollSeconds,
    rebalanceLeaveSeconds: slowestPollSeconds,
  };
}
