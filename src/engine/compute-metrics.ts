import { clusterBrokerLoad, hottestPartitionShareOf, offsetsTopicRates, topicRates, topicReads, type BrokerLoad, type ClusterBrokerLoad, type TopicRates } from './broker-limits';
import { clientLoad, type ClientLoad } from './client-checks';
import { singleTopicPlan, topicView, type ClusterPlan, type TopicPlan } from './cluster-plan';
import { clusterHealth } from './cluster-health';
import { consumerLoad, type ConsumerLoad } from './consumer-load';
import { costEstimate, type CostEstimate, type TopicTraffic } from './cost';
import { health, type Health } from './health';
import { latencyEstimate, type LatencyEstimate } from './latency';
import type { PlanConfig } from './plan-config';
import { traffic, type Traffic } from './traffic';

/**
 * Everything the capacity model says about one topic in its cluster. Base units throughout.
 * Consumer figures (utilization, lag, latency) are at the topic's peak rate λ × peak; traffic and
 * storage figures at its average rate λ; broker figures and the health are the cluster's.
 */
export interface Metrics extends ConsumerLoad, Traffic {
  /** λ: the topic's average rate. */
  readonly totalEventsPerSec: number;
  /** λ × peak: the rate the throughput checks use. */
  readonly peakEventsPerSec: number;
  /** W at peak. */
  readonly peakIngressBytesPerSec: number;
  /** Lag growth summed over every consumer group: G × the per-group figure. */
  readonly lagGrowthEventsPerSecAllGroups: number;
  readonly latency: LatencyEstimate;
  /** Per-broker loads from the replica placement of the whole cluster, all up and after the planned failure, against the limits. */
  readonly brokerLoad: BrokerLoad;
  /** Seconds a new consumer group needs to read the retained log and catch up; Infinity if never. */
  readonly replayCatchUpSeconds: number;
  readonly client: ClientLoad;
  /** The cluster's checks (for a one-topic cluster, this topic's). */
  readonly health: Health;
  /** This topic's own checks. */
  readonly topicHealth: Health;
  /** How many topics share the brokers (the broker figures are sums over all of them). */
  readonly clusterTopics: number;
  /** False when the cluster cannot hold the topic at all (replication factor > brokers). */
  readonly clusterValid: boolean;
}

/** What the model says about a whole cluster. */
export interface ClusterMetrics {
  /** Each topic, in the plan's order. */
  readonly topics: readonly Metrics[];
  /** Σ W over the topics, average. */
  readonly ingressBytesPerSec: number;
  /** Σ W × peak: every topic at its peak at once (the busy hour). */
  readonly ingressPeakBytesPerSec: number;
  /** Σ group reads at peak (W·G plus replaying groups). */
  readonly egressPeakBytesPerSec: number;
  /** Σ W·T·R at the average rate. */
  readonly storageReplicatedBytes: number;
  /** Σ P·R placed, `__consumer_offsets` included. */
  readonly partitionReplicas: number;
  readonly brokerLoad: ClusterBrokerLoad;
  readonly health: Health;
  readonly cost: CostEstimate;
}

interface TopicParts {
  readonly view: PlanConfig;
  readonly peakView: PlanConfig;
  readonly load: ConsumerLoad;
  readonly average: Traffic;
  readonly reads: { groupReadBytesPerSec: number; diskReadBytesPerSec: number };
  readonly rates: TopicRates;
  readonly latency: LatencyEstimate;
  readonly client: ClientLoad;
  readonly peakIngressBytesPerSec: number;
  readonly averageReadBytesPerSec: number;
}

function topicParts(view: PlanConfig): TopicParts {
  const peakEventsPerSec = view.eventsPerSec * view.peakFactor;
  const peakView: PlanConfig = view.peakFactor === 1 ? view : { ...view, eventsPerSec: peakEventsPerSec };
  const load = consumerLoad(peakView);
  const average = traffic(view);
  const peak = peakView === view ? average : traffic(peakView);
  const reads = topicReads(view, peak.ingressBytesPerSec, load, peakEventsPerSec);
  const averageReads = peakView === view ? reads : topicReads(view, average.ingressBytesPerSec, consumerLoad(view), view.eventsPerSec);
  return {
    view,
    peakView,
    load,
    average,
    reads,
    rates: topicRates(view, peak, average, reads),
    latency: latencyEstimate(load, peakView),
    client: clientLoad(view),
    peakIngressBytesPerSec: peak.ingressBytesPerSec,
    averageReadBytesPerSec: averageReads.groupReadBytesPerSec,
  };
}

/** What every topic puts on the brokers (independent of the broker count), with the cluster's settings to place it by. */
export function clusterRates(plan: ClusterPlan): { view: PlanConfig; rates: TopicRates[] } {
  const parts = plan.topics.map((_, i) => topicParts(topicView(plan, i)));
  return { view: (parts[0] as TopicParts).view, rates: parts.map((p) => p.rates) };
}

/** The cluster's brokers under the topics' rates (and `__consumer_offsets`, placed on `view.brokers`). */
export function brokersUnder(view: PlanConfig, rates: readonly TopicRates[]): ClusterBrokerLoad {
  const offsets = offsetsTopicRates(view);
  return clusterBrokerLoad(view, offsets ? [...rates, offsets] : rates, rates.length);
}

