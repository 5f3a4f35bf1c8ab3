import { formatNumber } from '../lib/format';

/**
 * Which topics a stacked chart draws as their own series. Pure. A cluster holds up to 50 topics;
 * no palette keeps 50 stacked colours apart, so up to MAX_TOPIC_SERIES topics each get a series
 * (coloured by their place in the plan, the same in every chart), and beyond that the largest
 * MAX_TOPIC_SERIES − 1 of the chart's own measure keep theirs and the rest are stacked together
 * as "Others (n topics)". Series stay in the plan's order, Others last, so a slider move does not
 * reorder the stack.
 */

export const MAX_TOPIC_SERIES = 8;

/** A series' key in a chart row: s0, s1, … */
export type SeriesKey = `s${number}`;

export interface TopicGroup {
  readonly key: SeriesKey;
  readonly label: string;
  /** Plan indexes of the topics it stacks. */
  readonly topics: readonly number[];
  /** Index into the theme's topic palette; null for Others (the theme's neutral colour). */
  readonly colorSlot: number | null;
}

const seriesKey = (index: number): SeriesKey => `s${index}`;

function ownGroup(name: string, topic: number, slot: number): TopicGroup {
  return { key: seriesKey(slot), label: name, topics: [topic], colorSlot: slot };
}

/** The plan indexes of the `count` largest sizes, ties to the earlier topic. */
function largest(sizes: readonly number[], count: number): Set<number> {
  const order = sizes.map((size, index) => ({ size: Number.isFinite(size) ? size : 0, index }));
  order.sort((a, b) => b.size - a.size || a.index - b.index);
  return new Set(order.slice(0, count).map((entry) => entry.index));
}

/** `sizes[i]` is topic i's size in the chart's measure (what decides who joins Others). */
export function topicGroups(names: readonly string[], sizes: readonly number[], max = MAX_TOPIC_SERIES): TopicGroup[] {
  if (names.length <= max) return names.map((name, i) => ownGroup(name, i, i));
  const kept = largest(sizes, max - 1);
  const groups: TopicGroup[] = [];
  const rest: number[] = [];
  names.forEach((name, i) => {
    if (kept.has(i)) groups.push(ownGroup(name, i, groups.length));
    else rest.push(i);
  });
  groups.push({ key: seriesKey(groups.length), label: `Others (${rest.length} topics)`, topics: rest, colorSlot: null });
  return groups;
}

/** A group's value: the sum of its topics' values. */
export function groupValue(group: TopicGroup, values: readonly number[]): number {
  let sum = 0;
  for (const topic of group.topics) sum += values[topic] ?? 0;
  return sum;
}

/** One value a series, by key: the stacked segments of a chart row. */
export function segmentsOf(groups: readonly TopicGroup[], values: readonly number[], scale = 1): Record<SeriesKey, number> {
  const segments: Record<SeriesKey, number> = {};
  for (const group of groups) segments[group.key] = groupValue(group, values) / scale;
  return segments;
}

/** Series the words name by share before "and n more topics". */
const NAMED_SHARES = 3;

/**
 * "orders 61 %, clicks 25 %, payments 14 %": the largest series' shares of a stacked total, for a
 * chart's caption; past the third, how many topics are left unnamed.
 */
export function shareWords(groups: readonly TopicGroup[], segments: Readonly<Record<SeriesKey, number>>, total: number): string {
  const ranked = groups.map((g) => ({ group: g, value: segments[g.key] ?? 0 })).sort((a, b) => b.value - a.value);
  const named = ranked.slice(0, NAMED_SHARES).map(({ group, value }) => `${group.label} ${formatNumber(total > 0 ? (100 * value) / total : 0, 0)} %`);
  const unnamed = ranked.slice(NAMED_SHARES).reduce((sum, { group }) => sum + group.topics.length, 0);
  return unnamed > 0 ? `${named.join(', ')} and ${unnamed} more topic${unnamed === 1 ? '' : 's'}` : named.join(', ');
}
