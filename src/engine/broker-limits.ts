import { INDEX_BYTES_PER_LOG_BYTE, JVM_HEAP_GIB, SEGMENT_BYTES, SEGMENT_MS } from './assumptions';
import type { ConsumerLoad } from './consumer-load';
import { placeReplicas, zoneOf, type Placement } from './placement';
import type { PlanConfig } from './plan-config';
import type { Traffic } from './traffic';

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

/** What one broker carries; each figure the most any broker carries (not always the same broker). */
export interface BrokerFigures {
  /** Producer writes to the partitions it leads plus follower fetches into the replicas it follows. */
  readonly networkInBytesPerSec: number;
  /** Reads of every group from the partitions it leads plus follower fetches from them. */
  readonly networkOutBytesPerSec: number;
  /** Every replica it holds is written: replicas × W/P. */
  readonly diskWriteBytesPerSec: number;
  /** Reads + writes on its volume: lagging and replaying groups read its leaders' logs from disk. */
  readonly diskIoBytesPerSec: number;
  /** Retained bytes of its replicas: replicas × W·T/P. */
  readonly storageBytes: number;
  /** What its disk holds: retained bytes + one open segment a replica + indexes. */
  readonly storageOnDiskBytes: number;
  /** Partitions it leads. */
  readonly leaders: number;
  /** Partition replicas it holds (leaders and followers). */
  readonly replicas: number;
  /** Of those, the plan's own topics' (without __consumer_offsets, which carries no bytes the model counts). */
  readonly topicLeaders: number;
  readonly topicReplicas: number;
}

export type FailureKind = 'none' | 'broker' | 'zone';

export interface Failover {
  readonly kind: FailureKind;
  /** Brokers left after the planned failure (B with none planned). */
  readonly brokersLeft: number;
  /** f: the most replicas of one partition the failure takes (0 with none planned). */
  readonly replicasLost: number;
  /** Partitions with no replica left (offline) in the worst failure case. */
  readonly partitionsOffline: number;
  /** Partitions whose live replicas fall below min.insync.replicas in the worst case: acks=all writes stop. */
  readonly partitionsBelowMinIsr: number;
  /** The busiest surviving broker after the failure, worst case over which broker or zone fails. */
  readonly busiest: BrokerFigures;
  /** Which failure gave the busiest network out (e.g. "broker 0", "zone 1"); '' with none planned. */
  readonly worstCase: string;
}

export interface BrokerLoad {
  /** Brokers the planned failure leaves: B − 1 for a broker, B − (brokers of the largest zone) for a zone. */
  readonly brokersCounted: number;
  /** Partition replicas on the fullest broker with all B up, as the mean model puts it: ⌈P·R/B⌉. */
  readonly partitionReplicasAllUp: number;
  /** W·(h + (1 − h)/P) at peak: bytes per second into the hottest partition (W / P, every partition alike, with even keys). */
  readonly partitionIngressBytesPerSec: number;
  /** Bytes/s every group together reads (network out to consumers). */
  readonly groupReadBytesPerSec: number;
  /** Bytes/s of those reads that come from disk: groups that lag or replay read past the page cache. */
  readonly diskReadBytesPerSec: number;
  /** The busiest broker with every broker up, from the placement. */
  readonly busiest: BrokerFigures;
  readonly failover: Failover;
  /** Seconds of the busiest broker's writes its page cache holds (memory − heap over its write rate). */
  readonly pageCacheSeconds: number;
  readonly limits: {
    /** Network each direction × the utilization limit. */
    readonly networkBytesPerSec: number;
    /** Volume throughput (reads + writes) × the utilization limit. */
    readonly diskBytesPerSec: number;
    /** Disk × target fill. */
    readonly storageBytes: number;
    readonly partitionReplicas: number;
    readonly partitionBytesPerSec: number;
  };
}

/** Replay groups read as fast as their consumers go: every active consumer busy, a·μ events/s. */
export function replayReadEventsPerSec(load: ConsumerLoad): number {
  return load.activeConsumers * load.serviceRatePerConsumer;
}

/** What one partition puts on the brokers that hold it. */
export interface PartitionRates {
  /** Into every replica (producer into the leader, fetch into each follower) at peak, and written to its disk. */
  readonly writeBytesPerSec: number;
  /** Group reads at peak served by its leader. */
  readonly groupReadBytesPerSec: number;
  /** Of those, from disk. */
  readonly diskReadBytesPerSec: number;
  /** Retained bytes at the average rate. */
  readonly retainedBytes: number;
  /** Retained + one open segment + indexes, on each replica's disk. */
  readonly onDiskBytes: number;
}

/**
 * What one topic puts on the brokers that hold it, per partition: every partition carries the even
 * share of the events without the hot key, (1 − h)/P (W/P with even keys), and partition 0 the hot
 * key's share h on top. One heavier partition a topic keeps the loads counts × rates plus one term.
 */
