import { INDEX_BYTES_PER_LOG_BYTE, JVM_HEAP_GIB, SEGMENT_BYTES, SEGMENT_MS } from './assumptions';
import type { ConsumerLoad } from './consumer-load';
import { placeReplicas, type Placement } from './placement';
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
  /** W / P: bytes per second into one partition (even keys). */
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

export function brokerLoad(config: PlanConfig, t: Traffic, load: ConsumerLoad): BrokerLoad {
  const P = config.partitions;
  const B = config.brokers;
  const placement = placeReplicas(P, config.replicationFactor, B, Math.min(config.zones, B));
  const bytesPerEvent = config.eventsPerSec > 0 ? t.ingressBytesPerSec / config.eventsPerSec : 0;
  // The network is sized for what the groups must read to keep up: all of W each (W·G), plus
  // what replaying groups read. A group that lags consumes only λ minus its lag growth, but it
  // reads that behind the page cache, from disk.
  const lagging = load.lagGrowthEventsPerSecPerGroup > 0;
  const replayEvents = config.replayGroups * replayReadEventsPerSec(load);
  const groupReadBytesPerSec = t.ingressBytesPerSec * config.consumerGroups + bytesPerEvent * replayEvents;
  const laggingReadEvents = lagging ? config.consumerGroups * (config.eventsPerSec - load.lagGrowthEventsPerSecPerGroup) : 0;
  const diskReadBytesPerSec = bytesPerEvent * (laggingReadEvents + replayEvents);

  const rates = partitionRates(config, t, groupReadBytesPerSec, diskReadBytesPerSec);
  const allUp = loadsOf(placement, rates, null);
  const busiest = maxFigures(allUp);
  const failover = plannedFailover(config, placement, rates, busiest);
  const pageCacheBytes = Math.max(0, config.brokerMemoryGiB - JVM_HEAP_GIB) * GIB;
  return {
    brokersCounted: failover.brokersLeft,
    partitionReplicasAllUp: Math.ceil((P * config.replicationFactor) / B),
    partitionIngressBytesPerSec: t.ingressBytesPerSec / P,
    groupReadBytesPerSec,
    diskReadBytesPerSec,
    busiest,
    failover,
    pageCacheSeconds: busiest.diskWriteBytesPerSec > 0 ? pageCacheBytes / busiest.diskWriteBytesPerSec : Infinity,
    limits: {
      networkBytesPerSec: config.brokerNetworkMiBPerSec * MIB * config.brokerUtilization,
      diskBytesPerSec: config.brokerDiskMiBPerSec * MIB * config.brokerUtilization,
      storageBytes: config.diskPerBrokerGiB * GIB * config.targetDiskFill,
      partitionReplicas: config.replicasPerBrokerLimit,
      partitionBytesPerSec: config.partitionLimitMiBPerSec * MIB,
    },
  };
}

/** What one partition puts on the brokers that hold it (even keys: every partition the same). */
interface PartitionRates {
  /** W/P: into every replica (producer into the leader, fetch into each follower), and written to its disk. */
  readonly writeBytesPerSec: number;
  /** Group reads served by its leader. */
  readonly groupReadBytesPerSec: number;
  /** Of those, from disk. */
  readonly diskReadBytesPerSec: number;
  readonly retainedBytes: number;
  /** Retained + one open segment + indexes, on each replica's disk. */
  readonly onDiskBytes: number;
}

function partitionRates(config: PlanConfig, t: Traffic, groupReadBytesPerSec: number, diskReadBytesPerSec: number): PartitionRates {
  const P = config.partitions;
  const writeBytesPerSec = t.ingressBytesPerSec / P;
  const retainedBytes = t.storageLogicalBytes / P;
  return {
    writeBytesPerSec,
    groupReadBytesPerSec: groupReadBytesPerSec / P,
    diskReadBytesPerSec: diskReadBytesPerSec / P,
    retainedBytes,
    onDiskBytes: (retainedBytes + openSegmentBytes(writeBytesPerSec)) * (1 + INDEX_BYTES_PER_LOG_BYTE),
  };
}

/** A replica's active segment, not yet deletable: it rolls at segment.bytes or after segment.ms. */
export function openSegmentBytes(partitionWriteBytesPerSec: number): number {
  return Math.min(SEGMENT_BYTES, partitionWriteBytesPerSec * (SEGMENT_MS / 1000));
}

