import type { SimSnapshot } from '../types';

/** Each broker's measured network rates (bytes/s) between two snapshots of one run. */
export function brokerRates(a: SimSnapshot, b: SimSnapshot) {
  const seconds = (b.timeMs - a.timeMs) / 1000;
  return b.brokers.map((broker, i) => ({
    up: broker.up,
    inBytesPerSec: (broker.networkInBytes - (a.brokers[i]?.networkInBytes ?? 0)) / seconds,
    outBytesPerSec: (broker.networkOutBytes - (a.brokers[i]?.networkOutBytes ?? 0)) / seconds,
  }));
}
