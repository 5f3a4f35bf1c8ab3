import { startTransition, useEffect, useState } from 'react';
import type { PlanConfig } from '../../engine/plan-config';
import { usePlannerStore } from '../../state/planner-store';

/**
 * The plan, followed in a React transition instead of with the slider's own (synchronous)
 * update: for the parts of the page that are not the numbers a slider answers with (exports,
 * scenarios, the recommendation, the charts, the simulation). React renders them after the
 * numbers are on screen and stops to take the next input, so a dragged slider is not held up
 * by work the next step would redo. They are at most a frame or two behind the plan; anything
 * that acts on the plan (save, pin, apply) reads the store at that moment instead.
 */
export function usePlanInTransition(): PlanConfig {
  const [config, setConfig] = useState(() => usePlannerStore.getState().config);
  useEffect(() => {
    const follow = (next: PlanConfig) => startTransition(() => setConfig(next));
    // The plan may have changed between the first render and this effect.
    follow(usePlannerStore.getState().config);
    return usePlannerStore.subscribe((state, previous) => {
      if (state.config !== previous.config) follow(state.config);
    });
  }, []);
  return config;
}