export interface TopicRates extends PartitionRates {
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  /** What partition 0 carries beyond the others (the hot key's events); null with even keys. */
  readonly hotPartitionExtra: PartitionRates | null;
}

/** Group reads of one topic: the network is sized for what the groups must read to keep up, the disk for what they read behind the page cache. */
export function topicReads(config: PlanConfig, peakIngressBytesPerSec: number, peakLoad: ConsumerLoad, peakEventsPerSec: number): { groupReadBytesPerSec: number; diskReadBytesPerSec: number } {
  const bytesPerEvent = peakEventsPerSec > 0 ? peakIngressBytesPerSec / peakEventsPerSec : 0;
  // All of W each (W·G), plus what replaying groups read. A group that lags consumes only λ minus
  // its lag growth, but it reads that behind the page cache, from disk.
  const lagging = peakLoad.lagGrowthEventsPerSecPerGroup > 0;
  const replayEvents = config.replayGroups * replayReadEventsPerSec(peakLoad);
  const laggingReadEvents = lagging ? config.consumerGroups * (peakEventsPerSec - peakLoad.lagGrowthEventsPerSecPerGroup) : 0;
  return {
    groupReadBytesPerSec: peakIngressBytesPerSec * config.consumerGroups + bytesPerEvent * replayEvents,
    diskReadBytesPerSec: bytesPerEvent * (laggingReadEvents + replayEvents),
  };
}

/** (1 − h)·x/P + h·x: the hottest partition's part of a topic-wide figure x (x/P, bit for bit, with h = 0). */
export function hottestPartitionShareOf(total: number, partitions: number, hotKeyShare: number): number {
  return (1 - hotKeyShare) * (total / partitions) + hotKeyShare * total;
}

/**
 * A topic's per-partition rates from its traffic at peak (throughput) and at the average (storage).
 * Reads follow the writes: a partition's share of the group reads is its share of the events.
 */
export function topicRates(config: PlanConfig, peak: Traffic, average: Traffic, reads: { groupReadBytesPerSec: number; diskReadBytesPerSec: number }): TopicRates {
  const P = config.partitions;
  const h = config.hotKeyShare;
  const cold = (total: number) => (1 - h) * (total / P);
  const onDisk = (retained: number, averageWriteBytesPerSec: number) => (retained + openSegmentBytes(averageWriteBytesPerSec)) * (1 + INDEX_BYTES_PER_LOG_BYTE);
  const retainedBytes = cold(average.storageLogicalBytes);
  const onDiskBytes = onDisk(retainedBytes, cold(average.ingressBytesPerSec));
  const hotRetainedBytes = retainedBytes + h * average.storageLogicalBytes;
  return {
    partitions: P,
    replicationFactor: config.replicationFactor,
    minInsyncReplicas: config.minInsyncReplicas,
    writeBytesPerSec: cold(peak.ingressBytesPerSec),
    groupReadBytesPerSec: cold(reads.groupReadBytesPerSec),
    diskReadBytesPerSec: cold(reads.diskReadBytesPerSec),
    retainedBytes,
    onDiskBytes,
    hotPartitionExtra:
      h === 0
        ? null
        : {
            writeBytesPerSec: h * peak.ingressBytesPerSec,
            groupReadBytesPerSec: h * reads.groupReadBytesPerSec,
            diskReadBytesPerSec: h * reads.diskReadBytesPerSec,
            retainedBytes: h * average.storageLogicalBytes,
            onDiskBytes: onDisk(hotRetainedBytes, cold(average.ingressBytesPerSec) + h * average.ingressBytesPerSec) - onDiskBytes,
          },
  };
}

/** Partition 0's rates: the topic's per-partition rates plus the hot key's extra. */
function hotPartitionRates(t: TopicRates): PartitionRates {
  const extra = t.hotPartitionExtra;
  if (!extra) return t;
  return {
    writeBytesPerSec: t.writeBytesPerSec + extra.writeBytesPerSec,
    groupReadBytesPerSec: t.groupReadBytesPerSec + extra.groupReadBytesPerSec,
    diskReadBytesPerSec: t.diskReadBytesPerSec + extra.diskReadBytesPerSec,
    retainedBytes: t.retainedBytes + extra.retainedBytes,
    onDiskBytes: t.onDiskBytes + extra.onDiskBytes,
  };
}

/** Kafka's `__consumer_offsets`: replicas and leaders on the brokers; its commit traffic is negligible beside the topics'. */
export function offsetsTopicRates(config: PlanConfig): TopicRates | null {
  if (config.offsetsTopicPartitions <= 0) return null;
  return {
    partitions: config.offsetsTopicPartitions,
    replicationFactor: Math.min(config.offsetsTopicReplicationFactor, config.brokers),
    minInsyncReplicas: 1,
    writeBytesPerSec: 0,
    groupReadBytesPerSec: 0,
    diskReadBytesPerSec: 0,
    retainedBytes: 0,
    onDiskBytes: 0,
    hotPartitionExtra: null,
  };
}

