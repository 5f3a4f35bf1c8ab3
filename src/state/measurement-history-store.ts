import { create } from 'zustand';
import { EMPTY_MEASUREMENT_HISTORY, recordMeasurements, type MeasurementHistory } from '../components/sim/measurement-history';
import type { SimView } from '../sim/types';
import { useSimStore } from './sim-store';

/**
 * The run's bounded measurement history (src/components/sim/measurement-history.ts), fed from
 * sim-store's snapshots while the "Model vs simulation" table is shown: the batches its errors
 * come from. Numbers only: a snapshot's frame goes back to the worker, the history keeps none of it.
 */
export const useMeasurementHistoryStore = create<MeasurementHistory>()(() => EMPTY_MEASUREMENT_HISTORY);

function record(snapshot: SimView | null) {
  if (!snapshot) return;
  const history = useMeasurementHistoryStore.getState();
  const next = recordMeasurements(history, snapshot);
  if (next !== history) useMeasurementHistoryStore.setState(next, true);
}

let subscribers = 0;
let unsubscribe: (() => void) | null = null;

/** Starts recording (counted: the last stop ends it). Returns the stop function. */
export function startMeasurementHistory(): () => void {
  subscribers += 1;
  if (!unsubscribe) {
    record(useSimStore.getState().snapshot);
    unsubscribe = useSimStore.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot) record(state.snapshot);
    });
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    subscribers -= 1;
    if (subscribers === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}
