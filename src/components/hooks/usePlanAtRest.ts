import { startTransition, useEffect, useState } from 'react';
import type { ClusterPlan } from '../../engine/cluster-plan';
import type { PlanConfig } from '../../engine/plan-config';
import { usePlannerStore, type PlannerState } from '../../state/planner-store';

/**
 * How long the plan must stand still before the views that follow it at rest catch up. A held
 * key repeats every 30–50 ms and a drag moves every frame, so neither pauses this long mid-move.
 */
export const AT_REST_MS = 120;

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
 * The whole plan once it has stood still for AT_REST_MS (then rendered as a transition), for
 * the views that are not the numbers a slider answers with: the charts, the exports, the
 * recommendation table. Each of them costs a main-thread block of several to tens of
 * milliseconds on a 50-topic cluster (Recharts, 50 topics of YAML, a search over counts), and
 * a moving slider would throw that work away at its next step; done at every step, or even a
 * few times a second, it held the next step's numbers back by that much (docs/benchmarks.md).
 * The component does not re-render while the plan moves: the store is followed outside React.
 * Anything that acts on the plan (apply, export, pin) reads the store at that moment instead.
 */
export function usePlanAtRest(): PlanSnapshot {
  const [snapshot, setSnapshot] = useState(() => snapshotOf(usePlannerStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const catchUp = () => {
      timer = undefined;
      const state = usePlannerStore.getState();
      startTransition(() => setSnapshot((shown) => (shown.plan === state.plan && shown.config === state.config ? shown : snapshotOf(state))));
    };
    // The plan may have changed between the first render and this effect.
    catchUp();
    const unsubscribe = usePlannerStore.subscribe((state, previous) => {
      if (state.plan === previous.plan && state.config === previous.config) return;
      clearTimeout(timer);
      timer = setTimeout(catchUp, AT_REST_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return snapshot;
}