/**
 * A topic's parts depend only on the topic and the cluster's settings: a slider step changes one
 * topic, so the others' (consumer load, latency, rates) are taken from the last computation.
 */
const partsOfTopic = new WeakMap<TopicPlan, { cluster: ClusterPlan['cluster']; parts: TopicParts }>();

function cachedTopicParts(plan: ClusterPlan, index: number): TopicParts {
  const topic = plan.topics[index] as TopicPlan;
  const kept = partsOfTopic.get(topic);
  if (kept && kept.cluster === plan.cluster) return kept.parts;
  const parts = topicParts(topicView(plan, index));
  partsOfTopic.set(topic, { cluster: plan.cluster, parts });
  return parts;
}

export function computeClusterMetrics(plan: ClusterPlan): ClusterMetrics {
  const parts = plan.topics.map((_, i) => cachedTopicParts(plan, i));
  const clusterView = (parts[0] as TopicParts).view;
  const brokers = brokersUnder(clusterView, parts.map((p) => p.rates));

  const brokerLoads = parts.map((p, i) => topicBrokerLoad(brokers, p, i));
  const topicHealths = parts.map((p, i) => health(p.peakView, p.load, brokerLoads[i] as BrokerLoad, p.latency, p.client));
  const names = plan.topics.map((t) => t.name);
  const peaks = plan.topics.map((t) => t.peakFactor);
  const merged = clusterHealth(topicHealths, names, peaks);

  const topics = parts.map((p, i): Metrics => ({
    totalEventsPerSec: p.view.eventsPerSec,
    peakEventsPerSec: p.peakView.eventsPerSec,
    peakIngressBytesPerSec: p.peakIngressBytesPerSec,
    ...p.load,
    lagGrowthEventsPerSecAllGroups: p.load.lagGrowthEventsPerSecPerGroup * p.view.consumerGroups,
    ...p.average,
    latency: p.latency,
    brokerLoad: brokerLoads[i] as BrokerLoad,
    replayCatchUpSeconds: replayCatchUpSeconds(p.view, p.load),
    client: p.client,
    health: merged,
    topicHealth: topicHealths[i] as Health,
    clusterTopics: parts.length,
    clusterValid: p.view.replicationFactor <= p.view.brokers,
  }));

  const cost = costEstimate(
    clusterView,
    parts.map((p): TopicTraffic => ({ ingressBytesPerSec: p.average.ingressBytesPerSec, groupReadBytesPerSec: p.averageReadBytesPerSec, replicationFactor: p.view.replicationFactor })),
  );
  let ingress = 0;
  let ingressPeak = 0;
  let egressPeak = 0;
  let storage = 0;
  for (const p of parts) {
    ingress += p.average.ingressBytesPerSec;
    ingressPeak += p.peakIngressBytesPerSec;
    egressPeak += p.reads.groupReadBytesPerSec;
    storage += p.average.storageReplicatedBytes;
  }
  return {
    topics,
    ingressBytesPerSec: ingress,
    ingressPeakBytesPerSec: ingressPeak,
    egressPeakBytesPerSec: egressPeak,
    storageReplicatedBytes: storage,
    partitionReplicas: brokers.partitionReplicas,
    brokerLoad: brokers,
    health: merged,
    cost,
  };
}

/** The cluster's broker figures as one topic's checks read them: its own partition rate, reads and availability. */
function topicBrokerLoad(cluster: ClusterBrokerLoad, parts: TopicParts, index: number): BrokerLoad {
  const availability = cluster.topicAvailability[index];
  return {
    brokersCounted: cluster.brokersCounted,
    partitionReplicasAllUp: cluster.partitionReplicasAllUp,
    partitionIngressBytesPerSec: hottestPartitionShareOf(parts.peakIngressBytesPerSec, parts.view.partitions, parts.view.hotKeyShare),
    groupReadBytesPerSec: parts.reads.groupReadBytesPerSec,
    diskReadBytesPerSec: parts.reads.diskReadBytesPerSec,
    busiest: cluster.busiest,
    failover: availability ? { ...cluster.failover, ...availability } : cluster.failover,
    pageCacheSeconds: cluster.pageCacheSeconds,
    limits: cluster.limits,
  };
}

/** One topic on its own (with the cluster's `__consumer_offsets`): the first topic of a one-topic cluster. */
export function computeMetrics(config: PlanConfig): Metrics {
  return computeClusterMetrics(singleTopicPlan(config)).topics[0] as Metrics;
}

/**
 * A new group (an event-sourced rebuild, a new CQRS read model) starts with the whole
 * retained log, λ·T events, and drains it at (capacity − λ): time = λ·T / (capacity − λ).
 */
function replayCatchUpSeconds(config: PlanConfig, load: ConsumerLoad): number {
  const spare = load.groupCapacityEventsPerSec - config.eventsPerSec;
  if (!(spare > 0)) return Infinity;
  return (config.eventsPerSec * config.retentionHours * 3600) / spare;
}
