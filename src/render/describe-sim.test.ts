import { describe, expect, it } from 'vitest';
import { makePlainSnapshot, makeSnapshot } from '../test-support/sim-snapshot';
import { makeClusterPlain, viewOfPlain, withConsumers, withPartitions } from '../test-support/sim-view';
import { describeSim } from './describe-sim';

describe('describeSim (the canvas aria-label)', () => {
  it('says in words what the drawing shows, in the words and order the e2e specs match', () => {
    const text = describeSim(makeSnapshot({ timeMs: 2500, downBrokers: [0] }));
    expect(text).toContain('Simulation at 2.5 s');
    expect(text).toContain('broker 0 down');
    expect(text).toContain('group 0: 10 consumers alive, 5 idle');
    expect(text).toContain('dead-letter queue 0 events');
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(describeSim(makeSnapshot())).toMatch(/3 brokers, all up; 5 partitions; group 0: 10 consumers alive, 5 idle/);
  });

  it('names the leader moves it draws', () => {
    const text = describeSim(makeSnapshot({ timeMs: 9_500, downBrokers: [0], leaderMoves: [{ atMs: 9_000, partition: 0, from: 0, to: 2 }, { atMs: 9_000, partition: 3, from: 0, to: 1 }] }));
    expect(text).toContain('leader moved: P0 from broker 0 to broker 2, P3 from broker 0 to broker 1;');
  });

  it('says when it has nothing yet', () => {
    expect(describeSim(null)).toBe('Simulation: starting.');
  });

  it('names a rebalance once it happened: how many, and who owns what now, the first few', () => {
    // 6 partitions, 2 consumers: consumer 0 owns P0, P2, P4; consumer 1 owns P1, P3, P5.
    const two = makeSnapshot({ config: { partitions: 6, consumersPerGroup: 2 }, groups: [{ rebalances: 2 }] });
    expect(describeSim(two)).toContain('; group 0 rebalanced (2 rebalances): P0, P2, P4 → consumer 0; P1, P3, P5 → consumer 1;');
    const many = makeSnapshot({ config: { partitions: 8, consumersPerGroup: 2 }, groups: [{ rebalances: 1 }] });
    expect(describeSim(many)).toContain('group 0 rebalanced (1 rebalance): P0, P2, P4 and 1 more → consumer 0; P1, P3, P5 and 1 more → consumer 1;');
    // 5 partitions, 10 consumers: five own one each, the first three named.
    expect(describeSim(makeSnapshot({ groups: [{ rebalances: 3 }] }))).toContain('group 0 rebalanced (3 rebalances): P0 → consumer 0; P1 → consumer 1; P2 → consumer 2; and 2 more consumers;');
    expect(describeSim(makeSnapshot({ groups: [{ rebalances: 0 }] }))).not.toContain('rebalanced');
  });

  it('during an eager rebalance (nothing owned) says it rebalanced and is rebalancing, no owners', () => {
    const plain = makePlainSnapshot({ groups: [{ rebalances: 1, rebalancing: true }] });
    const syncing = withConsumers(plain, 0, plain.groups[0]!.consumers.map((c) => ({ ...c, assigned: [], busy: false })), { idleConsumers: 0 });
    const text = describeSim(viewOfPlain(syncing));
    expect(text).toContain('group 0: 10 consumers alive, 0 idle, rebalancing');
    expect(text).toContain('; group 0 rebalanced (1 rebalance);');
  });

  it('names partitions as Kafka does in a cluster', () => {
    const cluster = makeClusterPlain([{ name: 'orders', partitions: 3, consumers: 3 }, { name: 'clicks', partitions: 2, consumers: 1 }]);
    const text = describeSim(viewOfPlain({ ...cluster, groups: cluster.groups.map((g) => ({ ...g, rebalances: 1 })) }));
    expect(text).toContain('2 topics, 5 partitions');
    expect(text).toContain('group 1 rebalanced (1 rebalance): clicks-0, clicks-1 → consumer 0');
  });

  it('counts the partitions that refuse writes with a leader, and says why', () => {
    const plain = makePlainSnapshot();
    // P1, P2: every in-sync replica up but too few of them; P3 offline.
    const belowMinIsr = withPartitions(plain, { 1: { isr: [1], produceBlocked: true }, 2: { isr: [2], produceBlocked: true }, 3: { leader: -1, isr: [], produceBlocked: true } });
    const text = describeSim(viewOfPlain(belowMinIsr));
    expect(text).toContain('5 partitions, 1 offline; 2 partitions stalled below min ISR;');
    // Broker 0 down but not fenced: still in the ISRs, so acks=all waits for it.
    const down = makePlainSnapshot({ downBrokers: [0] });
    const waiting = withPartitions(down, Object.fromEntries(down.partitions.filter((p) => p.replicas.includes(0)).map((p) => [p.id, { isr: p.replicas, leader: p.replicas[0], produceBlocked: true }])));
    const count = waiting.partitions.filter((p) => p.replicas.includes(0)).length;
    expect(describeSim(viewOfPlain(waiting))).toContain(`${count} partitions stalled until broker 0 is fenced`);
    expect(describeSim(makeSnapshot())).not.toContain('stalled');
  });

  it('says what is shown when a focus is set, and nothing of it for the whole cluster or a focus the run lacks', () => {
    const view = makeSnapshot({ config: { partitions: 250 } });
    expect(describeSim(view, { kind: 'broker', broker: 2 })).toMatch(/; showing broker 2\.$/);
    expect(describeSim(view, { kind: 'topic', topic: 0 })).toMatch(/; showing topic events\.$/);
    expect(describeSim(view, { kind: 'range', topic: 0, first: 200 })).toMatch(/; showing events partitions 200–249\.$/);
    expect(describeSim(view, { kind: 'cluster' })).not.toContain('showing');
    expect(describeSim(view, { kind: 'broker', broker: 9 })).not.toContain('showing');
  });
});
