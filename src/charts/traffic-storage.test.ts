import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { computeMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { storageSeries } from './storage-series';
import { trafficBars } from './traffic-series';
import { bytesPerUnit, MIB } from './units';

const plan = (overrides: Partial<PlanConfig> = {}) => {
  const config = { ...DEFAULT_CONFIG, ...overrides };
  return { config, traffic: computeMetrics(config) };
};

describe('traffic bars', () => {
  it("are the model's own figures in MiB/s: the cluster totals, and the busiest broker of the placement before and after the planned failure", () => {
    const current = plan();
    const m = current.traffic;
    const bars = trafficBars(current);
    expect(bars.cluster.map((b) => b.name)).toEqual(['Ingress', 'Replication', 'Egress']);
    expect(bars.cluster[0]!.value).toBeCloseTo(976.5625, 9);
    expect(bars.cluster[1]!.value).toBeCloseTo(m.replicationBytesPerSec / MIB, 9);
    expect(bars.cluster[2]!.value).toBeCloseTo(m.egressBytesPerSec / MIB, 9);
    const [netIn, netOut, disk] = bars.broker;
    expect(bars.broker.map((b) => b.name)).toEqual(['Network in', 'Network out', 'Disk I/O']);
    expect(netIn!.all).toBeCloseTo(m.brokerLoad.busiest.networkInBytesPerSec / MIB, 9);
    expect(netOut!.all).toBeCloseTo(m.brokerLoad.busiest.networkOutBytesPerSec / MIB, 9);
    expect(disk!.all).toBeCloseTo(m.brokerLoad.busiest.diskIoBytesPerSec / MIB, 9);
    // One broker down by default: 2 of 3 left; the worst survivor leads 3 of 5 partitions.
    expect(bars.brokersDown).toBe(2);
    expect(netOut!.down).toBeCloseTo(m.brokerLoad.failover.busiest.networkOutBytesPerSec / MIB, 9);
    // 298 MiB/s baseline network and 250 MiB/s volume throughput, each × 0.8.
    expect(netIn!.limit).toBeCloseTo(298 * 0.8, 9);
    expect(disk!.limit).toBeCloseTo(250 * 0.8, 9);
    expect(bars.overLimit).toEqual(['Network in', 'Network out', 'Disk I/O']);
  });

  it('with no failure planned only the brokers all up count', () => {
    const bars = trafficBars(plan({ plannedFailure: 0, eventsPerSec: 100_000 }));
    expect(bars.brokersDown).toBeNull();
    expect(bars.broker.every((b) => b.down === undefined)).toBe(true);
    // 97.7 MiB/s × 3 replicas over 3 brokers: 97.7 MiB/s each, under both limits.
    expect(bars.overLimit).toEqual([]);
  });

  it('a single broker with a failure planned has nothing left when it is down', () => {
    const bars = trafficBars(plan({ brokers: 1, replicationFactor: 1, minInsyncReplicas: 1, zones: 1, eventsPerSec: 10 }));
    expect(bars.brokersDown).toBe(0);
    expect(bars.broker.every((b) => b.down === undefined)).toBe(true);
    expect(bars.overLimit).toEqual(['Network in', 'Network out', 'Disk I/O']);
  });

  it("carries the baseline's figures with its own broker count", () => {
    const baseline = plan({ brokers: 6, eventsPerSec: 500_000 });
    const bars = trafficBars(plan(), baseline);
    expect(bars.cluster[0]!.baseline).toBeCloseTo(976.5625 / 2, 9);
    expect(bars.broker[0]!.baseline).toBeCloseTo(baseline.traffic.brokerLoad.busiest.networkInBytesPerSec / MIB, 9);
  });
});

describe('storage series', () => {
  it('grows linearly from 0 to the full retention, reaching the model’s storage figures', () => {
    const current = plan();
    const m = current.traffic;
    const s = storageSeries(current);
    expect(s.maxHours).toBe(168);
    expect(s.clusterUnit).toBe('PiB');
    const first = s.cluster[0]!;
    const last = s.cluster[s.cluster.length - 1]!;
    expect(first).toEqual({ x: 0, logical: 0, replicated: 0 });
    expect(last.x).toBe(168);
    const cu = bytesPerUnit(s.clusterUnit);
    expect((last.logical * cu) / m.storageLogicalBytes).toBeCloseTo(1, 12);
    expect((last.replicated * cu) / m.storageReplicatedBytes).toBeCloseTo(1, 12);
    const mid = s.cluster.find((r) => r.x === 84)!;
    expect(mid.logical).toBeCloseTo(last.logical / 2, 9);
    // Per broker (577 TiB of 3), against 16 TiB × 0.7; no "one down" line: a failure moves no replicas.
    expect(s.brokerUnit).toBe('TiB');
    const bu = bytesPerUnit(s.brokerUnit);
    const b = s.broker[s.broker.length - 1]!;
    expect((b.perBroker * bu) / m.brokerStorageBytes).toBeCloseTo(1, 12);
    expect(s.brokerLimit).toBeCloseTo(16 * 0.7, 12);
    expect(s.brokersDown).toBeNull();
  });

  it('with a longer baseline retention, the plan levels off at its own retention', () => {
    const current = plan({ retentionHours: 24 });
    const baseline = plan({ retentionHours: 48 });
    const s = storageSeries(current, baseline, 5);
    expect(s.maxHours).toBe(48);
    expect(s.cluster.map((r) => r.x)).toEqual([0, 12, 24, 36, 48]);
    const at24 = s.cluster[2]!;
    const at48 = s.cluster[4]!;
    expect(at48.logical).toBe(at24.logical);
    expect(at48.baselineLogical).toBeCloseTo(2 * at24.baselineLogical!, 9);
    const perBrokerBytes = s.broker[4]!.baselinePerBroker! * bytesPerUnit(s.brokerUnit);
    const replicatedBytes = at48.baselineReplicated! * bytesPerUnit(s.clusterUnit);
    expect(perBrokerBytes / (replicatedBytes / 3)).toBeCloseTo(1, 12);
  });
});
