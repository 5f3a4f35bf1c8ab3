import { describe, expect, it } from 'vitest';
import type { SimView } from '../sim/types';
import { useSimStore } from './sim-store';
import { snapshotRecorder } from './snapshot-recorder';

const fakeSnapshot = (timeMs: number) => ({ timeMs }) as unknown as SimView;

describe('snapshotRecorder', () => {
  it('records while anyone shows it: the first start subscribes, the last stop unsubscribes', () => {
    const seen: (number | null)[] = [];
    const start = snapshotRecorder((s) => seen.push(s ? s.timeMs : null));
    const stopA = start();
    const stopB = start();
    useSimStore.setState({ snapshot: fakeSnapshot(1) });
    stopA();
    stopA(); // a second stop of the same caller counts once
    useSimStore.setState({ snapshot: fakeSnapshot(2) });
    stopB();
    useSimStore.setState({ snapshot: fakeSnapshot(3) });
    // null: the snapshot at the first start; one record per new snapshot while subscribed.
    expect(seen).toEqual([null, 1, 2]);
  });
});
