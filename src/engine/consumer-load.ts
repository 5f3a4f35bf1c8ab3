import type { PlanConfig } from './plan-config';

/**
 * How one consumer group shares the topic's partitions, and whether it keeps up.
 * Static, even assignment (Kafka's range/round-robin assignors): with a active
 * consumers, P mod a of them own ⌈P/a⌉ partitions and the rest own ⌊P/a⌋.
 * Keys: a share h of the events carries one hot key and goes to partition 0, the rest is even,
 * so partition 0 carries λ·(h + (1 − h)/P) events/s and every other λ·(1 − h)/P (h = 0: λ/P each).
 * Range and round-robin both give partition 0 to the first consumer, which owns ⌈P/a⌉: the
 * hot partition's owner is the busiest consumer.
 */
export interface ConsumerLoad {
  /** a = min(C, P): consumers that own at least one partition. */
  readonly activeConsumers: number;
  /** C − a: consumers with no partition (they sit idle). */
  readonly idleConsumers: number;
  /** λ / a: mean load of an active consumer. */
  readonly eventsPerConsumerPerSec: number;
  /** μ = 1000 / L: events one consumer processes per second. */
  readonly serviceRatePerConsumer: number;
  /** ⌈P/a⌉: partitions of the busiest consumer. */
  readonly partitionsOfBusiestConsumer: number;
  /** ⌊P/a⌋: partitions of the lightest consumer. */
  readonly partitionsOfLightestConsumer: number;
  /** How many consumers own ⌈P/a⌉ partitions (all a when P divides evenly). */
  readonly busiestConsumerCount: number;
  /** λ·(h + (1 − h)·⌈P/a⌉/P): arrival rate at the busiest consumer, the one that owns the hot partition (λ·⌈P/a⌉/P with even keys). */
  readonly busiestConsumerEventsPerSec: number;
  /** λ·(h + (1 − h)/P): arrival rate at the hot partition, partition 0 (λ/P with even keys). */
  readonly hotPartitionEventsPerSec: number;
  /** λ_hot / μ: the hot partition's load on the one consumer that may own it; at 1 or more no layout keeps up. */
  readonly hotPartitionUtilization: number;
  /** μ·P/(⌈P/a⌉ + h·(P − ⌈P/a⌉)): the largest λ at which the busiest consumer still keeps up (μ·P/⌈P/a⌉ with even keys). */
  readonly groupCapacityEventsPerSec: number;
  /** λ / group capacity = load of the busiest consumer over its service rate. */
  readonly utilization: number;
  /** Σ_i max(0, λ·k_i/P − μ): how fast one group's lag grows. 0 when it keeps up. */
  readonly lagGrowthEventsPerSecPerGroup: number;
}

export function consumerLoad(config: PlanConfig): ConsumerLoad {
  const { eventsPerSec: rate, partitions, consumersPerGroup, processingMs, hotKeyShare: h } = config;
  const activeConsumers = Math.min(consumersPerGroup, partitions);
  const serviceRatePerConsumer = 1000 / processingMs;
  const partitionsOfLightestConsumer = Math.floor(partitions / activeConsumers);
  const partitionsOfBusiestConsumer = Math.ceil(partitions / activeConsumers);
  const remainder = partitions - activeConsumers * partitionsOfLightestConsumer;
  const busiestConsumerCount = remainder === 0 ? activeConsumers : remainder;
  const lightestConsumerCount = activeConsumers - busiestConsumerCount;

  // Written as (1 − h)·even + h·λ so that h = 0 gives every even-keys figure bit for bit.
  const coldArrivalsFor = (ownedPartitions: number) => (1 - h) * ((rate * ownedPartitions) / partitions);
  const backlogGrowthOf = (arrivals: number) => Math.max(0, arrivals - serviceRatePerConsumer);
  const busiestConsumerEventsPerSec = coldArrivalsFor(partitionsOfBusiestConsumer) + h * rate;
  const hotPartitionEventsPerSec = coldArrivalsFor(1) + h * rate;

  const evenLagGrowth =
    busiestConsumerCount * backlogGrowthOf(coldArrivalsFor(partitionsOfBusiestConsumer)) +
    (lightestConsumerCount > 0 ? lightestConsumerCount * backlogGrowthOf(coldArrivalsFor(partitionsOfLightestConsumer)) : 0);
  // One of the busiest consumers owns the hot partition: its backlog grows by its own arrivals.
  const hotConsumerExtraLagGrowth = backlogGrowthOf(busiestConsumerEventsPerSec) - backlogGrowthOf(coldArrivalsFor(partitionsOfBusiestConsumer));

  const groupCapacityEventsPerSec = (serviceRatePerConsumer * partitions) / (partitionsOfBusiestConsumer + h * (partitions - partitionsOfBusiestConsumer));
  return {
    activeConsumers,
    idleConsumers: consumersPerGroup - activeConsumers,
    eventsPerConsumerPerSec: rate / activeConsumers,
    serviceRatePerConsumer,
    partitionsOfBusiestConsumer,
    partitionsOfLightestConsumer,
    busiestConsumerCount,
    busiestConsumerEventsPerSec,
    hotPartitionEventsPerSec,
    hotPartitionUtilization: hotPartitionEventsPerSec / serviceRatePerConsumer,
    groupCapacityEventsPerSec,
    utilization: rate / groupCapacityEventsPerSec,
    lagGrowthEventsPerSecPerGroup: evenLagGrowth + hotConsumerExtraLagGrowth,
  };
}
