import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { planConfig } from '../test-support/arbitraries';
import type { PlanConfig } from '../engine/plan-config';
import { expectInvariants } from './test/check-invariants';
import { createRecordedRun } from './timeline';
import type { SimAction, SimOptions, TimedAction } from './types';

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

const protocol = fc.constantFrom('eager' as const, 'cooperative' as const, 'consumer' as const);

/** A config, a seed, a run length that keeps the event count modest, and a timeline within it. */
const scenario = config.chain((c) => {
  const durationMs = Math.round(Math.max(50, Math.min(20_000, (150_000 / c.eventsPerSec) * 1000)));
  return fc.record({
    config: fc.constant(c),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    durationMs: fc.constant(durationMs),
    timeline: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: Math.floor(durationMs) }), action: action(c) }), { maxLength: 8 }),
    rebalanceProtocol: protocol,
  });
});

/**
 * For the measured figures: plans that produce enough to measure within the run (10 – 200,000
 * events/s, linger up to 50 ms), often processing slowly (up to 2 s an event) with long polls, so
 * polls of many events are still running at most snapshots — where a sample taken too early
 * would show. Options vary what the plan fixes: service and arrival processes, replication delay,
 * idempotence.
 */
const measuredConfig: fc.Arbitrary<PlanConfig> = fc
  .record({
    base: config,
    eventsPerSec: fc.double({ min: Math.log(10), max: Math.log(200_000), noNaN: true }).map(Math.exp),
    partitions: fc.integer({ min: 1, max: 64 }),
    consumersPerGroup: fc.integer({ min: 1, max: 16 }),
    processingMs: fc.double({ min: Math.log(0.01), max: Math.log(2_000), noNaN: true }).map(Math.exp),
    lingerMs: fc.oneof(fc.constant(5), fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })),
    maxPollRecords: fc.oneof(fc.constant(500), fc.integer({ min: 1, max: 1_000 })),
    sessionTimeoutMs: fc.integer({ min: 1_000, max: 45_000 }),
  })
  .map(({ base, ...fields }) => ({ ...base, ...fields, eventSizeBytes: Math.min(base.eventSizeBytes, 4_096), batchSizeBytes: Math.max(base.batchSizeBytes, 1_024) }));

const measuredScenario = measuredConfig.chain((c) => {
  const durationMs = Math.round(Math.max(200, Math.min(20_000, (150_000 / c.eventsPerSec) * 1000)));
  return fc.record({
    config: fc.constant(c),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    durationMs: fc.constant(durationMs),
    timeline: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: durationMs }), action: action(c) }), { maxLength: 8 }),
    options: fc.record(
      {
        service: fc.constantFrom('exponential' as const, 'constant' as const),
        arrivals: fc.constantFrom('poisson' as const, 'constant' as const),
        replicationDelayMs: fc.constantFrom(0, 1, 20),
        idempotentConsumers: fc.boolean(),
        rebalanceProtocol: protocol,
      },
      { requiredKeys: [] },
    ),
    /** Snapshot instants: shares of the run, sorted (uneven, so they fall mid-poll). */
    instants: fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 3, maxLength: 12 }).map((xs) => xs.sort((a, b) => a - b)),
  });
});

const SEED = 31;

describe(`simulation invariants over random configs, seeds and actions (fast-check seed ${SEED})`, () => {
  it('produced = consumed + lag + deadLettered (+ expired) for every group, Σ logEndOffset = produced, lag ≥ 0 and no partition owned twice in a group, at every sampled instant, with each rebalance protocol', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, seed, durationMs, timeline, rebalanceProtocol }) => {
        const run = createRecordedRun(c, { seed, rebalanceProtocol }, timeline as TimedAction[]);
        for (let i = 1; i <= 5; i += 1) {
          run.advance(durationMs / 5);
          expectInvariants(run.sim.snapshot(), `sim seed ${seed} at ${run.sim.timeMs} ms`);
        }
      }),
      { seed: SEED, numRuns: 50 },
    );
  }, 120_000);

  it('measured waits and latencies: every sample ≤ the simulated time, and the samples are the events processed once (waitSamples = Σ groups (processed − duplicates), consumed ≤ processed − duplicates ≤ consumed + lag + expired) at every snapshot', () => {
    let runsMeasured = 0;
    let snapshotsMidPoll = 0;
    fc.assert(
      fc.property(measuredScenario, ({ config: c, seed, durationMs, timeline, options, instants }) => {
        const run = createRecordedRun(c, { seed, ...(options as SimOptions) }, timeline as TimedAction[]);
        let measured = false;
        for (const share of instants) {
          run.advance((durationMs * share) / 1000 - run.sim.timeMs);
          const s = run.sim.snapshot();
          expectInvariants(s, `sim seed ${seed} at ${s.timeMs} ms`);
          if (s.measurements.waitSamples > 0) measured = true;
          // Events measured but not committed yet: a poll was running with finished events in it.
          if (s.groups.some((g) => g.processed - g.duplicates > g.consumed)) snapshotsMidPoll += 1;
        }
        if (measured) runsMeasured += 1;
      }),
      { seed: SEED + 2, numRuns: 100 },
    );
    // The laws were checked where they bite: runs that measured, snapshots in the middle of polls.
    expect(runsMeasured).toBeGreaterThan(80);
    expect(snapshotsMidPoll).toBeGreaterThan(100);
  }, 180_000);

  it('same config, seed and actions ⇒ identical snapshots', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, seed, durationMs, timeline }) => {
        const one = createRecordedRun(c, { seed }, timeline as TimedAction[]);
        const two = createRecordedRun(c, { seed }, timeline as TimedAction[]);
        // Advanced in different whole-millisecond slices (as the worker does): recorded actions
        // still land at the same simulated time and every event at the same instant.
        one.advance(durationMs);
        // Snapshots taken along the way (the worker posts them) change nothing.
        const slice = Math.max(1, Math.floor(durationMs / 7));
        for (let done = 0; done < durationMs; done += slice) {
          two.advance(Math.min(slice, durationMs - done));
          two.sim.snapshot();
        }
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
