import { expect } from 'vitest';
import type { SimSnapshot } from '../types';

/** Every conservation law of the simulation, each side counted on its own; then the laws of the measured figures. */
export function expectInvariants(s: SimSnapshot, label = ''): void {
  const logEnds = s.partitions.reduce((sum, p) => sum + p.logEndOffset, 0);
  expect(logEnds, `${label} Σ logEndOffset = produced`).toBe(s.produced);
  for (const p of s.partitions) {
    expect(p.highWatermark, `${label} hw ≤ leo`).toBeLessThanOrEqual(p.logEndOffset);
    expect(p.logStartOffset, `${label} log start ≤ hw`).toBeLessThanOrEqual(p.highWatermark);
  }
  expect(s.topics.reduce((sum, t) => sum + t.produced, 0), `${label} Σ topics' produced = produced`).toBe(s.produced);
  for (const g of s.groups) {
    const produced = s.topics[g.topic]?.produced;
    expect(g.lag, `${label} group ${g.id} lag ≥ 0`).toBeGreaterThanOrEqual(0);
    expect(g.consumed + g.lag + g.deadLettered + g.expired, `${label} group ${g.id}: its topic's produced = consumed + lag + deadLettered + expired`).toBe(produced);
    for (const lag of g.partitionLag) expect(lag).toBeGreaterThanOrEqual(0);
    // One owner per partition in a group (every protocol, mid-rebalance too): every snapshot
    // checks it as it writes the owner column (frame.ts), and throws otherwise.
  }
  expect(s.deadLetterQueue).toBe(s.groups.reduce((sum, g) => sum + g.deadLettered, 0));
  // Leader counts are kept as leaders move, never recounted: they must equal a recount.
  for (const b of s.brokers) expect(b.leaderOf, `${label} broker ${b.id} leads`).toBe(s.partitions.filter((p) => p.leader === b.id).length);
  expect(s.measurements).toEqual(s.topics[0]?.measurements);
  for (const [t, topic] of s.topics.entries()) expectMeasurementInvariants(s, t, `${label} ${topic.name}`);
}

/**
 * The measured waits and latencies describe what happened, no more:
 * - no sample is longer than the simulated time so far: max wait ≤ max latency ≤ timeMs (each
 *   event's latency, send → end of processing, contains its wait, readable → start);
 * - p50 ≤ p99 ≤ max and mean ≤ max, for waits and latencies alike;
 * - the events measured are the events processed: waitSamples = latencySamples =
 *   Σ over the topic's groups of (processed − duplicates), and for every group
 *   consumed ≤ processed − duplicates ≤ consumed + lag + expired (an event measured but not yet
 *   committed is still in the lag, or was deleted by retention before its commit);
 * - a group's processed is the sum of its consumers' (when the snapshot lists all of them).
 */
export function expectMeasurementInvariants(s: SimSnapshot, topic = 0, label = ''): void {
  const m = (s.topics[topic] as SimSnapshot['topics'][number]).measurements;
  const groups = s.groups.filter((g) => g.topic === topic);
  const nowSeconds = s.timeMs / 1000;
  expect(m.waitMaxSeconds, `${label} max wait ≤ max latency`).toBeLessThanOrEqual(m.latencyMaxSeconds);
  expect(m.latencyMaxSeconds, `${label} max latency ≤ simulated time`).toBeLessThanOrEqual(nowSeconds);
  expect(m.waitMaxSeconds, `${label} max wait ≥ 0`).toBeGreaterThanOrEqual(0);
  for (const [name, p50, p99, mean, max] of [
    ['wait', m.waitP50Seconds, m.waitP99Seconds, m.waitMeanSeconds, m.waitMaxSeconds],
    ['latency', m.latencyP50Seconds, m.latencyP99Seconds, m.latencyMeanSeconds, m.latencyMaxSeconds],
  ] as const) {
    expect(p50, `${label} ${name} p50 ≤ p99`).toBeLessThanOrEqual(p99);
    expect(p99, `${label} ${name} p99 ≤ max`).toBeLessThanOrEqual(max);
    expect(mean, `${label} ${name} mean ≤ max`).toBeLessThanOrEqual(max * (1 + 1e-12));
  }
  expect(m.latencySamples, `${label} latency samples = wait samples`).toBe(m.waitSamples);
  const measuredOnce = groups.reduce((sum, g) => sum + g.processed - g.duplicates, 0);
  expect(m.waitSamples, `${label} samples = Σ the topic's groups (processed − duplicates)`).toBe(measuredOnce);
  for (const g of groups) {
    const once = g.processed - g.duplicates;
    expect(once, `${label} group ${g.id}: consumed ≤ processed − duplicates`).toBeGreaterThanOrEqual(g.consumed);
    expect(once, `${label} group ${g.id}: processed − duplicates ≤ consumed + lag + expired`).toBeLessThanOrEqual(g.consumed + g.lag + g.expired);
    if (g.consumers.length === g.consumerCount) {
      expect(g.consumers.reduce((sum, c) => sum + c.processed, 0), `${label} group ${g.id}: Σ consumers' processed`).toBe(g.processed);
    }
  }
}
