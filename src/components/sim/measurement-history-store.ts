import { create } from 'zustand';
import { EMPTY_MEASUREMENT_HISTORY, recordMeasurements, type MeasurementHistory } from './measurement-history';
import type { SimView } from '../../sim/types';
import { snapshotRecorder } from '../../state/snapshot-recorder';

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

/** Starts recording (counted: the last stop ends it). Returns the stop function. */
export const startMeasurementHistory = snapshotRecorder(record);
