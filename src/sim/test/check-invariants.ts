import { expect } from 'vitest';
import type { SimSnapshot } from '../types';

/** Every conservation law of the simulation, each side counted on its own. */
export function expectInvariants(s: SimSnapshot, label = ''): void {
  const logEnds = s.partitions.reduce((sum, p) => sum + p.logEndOffset, 0);
  expect(logEnds, `${label} Σ logEndOffset = produced`).toBe(s.produced);
  for (const p of s.partitions) {
    expect(p.highWatermark, `${label} hw ≤ leo`).toBeLessThanOrEqual(p.logEndOffset);
    expect(p.logStartOffset, `${label} log start ≤ hw`).toBeLessThanOrEqual(p.highWatermark);
  }
  for (const g of s.groups) {
    expect(g.lag, `${label} group ${g.id} lag ≥ 0`).toBeGreaterThanOrEqual(0);
    expect(g.consumed + g.lag + g.deadLettered + g.expired, `${label} group ${g.id}: produced = consumed + lag + deadLettered + expired`).toBe(s.produced);
    for (const lag of g.partitionLag) expect(lag).toBeGreaterThanOrEqual(0);
  }
  expect(s.deadLetterQueue).toBe(s.groups.reduce((sum, g) => sum + g.deadLettered, 0));
}