/** What the planned failure does to one topic's partitions, worst case over which broker or zone fails. */
export interface TopicAvailability {
  /** f: the most replicas of one of its partitions the failure takes. */
  readonly replicasLost: number;
  readonly partitionsOffline: number;
  readonly partitionsBelowMinIsr: number;
}

/** The cluster's brokers under every topic (and `__consumer_offsets`), all up and after the planned failure. */
export interface ClusterBrokerLoad {
  readonly brokersCounted: number;
  /** ⌈Σ P·R / B⌉ over every topic placed. */
  readonly partitionReplicasAllUp: number;
  /** Partition replicas placed on the cluster, Σ P·R (with `__consumer_offsets`). */
  readonly partitionReplicas: number;
  readonly busiest: BrokerFigures;
  readonly failover: Failover;
  readonly pageCacheSeconds: number;
  readonly limits: BrokerLoad['limits'];
  /** Per topic, in the order given (the offsets topic left out). */
  readonly topicAvailability: readonly TopicAvailability[];
  /** Every broker's load with all brokers up, indexed by broker (for charts and tests). */
  readonly perBroker: PerBrokerLoads;
}

export interface PerBrokerLoads {
  readonly leaders: Int32Array;
  readonly replicas: Int32Array;
  readonly networkInBytesPerSec: Float64Array;
  readonly networkOutBytesPerSec: Float64Array;
  readonly diskIoBytesPerSec: Float64Array;
  readonly storageBytes: Float64Array;
}

/** The topics placed together: topic t's partitions after those of topics 0 … t−1, each from the start index where the previous ended. */
interface Layout {
  /** Topics [0, userTopics) are the plan's; after them comes __consumer_offsets. */
  readonly userTopics: number;
  readonly brokers: number;
  readonly zones: number;
  readonly topics: readonly TopicRates[];
  readonly placements: readonly Placement[];
}

function layoutOf(config: PlanConfig, topics: readonly TopicRates[], userTopics: number): Layout {
  const B = config.brokers;
  const Z = Math.min(config.zones, B);
  let start = 0;
  const placements = topics.map((t) => {
    const placement = placeReplicas(t.partitions, t.replicationFactor, B, Z, start);
    start = (start + t.partitions) % B;
    return placement;
  });
  return { userTopics, brokers: B, zones: Z, topics, placements };
}

export function clusterBrokerLoad(config: PlanConfig, topics: readonly TopicRates[], userTopics: number): ClusterBrokerLoad {
  const layout = layoutOf(config, topics, userTopics);
  const B = layout.brokers;
  const structure = structureOf(layout);
  const allUp = allUpLoads(layout, structure);
  const busiest = maxFigures(allUp);
  const { failover, topicAvailability } = plannedFailover(config, layout, structure, allUp, busiest);
  const pageCacheBytes = Math.max(0, config.brokerMemoryGiB - JVM_HEAP_GIB) * GIB;
  // As asked for: a replication factor above B is not placed, but the mean figure shows what it needs.
  let replicas = 0;
  for (const t of topics) replicas += t.partitions * t.replicationFactor;
  return {
    brokersCounted: failover.brokersLeft,
    partitionReplicasAllUp: Math.ceil(replicas / B),
    partitionReplicas: replicas,
    busiest,
    failover,
    pageCacheSeconds: busiest.diskWriteBytesPerSec > 0 ? pageCacheBytes / busiest.diskWriteBytesPerSec : Infinity,
    limits: brokerLimits(config),
    topicAvailability: topicAvailability.slice(0, userTopics),
    perBroker: { leaders: allUp.leaders, replicas: allUp.replicas, networkInBytesPerSec: allUp.inBytes, networkOutBytesPerSec: allUp.outBytes, diskIoBytesPerSec: allUp.ioBytes, storageBytes: allUp.storage },
  };
}

/** One broker's limits from the assumptions (a broker type's figures × the utilization limit). */
export function brokerLimits(config: PlanConfig): BrokerLoad['limits'] {
  return {
    networkBytesPerSec: config.brokerNetworkMiBPerSec * MIB * config.brokerUtilization,
    diskBytesPerSec: config.brokerDiskMiBPerSec * MIB * config.brokerUtilization,
    storageBytes: config.diskPerBrokerGiB * GIB * config.targetDiskFill,
    partitionReplicas: config.replicasPerBrokerLimit,
    partitionBytesPerSec: config.partitionLimitMiBPerSec * MIB,
  };
}

/** A replica's active segment, not yet deletable: it rolls at segment.bytes or after segment.ms. */
export function openSegmentBytes(partitionWriteBytesPerSec: number): number {
  return Math.min(SEGMENT_BYTES, partitionWriteBytesPerSec * (SEGMENT_MS / 1000));
}

