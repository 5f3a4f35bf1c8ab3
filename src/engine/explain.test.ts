import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { computeMetrics } from './compute-metrics';
import { EXPLAINED_METRICS, explainMetric } from './explain';
import { METRIC_CATALOG } from './metric-catalog';

const m = computeMetrics(DEFAULT_CONFIG);

describe('explainMetric: the formula with the actual values', () => {
  it('covers every shown metric', () => {
    expect([...EXPLAINED_METRICS].sort()).toEqual(METRIC_CATALOG.map((e) => e.name).sort());
  });
  it('substitutes the seed values into ingress and storage, ending in the result with its unit', () => {
    expect(explainMetric('ingress', DEFAULT_CONFIG, m)).toBe(
      'W = λ·(s + o) / k = 1,000,000 events/s × (1,024 B + 0 B) / 1 = 1,024,000,000 B/s (976.6 MiB/s)',
    );
    expect(explainMetric('storage-logical', DEFAULT_CONFIG, m)).toContain('= 619,315,200,000,000 B (563.3 TiB)');
    expect(explainMetric('lag-growth', DEFAULT_CONFIG, m)).toBe(
      'Σ_i max(0, λ·k_i/P − μ) = 5 × max(0, 1,000,000 × 1 / 5 − 10) = 999,950 events/s per group',
    );
  });
  it('says unbounded, never Infinity or NaN', () => {
    for (const name of EXPLAINED_METRICS) expect(explainMetric(name, DEFAULT_CONFIG, m)).not.toMatch(/Infinity|NaN/);
    expect(explainMetric('latency', DEFAULT_CONFIG, m)).toContain('unbounded');
  });
  it('the latency names the produce latency floor t_p with its value, and ends in the figures that include it', () => {
    const config = { ...DEFAULT_CONFIG, eventsPerSec: 50_000, processingMs: 1, partitions: 100, consumersPerGroup: 100, produceLatencyFloorMs: 4 };
    const text = explainMetric('latency', config, computeMetrics(config));
    expect(text).toContain('t_p = produce latency floor = 0.004 s (4 ms)');
    expect(text).toContain('mean = t_p + d + Wq + 1/μ = ');
  });
});
