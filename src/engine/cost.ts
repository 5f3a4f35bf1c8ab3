import { GIB } from './broker-limits';
import type { PlanConfig } from './plan-config';

/**
 * What the cluster costs a month: broker hours, provisioned storage, and traffic that crosses
 * zones. An estimate from editable prices (defaults: src/config/broker-types.ts, with their source
 * and date); docs/model.md "Cost".
 */

/** A billing month: AWS prices monthly figures at 730 hours (8,760 / 12). */
export const HOURS_PER_MONTH = 730;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export type CostLineId = 'brokers' | 'storage' | 'client-cross-zone' | 'replication-cross-zone';

export interface CostLine {
  readonly id: CostLineId;
  readonly label: string;
  readonly formula: string;
  /** How many units a month: broker-hours, GiB-months, GiB. */
  readonly quantity: number;
  readonly quantityUnit: string;
  readonly unitPrice: number;
  readonly monthly: number;
}

/** Bytes per second that cross zones, at the average rate (a month is mostly not the peak hour). */
export interface CrossZoneTraffic {
  /** Producers in every zone write to leaders in one: (Z − 1)/Z of W crosses. */
  readonly producerBytesPerSec: number;
  /** Groups read from leaders, (Z − 1)/Z crossing; from the nearest replica, only the zones without one: (Z − min(R, Z))/Z. */
  readonly consumerBytesPerSec: number;
  /** Followers in another zone than their leader: R − ⌈R/Z⌉ of R − 1 with rack-aware placement. */
  readonly replicationBytesPerSec: number;
}

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  readonly monthly: number;
  readonly crossZone: CrossZoneTraffic;
}

/** One topic's average traffic, as the cost needs it. */
export interface TopicTraffic {
  readonly ingressBytesPerSec: number;
  /** Every group's reads, replaying groups included. */
  readonly groupReadBytesPerSec: number;
  readonly replicationFactor: number;
}

export function crossZoneTraffic(config: PlanConfig, topics: readonly TopicTraffic[]): CrossZoneTraffic {
  const Z = Math.max(1, Math.min(config.zones, config.brokers));
  const away = (Z - 1) / Z;
  let producer = 0;
  let consumer = 0;
  let replication = 0;
  for (const t of topics) {
    const R = Math.min(t.replicationFactor, config.brokers);
    producer += t.ingressBytesPerSec * away;
    const consumerShare = config.fetchFromNearestReplica >= 1 ? (Z - Math.min(R, Z)) / Z : away;
    consumer += t.groupReadBytesPerSec * consumerShare;
    // Rack-aware placement fills every zone once before it reuses one, and the leader's zone is reused first.
    replication += t.ingressBytesPerSec * (R - Math.ceil(R / Z));
  }
  return { producerBytesPerSec: producer, consumerBytesPerSec: consumer, replicationBytesPerSec: replication };
}

export function monthlyGiB(bytesPerSec: number): number {
  return (bytesPerSec * SECONDS_PER_MONTH) / GIB;
}

export function costEstimate(config: PlanConfig, topics: readonly TopicTraffic[]): CostEstimate {
  const crossZone = crossZoneTraffic(config, topics);
  const brokerHours = config.brokers * HOURS_PER_MONTH;
  const storageGiBMonths = config.brokers * config.diskPerBrokerGiB;
  const clientGiB = monthlyGiB(crossZone.producerBytesPerSec + crossZone.consumerBytesPerSec);
  const replicationGiB = monthlyGiB(crossZone.replicationBytesPerSec);
  const lines: CostLine[] = [
    { id: 'brokers', label: 'Brokers', formula: 'B × 730 h × price per broker-hour', quantity: brokerHours, quantityUnit: 'broker-hours', unitPrice: config.brokerPricePerHour, monthly: brokerHours * config.brokerPricePerHour },
    { id: 'storage', label: 'Provisioned storage', formula: 'B × disk per broker (GiB) × price per GiB-month', quantity: storageGiBMonths, quantityUnit: 'GiB-months', unitPrice: config.storagePricePerGiBMonth, monthly: storageGiBMonths * config.storagePricePerGiBMonth },
    { id: 'client-cross-zone', label: 'Cross-zone client traffic', formula: 'Σ topics [W·(Z − 1)/Z + reads × (Z − 1)/Z, or (Z − min(R, Z))/Z from the nearest replica] × 730 h, in GiB × price per GiB', quantity: clientGiB, quantityUnit: 'GiB', unitPrice: config.crossZonePricePerGiB, monthly: clientGiB * config.crossZonePricePerGiB },
    { id: 'replication-cross-zone', label: 'Cross-zone replication', formula: 'Σ topics W·(R − ⌈R/Z⌉) × 730 h, in GiB × price per GiB', quantity: replicationGiB, quantityUnit: 'GiB', unitPrice: config.replicationPricePerGiB, monthly: replicationGiB * config.replicationPricePerGiB },
  ];
  return { lines, monthly: lines.reduce((sum, line) => sum + line.monthly, 0), crossZone };
}
