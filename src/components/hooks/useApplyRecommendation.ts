import { useDeferredValue, useMemo } from 'react';
import type { PlanConfig } from '../../engine/plan-config';
import { recommendTopic } from '../../engine/recommend-cluster';
import { usePlannerStore } from '../../state/planner-store';
import { usePlanAtRest } from './usePlanAtRest';

/** The counts a recommendation sets. */
export const APPLIED_FIELDS = ['partitions', 'consumersPerGroup', 'brokers', 'replicationFactor', 'minInsyncReplicas', 'zones', 'maxPollRecords', 'maxPollIntervalMs'] as const;
export type AppliedField = (typeof APPLIED_FIELDS)[number];

/**
 * The last config sized and its recommendation: the verdict and the recommendation panel both
 * ask for the plan at rest (the same config object), and a sizing is a search worth doing once.
 */
let lastSized: { readonly config: PlanConfig; readonly r: ReturnType<typeof recommendTopic> } | null = null;
function recommendationFor(config: PlanConfig): ReturnType<typeof recommendTopic> {
  if (lastSized?.config !== config) lastSized = { config, r: recommendTopic(config) };
  return lastSized.r;
}

/**
 * The selected topic's recommendation (sized once the plan stands still), whether it would change
 * anything, and Apply. In a cluster only the topic's own counts apply: its brokers are sized for it
 * alone, and the cluster's brokers come from the cluster recommendation.
 */
export function useApplyRecommendation() {
  const { config } = usePlanAtRest();
  const r = useMemo(() => recommendationFor(config), [config]);
  return useWithApply(config, r);
}

/**
 * The same for the verdict on the first screen, sized after the first render (a deferred render:
 * `r` is null until then). Sizing the seed plan is a search of tens of model runs at 10,000
 * partitions; in the first render it was the largest part of the page's first long task.
 */
export function useDeferredRecommendation(enabled = true) {
  const { config } = usePlanAtRest();
  const sizedConfig = useDeferredValue<PlanConfig | null>(config, null);
  // Not sized when the caller has no use for it (the verdict of a cluster applies the cluster's sizing).
  const r = useMemo(() => (enabled && sizedConfig ? recommendationFor(sizedConfig) : null), [enabled, sizedConfig]);
  return useWithApply(sizedConfig ?? config, r);
}

function useWithApply<R extends ReturnType<typeof recommendTopic> | null>(config: PlanConfig, r: R) {
  const several = usePlannerStore((state) => state.plan.topics.length > 1);
  const applyValues = usePlannerStore((state) => state.applyValues);
  const fields = several ? APPLIED_FIELDS.filter((field) => field !== 'brokers' && field !== 'zones') : APPLIED_FIELDS;
  const unchanged = r !== null && fields.every((field) => config[field] === r.config[field]);
  // Sized again for the plan as it is at the click (what is shown may be a frame behind a slider).
  const apply = () => {
    const sized = recommendTopic(usePlannerStore.getState().config).config;
    applyValues(Object.fromEntries(fields.map((field) => [field, sized[field]])));
  };
  return { r, unchanged, apply };
}
