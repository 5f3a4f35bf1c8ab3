import { startTransition, useEffect, useState } from 'react';
import { usePlannerStore } from '../../state/planner-store';
import type { PlanSnapshot } from './usePlanAtRest';

function snapshotOf(): PlanSnapshot {
  const { plan, selectedTopic, config } = usePlannerStore.getState();
  return { plan, selectedTopic, config };
}

/**
 * The plan, followed in a React transition instead of with the slider's own (synchronous)
 * update: for the parts of the page that are not the numbers a slider answers with beside it
 * (the details below the workspace: every metric card, health, cluster and cost; exports,
 * scenarios). React renders them after the slider and the answers are on screen and stops to
 * take the next input, so a dragged slider is not held up by work the next step would redo
 * (docs/benchmarks.md). They are at most a frame or two behind the plan; anything that acts on
 * the plan (save, pin, apply) reads the store at that moment instead. A store read with a
 * selector (useSyncExternalStore) always renders synchronously: this follows it in React state.
 */
export function usePlanInTransition(): PlanSnapshot {
  const [shown, setShown] = useState(snapshotOf);
  useEffect(() => {
    const follow = () => {
      const next = snapshotOf();
      startTransition(() => setShown((prev) => (prev.plan === next.plan && prev.config === next.config && prev.selectedTopic === next.selectedTopic ? prev : next)));
    };
    // The plan may have changed between the first render and this effect.
    follow();
    return usePlannerStore.subscribe((state, previous) => {
      if (state.plan !== previous.plan || state.config !== previous.config || state.selectedTopic !== previous.selectedTopic) follow();
    });
  }, []);
  return shown;
}

