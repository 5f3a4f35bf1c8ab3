import type { Metrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';

/** The pinned plan (Compare) as the charts draw it: dashed, labelled "Baseline". */
export interface BaselinePlan {
  readonly config: PlanConfig;
  readonly metrics: Metrics;
  /** "Baseline", or "Baseline (<name>)" for a named pin. */
  readonly label: string;
}

export function baselineLabel(name: string): string {
  return name && name !== 'Baseline' ? `Baseline (${name})` : 'Baseline';
}
