import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

const drain = (queue: EventQueue) => {
  const out = { timeMs: 0, kind: 0, a: 0, b: 0, c: 0 };
  const popped: { timeMs: number; kind: number; a: number; b: number; c: number }[] = [];
  while (queue.pop(out)) popped.push({ ...out });
  return popped;
};

describe('the event queue (binary heap over typed arrays)', () => {
  it('pops by time, simultaneous events in the order they were pushed, with their kind and arguments', () => {
    const queue = new EventQueue();
    queue.push(5, 1, 10, 11, 12);
    queue.push(1, 2, 20, 21, 22);
    queue.push(5, 3, 30, 31, 32);
    queue.push(0, 4);
    expect(queue.size).toBe(4);
    expect(queue.peekTime()).toBe(0);
    expect(drain(queue)).toEqual([
      { timeMs: 0, kind: 4, a: 0, b: 0, c: 0 },
      { timeMs: 1, kind: 2, a: 20, b: 21, c: 22 },
      { timeMs: 5, kind: 1, a: 10, b: 11, c: 12 },
      { timeMs: 5, kind: 3, a: 30, b: 31, c: 32 },
    ]);
    expect(queue.size).toBe(0);
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.pop({ timeMs: 0, kind: 0, a: 0, b: 0, c: 0 })).toBe(false);
  });

  it('is a stable sort of whatever is pushed, past its first capacity and interleaved with pops (fast-check seed 1101)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 3_000 }), (steps) => {
        const queue = new EventQueue();
        const pending: { timeMs: number; seq: number }[] = [];
        const popped: number[] = [];
        const expected: number[] = [];
        const out = { timeMs: 0, kind: 0, a: 0, b: 0, c: 0 };
        steps.forEach(([timeMs, popNow], seq) => {
          queue.push(timeMs, 1, seq);
          pending.push({ timeMs, seq });
          if (popNow) {
            pending.sort((x, y) => x.timeMs - y.timeMs || x.seq - y.seq);
            expected.push((pending.shift() as { seq: number }).seq);
            queue.pop(out);
            popped.push(out.a);
          }
        });
        pending.sort((x, y) => x.timeMs - y.timeMs || x.seq - y.seq);
        expected.push(...pending.map((p) => p.seq));
        popped.push(...drain(queue).map((e) => e.a));
        expect(popped).toEqual(expected);
      }),
      { seed: 1101, numRuns: 60 },
    );
  });
});
