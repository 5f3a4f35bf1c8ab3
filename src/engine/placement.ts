/**
 * Where Kafka puts a topic's replicas: P partitions × R replicas on B brokers spread evenly over
 * Z zones (racks). One function for the capacity model and the simulation, so both see the same
 * leaders and followers.
 *
 * The rule is Kafka's own default assignment (apache/kafka AdminUtils
 * `assignReplicasToBrokersRackAware`; with one rack it is the same as the rack-unaware variant):
 * brokers are listed alternating racks; partition p's leader is entry (start + p) mod B of that
 * list; follower k is found by a shift that grows by one every B partitions, skipping a broker
 * whose rack already holds a replica of p while some rack holds none. Kafka picks `start` and the
 * first shift at random; we fix both at 0 so a plan always places the same way (Kafka's
 * `fixedStartIndex = 0`). KRaft controllers place with `StripedReplicaPlacer`, which shuffles but
 * keeps the two properties the model relies on: leaders go round the brokers, so the busiest
 * leads ⌈P/B⌉; and where R ≤ Z each replica of a partition sits in a different zone.
 *
 * Brokers are spread over zones as MSK does: broker b is in zone b mod Z.
 * Cost: O(P·R) (the rack skip looks at a few brokers at most when brokers are even over zones).
 */
export interface Placement {
  readonly partitions: number;
  /** Replicas per partition actually placed: min(R, B) (Kafka refuses R > B; the model flags it). */
  readonly replicationFactor: number;
  readonly brokers: number;
  readonly zones: number;
  /** replicas[p·R + j]: the broker of partition p's j-th replica; j = 0 is its preferred leader. */
  readonly replicas: Int32Array;
  /** zoneOfBroker[b]. */
  readonly zoneOfBroker: Int32Array;
}

export function zoneOf(broker: number, zones: number): number {
  return broker % zones;
}

/** Sliders and sweeps ask for the same placements many times in a row (a cluster: one a topic): keep them. */
const recentPlacements = new Map<string, Placement>();
const MAX_KEPT_PLACEMENTS = 128;

/**
 * `startIndex` is Kafka's start index (`fixedStartIndex`): the first partition's leader is entry
 * startIndex of the rack-alternated list and the follower shift starts there too. Kafka draws it
 * at random for each topic; a cluster gives each topic the index where the previous one ended
 * (src/engine/broker-limits.ts), so leaders keep going round the brokers.
 */
export function placeReplicas(partitions: number, replicationFactor: number, brokers: number, zones: number, startIndex = 0): Placement {
  const B = Math.max(1, Math.floor(brokers));
  const P = Math.max(0, Math.floor(partitions));
  const R = Math.max(1, Math.min(Math.floor(replicationFactor), B));
  const Z = Math.max(1, Math.min(Math.floor(zones), B));
  const start = ((Math.floor(startIndex) % B) + B) % B;
  const key = `${P},${R},${B},${Z},${start}`;
  const kept = recentPlacements.get(key);
  if (kept) return kept;

  const zoneOfBroker = new Int32Array(B);
  for (let b = 0; b < B; b += 1) zoneOfBroker[b] = zoneOf(b, Z);
  const arranged = rackAlternated(B, Z);
  const replicas = new Int32Array(P * R);
  const zoneUsed = new Uint8Array(Z);
  const brokerUsed = new Uint8Array(B);
  let shift = start;
  for (let p = 0; p < P; p += 1) {
    if (p > 0 && p % B === 0) shift += 1;
    const first = (p + start) % B;
    const leader = arranged[first] as number;
    replicas[p * R] = leader;
    zoneUsed.fill(0);
    const touched: number[] = [leader];
    brokerUsed[leader] = 1;
    zoneUsed[zoneOfBroker[leader] as number] = 1;
    let zonesWithReplicas = 1;
    let k = 0;
    for (let j = 1; j < R; j += 1) {
      for (;;) {
        const broker = arranged[followerIndex(first, shift * Z, k, B)] as number;
        const zone = zoneOfBroker[broker] as number;
        k += 1;
        const zoneOk = zoneUsed[zone] === 0 || zonesWithReplicas === Z;
        const brokerOk = brokerUsed[broker] === 0 || touched.length === B;
        if (zoneOk && brokerOk) {
          replicas[p * R + j] = broker;
          if (zoneUsed[zone] === 0) zonesWithReplicas += 1;
          zoneUsed[zone] = 1;
          brokerUsed[broker] = 1;
          touched.push(broker);
          break;
        }
      }
    }
    for (const b of touched) brokerUsed[b] = 0;
  }
  const placement: Placement = { partitions: P, replicationFactor: R, brokers: B, zones: Z, replicas, zoneOfBroker };
  if (recentPlacements.size >= MAX_KEPT_PLACEMENTS) recentPlacements.clear();
  recentPlacements.set(key, placement);
  return placement;
}

/** Kafka's `replicaIndex`: the k-th candidate for a follower, never the leader itself. */
function followerIndex(first: number, secondShift: number, k: number, B: number): number {
  if (B === 1) return first;
  const shift = 1 + ((secondShift + k) % (B - 1));
  return (first + shift) % B;
}

/** Kafka's `getRackAlternatedBrokerList`: zone 0's first broker, zone 1's first, …, zone 0's second, … */
function rackAlternated(B: number, Z: number): Int32Array {
  const byZone: number[][] = Array.from({ length: Z }, () => []);
  for (let b = 0; b < B; b += 1) byZone[zoneOf(b, Z)]?.push(b);
  const list = new Int32Array(B);
  let n = 0;
  for (let i = 0; n < B; i += 1) {
    for (let z = 0; z < Z; z += 1) {
      const b = byZone[z]?.[i];
      if (b !== undefined) list[n++] = b;
    }
  }
  return list;
}

/** The leader a partition gets when some brokers are down: its first live replica (Kafka elects the
 *  first replica of the assignment that is alive and in sync), or −1 when none is left (offline). */
export function leaderAmong(placement: Placement, partition: number, isUp: (broker: number) => boolean): number {
  const R = placement.replicationFactor;
  for (let j = 0; j < R; j += 1) {
    const b = placement.replicas[partition * R + j] as number;
    if (isUp(b)) return b;
  }
  return -1;
}

/** The replicas of one partition, preferred leader first. */
export function replicasOf(placement: Placement, partition: number): number[] {
  const R = placement.replicationFactor;
  return Array.from(placement.replicas.subarray(partition * R, partition * R + R));
}