/** Per-broker loads, typed arrays indexed by broker. */
interface Loads {
  readonly leaders: Int32Array;
  readonly replicas: Int32Array;
  /** Σ over the partitions it leads of their live followers (each fetches W/P from it). */
  readonly followerFetches: Int32Array;
  readonly up: Uint8Array | null;
  readonly rates: PartitionRates;
}

/**
 * Leaders, replicas and follower fetches on every broker, with the brokers in `down` failed:
 * each partition is led by its first live replica (Kafka elects the first live in-sync replica of
 * the assignment), its live followers fetch from that leader; replicas are not moved (Kafka does
 * not re-replicate a dead broker's partitions by itself). O(P·R).
 */
function loadsOf(placement: Placement, rates: PartitionRates, up: Uint8Array | null): Loads & { offline: number; belowMinIsr: (minIsr: number) => number; liveCount: Int32Array } {
  const { partitions: P, replicationFactor: R, brokers: B, replicas: rep } = placement;
  const leaders = new Int32Array(B);
  const replicas = new Int32Array(B);
  const followerFetches = new Int32Array(B);
  const liveCount = new Int32Array(R + 1);
  let offline = 0;
  for (let p = 0; p < P; p += 1) {
    let leader = -1;
    let live = 0;
    for (let j = 0; j < R; j += 1) {
      const b = rep[p * R + j] as number;
      if (up && up[b] === 0) continue;
      live += 1;
      replicas[b] = (replicas[b] as number) + 1;
      if (leader < 0) leader = b;
    }
    liveCount[live] = (liveCount[live] as number) + 1;
    if (leader < 0) {
      offline += 1;
      continue;
    }
    leaders[leader] = (leaders[leader] as number) + 1;
    followerFetches[leader] = (followerFetches[leader] as number) + live - 1;
  }
  const belowMinIsr = (minIsr: number) => {
    let n = 0;
    for (let live = 0; live < Math.min(minIsr, R + 1); live += 1) n += liveCount[live] as number;
    return n;
  };
  return { leaders, replicas, followerFetches, up, rates, offline, belowMinIsr, liveCount };
}

function figuresOf(loads: Loads, b: number): BrokerFigures {
  const r = loads.rates;
  const leaders = loads.leaders[b] as number;
  const replicas = loads.replicas[b] as number;
  const diskWrite = replicas * r.writeBytesPerSec;
  return {
    networkInBytesPerSec: replicas * r.writeBytesPerSec,
    networkOutBytesPerSec: leaders * r.groupReadBytesPerSec + (loads.followerFetches[b] as number) * r.writeBytesPerSec,
    diskWriteBytesPerSec: diskWrite,
    diskIoBytesPerSec: diskWrite + leaders * r.diskReadBytesPerSec,
    storageBytes: replicas * r.retainedBytes,
    storageOnDiskBytes: replicas * r.onDiskBytes,
    leaders,
    replicas,
  };
}

const FIGURE_KEYS = ['networkInBytesPerSec', 'networkOutBytesPerSec', 'diskWriteBytesPerSec', 'diskIoBytesPerSec', 'storageBytes', 'storageOnDiskBytes', 'leaders', 'replicas'] as const;

const NO_LOAD: BrokerFigures = { networkInBytesPerSec: 0, networkOutBytesPerSec: 0, diskWriteBytesPerSec: 0, diskIoBytesPerSec: 0, storageBytes: 0, storageOnDiskBytes: 0, leaders: 0, replicas: 0 };

/** Each figure's maximum over the live brokers. */
function maxFigures(loads: Loads): BrokerFigures {
  const max: Record<(typeof FIGURE_KEYS)[number], number> = { ...NO_LOAD };
  const B = loads.leaders.length;
  for (let b = 0; b < B; b += 1) {
    if (loads.up && loads.up[b] === 0) continue;
    const f = figuresOf(loads, b);
    for (const key of FIGURE_KEYS) if (f[key] > max[key]) max[key] = f[key];
  }
  return max;
}

/**
 * Every case of the planned failure (each broker in turn, or each zone), worst case over them.
 * A dead broker carries nothing, so it drops out of the maxima. Zones: Z full recomputations,
 * O(Z·P·R). Brokers: B cases, each touching only the partitions with a replica on the failed
 * broker (O(P·R²) in all), so the largest plan (1,000 brokers, 10,000 partitions, R = 7) stays
 * within a slider step.
 */
