import { DEFAULT_CONFIG } from '../config/schema';
import { placeReplicas, replicasOf } from '../engine/placement';
import type { PlanConfig } from '../engine/plan-config';
import { fromPlainSnapshot, viewOf } from '../sim/snapshot-view';
import type { ConsumerSnapshot, GroupSnapshot, LeaderMove, SimMeasurements, SimSnapshot, SimView } from '../sim/types';

type Overrides = { config?: Partial<PlanConfig>; timeMs?: number; downBrokers?: number[]; flows?: number; measurements?: Partial<SimMeasurements>; groups?: Partial<GroupSnapshot>[]; leaderMoves?: LeaderMove[] };

/** A hand-made snapshot for tests of the page side, as the page holds it: a view of its frame (src/sim/snapshot-view.ts). */
export function makeSnapshot(overrides: Overrides = {}): SimView {
  const { shape, frame } = fromPlainSnapshot(makePlainSnapshot(overrides));
  return viewOf(shape, frame);
}

/** The same as plain data: P partitions placed as the simulation places them (engine/placement.ts). */
export function makePlainSnapshot(overrides: Overrides = {}): SimSnapshot {
  const config = { ...DEFAULT_CONFIG, ...overrides.config };
  const down = new Set(overrides.downBrokers ?? []);
  const brokers = config.brokers;
  const placement = placeReplicas(config.partitions, config.replicationFactor, brokers, config.zones);
  const partitions = Array.from({ length: config.partitions }, (_, id) => {
    const replicas = replicasOf(placement, id);
    const isr = replicas.filter((b) => !down.has(b));
    return { id, topic: 0, logEndOffset: 1000 * (id + 1), highWatermark: 1000 * (id + 1), logStartOffset: 0, leader: isr[0] ?? -1, replicas, isr, produceBlocked: isr.length === 0 };
  });
  const active = Math.min(config.consumersPerGroup, config.partitions);
  const consumers: ConsumerSnapshot[] = Array.from({ length: Math.min(256, config.consumersPerGroup) }, (_, id) => ({
    id,
    alive: true,
    assigned: id < active ? partitions.filter((p) => p.id % active === id).map((p) => p.id) : [],
    busy: id < active,
    processed: 10 * id,
  }));
  const partitionLag = partitions.map((p) => p.id * 100);
  const baseGroup: GroupSnapshot = {
    id: 0,
    topic: 0,
    kind: 'live',
    consumed: 500,
    processed: 500,
    lag: partitionLag.reduce((a, b) => a + b, 0),
    partitionLag,
    deadLettered: 0,
    expired: 0,
    duplicates: 0,
    duplicatesSuppressed: 0,
    failedAttempts: 0,
    rebalancing: false,
    rebalances: 1,
    consumerCount: config.consumersPerGroup,
    aliveConsumers: config.consumersPerGroup,
    idleConsumers: config.consumersPerGroup - active,
    consumers,
  };
  const groups = (overrides.groups ?? [{}]).map((g, index) => ({ ...baseGroup, id: index, ...g }));
  const measurements: SimMeasurements = {
    windowMs: 1000,
    producedPerSec: config.eventsPerSec,
    consumedPerSec: 50,
    lagGrowthPerSec: config.eventsPerSec - 50,
    waitMeanSeconds: 1,
    waitP50Seconds: 0.5,
    waitP99Seconds: 2,
    waitMaxSeconds: 3,
    latencyMeanSeconds: 1.1,
    latencyP50Seconds: 0.6,
    latencyP99Seconds: 2.1,
    latencyMaxSeconds: 3.1,
    waitSamples: 100,
    waitTotalSeconds: 100,
    latencySamples: 100,
    latencyTotalSeconds: 110,
    ...overrides.measurements,
  };
  const produced = partitions.reduce((a, p) => a + p.logEndOffset, 0);
  return {
    timeMs: overrides.timeMs ?? 1000,
    config,
    seed: 1,
    topics: [{ name: 'events', firstPartition: 0, partitionCount: config.partitions, groups: groups.map((g) => g.id), produced, eventsPerSec: config.eventsPerSec, measurements }],
    produced,
    producerBuffered: 0,
    spikeFactor: 1,
    idempotentConsumers: false,
    brokers: Array.from({ length: brokers }, (_, id) => ({
      id,
      up: !down.has(id),
      leaderOf: partitions.filter((p) => p.leader === id).length,
      networkInBytes: 0,
      networkOutBytes: 0,
      replicas: partitions.filter((p) => p.replicas.includes(id)).length,
    })),
    partitions,
    groups,
    deadLetterQueue: 0,
    measurements,
    flows: Array.from({ length: overrides.flows ?? 20 }, (_, i) => ({
      kind: i % 2 === 0 ? ('produce' as const) : ('consume' as const),
      partition: i % config.partitions,
      group: i % 2 === 0 ? -1 : 0,
      consumer: i % 2 === 0 ? -1 : (i % config.partitions) % active,
      events: 10,
      progress: (i % 10) / 10,
    })),
    leaderMoves: overrides.leaderMoves ?? [],
    log: [],
  };
}
