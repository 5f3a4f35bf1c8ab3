import { startTransition, useEffect, useState } from 'react';
import type { ClusterPlan } from '../../engine/cluster-plan';
import type { PlanConfig } from '../../engine/plan-config';
import { usePlannerStore, type PlannerState } from '../../state/planner-store';

/** The store's plan with the selected topic's view of it, as one object a view can follow. */
export interface PlanSnapshot {
  readonly plan: ClusterPlan;
  readonly selectedTopic: number;
  /** The store's own `config` object (the selected topic in its cluster), so identity checks against a loaded scenario hold. */
  readonly config: PlanConfig;
}

function snapshotOf(state: Pick<PlannerState, 'plan' | 'config' | 'selectedTopic'>): PlanSnapshot {
  return { plan: state.plan, selectedTopic: state.selectedTopic, config: state.config };
}

/**
 * The whole plan (every topic and the cluster), followed in a React transition like
 * `usePlanInTransition` follows the selected topic: for views that export or summarise the
 * cluster. They are at most a frame or two behind the store; anything that acts on the plan reads
 * the store at that moment instead.
 */
export function useClusterPlanInTransition(): PlanSnapshot {
  const [snapshot, setSnapshot] = useState(() => snapshotOf(usePlannerStore.getState()));
  useEffect(() => {
    const follow = (state: PlannerState) =>
      startTransition(() => setSnapshot((shown) => (shown.plan === state.plan && shown.config === state.config ? shown : snapshotOf(state))));
    // The plan may have changed between the first render and this effect.
    follow(usePlannerStore.getState());
    return usePlannerStore.subscribe((state, previous) => {
      if (state.plan !== previous.plan || state.config !== previous.config) follow(state);
    });
  }, []);
  return snapshot;
}
