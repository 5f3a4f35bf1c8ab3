import type { SimView } from '../sim/types';
import { useSimStore } from './sim-store';

/**
 * A recorder of sim-store's snapshots that runs only while someone shows what it records: the
 * returned start function counts its callers and subscribes on the first, and each stop function
 * it hands back unsubscribes on the last. The lag chart's and the model-vs-simulation table's
 * histories are fed this way.
 */
export function snapshotRecorder(record: (snapshot: SimView | null) => void): () => () => void {
  let subscribers = 0;
  let unsubscribe: (() => void) | null = null;
  return () => {
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
  };
}
