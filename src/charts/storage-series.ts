import type { BinaryUnit } from '../lib/format';
import { binaryUnitFor } from '../lib/format';
import type { ClusterPlan } from '../engine/cluster-plan';
import type { ClusterMetrics } from '../engine/compute-metrics';
import { segmentsOf, topicGroups, type SeriesKey, type TopicGroup } from './topic-groups';
import { bytesPerUnit } from './units';

/**
 * The storage chart's stacked areas. Pure. Starting from empty topics, topic i's retained log
 * grows at its average W_i bytes/s until it is one retention T_i old, then stays there (old
 * segments are deleted as new ones arrive): all copies R_i·W_i·min(t, T_i). Stacked by topic.
 *
 * - The cluster panel holds the sum against the usable disk of every broker: disk × target fill
 *   × B. All B count even with a failure planned: Kafka moves no replicas when a broker fails, so
 *   the dead broker's replicas stay on its disk and no survivor's disk grows.
 * - The per-broker panel is the same stack over B (the average broker), against disk × target
 *   fill, with the fullest broker's disk at full retention from the placement (open segments and
 *   indexes included: metric storage-on-disk-max), which is what the health check holds against
 *   that line. The average can fit while the fullest does not.
 *
 * Values are in each panel's binary unit; x is hours.
 */
export interface StoragePlan {
  readonly plan: ClusterPlan;
  readonly metrics: ClusterMetrics;
}

export interface StorageRow {
  readonly x: number;
  /** Σ of the segments. */
  readonly total: number;
  /** The baseline's total with its own topics (and, per broker, its own broker count). */
  readonly baseline?: number;
  readonly [key: SeriesKey]: number;
}

export interface StorageSeries {
  /** Hours shown: the longest retention of any topic of the plan and the baseline. */
  readonly maxHours: number;
  readonly groups: readonly TopicGroup[];
  readonly clusterUnit: BinaryUnit;
  readonly cluster: readonly StorageRow[];
  readonly brokerUnit: BinaryUnit;
  readonly broker: readonly StorageRow[];
  /** Disk × target fill × B, in clusterUnit. */
  readonly clusterLimit: number;
  /** Disk × target fill, in brokerUnit. */
  readonly brokerLimit: number;
  /** The fullest broker's disk at full retention (placement, open segments, indexes), in brokerUnit. */
  readonly fullestDisk: number;
  readonly brokers: number;
}

const SECONDS_PER_HOUR = 3600;

/** Each topic's retained bytes, all copies, `hours` after writing started. */
function retainedAt({ plan, metrics }: StoragePlan, hours: number): number[] {
  return plan.topics.map((topic, i) => {
    const ingress = metrics.topics[i]?.ingressBytesPerSec ?? 0;
    return ingress * Math.min(hours, topic.retentionHours) * SECONDS_PER_HOUR * topic.replicationFactor;
  });
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function longestRetention(plan: ClusterPlan): number {
  return Math.max(0, ...plan.topics.map((t) => t.retentionHours));
}

/** Evenly spaced hours plus every topic's retention: the corners where a topic levels off are points, so the drawn lines are exact. */
function hoursShown(maxHours: number, points: number, plans: readonly ClusterPlan[]): number[] {
  const hours = new Set<number>();
  const n = Math.max(2, points);
  for (let i = 0; i < n; i += 1) hours.add((maxHours * i) / (n - 1));
  for (const plan of plans) for (const topic of plan.topics) hours.add(topic.retentionHours);
  return [...hours].sort((a, b) => a - b);
}

/** A row in a panel's unit: the topics' bytes over `bytesPerValue` (the unit, × B per broker); the baseline already in that unit. */
function rowAt(x: number, groups: readonly TopicGroup[], perTopic: readonly number[], bytesPerValue: number, baseline: number | null): StorageRow {
  return {
    x,
    ...segmentsOf(groups, perTopic, bytesPerValue),
    total: sum(perTopic) / bytesPerValue,
    ...(baseline !== null ? { baseline } : {}),
  };
}

export function storageSeries(current: StoragePlan, baseline?: StoragePlan | null, points = 61): StorageSeries {
  const { plan, metrics } = current;
  const B = plan.cluster.brokers;
  const baseB = baseline?.plan.cluster.brokers ?? 1;
  const maxHours = Math.max(longestRetention(plan), baseline ? longestRetention(baseline.plan) : 0);
  const xs = hoursShown(maxHours, points, baseline ? [plan, baseline.plan] : [plan]);

  const full = retainedAt(current, maxHours);
  // Who joins Others beyond MAX_TOPIC_SERIES: the topics that keep least on disk.
  const groups = topicGroups(
    plan.topics.map((t) => t.name),
    full,
  );
  const brokerLimitBytes = metrics.brokerLoad.limits.storageBytes;
  const clusterLimitBytes = brokerLimitBytes * B;
  const fullestBytes = metrics.brokerLoad.busiest.storageOnDiskBytes;
  const baseFull = baseline ? sum(retainedAt(baseline, maxHours)) : 0;
  const clusterUnit = binaryUnitFor(Math.max(sum(full), baseFull, clusterLimitBytes));
  const brokerUnit = binaryUnitFor(Math.max(sum(full) / B, baseFull / baseB, brokerLimitBytes, fullestBytes));
  const cu = bytesPerUnit(clusterUnit);
  const bu = bytesPerUnit(brokerUnit);

  const cluster: StorageRow[] = [];
  const broker: StorageRow[] = [];
  for (const x of xs) {
    const perTopic = retainedAt(current, x);
    const base = baseline ? sum(retainedAt(baseline, x)) : null;
    cluster.push(rowAt(x, groups, perTopic, cu, base === null ? null : base / cu));
    broker.push(rowAt(x, groups, perTopic, bu * B, base === null ? null : base / baseB / bu));
  }
  return {
    maxHours,
    groups,
    clusterUnit,
    cluster,
    brokerUnit,
    broker,
    clusterLimit: clusterLimitBytes / cu,
    brokerLimit: brokerLimitBytes / bu,
    fullestDisk: fullestBytes / bu,
    brokers: B,
  };
}
