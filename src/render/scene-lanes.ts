import { formatNumber } from '../lib/format';
import type { SimView } from '../sim/types';
import { PARTITION_OFFLINE, PARTITION_STALLED_BROKER_DOWN, PARTITION_STALLED_MIN_ISR, PARTITION_WRITABLE, partitionStatesOf } from './partition-states';
import { focusInWords, rangeEnd, type SimFocus } from './sim-focus';
import type { LaneLayout, SimLayout } from './sim-layout';

/**
 * The lanes of a scene: which partitions each draws under the focus, what each row aggregates
 * (one pass over the lane's partitions, typed arrays), the row names and why a row's partition
 * refuses writes, and each lane's title with its counts.
 */
export interface SceneLane {
  /** The topic (index into view.topics); −1 for the topic overview, whose row r is a topic. */
  readonly topic: number;
  readonly layout: LaneLayout;
  readonly title: string;
  /** The lane's partitions, cluster-wide ids, in drawing order. */
  readonly ids: Int32Array;
  /** Row r draws ids[rowStarts[r]] … ids[rowStarts[r + 1] − 1]. */
  readonly rowStarts: Int32Array;
  /** Per row: its topic, its name ('' where none fits), and for a labelled row what stops writes ('' when nothing). */
  readonly rowTopic: Int32Array;
  readonly rowNames: readonly string[];
  readonly rowNotes: readonly string[];
  /** Per row, over its partitions: the most events retained (log end − log start) and unreplicated (log end − high watermark). */
  readonly retainedMax: Float64Array;
  readonly unreplicatedMax: Float64Array;
  /** Per row, the least and most lag of its topic's first group (NaN: the topic has no group). */
  readonly lagMin: Float64Array;
  readonly lagMax: Float64Array;
  /** Per row, partitions offline and stalled (writes refused with a leader). */
  readonly offline: Int32Array;
  readonly stalled: Int32Array;
  /** Topic overview: topics that got no row. */
  readonly hiddenTopics: number;
}

/** Left of a bin's strip: its offline and stalled cells (paint-logs.ts), kept clear of its name. */
const BIN_STATUS_PX = 18;

/** Each lane's topic and partitions under the focus, before any layout. */
export function lanePartitions(view: SimView, focus: SimFocus): { topic: number; ids: Int32Array }[] {
  const range = (first: number, count: number) => Int32Array.from({ length: Math.max(0, count) }, (_, k) => first + k);
  switch (focus.kind) {
    case 'cluster':
      return view.topics.map((t, topic) => ({ topic, ids: range(t.firstPartition, t.partitionCount) }));
    case 'topic': {
      const t = view.topics[focus.topic];
      return t ? [{ topic: focus.topic, ids: range(t.firstPartition, t.partitionCount) }] : [];
    }
    case 'range': {
      const t = view.topics[focus.topic];
      return t ? [{ topic: focus.topic, ids: range(t.firstPartition + focus.first, rangeEnd(view, focus) - focus.first + 1) }] : [];
    }
    case 'broker':
      return view.topics
        .map((t, topic) => {
          const held: number[] = [];
          for (let p = t.firstPartition; p < t.firstPartition + t.partitionCount; p += 1) if (view.partitions.replicas(p).includes(focus.broker)) held.push(p);
          return { topic, ids: Int32Array.from(held) };
        })
        .filter((lane) => lane.ids.length > 0);
  }
}

/** The lanes for the layout: a lane per topic, or the topic overview's one. */
export function sceneLanes(view: SimView, focus: SimFocus, wanted: { topic: number; ids: Int32Array }[], layout: SimLayout): SceneLane[] {
  if (layout.topicOverview) return [overviewLane(view, wanted, layout.lanes[0] as LaneLayout, nameChars(layout, BIN_STATUS_PX))];
  return wanted.map((lane, i) => topicLane(view, focus, lane.topic, lane.ids, layout.lanes[i] as LaneLayout, nameChars(layout, 0)));
}

