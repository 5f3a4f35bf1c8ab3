import type { ClusterPlan } from './cluster-plan';
import type { ClusterMetrics, Metrics } from './compute-metrics';
import type { MetricKind } from './metric-catalog';

/**
 * The cluster's own numbers (data-testid="metric-cluster-<name>", data-value in base units; the
 * cost in the catalogue's currency per 730-hour month). docs/model.md "The cluster of topics"
 * carries each formula word for word (a unit test checks it).
 */
export interface ClusterMetricEntry {
  readonly name: string;
  readonly title: string;
  readonly kind: MetricKind | 'money';
  readonly formula: string;
  readonly meaning: string;
  readonly source: string;
  readonly value: (c: ClusterMetrics) => number;
  /** One topic's part of the sum, when the figure is a sum over topics. */
  readonly term?: (m: Metrics) => number;
}

const EQUATION_1 = 'AWS MSK right-sizing blog, "Equation 1": cluster throughput is the sum over topics';

export const CLUSTER_METRIC_CATALOG: readonly ClusterMetricEntry[] = [
  { name: 'cluster-ingress', title: 'Cluster ingress', kind: 'bytes/s', formula: 'Σ_t W_t', meaning: 'Bytes producers write per second to every topic together, at the average rates.', source: EQUATION_1, value: (c) => c.ingressBytesPerSec, term: (m) => m.ingressBytesPerSec },
  { name: 'cluster-ingress-peak', title: 'Cluster ingress at peak', kind: 'bytes/s', formula: 'Σ_t W_t × x_t', meaning: 'Every topic at its peak at once (x_t: its peak factor): what the network and disk checks carry. Topics that peak at different hours make this an upper bound.', source: EQUATION_1, value: (c) => c.ingressPeakBytesPerSec, term: (m) => m.peakIngressBytesPerSec },
  { name: 'cluster-egress-peak', title: 'Consumer egress at peak', kind: 'bytes/s', formula: 'Σ_t [W_t·x_t·G_t + replaying groups × a_t·μ_t × W_t/λ_t]', meaning: 'What every consumer group of every topic reads per second at peak, replaying groups included (follower fetches not counted).', source: 'Netflix service-capacity-modeling (kafka.py); AWS MSK right-sizing "Equation 1"', value: (c) => c.egressPeakBytesPerSec, term: (m) => m.brokerLoad.groupReadBytesPerSec },
  { name: 'cluster-storage', title: 'Cluster storage (all copies)', kind: 'bytes', formula: 'Σ_t W_t·T_t·R_t', meaning: 'The retained log of every topic with every replica, at the average rates: what the disks of the cluster hold (before open segments and indexes).', source: 'Confluent and AWS MSK sizing guidance: storage = ingress × retention × replication factor, per topic', value: (c) => c.storageReplicatedBytes, term: (m) => m.storageReplicatedBytes },
  { name: 'cluster-partition-replicas', title: 'Partition replicas', kind: 'count', formula: 'Σ_t P_t·R_t + P_o·min(R_o, B)', meaning: "Every partition replica the brokers host, Kafka's own __consumer_offsets (P_o partitions, R_o copies) included. Confluent advises at most about 200,000 a cluster.", source: "Kafka broker configs offsets.topic.num.partitions (50), offsets.topic.replication.factor (3); Confluent's partition guidance", value: (c) => c.partitionReplicas },
  { name: 'cluster-cost-monthly', title: 'Monthly cost (estimate)', kind: 'money', formula: 'B × 730 h × c_b + B × disk × c_s + cross-zone client GiB × c_z + cross-zone replication GiB × c_r', meaning: 'Broker-hours, provisioned storage and traffic that crosses zones in a 730-hour month, each line in the cost table with its formula and price. Prices are editable estimates, never fetched.', source: 'AWS MSK pricing and AWS data transfer pricing, US East (N. Virginia) (src/config/broker-types.ts)', value: (c) => c.cost.monthly },
];

/** "orders 1.2 MiB/s + clicks 3 MiB/s": a sum over topics spelled out. */
export function termsOf(entry: ClusterMetricEntry, plan: ClusterPlan, metrics: ClusterMetrics): { name: string; value: number }[] {
  const term = entry.term;
  if (!term) return [];
  return metrics.topics.map((m, i) => ({ name: plan.topics[i]?.name ?? `topic ${i}`, value: term(m) }));
}
