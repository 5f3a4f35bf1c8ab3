import { clusterOf, topicOf, topicView, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';

/**
 * Rules that span two inputs, applied wherever a plan comes from (a link, a file, a saved
 * scenario, a slider): min.insync.replicas cannot exceed the replication factor, and there
 * cannot be more zones than brokers. And the values a plan that predates an input gets.
 */

/** Kafka's common practice: RF 3 with min ISR 2; below 3 copies, 1 (min ISR 2 on RF 2 stops writes whenever a broker restarts). */
export function defaultMinInsyncReplicas(replicationFactor: number): number {
  return replicationFactor >= 3 ? 2 : 1;
}

/** Brokers spread evenly: the largest of 3, 2, 1 zones that divides the broker count. */
export function defaultZones(brokers: number): number {
  return [3, 2, 1].find((z) => z <= brokers && brokers % z === 0) ?? 1;
}

/**
 * Version 1 links wrote an assumption only when it differed from its default, so a v1 link
 * without one meant the default of that time. Those whose default changed with the move to
 * a real broker type (docs/url-schema.md): network, disk throughput, replicas per broker.
 */
export const V1_ASSUMPTION_DEFAULTS: Partial<Record<keyof PlanConfig, number>> = {
  brokerNetworkMiBPerSec: 1192,
  brokerDiskMiBPerSec: 1000,
  replicasPerBrokerLimit: 4000,
};

/**
 * What a plan made before clusters (a link without topic prefixes, a version 1 scenario file or
 * saved scenario) meant by an input it could not carry: `__consumer_offsets` was not counted on
 * the brokers then, so it keeps its numbers with 0 offsets partitions (docs/url-schema.md).
 */
export const BEFORE_CLUSTERS_DEFAULTS: Partial<Record<keyof PlanConfig, number>> = {
  offsetsTopicPartitions: 0,
};

export interface Repair {
  readonly field: 'minInsyncReplicas' | 'zones';
  readonly param: 'minIsr' | 'zones';
  readonly given: number;
  readonly used: number;
  readonly reason: string;
}

export function repairPlan(config: PlanConfig): { config: PlanConfig; repairs: readonly Repair[] } {
  const repairs: Repair[] = [];
  let next = config;
  if (next.minInsyncReplicas > next.replicationFactor) {
    repairs.push({ field: 'minInsyncReplicas', param: 'minIsr', given: next.minInsyncReplicas, used: next.replicationFactor, reason: `above the replication factor ${next.replicationFactor}; ${next.replicationFactor} was used` });
    next = { ...next, minInsyncReplicas: next.replicationFactor };
  }
  if (next.zones > next.brokers) {
    repairs.push({ field: 'zones', param: 'zones', given: next.zones, used: next.brokers, reason: `more zones than the ${next.brokers} broker${next.brokers === 1 ? '' : 's'}; ${next.brokers} was used` });
    next = { ...next, zones: next.brokers };
  }
  return { config: next, repairs };
}

/** A repair in a cluster: `topic` is the topic's index for min ISR, null for the cluster's zones. */
export interface PlanRepair extends Repair {
  readonly topic: number | null;
}

/** repairPlan on every topic in its cluster: min ISR per topic, zones once for the cluster. */
export function repairClusterPlan(plan: ClusterPlan): { plan: ClusterPlan; repairs: readonly PlanRepair[] } {
  const repairs: PlanRepair[] = [];
  let cluster = plan.cluster;
  const topics = plan.topics.map((topic, index) => {
    const { config, repairs: found } = repairPlan(topicView(plan, index));
    for (const repair of found) {
      // Zones are the cluster's: every topic's view finds the same repair, said once.
      if (repair.field === 'zones' && index > 0) continue;
      repairs.push({ ...repair, topic: repair.field === 'zones' ? null : index });
    }
    if (index === 0) cluster = clusterOf(config);
    return topicOf(config, topic.name);
  });
  return { plan: { ...plan, cluster, topics }, repairs };
}
