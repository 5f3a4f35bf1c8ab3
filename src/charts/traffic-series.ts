import type { BrokerFigures } from '../engine/broker-limits';
import type { ClusterPlan } from '../engine/cluster-plan';
import type { ClusterMetrics } from '../engine/compute-metrics';
import { segmentsOf, topicGroups, type SeriesKey, type TopicGroup } from './topic-groups';
import { MIB } from './units';

/**
 * The traffic chart's bars, in MiB/s (binary). Pure. Two panels, each comparing like with like:
 *
 * - The cluster: what every topic puts on all the brokers together, each topic at its peak at
 *   once (the busy hour the throughput checks size for), stacked by topic. Network in is every
 *   byte written into a replica (producers into leaders, followers fetching): W·R. Network out is
 *   every group's reads plus the follower fetches leaders serve: reads + W·(R − 1). Disk I/O is
 *   every replica's writes plus the reads behind the page cache: W·R + disk reads. These are the
 *   sums over the brokers of the per-broker loads of Kafka's placement with every broker up. They
 *   are held against the broker limit × the brokers left after the planned failure: a total over
 *   that line cannot fit however the partitions are placed; under it the busiest broker may
 *   still be over (placement is uneven), which the second panel shows.
 * - The busiest broker: the model's own per-broker figures (docs/model.md, "Brokers"), with every
 *   broker up and after the planned failure (the worst case), against the broker's limits × the
 *   utilization limit: what the health check holds them against. The engine does not split them
 *   by topic, so neither does the chart.
 */
export interface TrafficPlan {
  readonly plan: ClusterPlan;
  readonly metrics: ClusterMetrics;
}

export type LoadName = 'Network in' | 'Network out' | 'Disk I/O';
export const LOAD_NAMES: readonly LoadName[] = ['Network in', 'Network out', 'Disk I/O'];

/** What one topic puts on the cluster at its peak, bytes/s. */
export interface TopicFlows {
  readonly name: string;
  /** Producer writes W at peak. */
  readonly ingressBytesPerSec: number;
  /** Follower fetches W·(R − 1): out of the leaders, into the followers. */
  readonly replicationBytesPerSec: number;
  /** Every group's reads at peak, replaying groups included. */
  readonly egressBytesPerSec: number;
  /** Of those, the reads from disk (lagging and replaying groups). */
  readonly diskReadBytesPerSec: number;
}

/** One bar of the cluster panel: the topics' segments under their series keys, in MiB/s. */
export interface ClusterRow {
  readonly name: LoadName;
  /** Σ of the segments. */
  readonly total: number;
  /** The broker limit × the brokers counted. */
  readonly limit: number;
  /** The baseline's total with its own topics and brokers. */
  readonly baseline?: number;
  readonly [key: SeriesKey]: number;
}

export interface BrokerBar {
  readonly name: LoadName;
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
  /** The stacked series of the cluster panel, in the plan's order (Others last). */
  readonly groups: readonly TopicGroup[];
  /** Each topic's flows at peak, bytes/s, in the plan's order. */
  readonly flows: readonly TopicFlows[];
  readonly cluster: readonly ClusterRow[];
  readonly broker: readonly BrokerBar[];
  readonly brokers: number;
  /** Brokers left after the planned failure (0 when none would be); null when none is planned. */
  readonly brokersDown: number | null;
  /** Brokers whose limits the cluster panel adds up: those left after the planned failure. */
  readonly brokersCounted: number;
  /** Per broker, MiB/s. */
  readonly networkLimit: number;
  readonly diskLimit: number;
  /** × brokersCounted, MiB/s. */
  readonly clusterNetworkLimit: number;
  readonly clusterDiskLimit: number;
  /** Busiest-broker bars whose checked load (after the planned failure, else all up) is over its limit. */
  readonly overLimit: readonly LoadName[];
  /** Cluster bars over the cluster's limit. */
  readonly clusterOverLimit: readonly LoadName[];
}

const mib = (bytesPerSec: number) => bytesPerSec / MIB;

/** Each topic's flows at its peak, from its metrics (the throughput checks' rates). */
export function topicFlows({ plan, metrics }: TrafficPlan): TopicFlows[] {
  return plan.topics.map((topic, i) => {
    const m = metrics.topics[i];
    const ingress = m?.peakIngressBytesPerSec ?? 0;
    return {
      name: topic.name,
      ingressBytesPerSec: ingress,
      replicationBytesPerSec: ingress * (topic.replicationFactor - 1),
      egressBytesPerSec: m?.brokerLoad.groupReadBytesPerSec ?? 0,
      diskReadBytesPerSec: m?.brokerLoad.diskReadBytesPerSec ?? 0,
    };
  });
}

