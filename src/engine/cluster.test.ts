import { describe, expect, it } from 'vitest';
import { BROKER_TYPES, brokerTypeValues } from '../config/broker-types';
import { DEFAULT_CONFIG } from '../config/schema';
import { clusterOf, topicOf, type ClusterPlan } from './cluster-plan';
import { computeClusterMetrics } from './compute-metrics';
import { HOURS_PER_MONTH } from './cost';
import type { PlanConfig } from './plan-config';
import { recommend } from './recommend';
import { recommendCluster, recommendTopic } from './recommend-cluster';
import { verdict } from './verdict';

const GIB = 1024 ** 3;
const topic = (name: string, values: Partial<PlanConfig>) => topicOf({ ...DEFAULT_CONFIG, ...values }, name);
const cluster = (values: Partial<PlanConfig>, ...topics: ReturnType<typeof topic>[]): ClusterPlan => ({
  cluster: clusterOf({ ...DEFAULT_CONFIG, ...values }),
  topics,
  brokerType: 'kafka.m5.2xlarge',
});

// A four-topic e-commerce cluster on 6 brokers: orders peak at 4× and their consumers cannot keep up then.
const shop = cluster(
  { brokers: 6, zones: 3 },
  topic('orders', { eventsPerSec: 2000, eventSizeBytes: 2048, partitions: 12, processingMs: 4, consumersPerGroup: 12, peakFactor: 4, consumerGroups: 2 }),
  topic('payments', { eventsPerSec: 500, eventSizeBytes: 1024, partitions: 6, processingMs: 2, consumersPerGroup: 6, retentionHours: 720 }),
  topic('clicks', { eventsPerSec: 50_000, eventSizeBytes: 512, partitions: 24, processingMs: 0.1, consumersPerGroup: 12, peakFactor: 2, retentionHours: 24 }),
  topic('logs', { eventsPerSec: 20_000, eventSizeBytes: 1024, partitions: 12, processingMs: 0.2, consumersPerGroup: 6, compressionRatio: 4, retentionHours: 72 }),
);

describe('a four-topic cluster', () => {
  const c = computeClusterMetrics(shop);

  it('names the topic and the check that limits it at peak', () => {
    // orders at peak: 8,000 events/s on 12 consumers of 250 events/s each = 2.67 of capacity.
    expect(c.topics[0]!.utilization).toBeCloseTo(8000 / 3000, 12);
    expect(c.health.binding.label).toBe('orders: consumer capacity at peak');
    expect(verdict(c.health, c.topics[0]!.utilization, 'orders').headline).toBe('This plan is overloaded: the consumers of orders cannot keep up.');
    // At the average rate (peak 1) orders keep up and the binding check moves on.
    const flat = computeClusterMetrics({ ...shop, topics: shop.topics.map((t) => ({ ...t, peakFactor: 1 })) });
    expect(flat.topics[0]!.utilization).toBeCloseTo(2000 / 3000, 12);
    expect(flat.health.factors.find((f) => f.id === 'consumers')!.label).not.toMatch(/orders/);
  });

  it('checks throughput at peak and storage at the average rate', () => {
    const orders = c.topics[0]!;
    expect(orders.peakIngressBytesPerSec).toBe(4 * orders.ingressBytesPerSec);
    expect(orders.storageReplicatedBytes).toBe(2000 * 2048 * 168 * 3600 * 3);
    expect(orders.brokerLoad.partitionIngressBytesPerSec).toBe((4 * 2000 * 2048) / 12);
  });

  it("places every topic and __consumer_offsets on the shared brokers: each topic's leaders start where the previous ended", () => {
    const per = c.brokerLoad.perBroker;
    // 12 + 6 + 24 + 12 partitions and 50 of __consumer_offsets, 3 copies each, on 6 brokers.
    expect(c.partitionReplicas).toBe((12 + 6 + 24 + 12 + 50) * 3);
    expect(Array.from(per.replicas).reduce((a, b) => a + b, 0)).toBe(312);
    // Each topic spreads evenly where its partitions are a multiple of the brokers; __consumer_offsets' 50 are not (8 × 6 + 2).
    expect(Math.max(...per.replicas) - Math.min(...per.replicas)).toBeLessThanOrEqual(2);
    expect(Math.max(...per.leaders) - Math.min(...per.leaders)).toBeLessThanOrEqual(1);
  });

  it("one-partition topics do not all lead on broker 0: each starts where the previous one's partitions ended", () => {
    const tiny = cluster({ brokers: 3, zones: 3, offsetsTopicPartitions: 0 }, topic('a', { partitions: 1 }), topic('b', { partitions: 1 }), topic('c', { partitions: 1 }));
    expect(Array.from(computeClusterMetrics(tiny).brokerLoad.perBroker.leaders)).toEqual([1, 1, 1]);
  });

  it('costs broker-hours, provisioned storage and cross-zone traffic, each line by its formula', () => {
    const line = (id: string) => c.cost.lines.find((l) => l.id === id)!;
    expect(line('brokers').monthly).toBeCloseTo(6 * HOURS_PER_MONTH * 0.84, 9);
    expect(line('storage').monthly).toBeCloseTo(6 * 16_384 * 0.1, 9);
    const W = c.ingressBytesPerSec;
    const month = HOURS_PER_MONTH * 3600;
    // Producers and consumers (leaders) in 3 zones: 2/3 of each byte crosses; replication is free on MSK.
    const reads = c.topics.reduce((s, m) => s + m.egressBytesPerSec, 0);
    expect(line('client-cross-zone').quantity).toBeCloseTo(((W + reads) * (2 / 3) * month) / GIB, 6);
    expect(line('replication-cross-zone').quantity).toBeCloseTo((W * 2 * month) / GIB, 6);
    expect(line('replication-cross-zone').monthly).toBe(0);
    expect(c.cost.monthly).toBeCloseTo(c.cost.lines.reduce((s, l) => s + l.monthly, 0), 9);
  });

  it('fetching from the nearest replica (KIP-392) removes the consumer cross-zone term when every zone holds a replica', () => {
    const nearest = computeClusterMetrics({ ...shop, cluster: { ...shop.cluster, fetchFromNearestReplica: 1 } });
    expect(nearest.cost.crossZone.consumerBytesPerSec).toBe(0);
    expect(nearest.cost.crossZone.producerBytesPerSec).toBe(c.cost.crossZone.producerBytesPerSec);
  });
});

