import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairPlan } from '../config/plan-repair';
import { DEFAULT_CONFIG } from '../config/schema';
import { clusterOf, singleTopicPlan, TOPIC_FIELDS, topicOf, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { planConfig } from '../test-support/arbitraries';
import { storageSeries, type StorageRow } from './storage-series';
import { MAX_TOPIC_SERIES, type TopicGroup } from './topic-groups';
import { LOAD_NAMES, topicLoad, trafficBars, type ClusterRow } from './traffic-series';
import { bytesPerUnit, MIB } from './units';

const onePlan = (overrides: Partial<PlanConfig> = {}, name = 'events') => {
  const plan = singleTopicPlan({ ...DEFAULT_CONFIG, ...overrides }, name);
  return { plan, metrics: computeClusterMetrics(plan) };
};

/** A cluster from one config's cluster settings and each topic config's topic inputs, repaired as the store repairs them. */
function clusterFrom(settings: PlanConfig, topicConfigs: readonly PlanConfig[]): ClusterPlan {
  const topics = topicConfigs.map((t, i) => {
    const view: Record<string, number> = { ...settings };
    for (const field of TOPIC_FIELDS) view[field] = t[field];
    return topicOf(repairPlan(view as unknown as PlanConfig).config, `topic-${i}`);
  });
  return { cluster: clusterOf(settings), topics, brokerType: 'custom' };
}

const randomCluster = (maxTopics: number) => fc.tuple(planConfig, fc.array(planConfig, { minLength: 1, maxLength: maxTopics })).map(([settings, topics]) => clusterFrom(settings, topics));

const withMetrics = (plan: ClusterPlan) => ({ plan, metrics: computeClusterMetrics(plan) });

const segmentSum = (row: ClusterRow | StorageRow, groups: readonly TopicGroup[]) => groups.reduce((sum, g) => sum + (row[g.key] ?? 0), 0);

/** a ≈ b relative to their size (the sums run in another order). */
const close = (a: number, b: number, relative = 1e-9) => Math.abs(a - b) <= relative * Math.max(1, Math.abs(a), Math.abs(b));

describe('traffic bars', () => {
  it("with one topic: one series named after it; the busiest broker is the engine's, before and after the planned failure", () => {
    const current = onePlan({}, 'orders');
    const load = current.metrics.brokerLoad;
    const bars = trafficBars(current);
    expect(bars.groups.map((g) => g.label)).toEqual(['orders']);
    expect(bars.cluster.map((b) => b.name)).toEqual(['Network in', 'Network out', 'Disk I/O']);
    const [netIn, netOut, disk] = bars.broker;
    expect(netIn!.all).toBeCloseTo(load.busiest.networkInBytesPerSec / MIB, 9);
    expect(netOut!.all).toBeCloseTo(load.busiest.networkOutBytesPerSec / MIB, 9);
    expect(disk!.all).toBeCloseTo(load.busiest.diskIoBytesPerSec / MIB, 9);
    // One broker down by default: 2 of 3 left.
    expect(bars.brokersDown).toBe(2);
    expect(netOut!.down).toBeCloseTo(load.failover.busiest.networkOutBytesPerSec / MIB, 9);
    // 298 MiB/s baseline network and 250 MiB/s volume throughput, each × 0.8; the cluster's × the 2 left.
    expect(netIn!.limit).toBeCloseTo(298 * 0.8, 9);
    expect(disk!.limit).toBeCloseTo(250 * 0.8, 9);
    expect(bars.clusterNetworkLimit).toBeCloseTo(298 * 0.8 * 2, 9);
    expect(bars.clusterDiskLimit).toBeCloseTo(250 * 0.8 * 2, 9);
    expect(bars.overLimit).toEqual(['Network in', 'Network out', 'Disk I/O']);
  });

  it('the cluster panel is what the topic writes and reads at its peak: W·R in, reads + W·(R − 1) out', () => {
    const current = onePlan({ peakFactor: 2, consumerGroups: 3, replayGroups: 0 });
    const m = current.metrics.topics[0]!;
    const [netIn, netOut] = trafficBars(current).cluster;
    expect(netIn!.total).toBeCloseTo((m.peakIngressBytesPerSec * 3) / MIB, 9);
    expect(netIn!.total).toBeCloseTo((2 * m.ingressBytesPerSec * 3) / MIB, 9);
    expect(netOut!.total).toBeCloseTo((m.peakIngressBytesPerSec * (3 + 2)) / MIB, 9);
  });

  it('with no failure planned only the brokers all up count, and the cluster has every broker', () => {
    const bars = trafficBars(onePlan({ plannedFailure: 0, eventsPerSec: 100_000 }));
    expect(bars.brokersDown).toBeNull();
    expect(bars.brokersCounted).toBe(3);
    expect(bars.broker.every((b) => b.down === undefined)).toBe(true);
    // 97.7 MiB/s × 3 replicas over 3 brokers: 97.7 MiB/s each, under both limits.
    expect(bars.overLimit).toEqual([]);
    expect(bars.clusterOverLimit).toEqual([]);
  });

  it('a single broker with a failure planned has nothing left when it is down: every limit is exceeded', () => {
    const bars = trafficBars(onePlan({ brokers: 1, replicationFactor: 1, minInsyncReplicas: 1, zones: 1, eventsPerSec: 10 }));
    expect(bars.brokersDown).toBe(0);
    expect(bars.clusterNetworkLimit).toBe(0);
    expect(bars.broker.every((b) => b.down === undefined)).toBe(true);
    expect(bars.overLimit).toEqual(['Network in', 'Network out', 'Disk I/O']);
    expect(bars.clusterOverLimit).toEqual(['Network in', 'Network out', 'Disk I/O']);
  });

  it("carries the baseline's totals and busiest broker with its own broker count", () => {
    const baseline = onePlan({ brokers: 6, eventsPerSec: 500_000 });
    const current = onePlan();
    const bars = trafficBars(current, baseline);
    expect(bars.cluster[0]!.baseline).toBeCloseTo(bars.cluster[0]!.total / 2, 9);
    expect(bars.broker[0]!.baseline).toBeCloseTo(baseline.metrics.brokerLoad.busiest.networkInBytesPerSec / MIB, 9);
  });

  it('the stacked topics sum to the cluster totals; the busiest broker carries at least the average', () => {
    fc.assert(
      fc.property(randomCluster(6), (plan) => {
        const current = withMetrics(plan);
        const { metrics } = current;
        const bars = trafficBars(current);
        expect(bars.groups).toHaveLength(plan.topics.length);
        for (const row of bars.cluster) expect(close(segmentSum(row, bars.groups), row.total)).toBe(true);
        const flowSum = (key: 'ingressBytesPerSec' | 'egressBytesPerSec') => bars.flows.reduce((sum, f) => sum + f[key], 0);
        expect(close(flowSum('ingressBytesPerSec'), metrics.ingressPeakBytesPerSec)).toBe(true);
        expect(close(flowSum('egressBytesPerSec'), metrics.egressPeakBytesPerSec)).toBe(true);
        expect(bars.clusterNetworkLimit).toBeCloseTo(bars.networkLimit * metrics.brokerLoad.brokersCounted, 6);
        // Every replica placed (R ≤ B): the cluster totals are the sums over the brokers, so no
        // broker's figure is below the mean.
        if (plan.topics.every((t) => t.replicationFactor <= plan.cluster.brokers)) {
          bars.cluster.forEach((row, i) => {
            const busiest = bars.broker[i]!.all;
            expect(row.total / plan.cluster.brokers).toBeLessThanOrEqual(busiest * (1 + 1e-9) + 1e-12);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it(`beyond ${MAX_TOPIC_SERIES} topics the smallest are stacked as Others, and the sums still hold`, () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_TOPIC_SERIES + 1, max: 20 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 20, maxLength: 20 }), (count, rates) => {
        const base = { ...DEFAULT_CONFIG };
        const plan = clusterFrom(
          base,
          rates.slice(0, count).map((eventsPerSec) => ({ ...base, eventsPerSec })),
        );
        const bars = trafficBars(withMetrics(plan));
        expect(bars.groups).toHaveLength(MAX_TOPIC_SERIES);
        const others = bars.groups[MAX_TOPIC_SERIES - 1]!;
        expect(others.label).toBe(`Others (${count - MAX_TOPIC_SERIES + 1} topics)`);
        expect(others.colorSlot).toBeNull();
        for (const row of bars.cluster) expect(close(segmentSum(row, bars.groups), row.total)).toBe(true);
        // Every topic kept on its own puts at least as much on the cluster as any in Others.
        const size = (t: number) => LOAD_NAMES.reduce((sum, name) => sum + topicLoad(name, bars.flows[t]!), 0);
        const keptMin = Math.min(...bars.groups.slice(0, -1).map((g) => size(g.topics[0]!)));
        for (const t of others.topics) expect(size(t)).toBeLessThanOrEqual(keptMin);
      }),
      { numRuns: 40 },
    );
  });
});

describe('storage series', () => {
  it("with one topic: one series growing linearly to the model's storage figure, against disk × fill (× B for the cluster)", () => {
    const current = onePlan();
    const m = current.metrics;
    const s = storageSeries(current);
    expect(s.groups.map((g) => g.label)).toEqual(['events']);
    expect(s.maxHours).toBe(168);
    expect(s.clusterUnit).toBe('PiB');
    const first = s.cluster[0]!;
    const last = s.cluster[s.cluster.length - 1]!;
    expect(first).toEqual({ x: 0, s0: 0, total: 0 });
    expect(last.x).toBe(168);
    const cu = bytesPerUnit(s.clusterUnit);
    expect((last.total * cu) / m.storageReplicatedBytes).toBeCloseTo(1, 12);
    expect(s.cluster.find((r) => r.x === 84)!.total).toBeCloseTo(last.total / 2, 9);
    // 16 TiB × 0.7 per broker, × 3 brokers for the cluster (a failure moves no replicas: all 3 count).
    expect(s.brokerUnit).toBe('TiB');
    expect(s.brokerLimit).toBeCloseTo(16 * 0.7, 12);
    expect(s.clusterLimit * cu).toBeCloseTo(16 * 0.7 * 3 * 1024 ** 4, 0);
    const bu = bytesPerUnit(s.brokerUnit);
    expect((s.broker[s.broker.length - 1]!.total * bu) / m.topics[0]!.brokerStorageBytes).toBeCloseTo(1, 12);
    expect(s.fullestDisk * bu).toBeCloseTo(m.brokerLoad.busiest.storageOnDiskBytes, 0);
  });

  it('with a longer baseline retention, the plan levels off at its own retention', () => {
    const current = onePlan({ retentionHours: 24 });
    const baseline = onePlan({ retentionHours: 48 });
    const s = storageSeries(current, baseline, 5);
    expect(s.maxHours).toBe(48);
    expect(s.cluster.map((r) => r.x)).toEqual([0, 12, 24, 36, 48]);
    const at24 = s.cluster[2]!;
    const at48 = s.cluster[4]!;
    expect(at48.total).toBe(at24.total);
    expect(at48.baseline).toBeCloseTo(2 * at24.baseline!, 9);
    const perBrokerBytes = s.broker[4]!.baseline! * bytesPerUnit(s.brokerUnit);
    const replicatedBytes = at48.baseline! * bytesPerUnit(s.clusterUnit);
    expect(perBrokerBytes / (replicatedBytes / 3)).toBeCloseTo(1, 12);
  });

  it('the stacked topics sum to the cluster total at every hour, and to the retained bytes at full retention', () => {
    fc.assert(
      fc.property(randomCluster(6), (plan) => {
        const current = withMetrics(plan);
        const s = storageSeries(current, null, 9);
        expect(s.groups).toHaveLength(plan.topics.length);
        const cu = bytesPerUnit(s.clusterUnit);
        const bu = bytesPerUnit(s.brokerUnit);
        s.cluster.forEach((row, i) => {
          expect(close(segmentSum(row, s.groups), row.total)).toBe(true);
          const brokerRow = s.broker[i]!;
          expect(close(segmentSum(brokerRow, s.groups), brokerRow.total)).toBe(true);
          expect(close(brokerRow.total * bu * plan.cluster.brokers, row.total * cu)).toBe(true);
          if (i > 0) expect(row.total).toBeGreaterThanOrEqual(s.cluster[i - 1]!.total);
        });
        // Every topic's retention is a point: each topic's corner is drawn where it is.
        for (const t of plan.topics) expect(s.cluster.some((r) => r.x === t.retentionHours)).toBe(true);
        expect(close(s.cluster[s.cluster.length - 1]!.total * cu, current.metrics.storageReplicatedBytes)).toBe(true);
        expect(close(s.clusterLimit * cu, current.metrics.brokerLoad.limits.storageBytes * plan.cluster.brokers)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
