import { computeMetrics, type Metrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';

// The planner store memoises the current plan's metrics; the baseline gets its own memo so the
// two never evict each other.
let lastConfig: PlanConfig | undefined;
let lastMetrics: Metrics | undefined;

export function baselineMetricsFor(config: PlanConfig): Metrics {
  if (config !== lastConfig || !lastMetrics) {
    lastConfig = config;
    lastMetrics = computeMetrics(config);
  }
  return lastMetrics;
}
