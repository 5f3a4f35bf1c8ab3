import { create } from 'zustand';
import { repairPlan } from '../config/plan-repair';
import { sanitizeValue, DEFAULT_CONFIG, PARAMS } from '../config/schema';
import type { UrlNotice } from '../config/url-codec';
import { computeMetrics, type Metrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';

/** The single source of the plan; the URL and every view follow it. */
export interface PlannerState {
  readonly config: PlanConfig;
  /** What the opening link asked for that had to be changed; cleared by the user. */
  readonly urlNotices: readonly UrlNotice[];
  setValue: (field: keyof PlanConfig, value: number) => void;
  replaceConfig: (config: PlanConfig, notices?: readonly UrlNotice[]) => void;
  /** Sets several values at once (a recommendation, a preset), each clamped like a slider move. */
  applyValues: (values: Partial<PlanConfig>) => void;
  dismissUrlNotices: () => void;
}

const SPEC_BY_FIELD = new Map(PARAMS.map((spec) => [spec.field as keyof PlanConfig, spec]));

export const usePlannerStore = create<PlannerState>()((set) => ({
  config: DEFAULT_CONFIG,
  urlNotices: [],
  setValue: (field, value) =>
    set((state) => {
      const spec = SPEC_BY_FIELD.get(field);
      // Every write is clamped again here: the store never holds an invalid plan.
      const next = spec ? sanitizeValue(spec, value) : value;
      // Cross-field rules too (min ISR ≤ rf, zones ≤ brokers): a smaller rf pulls min ISR down with it.
      return next === state.config[field] ? state : { config: repairPlan({ ...state.config, [field]: next }).config };
    }),
  replaceConfig: (config, notices = []) => set({ config, urlNotices: notices }),
  applyValues: (values) =>
    set((state) => {
      const next: Record<string, number> = { ...state.config };
      for (const [field, value] of Object.entries(values)) {
        const spec = SPEC_BY_FIELD.get(field as keyof PlanConfig);
        if (spec && typeof value === 'number') next[field] = sanitizeValue(spec, value);
      }
      return { config: repairPlan(next as unknown as PlanConfig).config };
    }),
  dismissUrlNotices: () => set({ urlNotices: [] }),
}));

export const selectConfig = (state: PlannerState) => state.config;
export const selectUrlNotices = (state: PlannerState) => state.urlNotices;

// computeMetrics is cheap, but several components read it per change: compute once per config.
let lastConfig: PlanConfig | undefined;
let lastMetrics: Metrics | undefined;
export function metricsFor(config: PlanConfig): Metrics {
  if (config !== lastConfig || !lastMetrics) {
    lastConfig = config;
    lastMetrics = computeMetrics(config);
  }
  return lastMetrics;
}

export function useMetrics(): Metrics {
  return metricsFor(usePlannerStore(selectConfig));
}