function plannedFailover(config: PlanConfig, placement: Placement, rates: PartitionRates, allUp: BrokerFigures): Failover {
  const B = placement.brokers;
  const kind: FailureKind = config.plannedFailure >= 2 ? 'zone' : config.plannedFailure >= 1 ? 'broker' : 'none';
  if (kind === 'none') {
    return { kind, brokersLeft: B, replicasLost: 0, partitionsOffline: 0, partitionsBelowMinIsr: 0, busiest: allUp, worstCase: '' };
  }
  return kind === 'zone' ? zoneFailover(config, placement, rates) : brokerFailover(config, placement, rates);
}

function zoneFailover(config: PlanConfig, placement: Placement, rates: PartitionRates): Failover {
  const B = placement.brokers;
  let busiest: BrokerFigures = NO_LOAD;
  let worstOut = -1;
  let worstCase = '';
  let replicasLost = 0;
  let offline = 0;
  let belowMinIsr = 0;
  let brokersLeft = B;
  for (let z = 0; z < placement.zones; z += 1) {
    const up = new Uint8Array(B);
    let down = 0;
    for (let b = 0; b < B; b += 1) {
      const inZone = placement.zoneOfBroker[b] === z;
      up[b] = inZone ? 0 : 1;
      if (inZone) down += 1;
    }
    const loads = loadsOf(placement, rates, up);
    const figures = maxFigures(loads);
    busiest = maxOf(busiest, figures);
    if (figures.networkOutBytesPerSec > worstOut) {
      worstOut = figures.networkOutBytesPerSec;
      worstCase = `zone ${z}`;
    }
    replicasLost = Math.max(replicasLost, placement.replicationFactor - minLive(loads.liveCount));
    offline = Math.max(offline, loads.offline);
    belowMinIsr = Math.max(belowMinIsr, loads.belowMinIsr(config.minInsyncReplicas));
    brokersLeft = Math.min(brokersLeft, B - down);
  }
  return { kind: 'zone', brokersLeft, replicasLost, partitionsOffline: offline, partitionsBelowMinIsr: belowMinIsr, busiest, worstCase };
}

/** The fewest live replicas any partition has. */
function minLive(liveCount: Int32Array): number {
  for (let live = 0; live < liveCount.length; live += 1) if ((liveCount[live] as number) > 0) return live;
  return liveCount.length - 1;
}

