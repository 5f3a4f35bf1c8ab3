import { formatNumber } from '../lib/format';
import type { SimView } from '../sim/types';

/**
 * What the canvas draws in detail: the whole cluster, one topic, one broker's replicas, or a
 * range of a large topic's partitions. The page keeps it in component state; the painter and
 * the description take it as an argument.
 */
export type SimFocus =
  | { readonly kind: 'cluster' }
  | { readonly kind: 'topic'; readonly topic: number }
  | { readonly kind: 'broker'; readonly broker: number }
  /** Partitions first … first + PARTITION_RANGE_SIZE − 1 of the topic (its own indices). */
  | { readonly kind: 'range'; readonly topic: number; readonly first: number };

export const WHOLE_CLUSTER: SimFocus = { kind: 'cluster' };

/** A topic with more partitions than this is also offered in ranges of this many. */
const PARTITION_RANGE_SIZE = 100;

export interface FocusOption {
  /** The <option> value: focusValue(focus). */
  readonly value: string;
  readonly label: string;
  /** The <optgroup> it belongs in ('' for the whole cluster). */
  readonly section: '' | 'Topics' | 'Brokers' | 'Partitions';
}

export function focusValue(focus: SimFocus): string {
  switch (focus.kind) {
    case 'cluster':
      return 'cluster';
    case 'topic':
      return `topic:${focus.topic}`;
    case 'broker':
      return `broker:${focus.broker}`;
    case 'range':
      return `range:${focus.topic}:${focus.first}`;
  }
}

/** The focus an option value stands for; anything unreadable is the whole cluster. */
export function parseFocus(value: string): SimFocus {
  const [kind, a, b] = value.split(':');
  const n = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : -1);
  if (kind === 'topic' && n(a) >= 0) return { kind, topic: n(a) };
  if (kind === 'broker' && n(a) >= 0) return { kind, broker: n(a) };
  if (kind === 'range' && n(a) >= 0 && n(b) >= 0) return { kind, topic: n(a), first: n(b) };
  return WHOLE_CLUSTER;
}

/** The focus if the run has what it names (a new plan may not), else the whole cluster. */
export function resolveFocus(view: SimView, focus: SimFocus): SimFocus {
  switch (focus.kind) {
    case 'cluster':
      return focus;
    case 'broker':
      return focus.broker < view.brokers.length ? focus : WHOLE_CLUSTER;
    case 'topic':
      return focus.topic < view.topics.length ? focus : WHOLE_CLUSTER;
    case 'range': {
      const topic = view.topics[focus.topic];
      return topic && topic.partitionCount > PARTITION_RANGE_SIZE && focus.first < topic.partitionCount && focus.first % PARTITION_RANGE_SIZE === 0 ? focus : WHOLE_CLUSTER;
    }
  }
}

/** The last partition index of a range (inclusive), within its topic. */
export function rangeEnd(view: SimView, focus: { readonly topic: number; readonly first: number }): number {
  return Math.min(view.topics[focus.topic]?.partitionCount ?? 0, focus.first + PARTITION_RANGE_SIZE) - 1;
}

/** What is shown, in words: "broker 3", "topic orders", "orders partitions 100–199". */
export function focusInWords(view: SimView, focus: SimFocus): string {
  switch (focus.kind) {
    case 'cluster':
      return 'the whole cluster';
    case 'broker':
      return `broker ${focus.broker}`;
    case 'topic':
      return `topic ${view.topics[focus.topic]?.name ?? focus.topic}`;
    case 'range':
      return `${view.topics[focus.topic]?.name ?? focus.topic} partitions ${formatNumber(focus.first, 0)}–${formatNumber(rangeEnd(view, focus), 0)}`;
  }
}

/**
 * Every choice for the run: the whole cluster, each topic, each broker, and the ranges of each
 * large topic. The same array while the run's topics and brokers stay the same (a one-entry
 * cache), so a select built from it re-renders only when the choices change, not every snapshot.
 */
export function focusOptions(view: SimView): readonly FocusOption[] {
  const key = `${view.brokers.length}|${view.topics.map((t) => `${t.partitionCount}:${t.name}`).join('|')}`;
  if (key !== lastOptions.key) lastOptions = { key, options: buildOptions(view) };
  return lastOptions.options;
}

let lastOptions: { key: string; options: readonly FocusOption[] } = { key: '', options: [] };

function buildOptions(view: SimView): FocusOption[] {
  const options: FocusOption[] = [{ value: 'cluster', label: 'Whole cluster', section: '' }];
  view.topics.forEach((topic, t) => options.push({ value: focusValue({ kind: 'topic', topic: t }), label: `Topic ${topic.name}`, section: 'Topics' }));
  view.brokers.forEach((broker) => options.push({ value: focusValue({ kind: 'broker', broker: broker.id }), label: `Broker ${broker.id}`, section: 'Brokers' }));
  view.topics.forEach((topic, t) => {
    if (topic.partitionCount <= PARTITION_RANGE_SIZE) return;
    for (let first = 0; first < topic.partitionCount; first += PARTITION_RANGE_SIZE) {
      const focus = { kind: 'range', topic: t, first } as const;
      options.push({ value: focusValue(focus), label: `${topic.name} partitions ${formatNumber(first, 0)}–${formatNumber(rangeEnd(view, focus), 0)}`, section: 'Partitions' });
    }
  });
  return options;
}
