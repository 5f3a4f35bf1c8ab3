import { countOf, formatNumber } from '../lib/format';
import type { SimView } from '../sim/types';

/**
 * The canvas in words, for its aria-label: what a sighted person reads off the drawing.
 * Counts only, never NaN or Infinity.
 */
/** The leadership moves the picture shows (the last 2 simulated seconds), the first few named. */
function leaderMovesInWords(snapshot: SimView): string[] {
  const moves = snapshot.leaderMoves;
  if (moves.length === 0) return [];
  const broker = (b: number) => (b < 0 ? 'offline' : `broker ${b}`);
  const named = moves.slice(-3).map((m) => `${partitionName(snapshot, m.partition)} from ${broker(m.from)} to ${broker(m.to)}`);
  return [`leader moved: ${named.join(', ')}${moves.length > 3 ? ` and ${moves.length - 3} more` : ''}`];
}

/** P3 in a one-topic run; Kafka's `orders-3` in a cluster. */
function partitionName(snapshot: SimView, p: number): string {
  const topic = snapshot.topics[snapshot.partitions.topicOf(p)];
  return snapshot.topics.length > 1 && topic ? `${topic.name}-${p - topic.firstPartition}` : `P${p}`;
}

export function describeSim(snapshot: SimView | null): string {
  if (!snapshot) return 'Simulation: starting.';
  const down = snapshot.brokers.filter((b) => !b.up).map((b) => b.id);
  let offline = 0;
  for (let p = 0; p < snapshot.partitions.length; p += 1) if (snapshot.partitions.leader(p) === -1) offline += 1;
  const parts = [
    `Simulation at ${formatNumber(snapshot.timeMs / 1000, 1)} s`,
    `${countOf(snapshot.brokers.length, 'broker')}${down.length > 0 ? `, broker${down.length > 1 ? 's' : ''} ${down.join(', ')} down` : ', all up'}`,
    `${snapshot.topics.length > 1 ? `${snapshot.topics.length} topics, ` : ''}${countOf(snapshot.partitions.length, 'partition')}${offline > 0 ? `, ${offline} offline` : ''}`,
    ...leaderMovesInWords(snapshot),
    ...snapshot.groups.map((group) => {
      const crashed = group.consumerCount - group.aliveConsumers;
      const topic = snapshot.topics.length > 1 ? ` of topic ${snapshot.topics[group.topic]?.name ?? group.topic}` : '';
      return `group ${group.id}${topic}${group.kind === 'replay' ? ' (replay)' : ''}: ${countOf(group.aliveConsumers, 'consumer')} alive, ${group.idleConsumers} idle${crashed > 0 ? `, ${crashed} crashed` : ''}${group.rebalancing ? ', rebalancing' : ''}, lag ${formatNumber(group.lag, 0)} events`;
    }),
    `dead-letter queue ${formatNumber(snapshot.deadLetterQueue, 0)} events`,
  ];
  if (snapshot.spikeFactor !== 1) parts.push(`traffic spike ×${formatNumber(snapshot.spikeFactor)}`);
  return `${parts.join('; ')}.`;
}
