import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupValue, MAX_TOPIC_SERIES, segmentsOf, shareWords, topicGroups } from './topic-groups';

const names = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);

describe('topic groups', () => {
  it(`up to ${MAX_TOPIC_SERIES} topics: one series each, coloured by its place in the plan`, () => {
    const groups = topicGroups(names(MAX_TOPIC_SERIES), [5, 1, 9, 3, 2, 8, 7, 4]);
    expect(groups.map((g) => g.label)).toEqual(names(MAX_TOPIC_SERIES));
    expect(groups.map((g) => g.colorSlot)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(groups.map((g) => g.key)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
  });

  it('one topic is one series with its own name, no Others', () => {
    expect(topicGroups(['orders'], [0])).toEqual([{ key: 's0', label: 'orders', topics: [0], colorSlot: 0 }]);
  });

  it('beyond the limit the largest keep their series in plan order, the rest are Others; every topic is in exactly one group', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: MAX_TOPIC_SERIES + 1, maxLength: 50 }), (sizes) => {
        const groups = topicGroups(names(sizes.length), sizes);
        expect(groups).toHaveLength(MAX_TOPIC_SERIES);
        const others = groups[groups.length - 1]!;
        expect(others.colorSlot).toBeNull();
        expect(others.label).toBe(`Others (${sizes.length - MAX_TOPIC_SERIES + 1} topics)`);
        const kept = groups.slice(0, -1).map((g) => g.topics[0]!);
        expect(kept).toEqual([...kept].sort((a, b) => a - b));
        const all = groups.flatMap((g) => g.topics).sort((a, b) => a - b);
        expect(all).toEqual(sizes.map((_, i) => i));
        const smallestKept = Math.min(...kept.map((t) => sizes[t]!));
        for (const t of others.topics) expect(sizes[t]!).toBeLessThanOrEqual(smallestKept);
        const total = sizes.reduce((a, b) => a + b, 0);
        const segments = segmentsOf(groups, sizes);
        const summed = groups.reduce((sum, g) => sum + segments[g.key]!, 0);
        expect(Math.abs(summed - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
        expect(groupValue(others, sizes)).toBeCloseTo(others.topics.reduce((sum, t) => sum + sizes[t]!, 0), 6);
      }),
    );
  });

  it('names the three largest shares, then counts the topics left unnamed (those in Others too)', () => {
    const two = topicGroups(['orders', 'clicks'], [3, 1]);
    expect(shareWords(two, segmentsOf(two, [3, 1]), 4)).toBe('orders 75 %, clicks 25 %');
    const sizes = [50, 1, 1, 1, 1, 1, 1, 1, 1, 40, 2];
    const many = topicGroups(names(sizes.length), sizes);
    // Kept: t0, t9, t10 and the first four 1s; Others holds the other four. Named: t0, t9, Others; t10 and four 1s go unnamed.
    expect(shareWords(many, segmentsOf(many, sizes), 100)).toBe('t0 50 %, t9 40 %, Others (4 topics) 4 % and 5 more topics');
  });
});
