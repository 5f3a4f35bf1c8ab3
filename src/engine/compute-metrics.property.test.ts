import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planConfig } from '../test-support/arbitraries';
import { computeMetrics } from './compute-metrics';
import { METRIC_CATALOG } from './metric-catalog';

// Fixed seeds: a failure names its seed and replays exactly.
const SEED = 20261127;
const RUNS = 2000;

describe(`computeMetrics over the whole input ranges (fast-check seed ${SEED})`, () => {
  it('every shown metric is a non-negative number, finite unless it is the unbounded latency', () => {
    fc.assert(
      fc.property(planConfig, (config) => {
        const m = computeMetrics(config);
        for (const entry of METRIC_CATALOG) {
          const value = entry.value(m);
          expect(Number.isNaN(value), entry.name).toBe(false);
          expect(value, entry.name).toBeGreaterThanOrEqual(0);
          if (entry.name === 'latency') expect(Number.isFinite(value)).toBe(m.latency.bounded);
          else if (entry.name === 'replay-time') expect(Number.isFinite(value)).toBe(m.groupCapacityEventsPerSec > config.eventsPerSec);
          else expect(Number.isFinite(value), entry.name).toBe(true);
        }
        expect(Number.isInteger(m.health.score)).toBe(true);
        expect(m.health.score).toBeLessThanOrEqual(100);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // 2,000 plans over the whole ranges, up to 1,000 brokers each: seconds of CPU, more on a busy machine.
  }, 60_000);

  it('more rate never means less storage, less lag growth or a shorter wait at the consumer', () => {
    fc.assert(
      fc.property(planConfig, fc.double({ min: 0, max: 1, noNaN: true }), (config, t) => {
        const higherRate = config.eventsPerSec + t * (10_000_000 - config.eventsPerSec);
        const low = computeMetrics(config);
        const high = computeMetrics({ ...config, eventsPerSec: higherRate });
        expect(high.storageLogicalBytes).toBeGreaterThanOrEqual(low.storageLogicalBytes);
        expect(high.storageReplicatedBytes).toBeGreaterThanOrEqual(low.storageReplicatedBytes);
        expect(high.lagGrowthEventsPerSecPerGroup).toBeGreaterThanOrEqual(low.lagGrowthEventsPerSecPerGroup);
        // The wait in the consumer's queue; end-to-end latency may fall, since a faster stream fills producer batches sooner (less linger).
        expect(high.latency.meanWaitSeconds).toBeGreaterThanOrEqual(low.latency.meanWaitSeconds);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  }, 60_000);

  it('consumers split into active and idle; lag grows only past capacity and never faster than events arrive', () => {
    fc.assert(
      fc.property(planConfig, (config) => {
        const m = computeMetrics(config);
        expect(m.activeConsumers + m.idleConsumers).toBe(config.consumersPerGroup);
        expect(m.activeConsumers).toBeLessThanOrEqual(config.partitions);
        // Consumers are checked at the peak rate λ × peak.
        expect(m.peakEventsPerSec).toBe(config.eventsPerSec * config.peakFactor);
        expect(m.lagGrowthEventsPerSecPerGroup).toBeLessThanOrEqual(m.peakEventsPerSec);
        if (m.lagGrowthEventsPerSecPerGroup > 0) expect(m.utilization).toBeGreaterThan(1 - 1e-9);
        if (m.utilization < 1 - 1e-9) expect(m.lagGrowthEventsPerSecPerGroup).toBe(0);
        expect(m.clusterValid).toBe(config.replicationFactor <= config.brokers);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  }, 60_000);
});
