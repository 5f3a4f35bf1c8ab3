import type { BrokerFigures } from '../engine/broker-limits';
import type { Metrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { MIB } from './units';

/**
 * The traffic chart's bars, in MiB/s (binary). Pure. Per cluster: ingress W, replication
 * W·(R − 1), egress W·G. Per broker, the model's own figures (docs/model.md, "Brokers"): the
 * busiest broker of Kafka's placement with every broker up, and after the planned failure (the
 * worst case): network in, network out, and disk reads + writes. The limits are the broker's
 * times the utilization limit: what the health check holds them against.
 */
export interface TrafficPlan {
  readonly config: PlanConfig;
  readonly traffic: Metrics;
}

export interface ClusterBar {
  readonly name: 'Ingress' | 'Replication' | 'Egress';
  readonly value: number;
  readonly baseline?: number;
}

export interface BrokerBar {
  readonly name: 'Network in' | 'Network out' | 'Disk I/O';
  /** The busiest broker, every broker up. */
  readonly all: number;
  /** The busiest survivor after the planned failure (when one is planned and a broker is left). */
  readonly down?: number;
  /** The baseline's figure with its own broker count. */
  readonly baseline?: number;
  /** The limit this bar is held against, MiB/s. */
  readonly limit: number;
}

export interface TrafficBars {
  readonly cluster: readonly ClusterBar[];
  readonly broker: readonly BrokerBar[];
  /** Brokers left after the planned failure (0 when none would be); null when none is planned. */
  readonly brokersDown: number | null;
  readonly networkLimit: number;
  readonly diskLimit: number;
  /** Bars whose checked load (after the planned failure, else all up) is over its limit. */
  readonly overLimit: readonly BrokerBar['name'][];
}

const mib = (bytesPerSec: number) => bytesPerSec / MIB;

function clusterLoads({ traffic }: TrafficPlan) {
  return {
    Ingress: mib(traffic.ingressBytesPerSec),
    Replication: mib(traffic.replicationBytesPerSec),
    Egress: mib(traffic.egressBytesPerSec),
  };
}

export function trafficBars(current: TrafficPlan, baseline?: TrafficPlan | null): TrafficBars {
  const now = clusterLoads(current);
  const base = baseline ? clusterLoads(baseline) : null;
  const load = current.traffic.brokerLoad;
  const failure = load.failover;
  const brokersDown = failure.kind === 'none' ? null : failure.brokersLeft;
  const networkLimit = load.limits.networkBytesPerSec / MIB;
  const diskLimit = load.limits.diskBytesPerSec / MIB;
  const figure = (name: BrokerBar['name'], f: BrokerFigures) =>
    mib(name === 'Network in' ? f.networkInBytesPerSec : name === 'Network out' ? f.networkOutBytesPerSec : f.diskIoBytesPerSec);

  const cluster = (['Ingress', 'Replication', 'Egress'] as const).map((name): ClusterBar => ({
    name,
    value: now[name],
    ...(base ? { baseline: base[name] } : {}),
  }));
  const broker = (['Network in', 'Network out', 'Disk I/O'] as const).map((name): BrokerBar => ({
    name,
    all: figure(name, load.busiest),
    ...(brokersDown !== null && brokersDown >= 1 ? { down: figure(name, failure.busiest) } : {}),
    ...(baseline ? { baseline: figure(name, baseline.traffic.brokerLoad.busiest) } : {}),
    limit: name === 'Disk I/O' ? diskLimit : networkLimit,
  }));
  const overLimit = broker
    .filter((bar) => {
      // A single broker with a failure planned has nothing left when it is down.
      const checked = brokersDown === null ? bar.all : brokersDown >= 1 ? (bar.down ?? bar.all) : bar.all > 0 ? Infinity : 0;
      return checked > bar.limit;
    })
    .map((bar) => bar.name);
  return { cluster, broker, brokersDown, networkLimit, diskLimit, overLimit };
}
