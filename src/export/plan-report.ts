import { CATALOGUE_CURRENCY, CATALOGUE_OPTIONS } from '../config/broker-types';
import { isTopicCheck } from '../engine/cluster-health';
import { CLUSTER_METRIC_CATALOG } from '../engine/cluster-metric-catalog';
import type { ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics, type ClusterMetrics, type Metrics } from '../engine/compute-metrics';
import type { HealthFactorId } from '../engine/health';
import { METRIC_CATALOG } from '../engine/metric-catalog';
import { formatMetric } from '../engine/metric-text';
import { recommendCluster, type BrokerChoice, type ClusterRecommendation } from '../engine/recommend-cluster';
import { planVerdict, type Verdict } from '../engine/verdict';
import { countOf, formatNumber } from '../lib/format';

/**
 * What `plan check` reports (docs/plan-file.md "On the command line"): the page's verdict, checks,
 * recommendation and every metric card's data-value, as one JSON-able object and as text. The
 * page and the command line read the same engine, so the same plan gives the same figures.
 */

/** A card's data-value as JSON carries it: the number, or "Infinity" where it is unbounded (JSON has no Infinity). */
export type MetricValue = number | 'Infinity' | '-Infinity' | 'NaN';

export interface CheckReport {
  readonly id: HealthFactorId;
  /** The check as the page names it ("orders: consumer capacity at peak" in a cluster). */
  readonly name: string;
  /** 0 – 100: floor(100 × the check's score). */
  readonly score: number;
  readonly finding: string;
  /** What to change; empty when the check is met. */
  readonly advice: string;
}

export interface TopicCounts {
  readonly name: string;
  readonly partitions: number;
  readonly consumersPerGroup: number;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
}

export interface BrokerChoiceReport {
  readonly brokerType: string;
  readonly brokers: number;
  /** Monthly cost at today's average rates, in the catalogue's currency. */
  readonly monthlyCost: number;
  /** False when even 1,000 brokers fail a broker check. */
  readonly feasible: boolean;
}

export interface RecommendationReport extends BrokerChoiceReport {
  readonly zones: number;
  readonly topics: readonly TopicCounts[];
  /** The health score of the plan with these counts. */
  readonly score: number;
  /** The cheapest type and count of the catalogue that pass every broker check; null if none does. */
  readonly cheapest: BrokerChoiceReport | null;
}

export interface PlanReport {
  /** The cluster's health score, 0 – 100 (the page's "Health N/100"). */
  readonly score: number;
  readonly verdict: Verdict['kind'];
  readonly headline: string;
  /** The check that sets the score, and the topic that does worst on it (null for a cluster-wide check); null when every check is met. */
  readonly binding: { readonly check: HealthFactorId; readonly name: string; readonly topic: string | null } | null;
  readonly checks: readonly CheckReport[];
  readonly recommendation: RecommendationReport;
  /** Every card of the page as it opens (the first topic's, then the cluster's), by its data-testid without `metric-`. */
  readonly metrics: Readonly<Record<string, MetricValue>>;
  /** Each topic's cards, in the plan's order. */
  readonly topics: readonly { readonly name: string; readonly metrics: Readonly<Record<string, MetricValue>> }[];
  /** The currency of `monthlyCost` and `cluster-cost-monthly`. */
  readonly currency: string;
}

/** A number as the page's data-value writes it (String(value)), kept a number where JSON can hold it. */
export function metricValue(value: number): MetricValue {
  if (Number.isFinite(value)) return value;
  return String(value) as MetricValue;
}

function topicMetrics(m: Metrics): Record<string, MetricValue> {
  return Object.fromEntries(METRIC_CATALOG.map((entry) => [entry.name, metricValue(entry.value(m))]));
}

function clusterMetrics(metrics: ClusterMetrics): Record<string, MetricValue> {
  return Object.fromEntries(CLUSTER_METRIC_CATALOG.map((entry) => [entry.name, metricValue(entry.value(metrics))]));
}

/** The topic that does worst on a check of its own (the first among equals); null for a check of the cluster's (broker limits, zones). */
function bindingTopic(plan: ClusterPlan, metrics: ClusterMetrics, id: HealthFactorId): string | null {
  if (!isTopicCheck(id)) return null;
  const scores = metrics.topics.map((m) => m.topicHealth.factors.find((f) => f.id === id)?.score01 ?? 1);
  return plan.topics[scores.indexOf(Math.min(...scores))]?.name ?? null;
}

function choiceReport(choice: BrokerChoice): BrokerChoiceReport {
  return { brokerType: choice.brokerType, brokers: choice.brokers, monthlyCost: choice.monthly, feasible: choice.feasible };
}

