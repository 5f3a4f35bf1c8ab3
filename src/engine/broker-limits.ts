import type { PlanConfig } from './plan-config';
import type { Traffic } from './traffic';

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

/**
 * What one broker carries, against the per-broker limits of the assumptions. With the
 * one-broker-down headroom on, the load is spread over B − 1 brokers (0 when B = 1: a single
 * broker has no headroom at all), else over B.
 */
export interface BrokerLoad {
  /** Brokers the load is spread over: B − 1 with headroom, else B. */
  readonly brokersCounted: number;
  readonly networkInBytesPerSec: number;
  readonly networkOutBytesPerSec: number;
  readonly diskWriteBytesPerSec: number;
  readonly storageBytes: number;
  /** Partition replicas on the fullest broker of the B′ counted: ⌈P·R/B′⌉ (Infinity when B′ = 0). */
  readonly partitionReplicas: number;
  /** Partition replicas on the fullest broker with all B up: ⌈P·R/B⌉. */
  readonly partitionReplicasAllUp: number;
  /** W / P: bytes per second into one partition (even keys). */
  readonly partitionIngressBytesPerSec: number;
  readonly limits: {
    readonly networkBytesPerSec: number;
    readonly diskBytesPerSec: number;
    readonly storageBytes: number;
    readonly partitionReplicas: number;
    readonly partitionBytesPerSec: number;
  };
}

export function brokerLoad(config: PlanConfig, t: Traffic): BrokerLoad {
  const R = config.replicationFactor;
  const G = config.consumerGroups;
  const counted = config.headroomOneBrokerDown >= 1 ? config.brokers - 1 : config.brokers;
  // Zero brokers left carry an unbounded load: the check fails with a clear finding.
  const per = (total: number) => (counted > 0 ? total / counted : total > 0 ? Infinity : 0);
  const W = t.ingressBytesPerSec;
  return {
    brokersCounted: counted,
    networkInBytesPerSec: per(W * R),
    networkOutBytesPerSec: per(W * (G + R - 1)),
    diskWriteBytesPerSec: per(W * R),
    storageBytes: per(t.storageReplicatedBytes),
    partitionReplicas: counted > 0 ? Math.ceil((config.partitions * R) / counted) : Infinity,
    partitionReplicasAllUp: Math.ceil((config.partitions * R) / config.brokers),
    partitionIngressBytesPerSec: W / config.partitions,
    limits: {
      networkBytesPerSec: config.brokerNetworkMiBPerSec * MIB,
      diskBytesPerSec: config.brokerDiskMiBPerSec * MIB,
      storageBytes: config.diskPerBrokerGiB * GIB * config.targetDiskFill,
      partitionReplicas: config.replicasPerBrokerLimit,
      partitionBytesPerSec: config.partitionLimitMiBPerSec * MIB,
    },
  };
}
