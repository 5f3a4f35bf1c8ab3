import { describe, expect, it } from 'vitest';
import { topicNameProblem, topicView, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics, computeMetrics } from '../engine/compute-metrics';
import { brokerTypeById, matchesBrokerType } from './broker-types';
import { repairPlan } from './plan-repair';
import { CLUSTER_PRESETS, clusterPresetById, PRESETS, presetById } from './presets';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from './schema';
import { MAX_TOPICS } from './topic-names';
import { decodeConfig, encodeConfig } from './url-codec';

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))('%s is a full, valid config', (_name, preset) => {
    expect(Object.keys(preset.config).sort()).toEqual(PARAMS.map((p) => p.field).sort());
    for (const spec of PARAMS) expect(isValidValue(spec, preset.config[spec.field]), spec.name).toBe(true);
    // It survives the link unchanged, so loading one writes a link that reopens it.
    const decoded = decodeConfig('?' + encodeConfig(preset.config));
    expect(decoded.config).toEqual(preset.config);
    expect(decoded.notices).toEqual([]);
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('%s states its assumptions and sources', (_name, preset) => {
    expect(preset.summary.length).toBeGreaterThan(20);
    expect(preset.assumptions.length).toBeGreaterThanOrEqual(3);
    expect(preset.sources.length).toBeGreaterThanOrEqual(1);
  });

  it('has unique ids and names, and the ones the issue asks for', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    expect(PRESETS.map((p) => p.id)).toEqual(['seed-defaults', 'netflix', 'uber', 'amazon', 'linkedin', 'ecommerce', 'iot', 'logs']);
    expect(presetById('seed-defaults')?.config).toBe(DEFAULT_CONFIG);
    expect(presetById('nope')).toBeUndefined();
  });

  it('every preset is a different plan', () => {
    expect(new Set(PRESETS.map((p) => encodeConfig(p.config))).size).toBe(PRESETS.length);
  });

  // The arithmetic in the text is the arithmetic in the config.
  it('the stated figures match the configs', () => {
    const rate = (id: string) => presetById(id)!.config.eventsPerSec;
    expect(rate('netflix')).toBe(Math.round(((5e9 / 86_400) * 2) / 1000) * 1000);
    expect(rate('uber')).toBe(Math.round((((15e6 * 1200) / 86_400 / 4) * 2) / 1000) * 1000);
    expect(rate('amazon')).toBe(Math.round((((10e6 * 10) / 86_400) * 5) / 100) * 100);
    expect(rate('linkedin')).toBe(Math.round(((2e9 / 86_400) * 2) / 100) * 100);
    expect(rate('iot')).toBe(100_000 / 10);
    expect(rate('logs')).toBe(1000 * 200);
    for (const preset of PRESETS.filter((p) => p.id !== 'seed-defaults')) {
      const m = computeMetrics(preset.config);
      // Every preset but the seed's is sized to keep its consumers under the 70 % target.
      expect(m.utilization, preset.id).toBeLessThanOrEqual(preset.config.targetUtilization);
      const stated = preset.assumptions.join(' ').match(/\((\d+) % busy\)/);
      expect(stated, `${preset.id} states how busy its consumers are`).not.toBeNull();
      expect(Math.round(m.utilization * 100), preset.id).toBe(Number(stated![1]));
    }
  });
});