describe('the cluster recommendation', () => {
  const types = BROKER_TYPES.map((t) => ({ id: t.id, values: brokerTypeValues(t) }));
  const busy = cluster(
    { brokers: 3, zones: 3 },
    topic('orders', { eventsPerSec: 20_000, eventSizeBytes: 2048, partitions: 12, processingMs: 1, consumersPerGroup: 12, peakFactor: 3 }),
    topic('clicks', { eventsPerSec: 200_000, eventSizeBytes: 1024, partitions: 24, processingMs: 0.05, consumersPerGroup: 12, retentionHours: 24 }),
  );
  const r = recommendCluster(busy, types);
  const brokerChecksPass = (plan: ClusterPlan) =>
    computeClusterMetrics(plan).health.factors.every((f) => !f.id.startsWith('broker-') || f.score01 === 1);

  it('the cheapest type and count pass every broker check, and a zone fewer does not', () => {
    const cheapest = r.cheapest!;
    expect(cheapest.feasible).toBe(true);
    expect(brokerChecksPass(cheapest.plan)).toBe(true);
    const fewer = { ...cheapest.plan, cluster: { ...cheapest.plan.cluster, brokers: cheapest.brokers - 3 } };
    if (cheapest.brokers - 3 >= 3) expect(brokerChecksPass(fewer)).toBe(false);
    expect(computeClusterMetrics(cheapest.plan).cost.monthly).toBeCloseTo(cheapest.monthly, 9);
  });

  it('no passing type of the catalogue costs less than the cheapest, the chosen type included', () => {
    for (const option of r.options.filter((o) => o.feasible)) expect(option.monthly).toBeGreaterThanOrEqual(r.cheapest!.monthly);
    expect(r.onChosenType.monthly).toBeGreaterThanOrEqual(r.cheapest!.monthly);
    expect(r.onChosenType.brokerType).toBe('kafka.m5.2xlarge');
  });

  it('the selected topic is sized at its peak too, and keeps its own rate and peak', () => {
    const view = { ...DEFAULT_CONFIG, eventsPerSec: 2000, processingMs: 4, partitions: 12, consumersPerGroup: 12, peakFactor: 4 };
    const r = recommendTopic(view);
    expect(r.consumersPerGroup.value).toBe(recommend({ ...view, eventsPerSec: 8000, peakFactor: 1 }).consumersPerGroup.value);
    expect(r.consumersPerGroup.value).toBeGreaterThan(recommend({ ...view, peakFactor: 1 }).consumersPerGroup.value);
    expect(r.config.eventsPerSec).toBe(2000);
    expect(r.config.peakFactor).toBe(4);
  });

  it("sizes each topic's consumers at its peak", () => {
    // orders at peak 60,000 events/s at 1,000 events/s a consumer under 70 %: at least 86 consumers.
    expect(r.topics[0]!.consumersPerGroup.value).toBeGreaterThanOrEqual(86);
    const applied = computeClusterMetrics(r.cheapest!.plan);
    expect(applied.topics[0]!.utilization).toBeLessThanOrEqual(0.7);
  });
});