/** P3 in a one-topic run; the topic's name and index (Kafka's `orders-3`) in a cluster. */
export function partitionName(view: SimView, p: number): string {
  if (view.topics.length === 1) return `P${p}`;
  const topic = view.topics[view.partitions.topicOf(p)];
  return topic ? `${topic.name.slice(0, 8)}-${p - topic.firstPartition}` : `P${p}`;
}

function topicLane(view: SimView, focus: SimFocus, topic: number, ids: Int32Array, layout: LaneLayout, maxNameChars: number): SceneLane {
  const per = layout.partitionsPerRow;
  const rowStarts = Int32Array.from({ length: layout.rows + 1 }, (_, r) => Math.min(ids.length, r * per));
  const lane = aggregateRows(view, topic, ids, rowStarts, layout);
  const t = view.topics[topic];
  const first = t?.firstPartition ?? 0;
  const rowNames = Array.from({ length: layout.rows }, (_, r) => {
    const a = ids[rowStarts[r] as number] as number;
    const b = ids[(rowStarts[r + 1] as number) - 1] as number;
    if (layout.labelled) {
      const leader = view.partitions.leader(a) >= 0 ? ` ▸ B${view.partitions.leader(a)}` : ' offline';
      // Kafka's orders-3 where it fits; P3 (its index in the lane's topic, named in the header) where not.
      const named = partitionName(view, a) + leader;
      return named.length <= maxNameChars ? named : `P${a - first}${leader}`;
    }
    if (focus.kind === 'broker') return '';
    return a === b ? `P${a - first}` : `P${a - first}–${b - first}`;
  });
  const rowNotes = Array.from({ length: layout.rows }, (_, r) => (layout.labelled ? writesNote(view, ids[rowStarts[r] as number] as number) : ''));
  const offline = sum(lane.offline);
  const stalled = sum(lane.stalled);
  const name = t?.name ?? `topic ${topic}`;
  const what = focus.kind === 'range' ? `Topic ${focusInWords(view, focus)}` : focus.kind === 'broker' ? `Topic ${name} on broker ${focus.broker}` : `Topic ${name}`;
  const counted = `${formatNumber(ids.length, 0)} ${focus.kind === 'broker' ? 'replica' : 'partition'}${ids.length === 1 ? '' : 's'}`;
  const binned = per > 1 ? `, ${formatNumber(per, 0)} a row` : '';
  const trouble = `${offline > 0 ? ` · ${formatNumber(offline, 0)} offline` : ''}${stalled > 0 ? ` · ${formatNumber(stalled, 0)} stalled` : ''}`;
  return { ...lane, topic, layout, title: `${what} · ${counted}${binned}${trouble}`, rowNames, rowNotes, hiddenTopics: 0 };
}

/** About how many characters of 11 px text fit in the names' column, less `reservedPx` (the bins' status cells). */
function nameChars(layout: SimLayout, reservedPx: number): number {
  return Math.max(4, Math.floor((layout.labelWidthPx - reservedPx) / 6.2));
}

function shortened(name: string, chars: number): string {
  return name.length <= chars ? name : `${name.slice(0, chars - 1)}…`;
}