describe('cluster presets', () => {
  const each = CLUSTER_PRESETS.map((p) => [p.name, p] as const);
  const GIB = 1024 ** 3;

  it('are at least three, with ids and names no other preset has (data-testid="preset-<id>")', () => {
    expect(CLUSTER_PRESETS.length).toBeGreaterThanOrEqual(3);
    const ids = [...PRESETS, ...CLUSTER_PRESETS].map((p) => p.id);
    const names = [...PRESETS, ...CLUSTER_PRESETS].map((p) => p.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    expect(clusterPresetById('cluster-iot')?.plan.topics.map((t) => t.name)).toContain('commands');
    expect(clusterPresetById('nope')).toBeUndefined();
  });

  it.each(each)('%s: every value of every topic is in range, and the store would keep the plan as it is', (_name, preset) => {
    const { plan } = preset;
    expect(plan.topics.length).toBeGreaterThanOrEqual(2);
    expect(plan.topics.length).toBeLessThanOrEqual(MAX_TOPICS);
    plan.topics.forEach((topic, i) => {
      const view = topicView(plan, i);
      expect(Object.keys(view).sort(), topic.name).toEqual(PARAMS.map((p) => p.field).sort());
      for (const spec of PARAMS) expect(isValidValue(spec, view[spec.field]), `${topic.name}: ${spec.name}`).toBe(true);
      // Nothing for the store's cross-field rules to change (min ISR ≤ RF, zones ≤ brokers).
      expect(repairPlan(view).repairs, topic.name).toEqual([]);
      expect([view.replicationFactor, view.minInsyncReplicas, view.zones], topic.name).toEqual([3, 2, 3]);
    });
  });

  it.each(each)('%s: topic names are legal Kafka names and unique', (_name, preset) => {
    const names = preset.plan.topics.map((t) => t.name);
    for (const name of names) expect(topicNameProblem(name), name).toBe('');
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(each)('%s: its broker type is a known one and sets the assumptions', (_name, preset) => {
    const type = brokerTypeById(preset.plan.brokerType);
    expect(type, preset.plan.brokerType).toBeDefined();
    preset.plan.topics.forEach((_, i) => expect(matchesBrokerType(topicView(preset.plan, i), type!)).toBe(true));
  });

  it.each(each)('%s states its assumptions and sources, a line for each topic', (_name, preset) => {
    expect(preset.summary.length).toBeGreaterThan(20);
    expect(preset.sources.length).toBeGreaterThanOrEqual(1);
    for (const topic of preset.plan.topics) expect(preset.assumptions.some((line) => line.startsWith(`${topic.name}: `)), topic.name).toBe(true);
  });

  it.each(each)('%s: the metrics run, and it passes every check or fails just the one it names', (_name, preset) => {
    const metrics = computeClusterMetrics(preset.plan);
    expect(metrics.topics).toHaveLength(preset.plan.topics.length);
    for (const value of [metrics.ingressBytesPerSec, metrics.ingressPeakBytesPerSec, metrics.egressPeakBytesPerSec, metrics.storageReplicatedBytes, metrics.partitionReplicas, metrics.cost.monthly]) {
      expect(Number.isFinite(value) && value > 0).toBe(true);
    }
    const failing = metrics.health.factors.filter((f) => f.score01 < 1).map((f) => f.id);
    if (preset.problem === null) {
      expect(failing).toEqual([]);
      expect(metrics.health.score).toBe(100);
    } else {
      expect(failing).toEqual([preset.problem]);
      // The summary says which check it fails.
      expect(preset.summary.toLowerCase()).toContain(metrics.health.binding.label.toLowerCase());
    }
  });

  // The arithmetic in the text is the arithmetic in the plan.
  it.each(each)('%s: each topic is as busy at its peak as its assumptions say', (_name, preset) => {
    const metrics = computeClusterMetrics(preset.plan);
    preset.plan.topics.forEach((topic, i) => {
      const line = preset.assumptions.find((l) => l.startsWith(`${topic.name}: `) && /% busy\)/.test(l));
      const stated = line?.match(/\((\d+) % busy\)/);
      expect(stated, `${topic.name} states how busy its consumers are`).toBeTruthy();
      expect(Math.round(metrics.topics[i]!.utilization * 100), topic.name).toBe(Number(stated![1]));
      expect(metrics.topics[i]!.utilization).toBeLessThanOrEqual(topicView(preset.plan, i).targetUtilization);
    });
  });

  it.each(each)('%s: each topic states its rate at peak (rate × peak factor)', (_name, preset) => {
    for (const topic of preset.plan.topics) {
      const peak = (topic.eventsPerSec * topic.peakFactor).toLocaleString('en-US', { maximumFractionDigits: 1 });
      const lines = preset.assumptions.filter((l) => l.startsWith(`${topic.name}: `)).join(' ');
      expect(lines, topic.name).toMatch(new RegExp(`[= ]${peak.replace(/[.,]/g, '\\$&')} [a-z]+/s`));
    }
  });

  it('the stated rates match the plans', () => {
    const rate = (id: string, name: string) => clusterPresetById(id)!.plan.topics.find((t) => t.name === name)!.eventsPerSec;
    const perSecond = (perDay: number, digits = 0) => Math.round((perDay / 86_400) * 10 ** digits) / 10 ** digits;
    expect(rate('cluster-ecommerce', 'orders')).toBe(perSecond(200_000 * 8, 1));
    expect(rate('cluster-ecommerce', 'payments')).toBe(perSecond(200_000 * 1.2, 2));
    expect(rate('cluster-ecommerce', 'clicks')).toBe(perSecond((200_000 / 0.02) * 30));
    expect(rate('cluster-ecommerce', 'logs')).toBe(200 * 50);
    expect(rate('cluster-linkedin', 'activities')).toBe(perSecond(2e9));
    expect(rate('cluster-linkedin', 'feed-updates')).toBe(perSecond(2e9 * 0.1 * 100));
    expect(rate('cluster-linkedin', 'notifications')).toBe(perSecond(2e9 * 0.3));
    expect(rate('cluster-iot', 'telemetry')).toBe(100_000 / 10);
    expect(rate('cluster-iot', 'commands')).toBe(Math.round(100_000 / 600));
    expect(rate('cluster-iot', 'device-events')).toBe(perSecond(100_000 * 24, 1));
  });

  it("LinkedIn: the storage it states, and both fixes it names work, the larger disks for less", () => {
    const preset = clusterPresetById('cluster-linkedin')!;
    const metrics = computeClusterMetrics(preset.plan);
    const text = preset.assumptions.join(' ');
    const gib = (bytes: number) => Math.round(bytes / GIB).toLocaleString('en-US');
    expect(text).toContain(`${gib(metrics.storageReplicatedBytes)} GiB`);
    metrics.topics.forEach((m) => expect(text).toContain(`${gib(m.storageReplicatedBytes)} GiB`));
    const withCluster = (values: Partial<ClusterPlan['cluster']>) => computeClusterMetrics({ ...preset.plan, cluster: { ...preset.plan.cluster, ...values } });
    const largerDisks = withCluster({ diskPerBrokerGiB: 2 * preset.plan.cluster.diskPerBrokerGiB });
    const moreBrokers = withCluster({ brokers: 2 * preset.plan.cluster.brokers });
    expect(text).toContain(`${(2 * preset.plan.cluster.diskPerBrokerGiB).toLocaleString('en-US')} GiB disks`);
    expect(text).toContain(`${2 * preset.plan.cluster.brokers} brokers`);
    expect(largerDisks.health.score).toBe(100);
    expect(moreBrokers.health.score).toBe(100);
    expect(largerDisks.cost.monthly).toBeLessThan(moreBrokers.cost.monthly);
  });
});
