import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { traffic } from '../engine/traffic';
import { LogSegments } from './log-segments';
import { createSimulation } from './simulation';

describe("Kafka's log segments: rolled at segment.bytes or segment.ms, deleted whole after retention", () => {
  it('rolls when the active segment would pass segment.bytes, or is segment.ms old', () => {
    const bySize = new LogSegments(100, Infinity);
    for (let i = 0; i < 10; i += 1) bySize.append(i * 10, 30, i, i);
    // 30-byte batches, 100-byte segments: three batches a segment, the fourth rolls.
    expect(bySize.segmentCount).toBe(4);
    const byAge = new LogSegments(Infinity, 1_000);
    for (let t = 0; t < 5_000; t += 100) byAge.append(t, 1, t, t);
    expect(byAge.segmentCount).toBe(5);
  });

  it('deletes a whole segment once its newest record is older than the cutoff, never the active one', () => {
    const log = new LogSegments(Infinity, 1_000);
    for (let t = 0; t < 3_000; t += 100) log.append(t / 100, 1, t, t); // segments from offsets 0, 10, 20
    log.deleteOlderThan(900);
    expect(log.logStartOffset).toBe(0); // the first segment's newest record is at 900 ms: kept until the cutoff passes it
    log.deleteOlderThan(901);
    expect(log.logStartOffset).toBe(10);
    log.deleteOlderThan(1_000_000);
    expect(log.logStartOffset).toBe(20); // the active segment stays, however old
    expect(log.segmentCount).toBe(1);
  });

  it('in a run: after 2 h with a 1 h retention, the log starts at a segment boundary and keeps between 1 h and 1 h + one segment', () => {
    // One partition, 10 events/s evenly spaced, each its own batch: offset k is sent at (k + 1) × 100 ms.
    const config = { ...DEFAULT_CONFIG, eventsPerSec: 10, partitions: 1, consumersPerGroup: 1, processingMs: 1, retentionHours: 1, lingerMs: 0 };
    const bytesPerEvent = traffic(config).ingressBytesPerSec / config.eventsPerSec;
    const sim = createSimulation(config, { seed: 71, arrivals: 'constant', segmentBytes: 1_000 * bytesPerEvent });
    sim.advance(7_200_000);
    const start = sim.snapshot().partitions[0]!.logStartOffset;
    expect(start % 1_000).toBe(0); // 1,000 events a segment: deleted whole
    const oldestRetainedAgeSeconds = 7_200 - (start + 1) / 10;
    expect(oldestRetainedAgeSeconds).toBeGreaterThanOrEqual(3_600);
    expect(oldestRetainedAgeSeconds).toBeLessThanOrEqual(3_600 + 100);
    // With segments bigger than the retention's worth, nothing is deleted yet: 1 GiB holds days of this.
    const roomy = createSimulation(config, { seed: 71, arrivals: 'constant' });
    roomy.advance(7_200_000);
    expect(roomy.snapshot().partitions[0]!.logStartOffset).toBe(0);
  });
});