function overviewLane(view: SimView, wanted: { topic: number; ids: Int32Array }[], layout: LaneLayout, maxNameChars: number): SceneLane {
  const drawn = wanted.slice(0, layout.rows);
  const total = drawn.reduce((n, lane) => n + lane.ids.length, 0);
  const ids = new Int32Array(total);
  const rowStarts = new Int32Array(layout.rows + 1);
  let at = 0;
  drawn.forEach((lane, r) => {
    ids.set(lane.ids, at);
    at += lane.ids.length;
    rowStarts[r + 1] = at;
  });
  const aggregated = aggregateRows(view, -1, ids, rowStarts, layout, Int32Array.from(drawn, (lane) => lane.topic));
  const partitions = wanted.reduce((n, lane) => n + lane.ids.length, 0);
  const offline = sum(aggregated.offline);
  const stalled = sum(aggregated.stalled);
  return {
    ...aggregated,
    topic: -1,
    layout,
    title: `${wanted.length} topics, a row each · ${formatNumber(partitions, 0)} partitions${offline > 0 ? ` · ${formatNumber(offline, 0)} offline` : ''}${stalled > 0 ? ` · ${formatNumber(stalled, 0)} stalled` : ''}`,
    rowNames: drawn.map((lane) => shortened(view.topics[lane.topic]?.name ?? '', maxNameChars)),
    rowNotes: drawn.map(() => ''),
    hiddenTopics: wanted.length - drawn.length,
  };
}

type RowFigures = Pick<SceneLane, 'ids' | 'rowStarts' | 'rowTopic' | 'retainedMax' | 'unreplicatedMax' | 'lagMin' | 'lagMax' | 'offline' | 'stalled'>;

/** One pass over the lane's partitions: what each row shows when it stands for several. */
function aggregateRows(view: SimView, topic: number, ids: Int32Array, rowStarts: Int32Array, layout: LaneLayout, rowTopic = new Int32Array(layout.rows).fill(topic)): RowFigures {
  const rows = layout.rows;
  const { partitions } = view;
  const { state } = partitionStatesOf(view);
  const figures = {
    ids,
    rowStarts,
    rowTopic,
    retainedMax: new Float64Array(rows),
    unreplicatedMax: new Float64Array(rows),
    lagMin: new Float64Array(rows).fill(Number.NaN),
    lagMax: new Float64Array(rows).fill(Number.NaN),
    offline: new Int32Array(rows),
    stalled: new Int32Array(rows),
  };
  for (let r = 0; r < rows; r += 1) {
    const t = view.topics[rowTopic[r] as number];
    const group = view.groups[t?.groups[0] ?? -1];
    const first = t?.firstPartition ?? 0;
    let retained = 0;
    let unreplicated = 0;
    let lagMin = Number.POSITIVE_INFINITY;
    let lagMax = Number.NEGATIVE_INFINITY;
    for (let k = rowStarts[r] as number; k < (rowStarts[r + 1] as number); k += 1) {
      const p = ids[k] as number;
      const end = partitions.logEndOffset(p);
      retained = Math.max(retained, end - partitions.logStartOffset(p));
      unreplicated = Math.max(unreplicated, end - partitions.highWatermark(p));
      if (group) {
        const lag = group.lagOf(p - first);
        if (lag < lagMin) lagMin = lag;
        if (lag > lagMax) lagMax = lag;
      }
      const s = state[p] as number;
      if (s === PARTITION_OFFLINE) figures.offline[r] = (figures.offline[r] as number) + 1;
      else if (s !== PARTITION_WRITABLE) figures.stalled[r] = (figures.stalled[r] as number) + 1;
    }
    figures.retainedMax[r] = retained;
    figures.unreplicatedMax[r] = unreplicated;
    if (lagMax >= lagMin) {
      figures.lagMin[r] = lagMin;
      figures.lagMax[r] = lagMax;
    }
  }
  return figures;
}

/** Why a partition refuses writes, for its row: "offline", "stalled · ISR 1/3", "stalled · B0 down". */
function writesNote(view: SimView, p: number): string {
  const s = partitionStatesOf(view).state[p];
  if (s === PARTITION_OFFLINE) return 'offline';
  if (s === PARTITION_STALLED_MIN_ISR) return `stalled · ISR ${view.partitions.isr(p).length}/${view.partitions.replicas(p).length}`;
  if (s === PARTITION_STALLED_BROKER_DOWN) {
    const down = view.partitions.isr(p).find((b) => !view.brokers[b]?.up) ?? view.partitions.leader(p);
    return `stalled · B${down} down`;
  }
  return '';
}

function sum(values: Int32Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
