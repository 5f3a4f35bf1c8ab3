import type { PlanConfig } from './plan-config';
import { SECONDS_PER_HOUR } from './assumptions';

/** Bytes moved and kept by the cluster; every figure in bytes or bytes per second. */
export interface Traffic {
  /** W = λ·(s + o)/k: bytes producers write per second (o record overhead, k compression ratio). */
  readonly ingressBytesPerSec: number;
  /** W·(R−1): bytes followers fetch from leaders per second. */
  readonly replicationBytesPerSec: number;
  /** W·G: bytes consumer groups read per second. */
  readonly egressBytesPerSec: number;
  /** W·T: one copy of the retained log. */
  readonly storageLogicalBytes: number;
  /** W·T·R: every copy of the retained log. */
  readonly storageReplicatedBytes: number;
  /** W·R/B: producer writes plus follower fetches landing on one broker. */
  readonly brokerNetworkInBytesPerSec: number;
  /** W·(G+R−1)/B: consumer reads plus follower fetches served by one broker. */
  readonly brokerNetworkOutBytesPerSec: number;
  /** W·T·R/B: one broker's share of the retained copies. */
  readonly brokerStorageBytes: number;
}

export function traffic(config: PlanConfig): Traffic {
  const { eventsPerSec, eventSizeBytes, replicationFactor: R, consumerGroups: G, brokers: B } = config;
  // With the default assumptions (o = 0, k = 1) this is exactly λ·s.
  const ingressBytesPerSec = (eventsPerSec * (eventSizeBytes + config.recordOverheadBytes)) / config.compressionRatio;
  const retentionSec = config.retentionHours * SECONDS_PER_HOUR;
  const storageLogicalBytes = ingressBytesPerSec * retentionSec;
  const storageReplicatedBytes = storageLogicalBytes * R;
  return {
    ingressBytesPerSec,
    replicationBytesPerSec: ingressBytesPerSec * (R - 1),
    egressBytesPerSec: ingressBytesPerSec * G,
    storageLogicalBytes,
    storageReplicatedBytes,
    brokerNetworkInBytesPerSec: (ingressBytesPerSec * R) / B,
    brokerNetworkOutBytesPerSec: (ingressBytesPerSec * (G + R - 1)) / B,
    brokerStorageBytes: storageReplicatedBytes / B,
  };
}
