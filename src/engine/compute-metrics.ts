import { consumerLoad, type ConsumerLoad } from './consumer-load';
import { health, type Health } from './health';
import { latencyEstimate, type LatencyEstimate } from './latency';
import type { PlanConfig } from './plan-config';
import { traffic, type Traffic } from './traffic';

/** Everything the capacity model says about one plan. Base units throughout. */
export interface Metrics extends ConsumerLoad, Traffic {
  readonly totalEventsPerSec: number;
  /** Lag growth summed over every consumer group: G × the per-group figure. */
  readonly lagGrowthEventsPerSecAllGroups: number;
  readonly latency: LatencyEstimate;
  readonly health: Health;
  /** False when the cluster cannot hold the plan at all (replication factor > brokers). */
  readonly clusterValid: boolean;
}

export function computeMetrics(config: PlanConfig): Metrics {
  const load = consumerLoad(config);
  return {
    totalEventsPerSec: config.eventsPerSec,
    ...load,
    lagGrowthEventsPerSecAllGroups: load.lagGrowthEventsPerSecPerGroup * config.consumerGroups,
    ...traffic(config),
    latency: latencyEstimate(load),
    health: health(config, load),
    clusterValid: config.replicationFactor <= config.brokers,
  };
}
