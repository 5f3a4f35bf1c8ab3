import { CATALOGUE_OPTIONS } from '../../config/broker-types';
import type { ClusterPlan } from '../../engine/cluster-plan';
import { usePlannerStore } from '../../state/planner-store';
import { useDeferredRecommendation } from './useApplyRecommendation';
import { recommendationNow, useClusterRecommendation } from './useClusterRecommendation';
import { usePlanAtRest } from './usePlanAtRest';

/** Whether `b` sets the same counts as `a`: the brokers, zones and poll settings, and each topic's partitions, consumers, replication factor and min ISR. */
function sameCounts(a: ClusterPlan, b: ClusterPlan): boolean {
  return (
    a.cluster.brokers === b.cluster.brokers &&
    a.cluster.zones === b.cluster.zones &&
    a.cluster.maxPollRecords === b.cluster.maxPollRecords &&
    a.cluster.maxPollIntervalMs === b.cluster.maxPollIntervalMs &&
    a.topics.length === b.topics.length &&
    a.topics.every((t, i) => {
      const u = b.topics[i];
      return !!u && t.partitions === u.partitions && t.consumersPerGroup === u.consumersPerGroup && t.replicationFactor === u.replicationFactor && t.minInsyncReplicas === u.minInsyncReplicas;
    })
  );
}

export interface VerdictFix {
  /** True when there is a fix that passes and it would change something. */
  readonly available: boolean;
  readonly apply: () => void;
}

/**
 * The verdict's one-click fix. With one topic, that topic's recommended counts (as the
 * recommendation panel's Apply). With several, the binding topic is often not the selected one,
 * so it applies the whole cluster's recommendation on the plan's broker type — every topic's
 * counts and the broker count — which the page has sized already (the key answers ask for it).
 */
export function useVerdictFix(): VerdictFix {
  const several = usePlannerStore((state) => state.plan.topics.length > 1);
  const single = useDeferredRecommendation(!several);
  const sized = useClusterRecommendation(usePlanAtRest().plan, CATALOGUE_OPTIONS);
  if (!several) return { available: single.r?.feasible === true && !single.unchanged, apply: single.apply };
  const r = sized?.recommendation;
  const available = !!sized && !!r && r.onChosenType.feasible && r.topics.every((t) => t.feasible) && !sameCounts(sized.plan, r.onChosenType.plan);
  // Sized again on the chosen type alone (no catalogue search) if the plan has moved since the answer shown.
  const apply = () => {
    const state = usePlannerStore.getState();
    const fresh = recommendationNow(sized, state.plan, []);
    if (fresh.onChosenType.feasible) state.replacePlan(fresh.onChosenType.plan, [], state.selectedTopic);
  };
  return { available, apply };
}
