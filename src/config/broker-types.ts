import type { PlanConfig } from '../engine/plan-config';
import type { BrokerTypeOption } from '../engine/recommend-cluster';

/**
 * The broker types a plan can be set from: AWS MSK Standard brokers, kafka.m5 and kafka.m7g from
 * large up. Data, never fetched: the figures are what the pages below said when they were read, and
 * every one stays editable in the plan (a changed value makes the type "custom (based on …)").
 *
 * Sources, read 2026-12-01 (this machine has no web access beyond the npm registry, so the prices
 * and limits are as published on these pages; check them before you rely on them):
 * - vCPU, memory, recommended partition replicas, provisioned storage throughput maximum:
 *   AWS MSK developer guide, "Broker instance sizes", "Best practices: right-size your cluster"
 *   (partitions per broker) and "Provision storage throughput" (../shared/reference/kafka-facts.md).
 * - Baseline network: the EC2 instance type's baseline bandwidth (m5, m7g "up to" figures are
 *   bursts above it; EC2 "Network bandwidth" docs): Gbit/s × 10⁹ / 8 / 2²⁰ MiB/s, rounded down.
 * - Hourly price: aws.amazon.com/msk/pricing, MSK Provisioned, Standard brokers, US East (N. Virginia).
 * - Storage: 0.10 USD per GiB-month (same page); cross-zone data transfer 0.01 USD per GB each way
 *   (EC2 on-demand pricing, data transfer); no charge for replication between MSK brokers (same page).
 */

export interface BrokerType {
  /** The name AWS uses (`kafka.m5.2xlarge`), also the link's `broker` value. */
  readonly id: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** Baseline (sustained) network of the instance, each direction, MiB/s. */
  readonly baselineNetworkMiBPerSec: number;
  /** EBS storage throughput a broker gets by default, MiB/s (reads + writes). */
  readonly storageMiBPerSec: number;
  /** The most throughput that can be provisioned for its volume, MiB/s (250: none beyond the default). */
  readonly maxProvisionedStorageMiBPerSec: number;
  /** MSK's recommended partition replicas (leaders and followers) per broker. */
  readonly recommendedReplicas: number;
  /** On-demand price per broker-hour, USD, US East (N. Virginia). */
  readonly pricePerHour: number;
}

export const CATALOGUE_REGION = 'US East (N. Virginia)';
export const CATALOGUE_CURRENCY = 'USD';
export const CATALOGUE_READ_ON = '2026-12-01';
export const CATALOGUE_SOURCE = 'aws.amazon.com/msk/pricing; AWS MSK developer guide (broker sizes, partitions per broker, provisioned throughput); EC2 network bandwidth docs';
export const CUSTOM_BROKER_TYPE = 'custom';

const GBIT = 1e9 / 8 / 1024 / 1024;
const mib = (gbitPerSec: number) => Math.floor(gbitPerSec * GBIT);