/** Per-broker loads, typed arrays indexed by broker. */
interface Loads {
  readonly up: Uint8Array | null;
  readonly leaders: Int32Array;
  readonly replicas: Int32Array;
  readonly topicLeaders: Int32Array;
  readonly topicReplicas: Int32Array;
  /** Writes into it: producers into the partitions it leads, fetches into the ones it follows. */
  readonly inBytes: Float64Array;
  /** Group reads of the partitions it leads plus the follower fetches it serves. */
  readonly outBytes: Float64Array;
  /** Writes plus disk reads of the partitions it leads. */
  readonly ioBytes: Float64Array;
  readonly storage: Float64Array;
  readonly onDisk: Float64Array;
}

interface LiveStats {
  /** Per topic: the fewest live replicas of a partition, partitions with none, partitions below min ISR. */
  readonly minLive: Int32Array;
  readonly offline: Int32Array;
  readonly belowMinIsr: Int32Array;
}

/**
 * Every broker's load with the brokers in `up` = 0 failed: each partition is led by its first live
 * replica (Kafka elects the first live in-sync replica of the assignment), its live followers fetch
 * from that leader; replicas are not moved (Kafka does not re-replicate a dead broker's partitions
 * by itself). O(Σ P·R).
 */
function loadsOf(layout: Layout, up: Uint8Array | null, stats?: LiveStats): Loads {
  const loads = emptyLoads(layout.brokers, up);
  const { leaders, replicas, topicLeaders, topicReplicas, inBytes, outBytes, ioBytes, storage, onDisk } = loads;
  layout.topics.forEach((t, ti) => {
    const { partitions: P, replicationFactor: R, replicas: rep } = layout.placements[ti] as Placement;
    const hot = hotPartitionRates(t);
    const own = ti < layout.userTopics ? 1 : 0;
    let minLive = R;
    let offline = 0;
    let below = 0;
    for (let p = 0; p < P; p += 1) {
      const r = p === 0 ? hot : t;
      const w = r.writeBytesPerSec;
      let leader = -1;
      let live = 0;
      for (let j = 0; j < R; j += 1) {
        const b = rep[p * R + j] as number;
        if (up && up[b] === 0) continue;
        live += 1;
        replicas[b] = (replicas[b] as number) + 1;
        topicReplicas[b] = (topicReplicas[b] as number) + own;
        inBytes[b] = (inBytes[b] as number) + w;
        ioBytes[b] = (ioBytes[b] as number) + w;
        storage[b] = (storage[b] as number) + r.retainedBytes;
        onDisk[b] = (onDisk[b] as number) + r.onDiskBytes;
        if (leader < 0) leader = b;
      }
      if (live < minLive) minLive = live;
      if (live < t.minInsyncReplicas) below += 1;
      if (leader < 0) {
        offline += 1;
        continue;
      }
      leaders[leader] = (leaders[leader] as number) + 1;
      topicLeaders[leader] = (topicLeaders[leader] as number) + own;
      outBytes[leader] = (outBytes[leader] as number) + r.groupReadBytesPerSec + (live - 1) * w;
      ioBytes[leader] = (ioBytes[leader] as number) + r.diskReadBytesPerSec;
    }
    if (stats) {
      stats.minLive[ti] = minLive;
      stats.offline[ti] = offline;
      stats.belowMinIsr[ti] = below;
    }
  });
  return loads;
}

function emptyLoads(B: number, up: Uint8Array | null): Loads {
  const count = () => new Int32Array(B);
  const bytes = () => new Float64Array(B);
  return { up, leaders: count(), replicas: count(), topicLeaders: count(), topicReplicas: count(), inBytes: bytes(), outBytes: bytes(), ioBytes: bytes(), storage: bytes(), onDisk: bytes() };
}

/**
 * What a layout's placements fix, whatever the rates. Kept for the last layout: a slider that
 * moves a rate, a size or a retention leaves every placement as it was, and the loads are then
 * sums over topics of counts × rates, O(T·B) instead of O(Σ P·R).
 */
interface LayoutStructure {
  readonly placements: readonly Placement[];
  readonly brokers: number;
  /** replicaCount[t·B + b], leaderCount[t·B + b]: topic t's replicas and preferred leaders on broker b. */
  readonly replicaCount: Int32Array;
  readonly leaderCount: Int32Array;
  /** Every replica grouped by its broker: broker b's are brokerStart[b] … brokerStart[b + 1] − 1. */
  readonly brokerStart: Int32Array;
  readonly entryTopic: Int32Array;
  /** 1 if the replica is its partition's preferred leader. */
  readonly entryLeads: Uint8Array;
  /** 1 if the replica is one of partition 0's, which carries its topic's hot key. */
  readonly entryHot: Uint8Array;
  /**
   * The broker whose load changes when this replica's broker fails: for a leader, the next
   * replica of its partition, which takes over (−1 with R = 1); for a follower, its leader,
   * which stops serving its fetches.
   */
  readonly entryOther: Int32Array;
}

