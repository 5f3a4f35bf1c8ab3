import { brokerLoad, type BrokerLoad } from './broker-limits';
import { clientLoad, type ClientLoad } from './client-checks';
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
  /** Per-broker loads from the replica placement, all up and after the planned failure, against the limits. */
  readonly brokerLoad: BrokerLoad;
  /** Seconds a new consumer group needs to read the retained log and catch up; Infinity if never. */
  readonly replayCatchUpSeconds: number;
  readonly client: ClientLoad;
  readonly health: Health;
  /** False when the cluster cannot hold the plan at all (replication factor > brokers). */
  readonly clusterValid: boolean;
}

export function computeMetrics(config: PlanConfig): Metrics {
  const load = consumerLoad(config);
  const bytes = traffic(config);
  const latency = latencyEstimate(load, config);
  const brokers = brokerLoad(config, bytes, load);
  const client = clientLoad(config);
  return {
    totalEventsPerSec: config.eventsPerSec,
    ...load,
    lagGrowthEventsPerSecAllGroups: load.lagGrowthEventsPerSecPerGroup * config.consumerGroups,
    ...bytes,
    latency,
    brokerLoad: brokers,
    replayCatchUpSeconds: replayCatchUpSeconds(config, load),
    client,
    health: health(config, load, brokers, latency, client),
    clusterValid: config.replicationFactor <= config.brokers,
  };
}

/**
 * A new group (an event-sourced rebuild, a new CQRS read model) starts with the whole
 * retained log, λ·T events, and drains it at (capacity − λ): time = λ·T / (capacity − λ).
 */
function replayCatchUpSeconds(config: PlanConfig, load: ConsumerLoad): number {
  const spare = load.groupCapacityEventsPerSec - config.eventsPerSec;
  if (!(spare > 0)) return Infinity;
  return (config.eventsPerSec * config.retentionHours * 3600) / spare;
}
