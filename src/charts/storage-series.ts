import type { BinaryUnit } from '../lib/format';
import { binaryUnitFor } from '../lib/format';
import type { PlanConfig } from '../engine/plan-config';
import type { Traffic } from '../engine/traffic';
import { bytesPerUnit, GIB } from './units';

/**
 * The storage chart's lines. Pure. Starting from an empty topic, the retained log grows at
 * W bytes/s until it is one retention T old, then stays there (old segments are deleted as new
 * ones arrive): logical(t) = W·min(t, T), all copies R·logical(t), per broker R·logical(t)/B.
 * A broker failure moves no replicas in Kafka, so there is no "one down" line: the health check
 * holds the fullest broker's disk (metric storage-on-disk-max, from the placement, with open
 * segments and indexes) against the usable disk × target fill, which the chart draws as the
 * limit. Values are in the panel's binary unit; x is hours.
 */
export interface StoragePlan {
  readonly config: PlanConfig;
  readonly traffic: Traffic;
}

export interface StorageRow {
  readonly x: number;
  readonly logical: number;
  readonly replicated: number;
  readonly baselineLogical?: number;
  readonly baselineReplicated?: number;
}

export interface BrokerStorageRow {
  readonly x: number;
  readonly perBroker: number;
  readonly baselinePerBroker?: number;
}

export interface StorageSeries {
  /** Hours shown: the longer retention of the plan and the baseline. */
  readonly maxHours: number;
  readonly clusterUnit: BinaryUnit;
  readonly cluster: readonly StorageRow[];
  readonly brokerUnit: BinaryUnit;
  readonly broker: readonly BrokerStorageRow[];
  /** Usable disk × target fill, in brokerUnit. */
  readonly brokerLimit: number;
  /** Always null: a failure moves no replicas (kept so the row shape stays one type). */
  readonly brokersDown: null;
}

function logicalAt({ config, traffic }: StoragePlan, hours: number): number {
  return traffic.ingressBytesPerSec * Math.min(hours, config.retentionHours) * 3600;
}

export function storageSeries(current: StoragePlan, baseline?: StoragePlan | null, points = 61): StorageSeries {
  const { config } = current;
  const maxHours = Math.max(config.retentionHours, baseline?.config.retentionHours ?? 0);
  const hours = new Set<number>();
  const n = Math.max(2, points);
  for (let i = 0; i < n; i += 1) hours.add((maxHours * i) / (n - 1));
  hours.add(config.retentionHours);
  if (baseline) hours.add(baseline.config.retentionHours);
  const xs = [...hours].sort((a, b) => a - b);

  const R = config.replicationFactor;
  const B = config.brokers;
  const brokersDown = null;
  const brokerLimitBytes = config.diskPerBrokerGiB * GIB * config.targetDiskFill;

  const full = logicalAt(current, maxHours);
  const baseFull = baseline ? logicalAt(baseline, maxHours) * baseline.config.replicationFactor : 0;
  const clusterUnit = binaryUnitFor(Math.max(full * R, baseFull));
  const perBrokerMax = Math.max((full * R) / B, baseline ? baseFull / baseline.config.brokers : 0, brokerLimitBytes);
  const brokerUnit = binaryUnitFor(perBrokerMax);
  const cu = bytesPerUnit(clusterUnit);
  const bu = bytesPerUnit(brokerUnit);

  const cluster = xs.map((x): StorageRow => {
    const logical = logicalAt(current, x);
    const row: { -readonly [K in keyof StorageRow]: StorageRow[K] } = { x, logical: logical / cu, replicated: (logical * R) / cu };
    if (baseline) {
      const b = logicalAt(baseline, x);
      row.baselineLogical = b / cu;
      row.baselineReplicated = (b * baseline.config.replicationFactor) / cu;
    }
    return row;
  });
  const broker = xs.map((x): BrokerStorageRow => {
    const replicated = logicalAt(current, x) * R;
    const row: { -readonly [K in keyof BrokerStorageRow]: BrokerStorageRow[K] } = { x, perBroker: replicated / B / bu };
    if (baseline) row.baselinePerBroker = (logicalAt(baseline, x) * baseline.config.replicationFactor) / baseline.config.brokers / bu;
    return row;
  });
  return { maxHours, clusterUnit, cluster, brokerUnit, broker, brokerLimit: brokerLimitBytes / bu, brokersDown };
}
