import { countOf, formatNumber } from '../lib/format';
import type { GroupView, SimView } from '../sim/types';
import { partitionStatesOf } from './partition-states';
import { WHOLE_CLUSTER, focusInWords, resolveFocus, type SimFocus } from './sim-focus';

/**
 * The canvas in words, for its aria-label: what a sighted person reads off the drawing.
 * Counts only, never NaN or Infinity. Phrases the e2e specs match ("3 brokers, all up; 5
 * partitions; group 0: 10 consumers alive, 5 idle", ", rebalancing", "leader moved: P3 from
 * broker 0 to broker 2") keep their words and their order; new ones go after them.
 */
const NAMED_MOVES = 3;
const NAMED_OWNERS = 3;
const NAMED_PARTITIONS_PER_OWNER = 3;

/** P3 in a one-topic run; Kafka's `orders-3` in a cluster. */
function partitionName(view: SimView, p: number): string {
  const topic = view.topics[view.partitions.topicOf(p)];
  return view.topics.length > 1 && topic ? `${topic.name}-${p - topic.firstPartition}` : `P${p}`;
}

/** The leadership moves the picture shows (the last 2 simulated seconds), the first few named. */
function leaderMovesInWords(view: SimView): string[] {
  const moves = view.leaderMoves;
  if (moves.length === 0) return [];
  const broker = (b: number) => (b < 0 ? 'offline' : `broker ${b}`);
  const named = moves.slice(-NAMED_MOVES).map((m) => `${partitionName(view, m.partition)} from ${broker(m.from)} to ${broker(m.to)}`);
  return [`leader moved: ${named.join(', ')}${moves.length > NAMED_MOVES ? ` and ${moves.length - NAMED_MOVES} more` : ''}`];
}

/** Partitions that refuse writes with a leader, and why (partition-states.ts). */
function stalledInWords(view: SimView): string[] {
  const { stalledBelowMinIsr, stalledOnDownBroker, unfencedDown } = partitionStatesOf(view);
  const words: string[] = [];
  if (stalledBelowMinIsr > 0) words.push(`${countOf(stalledBelowMinIsr, 'partition')} stalled below min ISR`);
  if (stalledOnDownBroker > 0) {
    const brokers = unfencedDown.length === 1 ? `broker ${unfencedDown[0]} is` : `brokers ${unfencedDown.join(', ')} are`;
    words.push(`${countOf(stalledOnDownBroker, 'partition')} stalled until ${brokers} fenced`);
  }
  return words;
}

/**
 * Once a group has rebalanced: how many times, and who owns what now, the first few owners (in
 * partition order) named with their first partitions ("group 0 rebalanced (2 rebalances): P0,
 * P1 → consumer 0; P2 → consumer 1"). What the assignment lines on the canvas show. Read from
 * the owner column in one pass, not from per-consumer lists (a large group's would be built for
 * this alone).
 */
function rebalanceInWords(view: SimView, group: GroupView): string[] {
  if (group.rebalances === 0) return [];
  const head = `group ${group.id} rebalanced (${countOf(group.rebalances, 'rebalance')})`;
  const topic = view.topics[group.topic];
  if (!topic) return [head];
  const named: { consumer: number; first: number[]; owned: number }[] = [];
  const seen = new Uint8Array(group.consumerCount);
  let owners = 0;
  for (let i = 0; i < topic.partitionCount; i += 1) {
    const owner = group.ownerOf(i);
    if (owner < 0) continue;
    if (seen[owner] !== 1) {
      seen[owner] = 1;
      owners += 1;
      if (named.length < NAMED_OWNERS) named.push({ consumer: owner, first: [], owned: 0 });
    }
    const entry = named.find((n) => n.consumer === owner);
    if (!entry) continue;
    entry.owned += 1;
    if (entry.first.length < NAMED_PARTITIONS_PER_OWNER) entry.first.push(topic.firstPartition + i);
  }
  if (owners === 0) return [head];
  const words = named.map(({ consumer, first, owned }) => `${first.map((p) => partitionName(view, p)).join(', ')}${owned > first.length ? ` and ${owned - first.length} more` : ''} → consumer ${consumer}`);
  const others = owners - named.length;
  return [`${head}: ${words.join('; ')}${others > 0 ? `; and ${countOf(others, 'more consumer')}` : ''}`];
}

function groupInWords(view: SimView, group: GroupView): string {
  const crashed = group.consumerCount - group.aliveConsumers;
  const topic = view.topics.length > 1 ? ` of topic ${view.topics[group.topic]?.name ?? group.topic}` : '';
  return `group ${group.id}${topic}${group.kind === 'replay' ? ' (replay)' : ''}: ${countOf(group.aliveConsumers, 'consumer')} alive, ${group.idleConsumers} idle${crashed > 0 ? `, ${crashed} crashed` : ''}${group.rebalancing ? ', rebalancing' : ''}, lag ${formatNumber(group.lag, 0)} events`;
}

export function describeSim(view: SimView | null, focusAsked: SimFocus = WHOLE_CLUSTER): string {
  if (!view) return 'Simulation: starting.';
  const down = view.brokers.filter((b) => !b.up).map((b) => b.id);
  const { offline } = partitionStatesOf(view);
  const focus = resolveFocus(view, focusAsked);
  const parts = [
    `Simulation at ${formatNumber(view.timeMs / 1000, 1)} s`,
    `${countOf(view.brokers.length, 'broker')}${down.length > 0 ? `, broker${down.length > 1 ? 's' : ''} ${down.join(', ')} down` : ', all up'}`,
    `${view.topics.length > 1 ? `${view.topics.length} topics, ` : ''}${countOf(view.partitions.length, 'partition')}${offline > 0 ? `, ${offline} offline` : ''}`,
    ...stalledInWords(view),
    ...leaderMovesInWords(view),
    ...view.groups.flatMap((group) => [groupInWords(view, group), ...rebalanceInWords(view, group)]),
    `dead-letter queue ${formatNumber(view.deadLetterQueue, 0)} events`,
  ];
  if (view.spikeFactor !== 1) parts.push(`traffic spike ×${formatNumber(view.spikeFactor)}`);
  if (focus.kind !== 'cluster') parts.push(`showing ${focusInWords(view, focus)}`);
  return `${parts.join('; ')}.`;
}
