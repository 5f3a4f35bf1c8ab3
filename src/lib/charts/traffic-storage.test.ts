import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/schema';
import { computeMetrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';
import { storageSeries } from './storage-series';
import { trafficBars } from './traffic-series';
import { bytesPerUnit, MIB } from './units';

const plan = (overrides: Partial<PlanConfig> = {}) => {
  const config = { ...DEFAULT_CONFIG, ...overrides };
  return { config, traffic: computeMetrics(config) };
};

describe('traffic bars', () => {
  it("are the model's figures in MiB/s: the seed's 976.6 MiB/s ingress, R = 3, G = 1, B = 3", () => {
    const current = plan();
    const m = current.traffic;
    const bars = trafficBars(current);
    expect(bars.cluster.map((b) => b.name)).toEqual(['Ingress', 'Replication', 'Egress']);
    expect(bars.cluster[0]!.value).toBeCloseTo(976.5625, 9);
    expect(bars.cluster[1]!.value).toBeCloseTo(m.replicationBytesPerSec / MIB, 9);
    expect(bars.cluster[2]!.value).toBeCloseTo(m.egressBytesPerSec / MIB, 9);
    const [netIn, netOut, disk] = bars.broker;
    expect(netIn!.all).toBeCloseTo(m.brokerNetworkInBytesPerSec / MIB, 9);
    expect(netOut!.all).toBeCloseTo(m.brokerNetworkOutBytesPerSec / MIB, 9);
    expect(disk!.all).toBeCloseTo(m.brokerNetworkInBytesPerSec / MIB, 9);
    // Headroom on by default: the same loads over B − 1 = 2 brokers.
    expect(bars.brokersDown).toBe(2);
    expect(netIn!.down).toBeCloseTo((m.ingressBytesPerSec * 3) / 2 / MIB, 9);
    expect(netIn!.limit).toBe(1192);
    expect(disk!.limit).toBe(1000);
    // 1,464.8 MiB/s in and out with one broker down: over 1,192 (network) and 1,000 (disk).
    expect(bars.overLimit).toEqual(['Network in', 'Network out', 'Disk write']);
  });

  it('without the headroom only the loads over all B brokers count', () => {
    const bars = trafficBars(plan({ headroomOneBrokerDown: 0 }));
    expect(bars.brokersDown).toBeNull();
    expect(bars.broker.every((b) => b.down === undefined)).toBe(true);
    // 976.6 MiB/s per broker: under both limits.
    expect(bars.overLimit).toEqual([]);
  });

  it('a single broker with the headroom on has nothing left when it is down', () => {
    const bars = trafficBars(plan({ brokers: 1, replicationFactor: 1, eventsPerSec: 10 }));
    expect(bars.brokersDown).toBe(0);
    expect(bars.broker.every((b) => b.down === undefined)).toBe(true);
    expect(bars.overLimit).toEqual(['Network in', 'Network out', 'Disk write']);
  });

  it("carries the baseline's figures with its own broker count", () => {
    const baseline = plan({ brokers: 6, eventsPerSec: 500_000 });
    const bars = trafficBars(plan(), baseline);
    expect(bars.cluster[0]!.baseline).toBeCloseTo(976.5625 / 2, 9);
    expect(bars.broker[0]!.baseline).toBeCloseTo(baseline.traffic.brokerNetworkInBytesPerSec / MIB, 9);
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
    // Per broker (865 TiB with one of 3 down), against 16 TiB × 0.7.
    expect(s.brokerUnit).toBe('TiB');
    const bu = bytesPerUnit(s.brokerUnit);
    const b = s.broker[s.broker.length - 1]!;
    expect((b.perBroker * bu) / m.brokerStorageBytes).toBeCloseTo(1, 12);
    expect((b.perBrokerDown! * bu) / (m.storageReplicatedBytes / 2)).toBeCloseTo(1, 12);
    expect(s.brokerLimit).toBeCloseTo(16 * 0.7, 12);
    expect(s.brokersDown).toBe(2);
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
