import { countOf, formatNumber } from '../../lib/format';
import type { SimView } from '../../sim/types';

/**
 * What a run can show that the capacity model leaves out: faults, rebalances, poison events,
 * spikes… Read off one snapshot (causesNow) and remembered over the run (measurement-history.ts)
 * so a figure measured over a window, or over the whole run, can be explained by a cause that has
 * passed. Pure.
 */
export type CauseKind = 'broker-down' | 'blocked' | 'buffered' | 'spike' | 'rebalance' | 'crash' | 'poison' | 'duplicates' | 'replay' | 'expired';

/** A cause per kind, or per kind and group for a group's own (`rebalance:2`). */
export type CauseKey = CauseKind | `${CauseKind}:${number}`;

export interface Cause {
  readonly key: CauseKey;
  readonly kind: CauseKind;
  /** The group it concerns (a group's rebalance or crash); undefined for the cluster or the topic. */
  readonly group?: number;
  /** What the run shows now, in words ("broker 1 is down"); '' when it is known only from a count that moved. */
  readonly now: string;
  /** The same, once it is over ("broker 1 was down"). */
  readonly past: string;
  /** What the model assumes instead ("the model assumes every broker up"). */
  readonly model: string;
  /** For a cause that is a running count (poison events, duplicates): the count, so the history can tell when it last moved. */
  readonly count?: number;
}

function listOf(ids: readonly number[]): string {
  if (ids.length <= 1) return String(ids[0] ?? '');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/** Every cause the snapshot shows now for the figures of topic `topic`. */
export function causesNow(view: SimView, topic: number): Cause[] {
  const causes: Cause[] = [];
  const t = view.topics[topic];
  if (!t) return causes;
  const down = view.brokers.filter((b) => !b.up).map((b) => b.id);
  if (down.length > 0) {
    const which = `${down.length === 1 ? 'broker' : 'brokers'} ${listOf(down)}`;
    causes.push({ key: 'broker-down', kind: 'broker-down', now: `${which} ${down.length === 1 ? 'is' : 'are'} down`, past: `${which} ${down.length === 1 ? 'was' : 'were'} down`, model: 'the model assumes every broker up' });
  }
  let blocked = 0;
  let offline = 0;
  let leaderDown = 0;
  for (let i = 0; i < t.partitionCount; i += 1) {
    const p = t.firstPartition + i;
    if (!view.partitions.produceBlocked(p)) continue;
    blocked += 1;
    const leader = view.partitions.leader(p);
    if (leader === -1) offline += 1;
    else if (view.brokers[leader]?.up === false) leaderDown += 1;
  }
  if (blocked > 0) {
    const underMinIsr = blocked - offline - leaderDown;
    const why = [offline > 0 ? `${formatNumber(offline, 0)} offline` : '', leaderDown > 0 ? `${formatNumber(leaderDown, 0)} led by a broker that is down and not yet fenced` : '', underMinIsr > 0 ? `${formatNumber(underMinIsr, 0)} with fewer replicas in sync than min.insync.replicas` : ''].filter(Boolean).join(', ');
    causes.push({
      key: 'blocked',
      kind: 'blocked',
      now: `${formatNumber(blocked, 0)} of the topic's ${countOf(t.partitionCount, 'partition')} refuse writes (${why})`,
      past: "some of the topic's partitions refused writes",
      model: 'the model assumes every partition takes writes',
    });
  }
  if (view.producerBuffered > 0) {
    causes.push({ key: 'buffered', kind: 'buffered', now: `producers hold back ${countOf(view.producerBuffered, 'event')} their partitions refuse`, past: 'producers held back events their partitions refused', model: 'the model never holds events back' });
  }
  if (view.spikeFactor !== 1) {
    const factor = `${formatNumber(view.spikeFactor, 2)}×`;
    causes.push({ key: 'spike', kind: 'spike', now: `a traffic spike: producers send ${factor} the planned rate`, past: `a traffic spike (${factor} the planned rate)`, model: 'the model uses the planned rate' });
  }
  let poisonFailures = 0;
  let deadLettered = 0;
  let duplicates = 0;
  for (const id of t.groups) {
    const g = view.groups[id];
    if (!g) continue;
    poisonFailures += g.failedAttempts;
    deadLettered += g.deadLettered;
    duplicates += g.duplicates;
    if (g.kind === 'replay') {
      causes.push({ key: `replay:${id}`, kind: 'replay', group: id, now: `replay group ${id} reads the log from offset 0, and its waits are in these figures`, past: `replay group ${id} read the log from offset 0`, model: 'the model has only live groups' });
    }
    if (g.rebalancing) {
      causes.push({ key: `rebalance:${id}`, kind: 'rebalance', group: id, now: `group ${id} is rebalancing (it consumes nothing meanwhile)`, past: `group ${id} rebalanced`, model: 'the model has no rebalances' });
    }
    const crashed = g.consumerCount - g.aliveConsumers;
    if (crashed > 0) {
      const ids = g.consumers.filter((c) => !c.alive).map((c) => c.id);
      const which = crashed === 1 && ids.length === 1 ? `consumer ${ids[0]} of group ${id}` : `${countOf(crashed, 'consumer')} of group ${id}`;
      causes.push({ key: `crash:${id}`, kind: 'crash', group: id, now: `${which} crashed`, past: `${which} crashed`, model: 'the model assumes every consumer alive' });
    }
    if (g.expired > 0) {
      const text = `retention deleted ${countOf(g.expired, 'event')} before group ${id} read them`;
      causes.push({ key: `expired:${id}`, kind: 'expired', group: id, now: text, past: text, model: 'the model keeps every event until it is read', count: g.expired });
    }
  }
  if (poisonFailures > 0 || deadLettered > 0) {
    const text = `poison events failed processing ${countOf(poisonFailures, 'time')}${deadLettered > 0 ? `, ${formatNumber(deadLettered, 0)} dead-lettered` : ''}`;
    causes.push({ key: 'poison', kind: 'poison', now: text, past: text, model: 'the model assumes every event is processed once', count: poisonFailures + deadLettered });
  }
  if (duplicates > 0) {
    const text = `${countOf(duplicates, 'event')} processed again after a rebalance or crash (at least once)`;
    causes.push({ key: 'duplicates', kind: 'duplicates', now: text, past: text, model: 'the model counts each event once', count: duplicates });
  }
  return causes;
}
