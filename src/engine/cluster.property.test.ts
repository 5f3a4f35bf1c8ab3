import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterPlanArbitrary } from '../test-support/arbitraries';
import { topicView } from './cluster-plan';
import { computeClusterMetrics, computeMetrics } from './compute-metrics';

const SEED = 20261201;
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('a cluster of topics over the whole input ranges (fast-check seed 20261201)', () => {
  it('cluster figures are sums over its topics', () => {
    fc.assert(
      fc.property(clusterPlanArbitrary(), (plan) => {
        const c = computeClusterMetrics(plan);
        expect(c.topics).toHaveLength(plan.topics.length);
        close(c.ingressBytesPerSec, sum(c.topics.map((m) => m.ingressBytesPerSec)));
        close(c.ingressPeakBytesPerSec, sum(c.topics.map((m, i) => m.ingressBytesPerSec * (plan.topics[i]?.peakFactor ?? 1))));
        close(c.storageReplicatedBytes, sum(c.topics.map((m) => m.storageReplicatedBytes)));
        close(c.egressPeakBytesPerSec, sum(c.topics.map((m) => m.brokerLoad.groupReadBytesPerSec)));
        const B = plan.cluster.brokers;
        const offsets = plan.cluster.offsetsTopicPartitions * Math.min(plan.cluster.offsetsTopicReplicationFactor, B);
        expect(c.partitionReplicas).toBe(sum(plan.topics.map((t) => t.partitions * t.replicationFactor)) + offsets);
        close(c.cost.monthly, sum(c.cost.lines.map((l) => l.monthly)));
      }),
      { seed: SEED, numRuns: 80 },
    );
  }, 60_000);

  it("per-broker figures sum to the cluster's: every replica, leader and byte lands on exactly one broker", () => {
    fc.assert(
      fc.property(clusterPlanArbitrary(), (plan) => {
        const c = computeClusterMetrics(plan);
        const per = c.brokerLoad.perBroker;
        const B = plan.cluster.brokers;
        const placedR = (R: number) => Math.min(R, B);
        const offsetsPartitions = plan.cluster.offsetsTopicPartitions;
        const offsetsReplicas = offsetsPartitions * Math.min(plan.cluster.offsetsTopicReplicationFactor, B);
        expect(sum(per.replicas)).toBe(sum(plan.topics.map((t) => t.partitions * placedR(t.replicationFactor))) + offsetsReplicas);
        expect(sum(per.leaders)).toBe(sum(plan.topics.map((t) => t.partitions)) + offsetsPartitions);
        close(sum(per.networkInBytesPerSec), sum(c.topics.map((m, i) => m.peakIngressBytesPerSec * placedR(plan.topics[i]?.replicationFactor ?? 1))));
        close(
          sum(per.networkOutBytesPerSec),
          sum(c.topics.map((m, i) => m.brokerLoad.groupReadBytesPerSec + m.peakIngressBytesPerSec * (placedR(plan.topics[i]?.replicationFactor ?? 1) - 1))),
        );
        close(sum(per.storageBytes), sum(c.topics.map((m, i) => m.storageLogicalBytes * placedR(plan.topics[i]?.replicationFactor ?? 1))));
        // The busiest broker is one of them.
        expect(c.brokerLoad.busiest.replicas).toBe(Math.max(...per.replicas));
        close(c.brokerLoad.busiest.networkOutBytesPerSec, Math.max(...per.networkOutBytesPerSec));
      }),
      { seed: SEED + 1, numRuns: 80 },
    );
  }, 60_000);

  it("each topic's consumer figures are its own: the same as the topic alone on the cluster", () => {
    fc.assert(
      fc.property(clusterPlanArbitrary(), (plan) => {
        const c = computeClusterMetrics(plan);
        plan.topics.forEach((_, i) => {
          const alone = computeMetrics(topicView(plan, i));
          const m = c.topics[i]!;
          expect(m.utilization).toBe(alone.utilization);
          expect(m.lagGrowthEventsPerSecPerGroup).toBe(alone.lagGrowthEventsPerSecPerGroup);
          expect(m.latency.p99Seconds).toBe(alone.latency.p99Seconds);
          expect(m.storageReplicatedBytes).toBe(alone.storageReplicatedBytes);
          // The health is the cluster's: never better than the topic's own checks.
          expect(c.health.score).toBeLessThanOrEqual(m.topicHealth.score);
        });
      }),
      { seed: SEED + 2, numRuns: 60 },
    );
  }, 60_000);

  it('one broker down, computed from the replicas each case moves, agrees with recomputing every case from scratch (one broker a zone, a zone down)', () => {
    fc.assert(
      fc.property(clusterPlanArbitrary(), (generated) => {
        // At most 48 brokers: the recomputation is O(B · Σ P·R), a minute for the largest plans.
        const brokers = Math.min(48, generated.cluster.brokers);
        const cluster = { ...generated.cluster, brokers, zones: brokers };
        const broker = computeClusterMetrics({ ...generated, cluster: { ...cluster, plannedFailure: 1 } }).brokerLoad;
        const zone = computeClusterMetrics({ ...generated, cluster: { ...cluster, plannedFailure: 2 } }).brokerLoad;
        // worstCase left out: two brokers can tie, and sums taken in another order break the tie either way.
        const counts = (f: typeof broker.failover) => [f.brokersLeft, f.replicasLost, f.partitionsOffline, f.partitionsBelowMinIsr];
        expect(counts(broker.failover)).toEqual(counts(zone.failover));
        const [a, b] = [broker.failover.busiest, zone.failover.busiest];
        for (const key of Object.keys(a) as (keyof typeof a)[]) close(a[key], b[key]);
        expect(broker.topicAvailability).toEqual(zone.topicAvailability);
      }),
      { seed: SEED + 4, numRuns: 80 },
    );
  }, 60_000);

  it('a step that changes one topic gives what a fresh computation gives (the other topics\' figures are reused)', () => {
    fc.assert(
      fc.property(clusterPlanArbitrary(), fc.double({ min: 1, max: 10_000_000, noNaN: true }), (plan, rate) => {
        computeClusterMetrics(plan);
        const last = plan.topics.length - 1;
        // As the store does it: the changed topic is a new object, the others and the cluster are kept.
        const stepped = { ...plan, topics: plan.topics.map((t, i) => (i === last ? { ...t, eventsPerSec: rate } : t)) };
        const reused = computeClusterMetrics(stepped);
        const fresh = computeClusterMetrics(structuredClone(stepped));
        expect(reused.health).toEqual(fresh.health);
        expect(reused.topics.map((m) => [m.utilization, m.latency.p99Seconds, m.brokerLoad.busiest.networkOutBytesPerSec])).toEqual(
          fresh.topics.map((m) => [m.utilization, m.latency.p99Seconds, m.brokerLoad.busiest.networkOutBytesPerSec]),
        );
        expect(reused.cost.monthly).toBe(fresh.cost.monthly);
      }),
      { seed: SEED + 3, numRuns: 60 },
    );
  });
});
