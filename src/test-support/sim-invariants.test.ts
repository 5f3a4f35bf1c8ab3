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
    // The run has measured something, so the laws of the measured figures are not vacuous here.
    expect(snapshot.measurements.waitSamples).toBeGreaterThan(0);
    expect(snapshot.groups[0]!.processed).toBeGreaterThan(snapshot.groups[0]!.consumed);
  });

  it('finds each law broken, as check-invariants does', () => {
    const broken: [string, (s: SimSnapshot) => SimSnapshot][] = [
      ['produced', (s) => ({ ...s, produced: s.produced + 1 })],
      ['hw > leo', (s) => ({ ...s, partitions: s.partitions.map((p, i) => (i === 3 ? { ...p, highWatermark: p.logEndOffset + 1 } : p)) })],
      ['log start > hw', (s) => ({ ...s, partitions: s.partitions.map((p, i) => (i === 2 ? { ...p, logStartOffset: p.highWatermark + 1 } : p)) })],
      ['lag', (s) => ({ ...s, groups: s.groups.map((g, i) => (i === 1 ? { ...g, lag: g.lag + 1 } : g)) })],
      ['partition lag', (s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, partitionLag: g.partitionLag.map((l, i) => (i === 0 ? -1 : l)) })) })],
      ['dead-letter queue', (s) => ({ ...s, deadLetterQueue: s.deadLetterQueue + 1 })],
      // The measured figures: no sample longer than the run, and as many samples as events processed once.
      ['latency longer than the run', (s) => ({ ...s, measurements: { ...s.measurements, latencyMaxSeconds: s.timeMs / 1000 + 0.001 } })],
      ['wait longer than latency', (s) => ({ ...s, measurements: { ...s.measurements, waitMaxSeconds: s.measurements.latencyMaxSeconds * 1.01 } })],
      ['wait p99 above max', (s) => ({ ...s, measurements: { ...s.measurements, waitP99Seconds: s.measurements.waitMaxSeconds * 1.01 } })],
      ['latency p50 above p99', (s) => ({ ...s, measurements: { ...s.measurements, latencyP50Seconds: s.measurements.latencyP99Seconds * 1.01 } })],
      ['latency mean above max', (s) => ({ ...s, measurements: { ...s.measurements, latencyMeanSeconds: s.measurements.latencyMaxSeconds * 1.01 } })],
      ['one sample too many', (s) => ({ ...s, measurements: { ...s.measurements, waitSamples: s.measurements.waitSamples + 1, latencySamples: s.measurements.latencySamples + 1 } })],
      ['latency samples ≠ wait samples', (s) => ({ ...s, measurements: { ...s.measurements, latencySamples: s.measurements.latencySamples + 1 } })],
      ['processed below consumed', (s) => ({ ...s, groups: s.groups.map((g, i) => (i === 0 ? { ...g, duplicates: g.processed - g.consumed + 1 } : g)) })],
      ['processed beyond the lag', (s) => ({ ...s, groups: s.groups.map((g, i) => (i === 1 ? { ...g, processed: g.consumed + g.lag + g.expired + g.duplicates + 1 } : g)) })],
      ['Σ consumers processed', (s) => ({ ...s, groups: s.groups.map((g, i) => (i === 0 ? { ...g, consumers: g.consumers.map((c, k) => (k === 0 ? { ...c, processed: c.processed + 1 } : c)) } : g)) })],
    ];
    for (const [what, breakIt] of broken) {
      const bad = breakIt(snapshot);
      expect(() => expectInvariants(bad), what).toThrow();
      expect(invariantViolations(bad).length, what).toBeGreaterThan(0);
    }
  });
});
