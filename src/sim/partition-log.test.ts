import { describe, expect, it } from 'vitest';
import { PartitionLog } from './partition-log';

type Run = [events: number, arrivalFirst: number, arrivalLast: number, readableFirst: number, readableLast: number];
const runs = (log: PartitionLog, from: number, to: number): Run[] => {
  const out: Run[] = [];
  log.forEachRun(from, to, (...run) => out.push(run));
  return out;
};

describe('a partition log of segments', () => {
  it('counts offsets, and the high watermark covers what is readable by now', () => {
    const log = new PartitionLog(64);
    log.append(10, 0, 9, 12);
    log.append(5, 10, 14, 20);
    expect([log.logStartOffset, log.highWatermark, log.logEndOffset]).toEqual([0, 0, 15]);
    expect(log.nextReadableMs()).toBe(12);
    expect(log.advanceHighWatermark(11)).toBe(0);
    expect(log.advanceHighWatermark(12)).toBe(10);
    expect(log.nextReadableMs()).toBe(20);
    expect(log.advanceHighWatermark(100)).toBe(15);
    expect(log.nextReadableMs()).toBe(Infinity);
  });

  it('readable times never go backwards: a batch acknowledged earlier than the one before it waits for it', () => {
    const log = new PartitionLog(64);
    log.append(1, 0, 0, 50);
    log.append(1, 1, 1, 10);
    expect(log.advanceHighWatermark(10)).toBe(0);
    expect(log.advanceHighWatermark(50)).toBe(2);
  });

  it('finds the segment of any offset (binary search) and interpolates times inside it', () => {
    const log = new PartitionLog(1_000);
    for (let i = 0; i < 100; i += 1) log.append(10, i * 10, i * 10 + 9, i * 10 + 20);
    // Offsets 505…514: the last five of segment 50 and the first five of segment 51.
    expect(runs(log, 505, 515)).toEqual([
      [5, 505, 509, 520, 520],
      [5, 510, 514, 530, 530],
    ]);
    expect(runs(log, 0, 1)).toEqual([[1, 0, 0, 20, 20]]);
    expect(runs(log, 999, 2_000)).toEqual([[1, 999, 999, 1010, 1010]]);
  });

  it('trimTo deletes the readable events before an offset, cutting a run that straddles it, never an unreadable one', () => {
    const log = new PartitionLog(64);
    log.append(10, 0, 9, 10);
    log.append(10, 10, 19, 20);
    log.append(10, 20, 29, 1_000);
    log.advanceHighWatermark(30);
    log.trimTo(10);
    expect(log.logStartOffset).toBe(10);
    expect(log.segmentCount).toBe(2);
    // Offset 15 is inside the second run: it is cut there, its times interpolated.
    log.trimTo(15);
    expect(log.logStartOffset).toBe(15);
    expect(runs(log, 15, 20)).toEqual([[5, 15, 19, 20, 20]]);
    // The third run is not readable yet: retention waits for it.
    log.trimTo(30);
    expect(log.logStartOffset).toBe(20);
    expect(log.segmentCount).toBe(1);
  });

  it('stays within its segment budget at any rate by merging old segments, with every event still counted', () => {
    const budget = 32;
    const log = new PartitionLog(budget);
    let events = 0;
    for (let i = 0; i < 10_000; i += 1) {
      log.append(3, i, i + 0.5, i + 1);
      events += 3;
      log.advanceHighWatermark(i + 1);
      expect(log.segmentCount).toBeLessThanOrEqual(2 * budget);
    }
    expect(log.logEndOffset).toBe(events);
    expect(log.highWatermark).toBe(events);
    // Runs over the whole log still add up to every event, first arrival 0, last 9,999.5.
    const all = runs(log, 0, events);
    expect(all.reduce((sum, [n]) => sum + n, 0)).toBe(events);
    expect(all[0]?.[1]).toBe(0);
    expect(all[all.length - 1]?.[2]).toBe(9_999.5);
  });
});
