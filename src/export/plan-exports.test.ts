import { describe, expect, it } from 'vitest';
import { parseCsv } from '../test-support/parse-csv';
import { CLUSTER_PRESETS, PRESETS } from '../config/presets';
import { DEFAULT_CONFIG, PARAMS } from '../config/schema';
import { CLUSTER_METRIC_CATALOG } from '../engine/cluster-metric-catalog';
import { isTopicField, singleTopicPlan, topicView, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics, computeMetrics } from '../engine/compute-metrics';
import { METRIC_CATALOG } from '../engine/metric-catalog';
import { kafkaTopicsCommands } from './kafka-topics';
import { strimziKafkaTopicsYaml } from './strimzi';
import { planMetricsCsv, topicSpecFor, topicSpecsFor } from './plan-exports';

const [SECTION, NAME, TITLE, VALUE, , TEXT, TOPIC] = [0, 1, 2, 3, 4, 5, 6];

/** Two topics that differ in every input the exports carry: orders (RF 3, min ISR 2) and clicks (RF 2, min ISR 2, which a broker down stops). */
function twoTopicPlan(): ClusterPlan {
  const base = singleTopicPlan({ ...DEFAULT_CONFIG, eventsPerSec: 2000, partitions: 12, consumersPerGroup: 12, processingMs: 1, brokers: 6 }, 'orders');
  const orders = base.topics[0]!;
  const clicks = { ...orders, name: 'clicks', eventsPerSec: 50_000, eventSizeBytes: 300, partitions: 48, consumersPerGroup: 48, replicationFactor: 2, minInsyncReplicas: 2, retentionHours: 24, consumerGroups: 3 };
  return { ...base, topics: [orders, clicks] };
}

describe('metrics CSV of a one-topic plan', () => {
  it.each(PRESETS.map((p) => [p.name, p.config] as const))('%s: one row per input and per metric, values in base units', (_name, config) => {
    const plan = singleTopicPlan(config);
    const metrics = computeClusterMetrics(plan);
    const topic = computeMetrics(config);
    const rows = parseCsv(planMetricsCsv(plan, metrics));
    expect(rows[0]).toEqual(['section', 'name', 'title', 'value', 'unit', 'text', 'topic']);
    const configRows = rows.filter((r) => r[SECTION] === 'config');
    const metricRows = rows.filter((r) => r[SECTION] === 'metric');
    expect(configRows.map((r) => r[NAME])).toEqual(PARAMS.map((p) => p.name));
    expect(metricRows.map((r) => r[NAME])).toEqual(METRIC_CATALOG.map((e) => e.name));
    for (const entry of METRIC_CATALOG) {
      const row = metricRows.find((r) => r[NAME] === entry.name)!;
      expect(Number(row[VALUE]), entry.name).toBe(entry.value(topic));
      expect(row[TITLE]).toBe(entry.title);
      expect(row[TEXT]).not.toBe('');
      expect(row[TOPIC]).toBe(plan.topics[0]!.name);
    }
    for (const spec of PARAMS) {
      const row = configRows.find((r) => r[NAME] === spec.name)!;
      expect(Number(row[VALUE])).toBe(config[spec.field]);
      // A topic's input names its topic; a cluster input names none.
      expect(row[TOPIC], spec.name).toBe(isTopicField(spec.field) ? plan.topics[0]!.name : '');
    }
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });
});