export const BROKER_TYPES: readonly BrokerType[] = [
  { id: 'kafka.m5.large', vcpu: 2, memoryGiB: 8, baselineNetworkMiBPerSec: mib(0.75), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 250, recommendedReplicas: 1000, pricePerHour: 0.21 },
  { id: 'kafka.m5.xlarge', vcpu: 4, memoryGiB: 16, baselineNetworkMiBPerSec: mib(1.25), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 250, recommendedReplicas: 1000, pricePerHour: 0.42 },
  { id: 'kafka.m5.2xlarge', vcpu: 8, memoryGiB: 32, baselineNetworkMiBPerSec: mib(2.5), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 250, recommendedReplicas: 2000, pricePerHour: 0.84 },
  { id: 'kafka.m5.4xlarge', vcpu: 16, memoryGiB: 64, baselineNetworkMiBPerSec: mib(5), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 593, recommendedReplicas: 4000, pricePerHour: 1.68 },
  { id: 'kafka.m5.8xlarge', vcpu: 32, memoryGiB: 128, baselineNetworkMiBPerSec: mib(10), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 850, recommendedReplicas: 4000, pricePerHour: 3.36 },
  { id: 'kafka.m5.12xlarge', vcpu: 48, memoryGiB: 192, baselineNetworkMiBPerSec: mib(12), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 1000, recommendedReplicas: 4000, pricePerHour: 5.04 },
  { id: 'kafka.m5.16xlarge', vcpu: 64, memoryGiB: 256, baselineNetworkMiBPerSec: mib(20), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 1000, recommendedReplicas: 4000, pricePerHour: 6.72 },
  { id: 'kafka.m5.24xlarge', vcpu: 96, memoryGiB: 384, baselineNetworkMiBPerSec: mib(25), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 1000, recommendedReplicas: 4000, pricePerHour: 10.08 },
  { id: 'kafka.m7g.large', vcpu: 2, memoryGiB: 8, baselineNetworkMiBPerSec: mib(0.937), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 250, recommendedReplicas: 1000, pricePerHour: 0.204 },
  { id: 'kafka.m7g.xlarge', vcpu: 4, memoryGiB: 16, baselineNetworkMiBPerSec: mib(1.876), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 250, recommendedReplicas: 1000, pricePerHour: 0.408 },
  { id: 'kafka.m7g.2xlarge', vcpu: 8, memoryGiB: 32, baselineNetworkMiBPerSec: mib(3.75), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 312.5, recommendedReplicas: 2000, pricePerHour: 0.816 },
  { id: 'kafka.m7g.4xlarge', vcpu: 16, memoryGiB: 64, baselineNetworkMiBPerSec: mib(7.5), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 625, recommendedReplicas: 4000, pricePerHour: 1.632 },
  { id: 'kafka.m7g.8xlarge', vcpu: 32, memoryGiB: 128, baselineNetworkMiBPerSec: mib(15), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 1000, recommendedReplicas: 4000, pricePerHour: 3.264 },
  { id: 'kafka.m7g.12xlarge', vcpu: 48, memoryGiB: 192, baselineNetworkMiBPerSec: mib(22.5), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 1000, recommendedReplicas: 4000, pricePerHour: 4.896 },
  { id: 'kafka.m7g.16xlarge', vcpu: 64, memoryGiB: 256, baselineNetworkMiBPerSec: mib(30), storageMiBPerSec: 250, maxProvisionedStorageMiBPerSec: 1000, recommendedReplicas: 4000, pricePerHour: 6.528 },
];

/** The type the schema's defaults describe (src/config/schema.ts BROKER_TYPE). */
export const DEFAULT_BROKER_TYPE = 'kafka.m5.2xlarge';

export function brokerTypeById(id: string): BrokerType | undefined {
  return BROKER_TYPES.find((t) => t.id === id);
}

/** The assumptions a broker type sets. */
export function brokerTypeValues(type: BrokerType): Partial<PlanConfig> {
  return {
    brokerNetworkMiBPerSec: type.baselineNetworkMiBPerSec,
    brokerDiskMiBPerSec: type.storageMiBPerSec,
    brokerMemoryGiB: type.memoryGiB,
    replicasPerBrokerLimit: type.recommendedReplicas,
    brokerPricePerHour: type.pricePerHour,
  };
}

/** Whether the plan's assumptions are still exactly what the type sets (else it is "custom (based on …)"). */
export function matchesBrokerType(config: PlanConfig, type: BrokerType): boolean {
  return Object.entries(brokerTypeValues(type)).every(([field, value]) => config[field as keyof PlanConfig] === value);
}

/** What the broker-type control shows: the type, or "custom (based on kafka.m5.2xlarge)". */
export function brokerTypeLabel(config: PlanConfig, typeId: string): string {
  const type = brokerTypeById(typeId);
  if (!type) return 'custom';
  return matchesBrokerType(config, type) ? type.id : `custom (based on ${type.id})`;
}

/** Every broker type of the catalogue as the cluster recommendation searches them (the page and the command line alike). */
export const CATALOGUE_OPTIONS: readonly BrokerTypeOption[] = BROKER_TYPES.map((type) => ({ id: type.id, values: brokerTypeValues(type) }));
