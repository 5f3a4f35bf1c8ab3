import { create } from 'zustand';
import { appendLag, EMPTY_LAG_HISTORY, runKeyFor, type LagHistory } from '../charts/lag-history';
import type { SimView } from '../sim/types';
import { snapshotRecorder } from './snapshot-recorder';

/**
 * The simulation's measured lag of group 0 over its run, bounded (≤ 500 points, thinned
 * evenly), for the lag chart. Fed from sim-store's snapshots while the charts are shown.
 */
export const useLagHistoryStore = create<LagHistory>()(() => EMPTY_LAG_HISTORY);

function record(snapshot: SimView | null) {
  const group = snapshot?.groups[0];
  if (!snapshot || !group) return;
  const history = useLagHistoryStore.getState();
  const next = appendLag(history, runKeyFor(snapshot.seed, snapshot.config), { timeMs: snapshot.timeMs, lag: group.lag });
  if (next !== history) useLagHistoryStore.setState(next, true);
}

/** Starts recording (counted: the last stop ends it). Returns the stop function. */
export const startLagHistory = snapshotRecorder(record);
