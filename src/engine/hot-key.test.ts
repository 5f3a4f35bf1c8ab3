import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { clusterPlanArbitrary } from '../test-support/arbitraries';
import { singleTopicPlan } from './cluster-plan';
import { computeClusterMetrics, computeMetrics } from './compute-metrics';
import { consumerLoad } from './consumer-load';
import type { HealthFactor } from './health';
import { placeReplicas, replicasOf } from './placement';
import type { PlanConfig } from './plan-config';
import { recommend } from './recommend';

const SEED = 6061;
const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, offsetsTopicPartitions: 0, ...overrides });
const factor = (config: PlanConfig, id: HealthFactor['id']) => computeMetrics(config).health.factors.find((f) => f.id === id) as HealthFactor;

describe('a hot key: share h of the events on partition 0', () => {
  it('puts λ·(h + (1 − h)/P) on the hot partition and its owner, and sizes the group by that owner', () => {
    // λ = 1,000, h = 0.5, P = C = 5, L = 1 ms (μ = 1,000): 500 + 100 on partition 0.
    const load = consumerLoad(plan({ eventsPerSec: 1000, hotKeyShare: 0.5, partitions: 5, consumersPerGroup: 5, processingMs: 1 }));
    expect(load.hotPartitionEventsPerSec).toBeCloseTo(600, 9);
    expect(load.hotPartitionUtilization).toBeCloseTo(0.6, 12);
    expect(load.busiestConsumerEventsPerSec).toBeCloseTo(600, 9);
    expect(load.groupCapacityEventsPerSec).toBeCloseTo((1000 * 5) / (1 + 0.5 * 4), 9);
    expect(load.utilization).toBeCloseTo(0.6, 12);
    expect(load.lagGrowthEventsPerSecPerGroup).toBe(0);
  });

  it('the owner of the hot partition carries its other partitions too: a hot partition that fits can still overload it', () => {
    // P = 10 on C = 5: each owns 2. λ = 4,000, h = 0.1, μ = 1,000: partition 0 gets 400 + 360 = 760 (fits one consumer),
    // its owner 760 + 360 = 1,120 (over), every other consumer 720.
    const config = plan({ eventsPerSec: 4000, hotKeyShare: 0.1, partitions: 10, consumersPerGroup: 5, processingMs: 1 });
    const m = computeMetrics(config);
    expect(m.hotPartitionEventsPerSec).toBeCloseTo(760, 9);
    expect(m.busiestConsumerEventsPerSec).toBeCloseTo(1120, 9);
    expect(m.utilization).toBeCloseTo(1.12, 12);
    expect(m.lagGrowthEventsPerSecPerGroup).toBeCloseTo(120, 9);
    expect(factor(config, 'hot-key').score01).toBe(1);
    expect(factor(config, 'hot-key').finding).toMatch(/sends 760 events\/s to partition 0: 76 % of the one consumer that owns it/);
    const consumers = factor(config, 'consumers');
    expect(consumers.score01).toBe(0);
    expect(consumers.finding).toMatch(/The busiest consumer owns the hot partition: 760 of its 1,120 events\/s/);
    // One partition a consumer: 0.9 × 4,000 / n + 400 ≤ 0.7 × 1,000 → n ≥ 12.
    expect(consumers.advice).toMatch(/^Run at least 12 consumers per group on at least 12 partitions/);
  });

  it('says no number of consumers or partitions helps when the hot partition alone exceeds one consumer, and not otherwise', () => {
    // λ = 10,000, h = 0.2, μ = 1,000: the key alone is 2,000 events/s.
    for (const partitions of [100, 10_000]) {
      const hot = plan({ eventsPerSec: 10_000, hotKeyShare: 0.2, partitions, consumersPerGroup: partitions, processingMs: 1 });
      const f = factor(hot, 'hot-key');
      expect(f.score01).toBe(0);
      expect(f.finding).toMatch(/^One key is more than one consumer can process: partition 0 receives 2,0[\d.]+ events\/s \(20 % of the events carry the hot key\)/);
      expect(f.advice).toMatch(/^No number of consumers or partitions fixes this/);
      expect(f.advice).toMatch(/Split the hot key/);
      expect(f.advice).toMatch(/fix the key/);
      expect(f.advice).toMatch(/process each event in ≤ 0\.[45]\d* ms to keep up with the hot partition/);
      expect(factor(hot, 'consumers').advice).toMatch(/^No number of consumers or partitions fixes this/);
      expect(computeMetrics(hot).health.score).toBe(0);
    }
    const even = plan({ eventsPerSec: 10_000, partitions: 100, consumersPerGroup: 100, processingMs: 1 });
    expect(factor(even, 'hot-key')).toMatchObject({ score01: 1, advice: '', finding: 'Even keys: every partition receives 100 events/s, 10 % of one consumer.' });
    expect(computeMetrics(even).health.score).toBe(100);
    // Just within one consumer: the check holds (the consumers check then judges the target).
    expect(factor({ ...even, hotKeyShare: 0.09 }, 'hot-key').score01).toBe(1);
  });

  it('checks the hottest partition against the partition throughput limit', () => {
    const config = plan({ eventsPerSec: 10_000, eventSizeBytes: 1024, hotKeyShare: 0.5, partitions: 100, consumersPerGroup: 100, processingMs: 0.01 });
    const W = 10_000 * 1024;
    expect(computeMetrics(config).brokerLoad.partitionIngressBytesPerSec).toBeCloseTo(W * (0.5 + 0.5 / 100), 6);
    expect(factor(config, 'partition-throughput').score01).toBe(1);
    expect(factor({ ...config, hotKeyShare: 1 }, 'partition-throughput').score01).toBe(1);
    expect(factor({ ...config, eventsPerSec: 40_000 }, 'partition-throughput').score01).toBe(0); // 20 MB/s on partition 0
    expect(factor({ ...config, eventsPerSec: 40_000, hotKeyShare: 0 }, 'partition-throughput').score01).toBe(1);
  });

  it("adds partition 0's extra to the brokers of its replicas: writes on each, reads and follower fetches on its leader", () => {
    // 6 brokers in one zone, RF 2, 12 partitions: the even part is the same on every broker.
    const config = plan({ eventsPerSec: 10_000, eventSizeBytes: 1000, partitions: 12, consumersPerGroup: 12, processingMs: 0.01, replicationFactor: 2, minInsyncReplicas: 1, brokers: 6, zones: 1, plannedFailure: 0, hotKeyShare: 0.3 });
    const W = 10_000 * 1000;
    const cold = (0.7 * W) / 12;
    const [leader, follower] = replicasOf(placeReplicas(12, 2, 6, 1), 0) as [number, number];
    const perBroker = computeClusterMetrics(singleTopicPlan(config)).brokerLoad.perBroker;
    for (let b = 0; b < 6; b += 1) {
      const onHot = b === leader || b === follower;
      expect(perBroker.networkInBytesPerSec[b], `broker ${b} in`).toBeCloseTo(4 * cold + (onHot ? 0.3 * W : 0), 3);
      // Each broker leads 2 partitions: group reads (G = 1) and one follower fetch each.
      expect(perBroker.networkOutBytesPerSec[b], `broker ${b} out`).toBeCloseTo(2 * (cold + cold) + (b === leader ? 0.3 * W + 0.3 * W : 0), 3);
    }
    const m = computeMetrics(config);
    expect(m.brokerLoad.busiest.networkInBytesPerSec).toBeCloseTo(4 * cold + 0.3 * W, 3);
    expect(m.brokerLoad.busiest.networkOutBytesPerSec).toBeCloseTo(4 * cold + 0.6 * W, 3);
  });

  it("recommends counts that keep the hot partition's owner under the target, and names the hot key when no count can", () => {
    const config = plan({ eventsPerSec: 4000, hotKeyShare: 0.1, partitions: 10, consumersPerGroup: 5, processingMs: 1 });
    const r = recommend(config);
    expect(r.feasible).toBe(true);
    expect(r.config.hotKeyShare).toBe(0.1);
    expect(r.partitions.value).toBeGreaterThanOrEqual(12);
    expect(computeMetrics(r.config).health.score).toBe(100);
    const hopeless = recommend({ ...config, hotKeyShare: 0.2 });
    expect(hopeless.feasible).toBe(false);
    expect(hopeless.problems.join(' ')).toMatch(/The hot key alone sends 800 events\/s \(20 % of 4,000\) to one partition, more than one consumer may take .*no number of partitions or consumers fixes it/);
  });
});

