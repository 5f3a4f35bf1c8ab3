import type { SimView } from '../sim/types';

/**
 * What each partition's producers meet, told apart as a Kafka operator would, from what the
 * snapshot already says (produceBlocked, leader, ISR, brokers up) — nothing new asked of the sim:
 * - offline: no leader (−1), nothing can be read or written;
 * - stalled below min ISR: a live leader, every in-sync replica up, but too few of them, so
 *   acks=all writes are refused (the sim blocks writes for exactly these three causes);
 * - stalled on a down broker: an in-sync replica's broker is down and not fenced yet, so
 *   acks=all waits for it until the controller fences it (broker.session.timeout.ms).
 */
export const PARTITION_WRITABLE = 0;
export const PARTITION_STALLED_MIN_ISR = 1;
export const PARTITION_STALLED_BROKER_DOWN = 2;
export const PARTITION_OFFLINE = 3;

export interface PartitionStates {
  /** Per partition (cluster-wide id), one of the PARTITION_* values. */
  readonly state: Uint8Array;
  readonly offline: number;
  readonly stalledBelowMinIsr: number;
  readonly stalledOnDownBroker: number;
  /** Down brokers still in some ISR or leading: the controller has not fenced them yet. */
  readonly unfencedDown: readonly number[];
  /** Per broker, 1 when up. */
  readonly brokerUp: Uint8Array;
}

/** Counted once per snapshot: the canvas paints several frames from one, and its description reads the same. */
const cache = new WeakMap<SimView, PartitionStates>();

export function partitionStatesOf(view: SimView): PartitionStates {
  const kept = cache.get(view);
  if (kept) return kept;
  const brokerUp = new Uint8Array(view.brokers.length);
  for (const broker of view.brokers) brokerUp[broker.id] = broker.up ? 1 : 0;
  const { partitions } = view;
  const state = new Uint8Array(partitions.length);
  const unfenced = new Uint8Array(view.brokers.length);
  let offline = 0;
  let stalledBelowMinIsr = 0;
  let stalledOnDownBroker = 0;
  const anyDown = view.brokers.some((b) => !b.up);
  for (let p = 0; p < partitions.length; p += 1) {
    const leader = partitions.leader(p);
    let downInSync = false;
    if (anyDown) {
      if (leader >= 0 && brokerUp[leader] === 0) {
        unfenced[leader] = 1;
        downInSync = true;
      }
      for (const b of partitions.isr(p)) {
        if (brokerUp[b] === 0) {
          unfenced[b] = 1;
          downInSync = true;
        }
      }
    }
    if (leader < 0) {
      state[p] = PARTITION_OFFLINE;
      offline += 1;
    } else if (partitions.produceBlocked(p)) {
      state[p] = downInSync ? PARTITION_STALLED_BROKER_DOWN : PARTITION_STALLED_MIN_ISR;
      if (downInSync) stalledOnDownBroker += 1;
      else stalledBelowMinIsr += 1;
    }
  }
  const unfencedDown: number[] = [];
  unfenced.forEach((flag, b) => {
    if (flag === 1) unfencedDown.push(b);
  });
  const states = { state, offline, stalledBelowMinIsr, stalledOnDownBroker, unfencedDown, brokerUp };
  cache.set(view, states);
  return states;
}