let lastStructure: LayoutStructure | null = null;

function structureOf(layout: Layout): LayoutStructure {
  const kept = lastStructure;
  const B = layout.brokers;
  if (kept && kept.brokers === B && kept.placements.length === layout.placements.length && kept.placements.every((p, i) => p === layout.placements[i])) return kept;
  const T = layout.placements.length;
  const replicaCount = new Int32Array(T * B);
  const leaderCount = new Int32Array(T * B);
  const brokerStart = new Int32Array(B + 1);
  let entries = 0;
  layout.placements.forEach(({ partitions: P, replicationFactor: R, replicas }, t) => {
    for (let i = 0; i < P * R; i += 1) {
      const b = replicas[i] as number;
      replicaCount[t * B + b] = (replicaCount[t * B + b] as number) + 1;
      if (i % R === 0) leaderCount[t * B + b] = (leaderCount[t * B + b] as number) + 1;
      brokerStart[b + 1] = (brokerStart[b + 1] as number) + 1;
    }
    entries += P * R;
  });
  for (let b = 0; b < B; b += 1) brokerStart[b + 1] = (brokerStart[b + 1] as number) + (brokerStart[b] as number);
  const fill = brokerStart.slice(0, B);
  const entryTopic = new Int32Array(entries);
  const entryLeads = new Uint8Array(entries);
  const entryHot = new Uint8Array(entries);
  const entryOther = new Int32Array(entries);
  layout.placements.forEach(({ partitions: P, replicationFactor: R, replicas }, t) => {
    for (let i = 0; i < P * R; i += 1) {
      const b = replicas[i] as number;
      const k = fill[b] as number;
      fill[b] = k + 1;
      const first = i - (i % R);
      entryTopic[k] = t;
      entryLeads[k] = i === first ? 1 : 0;
      entryHot[k] = i < R ? 1 : 0;
      entryOther[k] = i === first ? (R > 1 ? (replicas[first + 1] as number) : -1) : (replicas[first] as number);
    }
  });
  lastStructure = { placements: layout.placements, brokers: B, replicaCount, leaderCount, brokerStart, entryTopic, entryLeads, entryHot, entryOther };
  return lastStructure;
}

/** Every broker's load with all brokers up (each partition led by its preferred leader): loadsOf(layout, null) from the counts. */
function allUpLoads(layout: Layout, structure: LayoutStructure): Loads {
  const B = layout.brokers;
  const loads = emptyLoads(layout.brokers, null);
  const { leaders, replicas, topicLeaders, topicReplicas, inBytes, outBytes, ioBytes, storage, onDisk } = loads;
  layout.topics.forEach((t, ti) => {
    const R = (layout.placements[ti] as Placement).replicationFactor;
    const own = ti < layout.userTopics ? 1 : 0;
    const w = t.writeBytesPerSec;
    const leaderOut = t.groupReadBytesPerSec + (R - 1) * w;
    for (let b = 0; b < B; b += 1) {
      const rc = structure.replicaCount[ti * B + b] as number;
      if (rc === 0) continue;
      const lc = structure.leaderCount[ti * B + b] as number;
      replicas[b] = (replicas[b] as number) + rc;
      topicReplicas[b] = (topicReplicas[b] as number) + own * rc;
      leaders[b] = (leaders[b] as number) + lc;
      topicLeaders[b] = (topicLeaders[b] as number) + own * lc;
      inBytes[b] = (inBytes[b] as number) + rc * w;
      outBytes[b] = (outBytes[b] as number) + lc * leaderOut;
      ioBytes[b] = (ioBytes[b] as number) + rc * w + lc * t.diskReadBytesPerSec;
      storage[b] = (storage[b] as number) + rc * t.retainedBytes;
      onDisk[b] = (onDisk[b] as number) + rc * t.onDiskBytes;
    }
    if (t.hotPartitionExtra) addHotPartitionExtra(loads, t.hotPartitionExtra, layout.placements[ti] as Placement);
  });
  return loads;
}

/** Partition 0's extra on its replicas' brokers, every broker up: its writes on each, its reads and follower fetches on its leader. */
function addHotPartitionExtra(loads: Loads, extra: PartitionRates, placement: Placement): void {
  const R = placement.replicationFactor;
  if (placement.partitions === 0) return;
  for (let j = 0; j < R; j += 1) {
    const b = placement.replicas[j] as number;
    loads.inBytes[b] = (loads.inBytes[b] as number) + extra.writeBytesPerSec;
    loads.ioBytes[b] = (loads.ioBytes[b] as number) + extra.writeBytesPerSec;
    loads.storage[b] = (loads.storage[b] as number) + extra.retainedBytes;
    loads.onDisk[b] = (loads.onDisk[b] as number) + extra.onDiskBytes;
  }
  const leader = placement.replicas[0] as number;
  loads.outBytes[leader] = (loads.outBytes[leader] as number) + extra.groupReadBytesPerSec + (R - 1) * extra.writeBytesPerSec;
  loads.ioBytes[leader] = (loads.ioBytes[leader] as number) + extra.diskReadBytesPerSec;
}

