import { PARAMS } from '../../config/schema';
import type { Metrics } from '../../engine/compute-metrics';
import { METRIC_CATALOG, type MetricKind } from '../../engine/metric-catalog';
import type { PlanConfig } from '../../engine/plan-config';
import { metricsCsv, type CsvRow } from '../../export/csv';
import { retentionMsFromHours, type TopicSpec } from '../../export/kafka-topics';
import { formatNumber } from '../../lib/format';
import { formatMetric } from '../metric-text';

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

export function configCsvRows(config: PlanConfig): CsvRow[] {
  return PARAMS.map((spec) => {
    const value = config[spec.field];
    return { name: spec.name, title: spec.label, value, unit: spec.unit, text: `${formatNumber(value, 3)} ${spec.unit}` };
  });
}

export function metricCsvRows(metrics: Metrics): CsvRow[] {
  return METRIC_CATALOG.map((entry) => {
    const value = entry.value(metrics);
    return { name: entry.name, title: entry.title, value, unit: BASE_UNIT[entry.kind], text: formatMetric(entry.kind, value) };
  });
}

/** The plan's inputs, then every metric of METRIC_CATALOG, one row each. */
export function planMetricsCsv(config: PlanConfig, metrics: Metrics): string {
  return metricsCsv(configCsvRows(config), metricCsvRows(metrics));
}

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

/** What the planned failure does to acks=all writes, as the availability check found it. */
export function availabilityLine(config: PlanConfig, metrics: Metrics): string {
  const check = metrics.health.factors.find((f) => f.id === 'availability');
  const f = metrics.brokerLoad.failover;
  const R = config.replicationFactor;
  const minIsr = config.minInsyncReplicas;
  if (f.kind === 'none') return `No failure planned. ${R} replicas, min.insync.replicas=${minIsr}: acks=all writes need ${minIsr} in sync.`;
  const what = f.kind === 'broker' ? 'one broker' : 'one zone';
  return check && check.score01 >= 1
    ? `Survives ${what} down with acks=all: ${R} replicas, min.insync.replicas=${minIsr}, at least ${R - f.replicasLost} stay in sync.`
    : `Does NOT survive ${what} down with acks=all: ${R} replicas, min.insync.replicas=${minIsr}, only ${Math.max(0, R - f.replicasLost)} stay in sync; writes stop.`;
}
