import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { createSimulation } from './simulation';

describe('snapshots: plain data, few objects', () => {
  it('partitions with the same replica list share one array, an ISR equal to it is that array, and a snapshot already taken never changes (seed 81)', () => {
    const sim = createSimulation({ ...DEFAULT_CONFIG, eventsPerSec: 10_000, partitions: 1_000, consumersPerGroup: 10, brokers: 3, zones: 3 }, { seed: 81 });
    sim.advance(1_000);
    const before = sim.snapshot();
    const distinct = new Set(before.partitions.map((p) => p.replicas));
    expect(distinct.size).toBeLessThanOrEqual(6); // the orderings of 3 brokers
    for (const p of before.partitions) expect(p.isr).toBe(p.replicas);
    const copy = JSON.parse(JSON.stringify(before.partitions));

    sim.apply({ type: 'broker-down', broker: 1 });
    sim.advance(10_000); // fenced: broker 1 leaves every ISR
    const after = sim.snapshot();
    expect(new Set(after.partitions.map((p) => p.isr)).size).toBeLessThanOrEqual(6);
    for (const p of after.partitions) expect(p.isr).not.toContain(1);
    // Shared arrays are never written to: the earlier snapshot still says what it said.
    expect(JSON.parse(JSON.stringify(before.partitions))).toEqual(copy);
    expect(before.partitions.every((p) => p.isr.includes(1) === p.replicas.includes(1))).toBe(true);
  });
});
