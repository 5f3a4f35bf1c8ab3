import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaderAmong, placeReplicas, replicasOf } from './placement';

describe("replica placement: Kafka's assignment with a fixed start", () => {
  it('places the seed topic (5 partitions, RF 3, 3 brokers in 3 zones) as Kafka does with start 0', () => {
    const p = placeReplicas(5, 3, 3, 3);
    // Leaders round-robin, followers shifted; the shift grows by one after B partitions.
    expect([0, 1, 2, 3, 4].map((i) => replicasOf(p, i))).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [0, 2, 1],
      [1, 0, 2],
    ]);
  });

  it('with every broker up the busiest broker leads ⌈P/B⌉ partitions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), (P, R, B, Z) => {
        const p = placeReplicas(P, R, B, Z);
        const leaders = new Array<number>(B).fill(0);
        for (let i = 0; i < P; i += 1) leaders[p.replicas[i * p.replicationFactor] as number]! += 1;
        expect(Math.max(...leaders)).toBe(Math.ceil(P / B));
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('puts the replicas of a partition on distinct brokers, and in distinct zones where R ≤ Z', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), (P, R, B, Z) => {
        const p = placeReplicas(P, R, B, Z);
        for (let i = 0; i < P; i += 1) {
          const set = replicasOf(p, i);
          expect(new Set(set).size).toBe(set.length);
          const zones = new Set(set.map((b) => p.zoneOfBroker[b]));
          expect(zones.size).toBe(Math.min(set.length, p.zones));
        }
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('moves a dead leader to the first live replica of the assignment', () => {
    const p = placeReplicas(5, 3, 3, 3);
    expect(leaderAmong(p, 0, (b) => b !== 0)).toBe(1);
    expect(leaderAmong(p, 3, (b) => b !== 0)).toBe(2);
    expect(leaderAmong(p, 3, () => false)).toBe(-1);
  });
});
