import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../test-support/sim-snapshot';
import { EMPTY_MEASUREMENT_HISTORY, RATE_BATCHES, recordMeasurements, RUN_BATCHES_MAX, type Increment, type MeasurementHistory } from './measurement-history';
import { coarsen, studentT975 } from './uncertainty';

/** A hand-made run whose counters grow linearly: 1,000 produced and 10 wait samples a second. */
const at = (timeMs: number, config = {}) =>
  makeSnapshot({ timeMs, config, measurements: { waitSamples: timeMs / 100, waitTotalSeconds: timeMs / 1000, latencySamples: timeMs / 100, latencyTotalSeconds: timeMs / 500 } });

function feed(times: number[], start: MeasurementHistory = EMPTY_MEASUREMENT_HISTORY): MeasurementHistory {
  return times.reduce((h, t) => recordMeasurements(h, at(t)), start);
}

describe('measurement history', () => {
  it('cuts the run into batches of at least 1 s from time 0, and stays bounded however long the run', () => {
    const h = feed(Array.from({ length: 20_000 }, (_, i) => (i + 1) * 50)); // 1,000 s at a snapshot every 50 ms
    const topic = h.topics[0]!;
    expect(topic.rateBatches.length).toBe(RATE_BATCHES);
    expect(topic.rateBatches.every((b) => b.timeMs >= 1000)).toBe(true);
    expect(topic.runBatches.length).toBeLessThanOrEqual(RUN_BATCHES_MAX);
    expect(topic.runBatches.length).toBeGreaterThanOrEqual(RUN_BATCHES_MAX / 2);
    // The whole-run batches and the open one add up to the run from its start: nothing lost in the merges.
    const covered = topic.runBatches.reduce((sum, b) => sum + b.timeMs, 0) + (topic.last.timeMs - topic.runStart.timeMs);
    expect(covered).toBe(1_000_000);
    const samples = topic.runBatches.reduce((sum, b) => sum + b.waitSamples, 0) + (topic.last.waitSamples - topic.runStart.waitSamples);
    expect(samples).toBe(topic.last.waitSamples);
  });

  it('starts over for a new run: another plan, or time going back; a repeated snapshot changes nothing', () => {
    const h = feed([1000, 2000, 3000]);
    expect(recordMeasurements(h, at(3000))).toBe(h);
    expect(feed([500], h).topics[0]?.runBatches).toEqual([]);
    const other = recordMeasurements(h, at(4000, { eventsPerSec: 7 }));
    expect(other.topics[0]?.runBatches).toHaveLength(1);
    expect(other.runKey).not.toBe(h.runKey);
  });

  it('joins neighbouring batches to the correlation time, newest first, and the t quantiles are the table’s', () => {
    const b = (timeMs: number): Increment => ({ timeMs, produced: timeMs, processed: 0, lag: 0, waitSamples: 0, waitTotalSeconds: 0, latencySamples: 0, latencyTotalSeconds: 0 });
    expect(coarsen([b(1000), b(1000), b(1000), b(1000), b(1000)], 2000).map((x) => x.timeMs)).toEqual([2000, 2000]);
    expect(coarsen([b(1000), b(1000), b(1000)], 1000, 2).map((x) => x.timeMs)).toEqual([1000, 1000]);
    expect(studentT975(4)).toBe(2.776);
    expect(studentT975(29)).toBe(2.045);
    expect(studentT975(39)).toBeCloseTo(2.023, 2);
    expect(studentT975(1000)).toBeCloseTo(1.962, 3);
  });
});
