import type { Metrics } from './compute-metrics';
import { HEALTH_FORMULA } from './health';

/**
 * Every metric the app shows: its public name (data-testid="metric-<name>"), the base
 * unit of its data-value, the formula, what it means, and where the formula comes from.
 * docs/model.md carries the same formulas word for word (a unit test checks it), and
 * each metric card shows this text beside its number.
 */
export type MetricKind = 'events/s' | 'count' | 'ratio' | 'bytes/s' | 'bytes' | 'seconds' | 'score';

export interface MetricEntry {
  readonly name: string;
  readonly title: string;
  readonly kind: MetricKind;
  readonly formula: string;
  readonly meaning: string;
  readonly source: string;
  readonly value: (m: Metrics) => number;
}

const SEED = 'The seed calculator (shared/seed)';
const STATIC_ASSIGNMENT = "Kafka consumer groups: each partition is owned by one consumer of a group (Kafka docs, 'Consumers')";
const NETWORK = 'Netflix service-capacity-modeling (kafka.py); AWS MSK right-sizing "Equation 1"; Google Managed Kafka sizing';

export const METRIC_CATALOG: readonly MetricEntry[] = [
  { name: 'total-events', title: 'Total events', kind: 'events/s', formula: 'λ', meaning: 'Events produced per second by all producers together.', source: SEED, value: (m) => m.totalEventsPerSec },
  { name: 'active-consumers', title: 'Active consumers', kind: 'count', formula: 'a = min(C, P)', meaning: 'Consumers per group that own at least one partition; the other C − a sit idle.', source: STATIC_ASSIGNMENT, value: (m) => m.activeConsumers },
  { name: 'events-per-consumer', title: 'Events per consumer', kind: 'events/s', formula: 'λ / a', meaning: 'Mean load of an active consumer. With uneven assignment the busiest one receives λ·⌈P/a⌉/P.', source: SEED, value: (m) => m.eventsPerConsumerPerSec },
  { name: 'group-capacity', title: 'Group capacity', kind: 'events/s', formula: 'μ·P / ⌈P/a⌉, μ = 1000 / L', meaning: 'The largest event rate one consumer group sustains: past it the busiest consumer (⌈P/a⌉ partitions) falls behind.', source: STATIC_ASSIGNMENT, value: (m) => m.groupCapacityEventsPerSec },
  { name: 'utilization', title: 'Utilization', kind: 'ratio', formula: 'λ / group capacity', meaning: 'Load of the busiest consumer over its processing rate; at 1 or more the group cannot keep up.', source: 'Queueing theory: utilization ρ = λ/μ of a single server', value: (m) => m.utilization },
  { name: 'lag-growth', title: 'Lag growth', kind: 'events/s', formula: 'Σ_i max(0, λ·k_i/P − μ)', meaning: 'How fast the lag of one consumer group grows; 0 when every consumer keeps up. Consumer i owns k_i ∈ {⌊P/a⌋, ⌈P/a⌉} partitions.', source: STATIC_ASSIGNMENT, value: (m) => m.lagGrowthEventsPerSecPerGroup },
  { name: 'ingress', title: 'Ingress', kind: 'bytes/s', formula: 'W = λ·(s + o) / k', meaning: 'Bytes producers write per second: event bytes plus record overhead o, divided by the compression ratio k (defaults o = 0, k = 1: exactly λ·s).', source: SEED, value: (m) => m.ingressBytesPerSec },
  { name: 'replication', title: 'Replication traffic', kind: 'bytes/s', formula: 'W·(R − 1)', meaning: 'Bytes followers fetch from leaders per second to keep R copies.', source: NETWORK, value: (m) => m.replicationBytesPerSec },
  { name: 'egress', title: 'Consumer egress', kind: 'bytes/s', formula: 'W·G', meaning: 'Bytes consumer groups read per second: every group reads everything.', source: NETWORK, value: (m) => m.egressBytesPerSec },
  { name: 'storage-logical', title: 'Storage (one copy)', kind: 'bytes', formula: 'W·T', meaning: 'The retained log, one copy, T = retention in seconds.', source: SEED, value: (m) => m.storageLogicalBytes },
  { name: 'storage', title: 'Storage (all copies)', kind: 'bytes', formula: 'W·T·R', meaning: 'The retained log with every replica: what the disks must hold.', source: 'Confluent and AWS MSK sizing guidance: storage = ingress × retention × replication factor', value: (m) => m.storageReplicatedBytes },
  { name: 'broker-network-in', title: 'Network in per broker', kind: 'bytes/s', formula: 'W·R / B', meaning: 'Producer writes plus follower fetches arriving at one broker, spread evenly.', source: NETWORK, value: (m) => m.brokerNetworkInBytesPerSec },
  { name: 'broker-network-out', title: 'Network out per broker', kind: 'bytes/s', formula: 'W·(G + R − 1) / B', meaning: 'Consumer reads plus follower fetches served by one broker, spread evenly.', source: NETWORK, value: (m) => m.brokerNetworkOutBytesPerSec },
  { name: 'broker-storage', title: 'Storage per broker', kind: 'bytes', formula: 'W·T·R / B', meaning: "One broker's share of every retained copy, spread evenly.", source: NETWORK, value: (m) => m.brokerStorageBytes },
  { name: 'partition-ingress', title: 'Ingress per partition', kind: 'bytes/s', formula: 'W / P', meaning: 'Bytes per second into one partition (even keys), against the partition throughput limit.', source: "Confluent, 'How to choose the number of topics/partitions in a Kafka cluster'", value: (m) => m.brokerLoad.partitionIngressBytesPerSec },
  { name: 'broker-replicas', title: 'Replicas per broker', kind: 'count', formula: '⌈P·R / B⌉', meaning: 'Partition replicas on the fullest broker with every broker up; the health check compares ⌈P·R / (B − 1)⌉ with the limit when one-broker-down headroom is on.', source: 'Confluent guidance: about 4,000 partition replicas a broker', value: (m) => m.brokerLoad.partitionReplicasAllUp },
  { name: 'replay-time', title: 'Replay catch-up', kind: 'seconds', formula: 'λ·T / (group capacity − λ)', meaning: 'How long a new consumer group (an event-sourced rebuild, a new CQRS read model) with the same consumers needs to read the whole retained log and catch up with live traffic; unbounded when it never catches up.', source: 'Drain time of a backlog L₀ is L₀ / (capacity − λ) (capacity-model.md)', value: (m) => m.replayCatchUpSeconds },
  { name: 'latency', title: 'End-to-end latency', kind: 'seconds', formula: 'mean = 1 / (μ − λ_b), λ_b = λ·⌈P/a⌉/P; p50 = ln 2 × mean; p99 = ln 100 × mean', meaning: 'Mean time from append to processed for an event on the busiest consumer, modelled as an M/M/1 queue (Poisson arrivals, exponential processing time). Unbounded when λ_b ≥ μ: the lag grows forever. Broker and network time (about 2 ms) is left out.', source: 'M/M/1 queue: time in system is exponential with rate μ − λ (Kleinrock, Queueing Systems vol. 1, §3.2); broker latency: Kreps 2014', value: (m) => m.latency.meanSeconds },
  { name: 'score', title: 'Health score', kind: 'score', formula: HEALTH_FORMULA, meaning: 'A 0–100 summary set by the weakest of four checks; the binding check and its advice are shown with it.', source: 'This planner (the seed shows a score without a formula)', value: (m) => m.health.score },
];
