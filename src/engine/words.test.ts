import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { computeMetrics } from './compute-metrics';
import { EXPLAINED_METRICS, explainMetric } from './explain';
import type { PlanConfig } from './plan-config';
import { recommend } from './recommend';

/** "1 partitions", "1 brokers left": a count of one with a plural noun (after "of", as in "1 of 1 partitions", the plural is right). */
const ONE_WITH_PLURAL = /(?<![\d.,])(?<!of )1 (partitions|consumers|brokers|groups|replicas|zones|topics|records|copies)\b/;

const ONE_OF_EVERYTHING: PlanConfig[] = [
  { ...DEFAULT_CONFIG, partitions: 1, consumersPerGroup: 1, brokers: 1, replicationFactor: 1, minInsyncReplicas: 1, zones: 1, consumerGroups: 1, eventsPerSec: 10 },
  { ...DEFAULT_CONFIG, partitions: 1, consumersPerGroup: 2, brokers: 1, replicationFactor: 1, minInsyncReplicas: 1, zones: 1 },
  { ...DEFAULT_CONFIG, partitions: 2, consumersPerGroup: 1, brokers: 2, replicationFactor: 2, minInsyncReplicas: 1, zones: 1, plannedFailure: 1 },
];

describe('words: a count of one takes the singular', () => {
  it.each(ONE_OF_EVERYTHING.map((config, i) => [i, config] as const))('every finding, advice, formula and recommendation of plan %i', (_i, config) => {
    const m = computeMetrics(config);
    const r = recommend(config);
    const texts = [
      ...m.health.factors.flatMap((f) => [f.finding, f.advice]),
      ...EXPLAINED_METRICS.map((name) => explainMetric(name, config, m)),
      ...r.problems,
      ...r.alternatives,
      r.partitions.drivenBy,
      r.consumersPerGroup.drivenBy,
      r.brokers.drivenBy,
    ];
    expect(texts.filter((text) => ONE_WITH_PLURAL.test(text))).toEqual([]);
    // The plans do produce counts of one, in the singular.
    expect(texts.some((text) => /(?<![\d.,])1 (partition|broker|replica|zone|consumer|copy)\b/.test(text))).toBe(true);
  });
});

describe('words: utilization reads the same everywhere', () => {
  it('a percentage in the finding and in the formula, "N× capacity" only past 10×', () => {
    const near = { ...DEFAULT_CONFIG, eventsPerSec: 35, consumersPerGroup: 5 }; // 35 / 50 events/s
    const m = computeMetrics(near);
    expect(explainMetric('utilization', near, m)).toMatch(/= 70 %$/);
    expect(m.health.factors.find((f) => f.id === 'consumers')?.finding).toContain('70 %');
    const over = computeMetrics(DEFAULT_CONFIG); // 1,000,000 / 50 events/s
    expect(explainMetric('utilization', DEFAULT_CONFIG, over)).toMatch(/= 20,000× capacity$/);
    for (const text of [explainMetric('utilization', near, m), explainMetric('utilization', DEFAULT_CONFIG, over)]) expect(text).not.toMatch(/= 0\.\d|= 20000$/);
  });
});