describe('even keys (h = 0) are the even-keys model, bit for bit', () => {
  it(`consumer figures and the partition ingress are the even-keys formulas exactly, and the hot-key check holds iff λ/P × L ≤ 1 s (seed ${SEED})`, () => {
    fc.assert(
      fc.property(clusterPlanArbitrary(3), (generated) => {
        const even = { ...generated, topics: generated.topics.map((t) => ({ ...t, hotKeyShare: 0 })) };
        computeClusterMetrics(even).topics.forEach((m, i) => {
          const topic = even.topics[i]!;
          const lambda = topic.eventsPerSec * topic.peakFactor;
          const P = topic.partitions;
          const k = m.partitionsOfBusiestConsumer;
          const mu = 1000 / topic.processingMs;
          expect(m.busiestConsumerEventsPerSec).toBe((lambda * k) / P);
          expect(m.hotPartitionEventsPerSec).toBe((lambda * 1) / P);
          expect(m.groupCapacityEventsPerSec).toBe((mu * P) / k);
          expect(m.utilization).toBe(lambda / ((mu * P) / k));
          const lo = m.activeConsumers - m.busiestConsumerCount;
          const grow = (owned: number) => Math.max(0, (lambda * owned) / P - mu);
          expect(m.lagGrowthEventsPerSecPerGroup).toBe(m.busiestConsumerCount * grow(k) + (lo > 0 ? lo * grow(m.partitionsOfLightestConsumer) : 0));
          expect(m.brokerLoad.partitionIngressBytesPerSec).toBe(m.peakIngressBytesPerSec / P);
          const hot = m.topicHealth.factors.find((f) => f.id === 'hot-key')!;
          expect(hot.score01).toBe(lambda / P / mu <= 1 ? 1 : 0);
        });
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it(`a hot key never lightens the busiest consumer, the hottest partition or the busiest broker (seed ${SEED + 1})`, () => {
    fc.assert(
      fc.property(clusterPlanArbitrary(3), fc.double({ min: 0, max: 1, noNaN: true }), (generated, h) => {
        const even = { ...generated, topics: generated.topics.map((t) => ({ ...t, hotKeyShare: 0 })) };
        const hot = { ...generated, topics: generated.topics.map((t, i) => ({ ...t, hotKeyShare: i === 0 ? h : 0 })) };
        const [a, b] = [computeClusterMetrics(even), computeClusterMetrics(hot)];
        const tolerance = (x: number) => x * (1 - 1e-9);
        expect(b.topics[0]!.busiestConsumerEventsPerSec).toBeGreaterThanOrEqual(tolerance(a.topics[0]!.busiestConsumerEventsPerSec));
        expect(b.topics[0]!.brokerLoad.partitionIngressBytesPerSec).toBeGreaterThanOrEqual(tolerance(a.topics[0]!.brokerLoad.partitionIngressBytesPerSec));
        expect(b.brokerLoad.busiest.networkInBytesPerSec).toBeGreaterThanOrEqual(tolerance(a.brokerLoad.busiest.networkInBytesPerSec));
        expect(b.brokerLoad.busiest.networkOutBytesPerSec).toBeGreaterThanOrEqual(tolerance(a.brokerLoad.busiest.networkOutBytesPerSec));
        // The cluster's totals do not change: the hot key moves traffic between partitions, it adds none.
        expect(b.ingressPeakBytesPerSec).toBe(a.ingressPeakBytesPerSec);
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
  });
});