describe('metrics CSV of a cluster', () => {
  const plan = twoTopicPlan();
  const metrics = computeClusterMetrics(plan);
  const rows = parseCsv(planMetricsCsv(plan, metrics));
  const named = (section: string, name: string) => rows.filter((r) => r[SECTION] === section && r[NAME] === name);

  it("has a row a topic for each metric, in the plan's order, each the topic's own value", () => {
    const ingress = named('metric', 'ingress');
    expect(ingress.map((r) => r[TOPIC])).toEqual(['orders', 'clicks']);
    ingress.forEach((row, i) => expect(Number(row[VALUE])).toBe(metrics.topics[i]!.ingressBytesPerSec));
    expect(Number(ingress[0]![VALUE])).not.toBe(Number(ingress[1]![VALUE]));
    for (const entry of METRIC_CATALOG) {
      const perTopic = named('metric', entry.name);
      expect(perTopic.map((r) => Number(r[VALUE])), entry.name).toEqual(metrics.topics.map((m) => entry.value(m)));
    }
  });

  it("has a topic's inputs once a topic and the cluster's once", () => {
    for (const spec of PARAMS) {
      const found = named('config', spec.name);
      if (isTopicField(spec.field)) {
        expect(found.map((r) => r[TOPIC]), spec.name).toEqual(['orders', 'clicks']);
        expect(found.map((r) => Number(r[VALUE])), spec.name).toEqual(plan.topics.map((_, i) => topicView(plan, i)[spec.field]));
      } else {
        expect(found.map((r) => [r[TOPIC], Number(r[VALUE])]), spec.name).toEqual([['', plan.cluster[spec.field as keyof ClusterPlan['cluster']]]]);
      }
    }
  });

  it("has the cluster's totals, its health score and its cost lines", () => {
    const cluster = rows.filter((r) => r[SECTION] === 'cluster');
    expect(cluster.map((r) => r[NAME])).toEqual([...CLUSTER_METRIC_CATALOG.map((e) => e.name), 'cluster-score']);
    for (const entry of CLUSTER_METRIC_CATALOG) expect(Number(named('cluster', entry.name)[0]![VALUE]), entry.name).toBe(entry.value(metrics));
    expect(Number(named('cluster', 'cluster-ingress')[0]![VALUE])).toBe(metrics.topics[0]!.ingressBytesPerSec + metrics.topics[1]!.ingressBytesPerSec);
    expect(Number(named('cluster', 'cluster-score')[0]![VALUE])).toBe(metrics.health.score);
    const cost = rows.filter((r) => r[SECTION] === 'cost');
    expect(cost.map((r) => r[NAME])).toEqual(metrics.cost.lines.map((l) => `cost-${l.id}`));
    expect(cost.reduce((sum, r) => sum + Number(r[VALUE]), 0)).toBeCloseTo(metrics.cost.monthly, 6);
    expect([...cluster, ...cost].every((r) => r[TOPIC] === '')).toBe(true);
  });

  it.each(CLUSTER_PRESETS.map((p) => [p.name, p.plan] as const))('%s: every topic has every metric', (_name, presetPlan) => {
    const presetMetrics = computeClusterMetrics(presetPlan);
    const presetRows = parseCsv(planMetricsCsv(presetPlan, presetMetrics));
    expect(presetRows.filter((r) => r[SECTION] === 'metric')).toHaveLength(METRIC_CATALOG.length * presetPlan.topics.length);
    expect(presetRows.every((r) => r.length === 7)).toBe(true);
  });
});

describe('topic exports of a cluster', () => {
  const plan = twoTopicPlan();
  const metrics = computeClusterMetrics(plan);

  it('takes each topic with its own name, partitions, replication, retention and availability', () => {
    const specs = topicSpecsFor(plan, metrics);
    expect(specs.map((s) => [s.topic, s.partitions, s.replicationFactor, s.retentionMs, s.minInsyncReplicas])).toEqual([
      ['orders', 12, 3, 604_800_000, 2],
      ['clicks', 48, 2, 86_400_000, 2],
    ]);
    // Each topic's own check: orders survives a broker down, clicks (RF 2, min ISR 2) does not.
    expect(specs[0]!.availability).toMatch(/^Survives one broker down/);
    expect(specs[1]!.availability).toMatch(/^Does NOT survive one broker down/);
  });

  it('gives two commands and two resources for two topics', () => {
    const specs = topicSpecsFor(plan, metrics);
    const command = kafkaTopicsCommands(specs);
    const created = [...command.matchAll(/--create --topic (\S+) \\\n {2}--partitions (\d+) /g)].map((m) => [m[1], Number(m[2])]);
    expect(created).toEqual([
      ['orders', 12],
      ['clicks', 48],
    ]);
    expect(strimziKafkaTopicsYaml(specs).split('\n---\n')).toHaveLength(2);
  });
});

describe('topic of a plan', () => {
  it('takes partitions, replication factor and retention in ms', () => {
    const config = { ...DEFAULT_CONFIG, retentionHours: 2.5 };
    expect(topicSpecFor(config, 'orders', computeMetrics(config))).toEqual({
      topic: 'orders',
      partitions: 5,
      replicationFactor: 3,
      retentionMs: 9_000_000,
      minInsyncReplicas: 2,
      availability: 'Survives one broker down with acks=all: 3 replicas, min.insync.replicas=2, at least 2 stay in sync.',
    });
  });

  it('says when the planned failure stops acks=all writes (RF 2, min ISR 2)', () => {
    const config = { ...DEFAULT_CONFIG, replicationFactor: 2, minInsyncReplicas: 2 };
    expect(topicSpecFor(config, 't', computeMetrics(config)).availability).toBe(
      'Does NOT survive one broker down with acks=all: 2 replicas, min.insync.replicas=2, only 1 stay in sync; writes stop.',
    );
  });
});