function recommendationReport(chosen: BrokerChoice, cheapest: BrokerChoice | null): RecommendationReport {
  const sized = chosen.plan;
  return {
    ...choiceReport(chosen),
    zones: sized.cluster.zones,
    topics: sized.topics.map((t) => ({ name: t.name, partitions: t.partitions, consumersPerGroup: t.consumersPerGroup, replicationFactor: t.replicationFactor, minInsyncReplicas: t.minInsyncReplicas })),
    score: computeClusterMetrics(sized).health.score,
    cheapest: cheapest ? choiceReport(cheapest) : null,
  };
}

/** The cluster sized over every broker type of the catalogue, as the page's recommendation sizes it. */
export function sizePlan(plan: ClusterPlan): ClusterRecommendation {
  return recommendCluster(plan, CATALOGUE_OPTIONS);
}

/** The recommended plan on the plan's own broker type: what the page's "Apply" on that card sets. */
export function recommendedPlan(plan: ClusterPlan): ClusterPlan {
  return sizePlan(plan).onChosenType.plan;
}

/** `sized`: the plan's sizing, when the caller has it already (a search over every broker type is worth doing once). */
export function planReport(plan: ClusterPlan, sized: ClusterRecommendation = sizePlan(plan)): PlanReport {
  const metrics = computeClusterMetrics(plan);
  const verdict = planVerdict(plan, metrics);
  const health = metrics.health;
  const binding = health.binding.score01 < 1 ? { check: health.binding.id, name: health.binding.label, topic: bindingTopic(plan, metrics, health.binding.id) } : null;
  return {
    score: health.score,
    verdict: verdict.kind,
    headline: verdict.headline,
    binding,
    checks: health.factors.map((f) => ({ id: f.id, name: f.label, score: Math.floor(100 * f.score01 + 1e-9), finding: f.finding, advice: f.advice })),
    recommendation: recommendationReport(sized.onChosenType, sized.cheapest),
    metrics: { ...topicMetrics(metrics.topics[0] as Metrics), ...clusterMetrics(metrics) },
    topics: metrics.topics.map((m, i) => ({ name: plan.topics[i]?.name ?? '', metrics: topicMetrics(m) })),
    currency: CATALOGUE_CURRENCY,
  };
}

const money = (value: number) => `${formatNumber(value, 2)} ${CATALOGUE_CURRENCY}/month`;

function checkMark(score: number): string {
  if (score >= 100) return 'pass';
  return score === 0 ? 'FAIL' : 'short';
}

function countsLine(t: TopicCounts): string {
  return `${t.name}: ${countOf(t.partitions, 'partition')}, ${countOf(t.consumersPerGroup, 'consumer')} a group, replication factor ${t.replicationFactor}, min.insync.replicas ${t.minInsyncReplicas}`;
}

/** The recommendation's lines: the counts on the plan's type, each topic's, and the cheapest type. */
export function recommendationText(r: RecommendationReport): string {
  const lines = [`Recommended on ${r.brokerType}: ${countOf(r.brokers, 'broker')} in ${countOf(r.zones, 'zone')}, ${money(r.monthlyCost)}${r.feasible ? '' : ' (even this fails a broker check)'}; health with these counts ${r.score}/100.`];
  for (const t of r.topics) lines.push(`  ${countsLine(t)}`);
  if (r.cheapest) lines.push(`Cheapest in the catalogue: ${countOf(r.cheapest.brokers, 'broker')} of ${r.cheapest.brokerType}, ${money(r.cheapest.monthlyCost)}.`);
  return `${lines.join('\n')}\n`;
}

/** The report as a person reads it in a terminal or a CI log. */
export function planReportText(report: PlanReport, plan: ClusterPlan): string {
  const lines: string[] = [`${report.headline} Health ${report.score}/100.`];
  if (report.binding) lines.push(`Binding: ${report.binding.topic ? `topic ${report.binding.topic}, ` : ''}check "${report.binding.name}".`);
  lines.push('', 'Checks:');
  for (const check of report.checks) {
    lines.push(`  ${checkMark(check.score).padEnd(5)} ${String(check.score).padStart(3)}  ${check.name}: ${check.finding}${check.advice ? ` → ${check.advice}` : ''}`);
  }
  lines.push('', recommendationText(report.recommendation), `The cluster (${countOf(plan.topics.length, 'topic')}, ${countOf(plan.cluster.brokers, 'broker')} of ${plan.brokerType}):`);
  for (const entry of CLUSTER_METRIC_CATALOG) {
    const value = Number(report.metrics[entry.name]);
    lines.push(`  ${entry.title}: ${entry.kind === 'money' ? money(value) : formatMetric(entry.kind, value)}`);
  }
  return `${lines.join('\n')}\n`;
}
