import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { computeMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { createSimulation } from './simulation';
import { brokerRates } from './test/broker-rates';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });

/** Counters of group 0 at the current time. */
function counters(sim: ReturnType<typeof createSimulation>) {
  const s = sim.snapshot();
  const g = s.groups[0];
  return { t: s.timeMs, consumed: g?.consumed ?? 0, lag: g?.lag ?? 0 };
}

describe('the simulation agrees with the capacity model', () => {
  it("bytes per broker: all up, the busiest broker's network in and out within 2 % of the model's; after a broker is killed and fenced, the busiest survivor's within 2 % of the model's failover figures (seed 37)", () => {
    const config = plan({ eventsPerSec: 6_000, partitions: 12, consumersPerGroup: 12, processingMs: 0.1, consumerGroups: 2, brokers: 3, zones: 3, plannedFailure: 1 });
    const model = computeMetrics(config).brokerLoad;
    const sim = createSimulation(config, { seed: 37 });
    const busiest = (rates: ReturnType<typeof brokerRates>) => ({
      in: Math.max(...rates.filter((r) => r.up).map((r) => r.inBytesPerSec)),
      out: Math.max(...rates.filter((r) => r.up).map((r) => r.outBytesPerSec)),
    });
    const within = (measured: number, modelled: number) => expect(Math.abs(measured / modelled - 1), `${measured.toFixed(0)} B/s against ${modelled.toFixed(0)}`).toBeLessThan(0.02);

    sim.advance(2_000);
    const start = sim.snapshot();
    sim.advance(40_000);
    const allUp = busiest(brokerRates(start, sim.snapshot()));
    within(allUp.in, model.busiest.networkInBytesPerSec);
    within(allUp.out, model.busiest.networkOutBytesPerSec);

    sim.apply({ type: 'broker-down', broker: 0 });
    sim.advance(15_000); // fenced 9 s after, leaders moved, the held writes sent
    const afterMove = sim.snapshot();
    sim.advance(40_000);
    const failover = busiest(brokerRates(afterMove, sim.snapshot()));
    within(failover.in, model.failover.busiest.networkInBytesPerSec);
    within(failover.out, model.failover.busiest.networkOutBytesPerSec);
    // And the failover figures are a change the model and the run agree on: the survivors carry more.
    expect(failover.out).toBeGreaterThan(allUp.out * 1.1); // 6 leaderships × (2 groups + 1 follower) against 4 × (2 + 2): 18 : 16
  });

  it('steady state: measured consumed rate within 2 % of the model (seed 21)', () => {
    const config = plan({ eventsPerSec: 2000, partitions: 4, consumersPerGroup: 4, processingMs: 1 });
    const model = computeMetrics(config);
    expect(model.utilization).toBeCloseTo(0.5, 6);
    const sim = createSimulation(config, { seed: 21 });
    sim.advance(5_000); // warm-up
    const a = counters(sim);
    sim.advance(60_000);
    const b = counters(sim);
    const consumedPerSec = ((b.consumed - a.consumed) * 1000) / (b.t - a.t);
    const modelConsumedPerSec = Math.min(config.eventsPerSec, model.groupCapacityEventsPerSec);
    expect(Math.abs(consumedPerSec / modelConsumedPerSec - 1)).toBeLessThan(0.02);
  });

  it("overloaded, the seed's scenario: measured lag growth within 3 % of the model's 999,950 events/s (seed 22)", () => {
    const sim = createSimulation(DEFAULT_CONFIG, { seed: 22 });
    sim.advance(5_000);
    const a = counters(sim);
    sim.advance(30_000);
    const b = counters(sim);
    const measured = ((b.lag - a.lag) * 1000) / (b.t - a.t);
    const model = computeMetrics(DEFAULT_CONFIG).lagGrowthEventsPerSecPerGroup;
    expect(model).toBe(999_950);
    expect(Math.abs(measured / model - 1)).toBeLessThan(0.03);
    // The consumers work flat out at the group capacity, 50 events/s, although a poll of
    // 500 events takes 50 s before it commits: the measured rate counts work as it is done.
    const { consumedPerSec, windowMs } = sim.snapshot().measurements;
    expect(windowMs).toBe(10_000);
    expect(Math.abs(consumedPerSec / computeMetrics(DEFAULT_CONFIG).groupCapacityEventsPerSec - 1)).toBeLessThan(0.1);
  });

  it('overloaded with uneven assignment (P = 5, a = 2): lag growth within 3 % of Σ max(0, λ·k_i/P − μ) (seed 23)', () => {
    const config = plan({ eventsPerSec: 100, partitions: 5, consumersPerGroup: 2, processingMs: 100 });
    const model = computeMetrics(config).lagGrowthEventsPerSecPerGroup; // 50 + 30 = 80 events/s
    const sim = createSimulation(config, { seed: 23, maxPollRecords: 20 });
    sim.advance(10_000);
    const a = counters(sim);
    sim.advance(1_200_000);
    const b = counters(sim);
    const measured = ((b.lag - a.lag) * 1000) / (b.t - a.t);
    expect(Math.abs(measured / model - 1)).toBeLessThan(0.03);
  });

  // The queueing model at the simulation's default settings: linger.ms 5, batch.size 16,384 B
  // (16 events of 1 KiB), acks=all with 1 ms replication, max.poll.records 500. Each config is
  // even (every consumer owns k = P/C partitions), so the waits of all consumers, which the
  // simulation measures together, are those of the busiest one, which the model describes.
  // 99 % confidence interval from 30 batch means (consecutive stretches of the run after a
  // warm-up); t(0.995, 29 df) = 2.756.
  const QUEUEING = [
    { name: 'one partition per consumer (k = 1), ρ = 0.7, L = 2 ms', seed: 24, plan: { eventsPerSec: 1400, partitions: 4, consumersPerGroup: 4, processingMs: 2 }, others: true },
    { name: 'two partitions per consumer (k = 2), ρ = 0.8, L = 1 ms', seed: 25, plan: { eventsPerSec: 3200, partitions: 8, consumersPerGroup: 4, processingMs: 1 }, others: true },
    { name: 'three partitions per consumer (k = 3), ρ = 0.8, L = 3 ms', seed: 26, plan: { eventsPerSec: 1066.6666666666667, partitions: 12, consumersPerGroup: 4, processingMs: 3 }, others: false },
  ] as const;

  for (const { name, seed, plan: overrides, others } of QUEUEING) {
    it(`mean wait and latency at the default linger.ms and batch.size, ${name}: within the run's 99 % confidence interval of the model (seed ${seed})`, () => {
      const config = plan(overrides);
      expect([config.lingerMs, config.batchSizeBytes, config.eventSizeBytes, config.maxPollRecords]).toEqual([5, 16_384, 1_024, 500]);
      const model = computeMetrics(config);
      const { latency } = model;
      expect(model.partitionsOfBusiestConsumer * config.consumersPerGroup).toBe(config.partitions);
      expect(latency.bounded).toBe(true);
      const mu = model.serviceRatePerConsumer;
      const rho = model.utilization;
      expect(rho).toBeGreaterThanOrEqual(0.7 - 1e-9);

      const sim = createSimulation(config, { seed });
      const spanMs = (1_200_000 / config.eventsPerSec) * 1000; // 1.2 million events
      sim.advance(spanMs / 20); // warm-up
      const waits: number[] = [];
      const latencies: number[] = [];
      let previous = sim.snapshot().measurements;
      for (let i = 0; i < 30; i += 1) {
        sim.advance(spanMs / 30);
        const now = sim.snapshot().measurements;
        waits.push((now.waitTotalSeconds - previous.waitTotalSeconds) / (now.waitSamples - previous.waitSamples));
        latencies.push((now.latencyTotalSeconds - previous.latencyTotalSeconds) / (now.latencySamples - previous.latencySamples));
        previous = now;
      }
      const interval = (xs: number[]) => {
        const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
        const sd = Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (xs.length - 1));
        return { mean, halfWidth: (2.756 * sd) / Math.sqrt(xs.length) };
      };
      const wait = interval(waits);
      expect(wait.halfWidth / wait.mean).toBeLessThan(0.04); // the interval is informative
      expect(Math.abs(wait.mean - latency.meanWaitSeconds)).toBeLessThanOrEqual(wait.halfWidth);
      // Latency: the model's d + Wq + 1/μ, plus the simulation's 1 ms replication delay (left out of the model).
      const measuredLatency = interval(latencies);
      expect(Math.abs(measuredLatency.mean - (latency.meanSeconds + 0.001))).toBeLessThanOrEqual(measuredLatency.halfWidth);

      // The batching matters here: neither M/M/1 (no batches) nor M^X/M/1 (batches as a Poisson
      // stream) is inside the interval.
      const b = latency.batch;
      const poissonBatches = (rho / mu + (b.secondMomentEvents / b.meanEvents - 1) / (2 * mu)) / (1 - rho);
      expect(Math.abs(wait.mean - poissonBatches)).toBeGreaterThan(wait.halfWidth);
      if (others) expect(Math.abs(wait.mean - rho / (mu * (1 - rho)))).toBeGreaterThan(wait.halfWidth);
    }, 60_000);
  }

  it('the batch law: events per batch and the linger delay as the simulation forms batches (seed 27)', () => {
    // θ = λ_p·linger = 3 with m = 16 (batches closed by linger), m = 4 (half of them full) and
    // θ = 50 (all full): E[X] and E[X²] from the produce flows, d from the latencies.
    for (const overrides of [{ eventsPerSec: 600 }, { eventsPerSec: 600, eventSizeBytes: 4_096 }, { eventsPerSec: 10_000 }]) {
      const config = plan({ partitions: 1, consumersPerGroup: 1, processingMs: 0.01, ...overrides });
      const law = computeMetrics(config).latency.batch;
      const sim = createSimulation(config, { seed: 27 });
      let batches = 0;
      let events = 0;
      let squares = 0;
      // Produce flows stay in a snapshot for 50 ms: every 50 ms, count those younger than 50 ms.
      for (let t = 0; t < 400; t += 1) {
        sim.advance(50);
        for (const f of sim.snapshot().flows) {
          if (f.kind !== 'produce' || f.progress >= 1) continue;
          batches += 1;
          events += f.events;
          squares += f.events * f.events;
        }
      }
      expect(batches).toBeGreaterThan(1_000);
      expect(events / batches / law.meanEvents - 1, JSON.stringify(overrides)).toBeLessThan(0.03);
      expect(events / batches / law.meanEvents - 1).toBeGreaterThan(-0.03);
      expect(squares / batches / law.secondMomentEvents - 1).toBeLessThan(0.05);
      expect(squares / batches / law.secondMomentEvents - 1).toBeGreaterThan(-0.05);
      // latency − wait = linger delay + 1 ms replication + processing (0.01 ms)
      const m = sim.snapshot().measurements;
      const lingerSeconds = m.latencyMeanSeconds - m.waitMeanSeconds - 0.001 - 0.00001;
      expect(lingerSeconds / law.meanLingerSeconds - 1).toBeLessThan(0.03);
      expect(lingerSeconds / law.meanLingerSeconds - 1).toBeGreaterThan(-0.03);
    }
  });
});