const FIGURE_KEYS = ['networkInBytesPerSec', 'networkOutBytesPerSec', 'diskWriteBytesPerSec', 'diskIoBytesPerSec', 'storageBytes', 'storageOnDiskBytes', 'leaders', 'replicas', 'topicLeaders', 'topicReplicas'] as const;

const NO_LOAD: BrokerFigures = { networkInBytesPerSec: 0, networkOutBytesPerSec: 0, diskWriteBytesPerSec: 0, diskIoBytesPerSec: 0, storageBytes: 0, storageOnDiskBytes: 0, leaders: 0, replicas: 0, topicLeaders: 0, topicReplicas: 0 };

/** Each figure's maximum over the live brokers. */
function maxFigures(loads: Loads): BrokerFigures {
  const max: Record<(typeof FIGURE_KEYS)[number], number> = { ...NO_LOAD };
  const B = loads.leaders.length;
  const keep = (key: (typeof FIGURE_KEYS)[number], value: number) => {
    if (value > max[key]) max[key] = value;
  };
  for (let b = 0; b < B; b += 1) {
    if (loads.up && loads.up[b] === 0) continue;
    keep('networkInBytesPerSec', loads.inBytes[b] as number);
    keep('networkOutBytesPerSec', loads.outBytes[b] as number);
    keep('diskWriteBytesPerSec', loads.inBytes[b] as number);
    keep('diskIoBytesPerSec', loads.ioBytes[b] as number);
    keep('storageBytes', loads.storage[b] as number);
    keep('storageOnDiskBytes', loads.onDisk[b] as number);
    keep('leaders', loads.leaders[b] as number);
    keep('replicas', loads.replicas[b] as number);
    keep('topicLeaders', loads.topicLeaders[b] as number);
    keep('topicReplicas', loads.topicReplicas[b] as number);
  }
  return max;
}

/**
 * Every case of the planned failure (each broker in turn, or each zone), worst case over them.
 * A dead broker carries nothing, so it drops out of the maxima. Zones: Z full recomputations,
 * O(Z·Σ P·R). Brokers: B cases, each touching only the partitions with a replica on the failed
 * broker (O(Σ P·R²) in all), so the largest plan (1,000 brokers, 10,000 partitions, R = 7) stays
 * within a slider step.
 */
function plannedFailover(config: PlanConfig, layout: Layout, structure: LayoutStructure, allUpLoads: Loads, allUp: BrokerFigures): { failover: Failover; topicAvailability: TopicAvailability[] } {
  const B = layout.brokers;
  const kind: FailureKind = config.plannedFailure >= 2 ? 'zone' : config.plannedFailure >= 1 ? 'broker' : 'none';
  if (kind === 'none') {
    return {
      failover: { kind, brokersLeft: B, replicasLost: 0, partitionsOffline: 0, partitionsBelowMinIsr: 0, busiest: allUp, worstCase: '' },
      topicAvailability: layout.topics.map(() => ({ replicasLost: 0, partitionsOffline: 0, partitionsBelowMinIsr: 0 })),
    };
  }
  return kind === 'zone' ? zoneFailover(layout) : brokerFailover(layout, structure, allUpLoads, allUp);
}

function zoneFailover(layout: Layout): { failover: Failover; topicAvailability: TopicAvailability[] } {
  const B = layout.brokers;
  const T = layout.topics.length;
  let busiest: BrokerFigures = NO_LOAD;
  let worstOut = -1;
  let worstCase = '';
  let offline = 0;
  let belowMinIsr = 0;
  let brokersLeft = B;
  const lost = new Int32Array(T);
  const topicOffline = new Int32Array(T);
  const topicBelow = new Int32Array(T);
  const stats: LiveStats = { minLive: new Int32Array(T), offline: new Int32Array(T), belowMinIsr: new Int32Array(T) };
  for (let z = 0; z < layout.zones; z += 1) {
    const up = new Uint8Array(B);
    let down = 0;
    for (let b = 0; b < B; b += 1) {
      const inZone = zoneOf(b, layout.zones) === z;
      up[b] = inZone ? 0 : 1;
      if (inZone) down += 1;
    }
    const figures = maxFigures(loadsOf(layout, up, stats));
    busiest = maxOf(busiest, figures);
    if (figures.networkOutBytesPerSec > worstOut) {
      worstOut = figures.networkOutBytesPerSec;
      worstCase = `zone ${z}`;
    }
    let offlineHere = 0;
    let belowHere = 0;
    for (let t = 0; t < T; t += 1) {
      const R = (layout.placements[t] as Placement).replicationFactor;
      lost[t] = Math.max(lost[t] as number, R - (stats.minLive[t] as number));
      topicOffline[t] = Math.max(topicOffline[t] as number, stats.offline[t] as number);
      topicBelow[t] = Math.max(topicBelow[t] as number, stats.belowMinIsr[t] as number);
      offlineHere += stats.offline[t] as number;
      belowHere += stats.belowMinIsr[t] as number;
    }
    offline = Math.max(offline, offlineHere);
    belowMinIsr = Math.max(belowMinIsr, belowHere);
    brokersLeft = Math.min(brokersLeft, B - down);
  }
  let replicasLost = 0;
  for (let t = 0; t < T; t += 1) replicasLost = Math.max(replicasLost, lost[t] as number);
  return {
    failover: { kind: 'zone', brokersLeft, replicasLost, partitionsOffline: offline, partitionsBelowMinIsr: belowMinIsr, busiest, worstCase },
    topicAvailability: Array.from({ length: T }, (_, t) => ({ replicasLost: lost[t] as number, partitionsOffline: topicOffline[t] as number, partitionsBelowMinIsr: topicBelow[t] as number })),
  };
}

