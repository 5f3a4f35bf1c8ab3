import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { planConfig } from '../test-support/arbitraries';
import type { PlanConfig } from '../engine/plan-config';
import { expectInvariants } from './test/check-invariants';
import { createRecordedRun } from './timeline';
import type { SimAction, TimedAction } from './types';

// Whole input ranges, but the largest corners (10,000 consumers × 100 groups) are made
// smaller so each run stays quick; event rate, partitions and brokers keep their full range.
const config: fc.Arbitrary<PlanConfig> = planConfig.map((c) => ({
  ...c,
  consumersPerGroup: Math.min(c.consumersPerGroup, 64),
  consumerGroups: Math.min(c.consumerGroups, 4),
  partitions: Math.min(c.partitions, 2_000),
}));

const action = (c: PlanConfig): fc.Arbitrary<SimAction> =>
  fc.oneof(
    fc.record({ type: fc.constant('broker-down' as const), broker: fc.integer({ min: 0, max: c.brokers - 1 }) }),
    fc.record({ type: fc.constant('broker-up' as const), broker: fc.integer({ min: 0, max: c.brokers - 1 }) }),
    fc.record({ type: fc.constant('consumer-crash' as const), group: fc.integer({ min: 0, max: c.consumerGroups - 1 }), consumer: fc.integer({ min: 0, max: c.consumersPerGroup - 1 }) }),
    fc.record({ type: fc.constant('consumer-add' as const), group: fc.integer({ min: 0, max: c.consumerGroups - 1 }) }),
    fc.record({ type: fc.constant('traffic-spike' as const), factor: fc.integer({ min: 2, max: 10 }), durationMs: fc.integer({ min: 10, max: 5_000 }) }),
    fc.record({ type: fc.constant('poison' as const), count: fc.integer({ min: 1, max: 20 }) }),
    fc.constant({ type: 'add-group' as const }),
    fc.record({ type: fc.constant('set-idempotent' as const), enabled: fc.boolean() }),
  );

/** A config, a seed, a run length that keeps the event count modest, and a timeline within it. */
const scenario = config.chain((c) => {
  const durationMs = Math.round(Math.max(50, Math.min(20_000, (150_000 / c.eventsPerSec) * 1000)));
  return fc.record({
    config: fc.constant(c),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    durationMs: fc.constant(durationMs),
    timeline: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: Math.floor(durationMs) }), action: action(c) }), { maxLength: 8 }),
  });
});

const SEED = 31;

describe(`simulation invariants over random configs, seeds and actions (fast-check seed ${SEED})`, () => {
  it('produced = consumed + lag + deadLettered (+ expired) for every group, Σ logEndOffset = produced and lag ≥ 0 at every sampled instant', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, seed, durationMs, timeline }) => {
        const run = createRecordedRun(c, { seed }, timeline as TimedAction[]);
        for (let i = 1; i <= 5; i += 1) {
          run.advance(durationMs / 5);
          expectInvariants(run.sim.snapshot(), `sim seed ${seed} at ${run.sim.timeMs} ms`);
        }
      }),
      { seed: SEED, numRuns: 50 },
    );
  }, 120_000);

  it('same config, seed and actions ⇒ identical snapshots', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, seed, durationMs, timeline }) => {
        const one = createRecordedRun(c, { seed }, timeline as TimedAction[]);
        const two = createRecordedRun(c, { seed }, timeline as TimedAction[]);
        // Advanced in different whole-millisecond slices (as the worker does): recorded actions
        // still land at the same simulated time and every event at the same instant.
        one.advance(durationMs);
        const slice = Math.max(1, Math.floor(durationMs / 7));
        for (let done = 0; done < durationMs; done += slice) two.advance(Math.min(slice, durationMs - done));
        expect(two.sim.snapshot()).toEqual(one.sim.snapshot());
      }),
      { seed: SEED + 1, numRuns: 25 },
    );
  }, 120_000);

  it('a different seed gives a different run', () => {
    const c = { ...DEFAULT_CONFIG, eventsPerSec: 1000, eventSizeBytes: 100, partitions: 4, processingMs: 1, consumersPerGroup: 4, replicationFactor: 3, retentionHours: 1, consumerGroups: 1, brokers: 3 };
    const a = createRecordedRun(c, { seed: 1 });
    const b = createRecordedRun(c, { seed: 2 });
    a.advance(1_000);
    b.advance(1_000);
    expect(a.sim.snapshot().produced).not.toBe(b.sim.snapshot().produced);
  });
});
