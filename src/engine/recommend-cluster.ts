import { topicOf, topicView, type ClusterPlan, type TopicPlan } from './cluster-plan';
import { brokerLimits, type ClusterBrokerLoad } from './broker-limits';
import { brokersUnder, clusterRates, computeClusterMetrics } from './compute-metrics';
import { brokerLimitLoads } from './health';
import type { PlanConfig } from './plan-config';
import { recommend, type Recommendation } from './recommend';

/** A broker type as the recommendation needs it: its name and the assumptions it sets. */
export interface BrokerTypeOption {
  readonly id: string;
  readonly values: Partial<PlanConfig>;
}

/** A broker type with the fewest brokers on which the cluster passes every broker check, and its cost. */
export interface BrokerChoice {
  readonly brokerType: string;
  readonly brokers: number;
  /** Monthly cost at that count, at today's rates. */
  readonly monthly: number;
  /** False when even the largest count fails a broker check. */
  readonly feasible: boolean;
  readonly plan: ClusterPlan;
}

export interface ClusterRecommendation {
  /** Each topic's own counts (partitions, consumers, replication, min ISR), sized at its peak and the growth. */
  readonly topics: readonly Recommendation[];
  /** The fewest brokers on the plan's broker type. */
  readonly onChosenType: BrokerChoice;
  /** The cheapest type and count of the catalogue that pass every broker check; null if none does. */
  readonly cheapest: BrokerChoice | null;
  /** Every type tried, cheapest first (infeasible ones last). */
  readonly options: readonly BrokerChoice[];
}

const MAX_BROKERS = 1000;
const MAX_RATE = 10_000_000;

/**
 * The cluster's counts: every topic sized by `recommend` at its peak (λ × peak, peak 1), then one
 * broker count for all of them — the fewest multiple of the zones with which no broker check fails
 * at the grown rates, found by binary search (each broker only adds capacity, so passing is
 * monotone in the count) — on the plan's type and on each type of the catalogue, priced.
 */
export function recommendCluster(plan: ClusterPlan, types: readonly BrokerTypeOption[]): ClusterRecommendation {
  const topics = plan.topics.map((_, i) => recommendTopic(topicView(plan, i)));
  const sized = withTopicCounts(plan, topics);
  const loadsAt = loadsAtCounts(sized);
  const onChosenType = fewestBrokers(sized, plan.brokerType, loadsAt);
  const options = types
    .map((type) => fewestBrokers({ ...sized, cluster: { ...sized.cluster, ...type.values }, brokerType: type.id }, type.id, loadsAt))
    .sort((a, b) => Number(b.feasible) - Number(a.feasible) || a.monthly - b.monthly);
  const first = options[0];
  return { topics, onChosenType, cheapest: first && first.feasible ? first : null, options };
}

/** One topic's counts, sized at its peak: `recommend` of the topic with λ × peak as its rate (the config it returns keeps λ and the peak). */
export function recommendTopic(view: PlanConfig): Recommendation {
  if (view.peakFactor === 1) return recommend(view);
  const r = recommend({ ...view, eventsPerSec: Math.min(MAX_RATE, view.eventsPerSec * view.peakFactor), peakFactor: 1 });
  return { ...r, config: { ...r.config, eventsPerSec: view.eventsPerSec, peakFactor: view.peakFactor } };
}

/** Each topic with its recommended counts; the cluster takes the most zones any topic needs and the strictest poll settings. */
function withTopicCounts(plan: ClusterPlan, topics: readonly Recommendation[]): ClusterPlan {
  const nextTopics: TopicPlan[] = plan.topics.map((topic, i) => {
    const r = (topics[i] as Recommendation).config;
    return { ...topicOf(r, topic.name), eventsPerSec: topic.eventsPerSec, peakFactor: topic.peakFactor };
  });
  const zones = Math.max(plan.cluster.zones, ...topics.map((r) => r.config.zones));
  const maxPollRecords = Math.min(plan.cluster.maxPollRecords, ...topics.map((r) => r.config.maxPollRecords));
  const maxPollIntervalMs = Math.max(plan.cluster.maxPollIntervalMs, ...topics.map((r) => r.config.maxPollIntervalMs));
  return { ...plan, cluster: { ...plan.cluster, zones, maxPollRecords, maxPollIntervalMs }, topics: nextTopics };
}

function grownOf(plan: ClusterPlan): ClusterPlan {
  const growth = plan.cluster.growthFactor;
  if (growth === 1) return plan;
  return { ...plan, topics: plan.topics.map((t) => ({ ...t, eventsPerSec: Math.min(MAX_RATE, t.eventsPerSec * growth) })) };
}

/**
 * The broker loads of the sized topics on a count of brokers, today and at the grown rate. They do
 * not depend on the broker type (only the limits do), so every type's search shares them.
 */
type LoadsAt = (brokers: number) => readonly ClusterBrokerLoad[];

function loadsAtCounts(plan: ClusterPlan): LoadsAt {
  const today = clusterRates(plan);
  const rateSets = plan.cluster.growthFactor === 1 ? [today.rates] : [today.rates, clusterRates(grownOf(plan)).rates];
  const known = new Map<number, readonly ClusterBrokerLoad[]>();
  return (brokers) => {
    let loads = known.get(brokers);
    if (!loads) {
      const view = { ...today.view, brokers };
      loads = rateSets.map((rates) => brokersUnder(view, rates));
      known.set(brokers, loads);
    }
    return loads;
  };
}

/** The fewest brokers (a multiple of the zones) within every broker limit of this type — the health's own rule, brokerLimitLoads — with R ≤ B. */
function fewestBrokers(plan: ClusterPlan, brokerType: string, loadsAt: LoadsAt): BrokerChoice {
  const Z = Math.max(1, plan.cluster.zones);
  const withBrokers = (units: number): ClusterPlan => ({ ...plan, brokerType, cluster: { ...plan.cluster, brokers: units * Z } });
  const limits = brokerLimits(topicView(plan, 0));
  const maxR = Math.max(...plan.topics.map((t) => t.replicationFactor));
  const passes = (units: number) =>
    loadsAt(units * Z).every((b) => Object.values(brokerLimitLoads({ busiest: b.busiest, failover: b.failover, limits })).every(({ load, limit }) => load <= limit));
  const maxUnits = Math.floor(MAX_BROKERS / Z);
  const choice = (units: number, feasible: boolean): BrokerChoice => {
    const sized = withBrokers(units);
    return { brokerType, brokers: units * Z, monthly: computeClusterMetrics(sized).cost.monthly, feasible, plan: sized };
  };
  // Doubling from the fewest the replication factor allows, then halving back: the counts tried
  // stay near the answer, and small counts are cheap to place (a count of 1,000 is not).
  let lo = Math.max(1, Math.ceil(Math.max(maxR, Z) / Z));
  if (lo > maxUnits) return choice(maxUnits, false);
  let hi = lo;
  while (!passes(hi)) {
    if (hi >= maxUnits) return choice(maxUnits, false);
    lo = hi + 1;
    hi = Math.min(maxUnits, hi * 2);
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return choice(lo, true);
}