function brokerFailover(layout: Layout, structure: LayoutStructure, base: Loads, allUp: BrokerFigures): { failover: Failover; topicAvailability: TopicAvailability[] } {
  const B = layout.brokers;
  const T = layout.topics.length;
  const { replicaCount, leaderCount, brokerStart, entryTopic, entryLeads, entryHot, entryOther } = structure;
  // Per topic: what a leader's successor takes on (group reads, fetches of the R − 2 other
  // live replicas), and the writes a follower's leader stops serving it. Index T + t: topic t's
  // partition 0, with its hot key.
  const successorOut = new Float64Array(2 * T);
  const followerFetch = new Float64Array(2 * T);
  const successorIo = new Float64Array(2 * T);
  const own = new Uint8Array(T);
  const takeOver = (index: number, rates: PartitionRates, R: number) => {
    successorOut[index] = rates.groupReadBytesPerSec + (R - 2) * rates.writeBytesPerSec;
    followerFetch[index] = rates.writeBytesPerSec;
    successorIo[index] = rates.diskReadBytesPerSec;
  };
  layout.topics.forEach((rates, t) => {
    const R = (layout.placements[t] as Placement).replicationFactor;
    takeOver(t, rates, R);
    takeOver(T + t, hotPartitionRates(rates), R);
    own[t] = t < layout.userTopics ? 1 : 0;
  });
  // Each broker order by its base value (descending): the survivors a case does not touch keep
  // their value, so the largest untouched one is the first of that order.
  const descending = (values: ArrayLike<number>) => Int32Array.from({ length: B }, (_, b) => b).sort((a, b) => (values[b] as number) - (values[a] as number));
  const byOut = descending(base.outBytes);
  const byIo = descending(base.ioBytes);
  const byLeaders = descending(base.leaders);
  const byTopicLeaders = descending(base.topicLeaders);
  const firstUntouched = (order: Int32Array, f: number, mark: Uint8Array) => {
    for (let i = 0; i < order.length; i += 1) {
      const b = order[i] as number;
      if (b !== f && mark[b] === 0) return b;
    }
    return -1;
  };

  const leaders = base.leaders.slice();
  const topicLeaders = base.topicLeaders.slice();
  const out = base.outBytes.slice();
  const io = base.ioBytes.slice();
  const touchedMark = new Uint8Array(B);
  const touched = new Int32Array(B);
  const caseOffline = new Int32Array(T);
  const caseBelow = new Int32Array(T);
  const topicOffline = new Int32Array(T);
  const topicBelow = new Int32Array(T);
  const topicLost = new Int32Array(T);
  let maxOut = 0;
  let maxIo = 0;
  let maxLeaders = 0;
  let maxTopicLeaders = 0;
  let worstOut = -1;
  let worstCase = '';
  let offline = 0;
  let belowMinIsr = 0;
  for (let f = 0; f < B; f += 1) {
    let nTouched = 0;
    const touch = (b: number) => {
      if (touchedMark[b] === 0) {
        touchedMark[b] = 1;
        touched[nTouched++] = b;
      }
    };
    // Availability from the counts: each of topic t's replicas on f is a partition that keeps R − 1.
    for (let t = 0; t < T; t += 1) {
      const onF = replicaCount[t * B + f] as number;
      const { replicationFactor: R } = layout.placements[t] as Placement;
      if (onF > 0) topicLost[t] = 1;
      caseBelow[t] = R - 1 < (layout.topics[t] as TopicRates).minInsyncReplicas ? onF : 0;
      caseOffline[t] = R === 1 ? (leaderCount[t * B + f] as number) : 0;
    }
    for (let k = brokerStart[f] as number; k < (brokerStart[f + 1] as number); k += 1) {
      const t = entryTopic[k] as number;
      const other = entryOther[k] as number;
      if (other < 0) continue; // a leader with no other replica: its partition is offline
      const rate = entryHot[k] === 1 ? T + t : t;
      if (entryLeads[k] === 1) {
        leaders[other] = (leaders[other] as number) + 1;
        topicLeaders[other] = (topicLeaders[other] as number) + (own[t] as number);
        out[other] = (out[other] as number) + (successorOut[rate] as number);
        io[other] = (io[other] as number) + (successorIo[rate] as number);
      } else {
        out[other] = (out[other] as number) - (followerFetch[rate] as number);
      }
      touch(other);
    }
    let offlineHere = 0;
    let belowHere = 0;
    for (let t = 0; t < T; t += 1) {
      offlineHere += caseOffline[t] as number;
      belowHere += caseBelow[t] as number;
      topicOffline[t] = Math.max(topicOffline[t] as number, caseOffline[t] as number);
      topicBelow[t] = Math.max(topicBelow[t] as number, caseBelow[t] as number);
    }
    offline = Math.max(offline, offlineHere);
    belowMinIsr = Math.max(belowMinIsr, belowHere);
    // The survivors' maxima: touched brokers with their new loads, the rest as they were.
    let caseOut = 0;
    let caseIo = 0;
    let caseLeaders = 0;
    let caseTopicLeaders = 0;
    for (let n = 0; n < nTouched; n += 1) {
      const b = touched[n] as number;
      if (b === f) continue;
      caseOut = Math.max(caseOut, out[b] as number);
      caseIo = Math.max(caseIo, io[b] as number);
      caseLeaders = Math.max(caseLeaders, leaders[b] as number);
      caseTopicLeaders = Math.max(caseTopicLeaders, topicLeaders[b] as number);
    }
    const u1 = firstUntouched(byOut, f, touchedMark);
    if (u1 >= 0) caseOut = Math.max(caseOut, base.outBytes[u1] as number);
    const u2 = firstUntouched(byIo, f, touchedMark);
    if (u2 >= 0) caseIo = Math.max(caseIo, base.ioBytes[u2] as number);
    const u3 = firstUntouched(byLeaders, f, touchedMark);
    if (u3 >= 0) caseLeaders = Math.max(caseLeaders, base.leaders[u3] as number);
    const u4 = firstUntouched(byTopicLeaders, f, touchedMark);
    if (u4 >= 0) caseTopicLeaders = Math.max(caseTopicLeaders, base.topicLeaders[u4] as number);
    maxTopicLeaders = Math.max(maxTopicLeaders, caseTopicLeaders);
    maxOut = Math.max(maxOut, caseOut);
    maxIo = Math.max(maxIo, caseIo);
    maxLeaders = Math.max(maxLeaders, caseLeaders);
    if (caseOut > worstOut) {
      worstOut = caseOut;
      worstCase = `broker ${f}`;
    }
    // Undo this case's changes.
    for (let n = 0; n < nTouched; n += 1) {
      const b = touched[n] as number;
      leaders[b] = base.leaders[b] as number;
      topicLeaders[b] = base.topicLeaders[b] as number;
      out[b] = base.outBytes[b] as number;
      io[b] = base.ioBytes[b] as number;
      touchedMark[b] = 0;
    }
  }
  // Replicas do not move: some case leaves the fullest broker up (B ≥ 2), so the survivors' most
  // of what replicas carry (writes, retained bytes) is the all-up maximum.
  const survivors = B > 1;
  const busiest: BrokerFigures = {
    networkInBytesPerSec: survivors ? allUp.networkInBytesPerSec : 0,
    networkOutBytesPerSec: maxOut,
    diskWriteBytesPerSec: survivors ? allUp.diskWriteBytesPerSec : 0,
    diskIoBytesPerSec: maxIo,
    storageBytes: survivors ? allUp.storageBytes : 0,
    storageOnDiskBytes: survivors ? allUp.storageOnDiskBytes : 0,
    leaders: maxLeaders,
    replicas: survivors ? allUp.replicas : 0,
    topicLeaders: maxTopicLeaders,
    topicReplicas: survivors ? allUp.topicReplicas : 0,
  };
  let replicasLost = 0;
  for (let t = 0; t < T; t += 1) replicasLost = Math.max(replicasLost, topicLost[t] as number);
  return {
    failover: { kind: 'broker', brokersLeft: B - 1, replicasLost, partitionsOffline: offline, partitionsBelowMinIsr: belowMinIsr, busiest, worstCase },
    topicAvailability: Array.from({ length: T }, (_, t) => ({ replicasLost: topicLost[t] as number, partitionsOffline: topicOffline[t] as number, partitionsBelowMinIsr: topicBelow[t] as number })),
  };
}

function maxOf(a: BrokerFigures, b: BrokerFigures): BrokerFigures {
  const out: Record<(typeof FIGURE_KEYS)[number], number> = { ...a };
  for (const key of FIGURE_KEYS) if (b[key] > out[key]) out[key] = b[key];
  return out;
}