/** A topic's share of one of the cluster's loads, bytes/s. */
export function topicLoad(name: LoadName, f: TopicFlows): number {
  if (name === 'Network in') return f.ingressBytesPerSec + f.replicationBytesPerSec;
  if (name === 'Network out') return f.egressBytesPerSec + f.replicationBytesPerSec;
  return f.ingressBytesPerSec + f.replicationBytesPerSec + f.diskReadBytesPerSec;
}

function clusterTotal(name: LoadName, flows: readonly TopicFlows[]): number {
  let sum = 0;
  for (const f of flows) sum += topicLoad(name, f);
  return sum;
}

function brokerFigure(name: LoadName, f: BrokerFigures): number {
  return mib(name === 'Network in' ? f.networkInBytesPerSec : name === 'Network out' ? f.networkOutBytesPerSec : f.diskIoBytesPerSec);
}

/** Who joins Others beyond MAX_TOPIC_SERIES: the topics that put least on the network and disks. */
function trafficGroups(flows: readonly TopicFlows[]): TopicGroup[] {
  const sizes = flows.map((f) => LOAD_NAMES.reduce((sum, name) => sum + topicLoad(name, f), 0));
  return topicGroups(
    flows.map((f) => f.name),
    sizes,
  );
}

function clusterRows(groups: readonly TopicGroup[], flows: readonly TopicFlows[], limits: { network: number; disk: number }, baseline?: TrafficPlan | null): ClusterRow[] {
  const baseFlows = baseline ? topicFlows(baseline) : null;
  return LOAD_NAMES.map((name): ClusterRow => {
    const perTopic = flows.map((f) => topicLoad(name, f));
    return {
      name,
      ...segmentsOf(groups, perTopic, MIB),
      total: mib(clusterTotal(name, flows)),
      limit: name === 'Disk I/O' ? limits.disk : limits.network,
      ...(baseFlows ? { baseline: mib(clusterTotal(name, baseFlows)) } : {}),
    };
  });
}

/** The load the health check holds against the limit: after the planned failure when one is planned. */
function checkedLoad(bar: BrokerBar, brokersDown: number | null): number {
  if (brokersDown === null) return bar.all;
  if (brokersDown >= 1) return bar.down ?? bar.all;
  // A single broker with a failure planned has nothing left when it is down.
  return bar.all > 0 ? Infinity : 0;
}

function brokerBars(current: TrafficPlan, limits: { network: number; disk: number }, brokersDown: number | null, baseline?: TrafficPlan | null): BrokerBar[] {
  const load = current.metrics.brokerLoad;
  return LOAD_NAMES.map((name): BrokerBar => ({
    name,
    all: brokerFigure(name, load.busiest),
    ...(brokersDown !== null && brokersDown >= 1 ? { down: brokerFigure(name, load.failover.busiest) } : {}),
    ...(baseline ? { baseline: brokerFigure(name, baseline.metrics.brokerLoad.busiest) } : {}),
    limit: name === 'Disk I/O' ? limits.disk : limits.network,
  }));
}

export function trafficBars(current: TrafficPlan, baseline?: TrafficPlan | null): TrafficBars {
  const load = current.metrics.brokerLoad;
  const failure = load.failover;
  const brokersDown = failure.kind === 'none' ? null : failure.brokersLeft;
  const brokersCounted = load.brokersCounted;
  const perBroker = { network: mib(load.limits.networkBytesPerSec), disk: mib(load.limits.diskBytesPerSec) };
  const cluster = { network: perBroker.network * brokersCounted, disk: perBroker.disk * brokersCounted };
  const flows = topicFlows(current);
  const groups = trafficGroups(flows);
  const clusterBars = clusterRows(groups, flows, cluster, baseline);
  const broker = brokerBars(current, perBroker, brokersDown, baseline);
  return {
    groups,
    flows,
    cluster: clusterBars,
    broker,
    brokers: current.plan.cluster.brokers,
    brokersDown,
    brokersCounted,
    networkLimit: perBroker.network,
    diskLimit: perBroker.disk,
    clusterNetworkLimit: cluster.network,
    clusterDiskLimit: cluster.disk,
    overLimit: broker.filter((bar) => checkedLoad(bar, brokersDown) > bar.limit).map((bar) => bar.name),
    // With no broker left the cluster's limit is 0: any load is over it.
    clusterOverLimit: clusterBars.filter((row) => row.total > row.limit).map((row) => row.name),
  };
}