function brokerFailover(config: PlanConfig, placement: Placement, rates: PartitionRates): Failover {
  const { partitions: P, replicationFactor: R, brokers: B, replicas: rep } = placement;
  const base = loadsOf(placement, rates, null);
  // Partitions with a replica on each broker, and that replica's position (0 = leader): CSR arrays.
  const start = new Int32Array(B + 1);
  for (let i = 0; i < P * R; i += 1) start[(rep[i] as number) + 1] = (start[(rep[i] as number) + 1] as number) + 1;
  for (let b = 0; b < B; b += 1) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const fill = start.slice(0, B);
  const onBroker = new Int32Array(P * R);
  for (let i = 0; i < P * R; i += 1) {
    const b = rep[i] as number;
    onBroker[fill[b] as number] = i;
    fill[b] = (fill[b] as number) + 1;
  }
  const { writeBytesPerSec: w, groupReadBytesPerSec: e, diskReadBytesPerSec: d } = rates;
  const outOf = (leaders: number, fetches: number) => leaders * e + fetches * w;
  const ioOf = (leaders: number, replicas: number) => replicas * w + leaders * d;
  // Base values per broker, and each broker order by them (descending): the survivors a case does
  // not touch keep their value, so the largest untouched one is the first of that order.
  const baseOut = new Float64Array(B);
  const baseIo = new Float64Array(B);
  for (let b = 0; b < B; b += 1) {
    baseOut[b] = outOf(base.leaders[b] as number, base.followerFetches[b] as number);
    baseIo[b] = ioOf(base.leaders[b] as number, base.replicas[b] as number);
  }
  const descending = (values: ArrayLike<number>) => Int32Array.from({ length: B }, (_, b) => b).sort((a, b) => (values[b] as number) - (values[a] as number));
  const byOut = descending(baseOut);
  const byIo = descending(baseIo);
  const byLeaders = descending(base.leaders);
  const byReplicas = descending(base.replicas);
  const firstUntouched = (order: Int32Array, f: number, mark: Uint8Array) => {
    for (let i = 0; i < order.length; i += 1) {
      const b = order[i] as number;
      if (b !== f && mark[b] === 0) return b;
    }
    return -1;
  };

  const leaders = base.leaders.slice();
  const fetches = base.followerFetches.slice();
  const touchedMark = new Uint8Array(B);
  const touched = new Int32Array(B);
  let maxOut = 0;
  let maxIo = 0;
  let maxLeaders = 0;
  let worstOut = -1;
  let worstCase = '';
  let replicasLost = 0;
  let offline = 0;
  for (let f = 0; f < B; f += 1) {
    let nTouched = 0;
    const touch = (b: number) => {
      if (touchedMark[b] === 0) {
        touchedMark[b] = 1;
        touched[nTouched++] = b;
      }
    };
    let offlineHere = 0;
    for (let k = start[f] as number; k < (start[f + 1] as number); k += 1) {
      const i = onBroker[k] as number;
      const p = (i / R) | 0;
      if (i === p * R) {
        if (R === 1) {
          offlineHere += 1;
          continue;
        }
        const next = rep[p * R + 1] as number; // the first live replica after the dead leader
        leaders[next] = (leaders[next] as number) + 1;
        fetches[next] = (fetches[next] as number) + R - 2;
        touch(next);
      } else {
        const leader = rep[p * R] as number;
        fetches[leader] = (fetches[leader] as number) - 1;
        touch(leader);
      }
    }
    if (start[f + 1] !== start[f]) replicasLost = 1;
    offline = Math.max(offline, offlineHere);
    // The survivors' maxima: touched brokers with their new loads, the rest as they were.
    let out = 0;
    let io = 0;
    let lead = 0;
    for (let t = 0; t < nTouched; t += 1) {
      const b = touched[t] as number;
      if (b === f) continue;
      out = Math.max(out, outOf(leaders[b] as number, fetches[b] as number));
      io = Math.max(io, ioOf(leaders[b] as number, base.replicas[b] as number));
      lead = Math.max(lead, leaders[b] as number);
    }
    const u1 = firstUntouched(byOut, f, touchedMark);
    if (u1 >= 0) out = Math.max(out, baseOut[u1] as number);
    const u2 = firstUntouched(byIo, f, touchedMark);
    if (u2 >= 0) io = Math.max(io, baseIo[u2] as number);
    const u3 = firstUntouched(byLeaders, f, touchedMark);
    if (u3 >= 0) lead = Math.max(lead, base.leaders[u3] as number);
    maxOut = Math.max(maxOut, out);
    maxIo = Math.max(maxIo, io);
    maxLeaders = Math.max(maxLeaders, lead);
    if (out > worstOut) {
      worstOut = out;
      worstCase = `broker ${f}`;
    }
    // Undo this case's changes.
    for (let t = 0; t < nTouched; t += 1) {
      const b = touched[t] as number;
      leaders[b] = base.leaders[b] as number;
      fetches[b] = base.followerFetches[b] as number;
      touchedMark[b] = 0;
    }
  }
  // Replicas do not move: some case leaves the fullest broker up (B ≥ 2), so the survivors' most is the fullest broker's.
  const replicasMax = B > 1 ? (base.replicas[byReplicas[0] as number] as number) : 0;
  const busiest: BrokerFigures = {
    networkInBytesPerSec: replicasMax * w,
    networkOutBytesPerSec: maxOut,
    diskWriteBytesPerSec: replicasMax * w,
    diskIoBytesPerSec: maxIo,
    storageBytes: replicasMax * rates.retainedBytes,
    storageOnDiskBytes: replicasMax * rates.onDiskBytes,
    leaders: maxLeaders,
    replicas: replicasMax,
  };
  // One replica down leaves R − 1 live on each of its partitions.
  const belowMinIsr = R - replicasLost < config.minInsyncReplicas ? maxPartitionsOnOneBroker(start) : 0;
  return { kind: 'broker', brokersLeft: B - 1, replicasLost, partitionsOffline: offline, partitionsBelowMinIsr: belowMinIsr, busiest, worstCase };
}

function maxPartitionsOnOneBroker(start: Int32Array): number {
  let most = 0;
  for (let b = 0; b + 1 < start.length; b += 1) most = Math.max(most, (start[b + 1] as number) - (start[b] as number));
  return most;
}

function maxOf(a: BrokerFigures, b: BrokerFigures): BrokerFigures {
  const out: Record<(typeof FIGURE_KEYS)[number], number> = { ...a };
  for (const key of FIGURE_KEYS) if (b[key] > out[key]) out[key] = b[key];
  return out;
}
