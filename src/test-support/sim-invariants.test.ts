import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { createRecordedRun } from '../sim/timeline';
import type { SimSnapshot } from '../sim/types';
import { expectInvariants } from '../sim/test/check-invariants';
import { invariantViolations } from './sim-invariants';

describe('invariantViolations (the Playwright soak’s copy of check-invariants)', () => {
  const run = createRecordedRun({ ...DEFAULT_CONFIG, eventsPerSec: 50_000, partitions: 12, consumersPerGroup: 4, consumerGroups: 2 }, { seed: 3 }, [
    { atMs: 200, action: { type: 'broker-down', broker: 1 } },
    { atMs: 300, action: { type: 'poison', count: 5 } },
    { atMs: 400, action: { type: 'consumer-crash', group: 0, consumer: 1 } },
  ]);
  run.advance(1_500);
  const snapshot = run.sim.snapshot();

  it('finds nothing where check-invariants passes', () => {
    expectInvariants(snapshot);
    expect(invariantViolations(snapshot)).toEqual([]);
  });

  it('finds each law broken, as check-invariants does', () => {
    const broken: [string, (s: SimSnapshot) => SimSnapshot][] = [
      ['produced', (s) => ({ ...s, produced: s.produced + 1 })],
      ['hw > leo', (s) => ({ ...s, partitions: s.partitions.map((p, i) => (i === 3 ? { ...p, highWatermark: p.logEndOffset + 1 } : p)) })],
      ['log start > hw', (s) => ({ ...s, partitions: s.partitions.map((p, i) => (i === 2 ? { ...p, logStartOffset: p.highWatermark + 1 } : p)) })],
      ['lag', (s) => ({ ...s, groups: s.groups.map((g, i) => (i === 1 ? { ...g, lag: g.lag + 1 } : g)) })],
      ['partition lag', (s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, partitionLag: g.partitionLag.map((l, i) => (i === 0 ? -1 : l)) })) })],
      ['dead-letter queue', (s) => ({ ...s, deadLetterQueue: s.deadLetterQueue + 1 })],
    ];
    for (const [what, breakIt] of broken) {
      const bad = breakIt(snapshot);
      expect(() => expectInvariants(bad), what).toThrow();
      expect(invariantViolations(bad).length, what).toBeGreaterThan(0);
    }
  });
});
