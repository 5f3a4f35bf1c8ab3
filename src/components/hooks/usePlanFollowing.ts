import { startTransition, useEffect, useState } from 'react';
import { usePlannerStore } from '../../state/planner-store';
import { AT_REST_MS, type PlanSnapshot } from './usePlanAtRest';

/** While the plan moves, the charts redraw at most this often: 10 times a second. */
export const FOLLOW_MS = 100;

export interface FollowedPlan extends PlanSnapshot {
  /** True while the plan is still moving (it changed less than AT_REST_MS ago): draw coarse. */
  readonly moving: boolean;
}

function shownOf(moving: boolean): FollowedPlan {
  const { plan, selectedTopic, config } = usePlannerStore.getState();
  return { plan, selectedTopic, config, moving };
}

/**
 * The plan for the charts: followed while a slider moves, at most every FOLLOW_MS (each redraw a
 * transition, so the slider and the answers stay first), and once more when it has stood still
 * for AT_REST_MS with `moving` false (a coarse sweep becomes the full one). The charts follow the
 * hand without redrawing at every step, which cost every step its frame (docs/benchmarks.md).
 */
export function usePlanFollowing(): FollowedPlan {
  const [shown, setShown] = useState(() => shownOf(false));
  useEffect(() => {
    let lastShownAtMs = -Infinity;
    let followTimer: ReturnType<typeof setTimeout> | undefined;
    let restTimer: ReturnType<typeof setTimeout> | undefined;
    const show = (moving: boolean) => {
      lastShownAtMs = performance.now();
      const next = shownOf(moving);
      startTransition(() => setShown((prev) => (prev.plan === next.plan && prev.config === next.config && prev.selectedTopic === next.selectedTopic && prev.moving === next.moving ? prev : next)));
    };
    show(false);
    const unsubscribe = usePlannerStore.subscribe((state, previous) => {
      if (state.plan === previous.plan && state.config === previous.config && state.selectedTopic === previous.selectedTopic) return;
      clearTimeout(restTimer);
      restTimer = setTimeout(() => show(false), AT_REST_MS);
      if (followTimer !== undefined) return;
      followTimer = setTimeout(
        () => {
          followTimer = undefined;
          show(true);
        },
        Math.max(0, lastShownAtMs + FOLLOW_MS - performance.now()),
      );
    });
    return () => {
      unsubscribe();
      clearTimeout(followTimer);
      clearTimeout(restTimer);
    };
  }, []);
  return shown;
}
