import type { PlanConfig } from './plan-config';

/**
 * How one consumer group shares the topic's partitions, and whether it keeps up.
 * Static, even assignment (Kafka's range/round-robin assignors): with a active
 * consumers, P mod a of them own ⌈P/a⌉ partitions and the rest own ⌊P/a⌋.
 * Keys are assumed even, so a partition carries λ/P events/s.
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
  /** λ·⌈P/a⌉/P: arrival rate at the busiest consumer. */
  readonly busiestConsumerEventsPerSec: number;
  /** μ·P/⌈P/a⌉: the largest λ at which the busiest consumer still keeps up. */
  readonly groupCapacityEventsPerSec: number;
  /** λ / group capacity = load of the busiest consumer over its service rate. */
  readonly utilization: number;
  /** Σ_i max(0, λ·k_i/P − μ): how fast one group's lag grows. 0 when it keeps up. */
  readonly lagGrowthEventsPerSecPerGroup: number;
}

export function consumerLoad(config: PlanConfig): ConsumerLoad {
  const { eventsPerSec: rate, partitions, consumersPerGroup, processingMs } = config;
  const activeConsumers = Math.min(consumersPerGroup, partitions);
  const serviceRatePerConsumer = 1000 / processingMs;
  const partitionsOfLightestConsumer = Math.floor(partitions / activeConsumers);
  const partitionsOfBusiestConsumer = Math.ceil(partitions / activeConsumers);
  const remainder = partitions - activeConsumers * partitionsOfLightestConsumer;
  const busiestConsumerCount = remainder === 0 ? activeConsumers : remainder;
  const lightestConsumerCount = activeConsumers - busiestConsumerCount;

  const arrivalsFor = (ownedPartitions: number) => (rate * ownedPartitions) / partitions;
  const backlogGrowthFor = (ownedPartitions: number) =>
    Math.max(0, arrivalsFor(ownedPartitions) - serviceRatePerConsumer);

  const groupCapacityEventsPerSec = (serviceRatePerConsumer * partitions) / partitionsOfBusiestConsumer;
  return {
    activeConsumers,
    idleConsumers: consumersPerGroup - activeConsumers,
    eventsPerConsumerPerSec: rate / activeConsumers,
    serviceRatePerConsumer,
    partitionsOfBusiestConsumer,
    partitionsOfLightestConsumer,
    busiestConsumerCount,
    busiestConsumerEventsPerSec: arrivalsFor(partitionsOfBusiestConsumer),
    groupCapacityEventsPerSec,
    utilization: rate / groupCapacityEventsPerSec,
    lagGrowthEventsPerSecPerGroup:
      busiestConsumerCount * backlogGrowthFor(partitionsOfBusiestConsumer) +
      (lightestConsumerCount > 0 ? lightestConsumerCount * backlogGrowthFor(partitionsOfLightestConsumer) : 0),
  };
}
