import { CATALOGUE_CURRENCY } from '../config/broker-types';
import { PARAMS, type ParamSpec } from '../config/schema';
import { CLUSTER_METRIC_CATALOG, type ClusterMetricEntry } from '../engine/cluster-metric-catalog';
import { isTopicField, topicView, type ClusterPlan } from '../engine/cluster-plan';
import type { ClusterMetrics, Metrics } from '../engine/compute-metrics';
import type { CostLine } from '../engine/cost';
import { METRIC_CATALOG, type MetricKind } from '../engine/metric-catalog';
import type { PlanConfig } from '../engine/plan-config';
import { metricsCsv, type CsvRow } from './csv';
import { retentionMsFromHours, type TopicSpec } from './kafka-topics';
import { formatNumber } from '../lib/format';
import { formatMetric } from '../engine/metric-text';

/**
 * What the Export section writes, from the whole plan: the metrics file (format in
 * src/export/csv.ts) and each topic's command and resource (src/export/kafka-topics.ts, strimzi.ts).
 */

/** The base unit each metric kind's value is in (the cards' data-value). */
export const BASE_UNIT: Readonly<Record<MetricKind, string>> = {
  'events/s': 'events/s',
  count: 'count',
  ratio: 'ratio (1 = 100 %)',
  'bytes/s': 'B/s',
  bytes: 'B',
  seconds: 's',
  score: 'points of 100',
};

const MONEY_UNIT = `${CATALOGUE_CURRENCY}/month`;

function moneyText(value: number): string {
  return `${formatNumber(value, 2)} ${MONEY_UNIT}`;
}

function configRow(spec: ParamSpec, value: number, topic?: string): CsvRow {
  return { name: spec.name, title: spec.label, value, unit: spec.unit, text: `${formatNumber(value, 3)} ${spec.unit}`, topic };
}

/** Every input in the schema's order: a topic's input once a topic (plan order), a cluster input once. */
export function configCsvRows(plan: ClusterPlan): CsvRow[] {
  return PARAMS.flatMap((spec: ParamSpec) => {
    const field = spec.field;
    if (!isTopicField(field)) return [configRow(spec, plan.cluster[field])];
    return plan.topics.map((topic) => configRow(spec, topic[field], topic.name));
  });
}

/** Every metric of the catalogue in its order, once a topic (plan order). */
export function metricCsvRows(plan: ClusterPlan, metrics: ClusterMetrics): CsvRow[] {
  return METRIC_CATALOG.flatMap((entry) =>
    metrics.topics.map((m, i) => {
      const value = entry.value(m);
      return { name: entry.name, title: entry.title, value, unit: BASE_UNIT[entry.kind], text: formatMetric(entry.kind, value), topic: plan.topics[i]?.name };
    }),
  );
}

function clusterEntryRow(entry: ClusterMetricEntry, metrics: ClusterMetrics): CsvRow {
  const value = entry.value(metrics);
  return entry.kind === 'money'
    ? { name: entry.name, title: entry.title, value, unit: MONEY_UNIT, text: moneyText(value) }
    : { name: entry.name, title: entry.title, value, unit: BASE_UNIT[entry.kind], text: formatMetric(entry.kind, value) };
}

/** The cluster's totals (the cluster metric catalogue), then its health score. */
export function clusterCsvRows(metrics: ClusterMetrics): CsvRow[] {
  const score = metrics.health.score;
  return [
    ...CLUSTER_METRIC_CATALOG.map((entry) => clusterEntryRow(entry, metrics)),
    { name: 'cluster-score', title: 'Health score', value: score, unit: BASE_UNIT.score, text: formatMetric('score', score) },
  ];
}

function costRow(line: CostLine): CsvRow {
  const how = `${formatNumber(line.quantity, 2)} ${line.quantityUnit} × ${formatNumber(line.unitPrice, 4)} ${CATALOGUE_CURRENCY}`;
  return { name: `cost-${line.id}`, title: line.label, value: line.monthly, unit: MONEY_UNIT, text: `${how} = ${moneyText(line.monthly)}` };
}

export function costCsvRows(metrics: ClusterMetrics): CsvRow[] {
  return metrics.cost.lines.map(costRow);
}

/** The plan's inputs, every topic's metrics, the cluster's totals and its cost lines, one row each. */
export function planMetricsCsv(plan: ClusterPlan, metrics: ClusterMetrics): string {
  return metricsCsv(configCsvRows(plan), metricCsvRows(plan, metrics), clusterCsvRows(metrics), costCsvRows(metrics));
}

/** One topic as the command and the resource need it; `config` is the topic in its cluster (topicView). */
export function topicSpecFor(config: PlanConfig, topic: string, metrics: Metrics): TopicSpec {
  return {
    topic,
    partitions: config.partitions,
    replicationFactor: config.replicationFactor,
    retentionMs: retentionMsFromHours(config.retentionHours),
    minInsyncReplicas: config.minInsyncReplicas,
    availability: availabilityLine(config, metrics),
  };
}

/** Every topic of the plan, in its order. */
export function topicSpecsFor(plan: ClusterPlan, metrics: ClusterMetrics): TopicSpec[] {
  return plan.topics.map((topic, i) => topicSpecFor(topicView(plan, i), topic.name, metrics.topics[i] as Metrics));
}

/** What the planned failure does to this topic's acks=all writes, as its own availability check found it. */
export function availabilityLine(config: PlanConfig, metrics: Metrics): string {
  // The topic's own check: the cluster's (metrics.health) is the worst topic's.
  const check = metrics.topicHealth.factors.find((f) => f.id === 'availability');
  const f = metrics.brokerLoad.failover;
  const R = config.replicationFactor;
  const minIsr = config.minInsyncReplicas;
  if (f.kind === 'none') return `No failure planned. ${R} replicas, min.insync.replicas=${minIsr}: acks=all writes need ${minIsr} in sync.`;
  const what = f.kind === 'broker' ? 'one broker' : 'one zone';
  return check && check.score01 >= 1
    ? `Survives ${what} down with acks=all: ${R} replicas, min.insync.replicas=${minIsr}, at least ${R - f.replicasLost} stay in sync.`
    : `Does NOT survive ${what} down with acks=all: ${R} replicas, min.insync.replicas=${minIsr}, only ${Math.max(0, R - f.replicasLost)} stay in sync; writes stop.`;
}
