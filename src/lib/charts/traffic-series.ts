import type { Traffic } from '../../engine/traffic';
import type { PlanConfig } from '../../engine/plan-config';
import { MIB } from './units';

/**
 * The traffic chart's bars, in MiB/s (binary). Pure. Per cluster: ingress W, replication
 * W·(R − 1), egress W·G. Per broker, spread evenly (docs/model.md, "Network"): network in
 * W·R/B, network out W·(G + R − 1)/B, disk write W·R/B (every copy is written once, by the
 * broker that holds it). With the one-broker-down headroom on, the same loads over B − 1
 * brokers are shown too: those are what must stay under the limits.
 */
export interface TrafficPlan {
  readonly config: PlanConfig;
  readonly traffic: Traffic;
}

export interface ClusterBar {
  readonly name: 'Ingress' | 'Replication' | 'Egress';
  readonly value: number;
  readonly baseline?: number;
}

export interface BrokerBar {
  readonly name: 'Network in' | 'Network out' | 'Disk write';
  /** With all B brokers. */
  readonly all: number;
  /** With B − 1 brokers (headroom on and B ≥ 2). */
  readonly down?: number;
  /** The baseline's figure with its own broker count. */
  readonly baseline?: number;
  /** The limit this bar is held against, MiB/s. */
  readonly limit: number;
}

export interface TrafficBars {
  readonly cluster: readonly ClusterBar[];
  readonly broker: readonly BrokerBar[];
  /** B − 1 when the headroom is on and B ≥ 2; 0 when on with a single broker; null when off. */
  readonly brokersDown: number | null;
  readonly networkLimit: number;
  readonly diskLimit: number;
  /** Bars whose checked load (B − 1 brokers with headroom, else B) is over its limit. */
  readonly overLimit: readonly BrokerBar['name'][];
}

const mib = (bytesPerSec: number) => bytesPerSec / MIB;

function clusterLoads({ config, traffic }: TrafficPlan) {
  const W = traffic.ingressBytesPerSec;
  const R = config.replicationFactor;
  return {
    Ingress: mib(W),
    Replication: mib(traffic.replicationBytesPerSec),
    Egress: mib(traffic.egressBytesPerSec),
    'Network in': mib(W * R),
    'Network out': mib(W * (config.consumerGroups + R - 1)),
    'Disk write': mib(W * R),
  };
}

export function trafficBars(current: TrafficPlan, baseline?: TrafficPlan | null): TrafficBars {
  const { config } = current;
  const now = clusterLoads(current);
  const base = baseline ? clusterLoads(baseline) : null;
  const B = config.brokers;
  const headroom = config.headroomOneBrokerDown >= 1;
  const brokersDown = headroom ? B - 1 : null;
  const networkLimit = config.brokerNetworkMiBPerSec;
  const diskLimit = config.brokerDiskMiBPerSec;

  const cluster = (['Ingress', 'Replication', 'Egress'] as const).map((name): ClusterBar => ({
    name,
    value: now[name],
    ...(base ? { baseline: base[name] } : {}),
  }));
  const broker = (['Network in', 'Network out', 'Disk write'] as const).map((name): BrokerBar => ({
    name,
    all: now[name] / B,
    ...(brokersDown !== null && brokersDown >= 1 ? { down: now[name] / brokersDown } : {}),
    ...(base && baseline ? { baseline: base[name] / baseline.config.brokers } : {}),
    limit: name === 'Disk write' ? diskLimit : networkLimit,
  }));
  const overLimit = broker
    .filter((bar) => {
      // A single broker with the headroom on has nothing left when it is down.
      const checked = brokersDown === null ? bar.all : brokersDown >= 1 ? (bar.down ?? bar.all) : bar.all > 0 ? Infinity : 0;
      return checked > bar.limit;
    })
    .map((bar) => bar.name);
  return { cluster, broker, brokersDown, networkLimit, diskLimit, overLimit };
}
