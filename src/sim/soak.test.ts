import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { clusterOf, topicOf, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';
import { createClusterSimulation } from './simulation';
import { expectInvariants } from './test/check-invariants';
import { recordRun } from './timeline';
import type { TimedAction } from './types';

/**
 * Simulation soak (docs/reliability.md): the largest scenarios — 10,000,000 events/s on 1,000
 * partitions, 1,000 consumers at 0.05 ms (the benchmark's large scenario), and the same traffic
 * as a cluster of 10 topics of 100 partitions on the same 3 brokers — with a fault every
 * few seconds: the conservation laws hold at every sampled instant and the retained heap stays
 * flat after warm-up. Fast variant in `npm test`: 3 simulated seconds. LONG=1 (npm run
 * test:long): 30 simulated minutes.
 *
 * The heap is process.memoryUsage().heapUsed right after a full collection (global.gc, exposed
 * by vitest.config.ts's execArgv), so it counts what the simulation retains, not garbage.
 */
const LONG = process.env.LONG === '1';

/**
 * The brokers' network is set wide enough (25,000 MiB/s) for a restarted broker's followers to
 * catch up on 10,000,000 events/s: the soak checks the simulation, not the plan's sizing. On the
 * 298 MiB/s default they never could (docs/simulation.md, follower catch-up), and after the
 * second broker failure every write would wait below min.insync.replicas for good.
 */
const LARGEST: PlanConfig = { ...DEFAULT_CONFIG, eventsPerSec: 10_000_000, partitions: 1_000, consumersPerGroup: 1_000, processingMs: 0.05, brokerNetworkMiBPerSec: 25_000 };
const TOPICS = 10;
const LARGEST_CLUSTER: ClusterPlan = {
  cluster: clusterOf(LARGEST),
  brokerType: 'custom',
  topics: Array.from({ length: TOPICS }, (_, t) => topicOf({ ...LARGEST, eventsPerSec: LARGEST.eventsPerSec / TOPICS, partitions: 100, consumersPerGroup: 100 }, `topic-${t}`)),
};
const SCENARIOS = [
  { name: '10,000,000 events/s, 1,000 partitions', plan: { cluster: clusterOf(LARGEST), topics: [topicOf(LARGEST, 'events')], brokerType: 'custom' } as ClusterPlan },
  { name: `a cluster of ${TOPICS} topics: 10,000,000 events/s, 1,000 partitions`, plan: LARGEST_CLUSTER },
];
const SEED = 9_001;

/** SOAK_MINUTES shortens the long run for a measurement (default 30). */
const SPAN_MS = LONG ? Number(process.env.SOAK_MINUTES ?? 30) * 60_000 : 3_000;
const WARM_UP_MS = LONG ? 60_000 : 1_000;
const STEP_MS = LONG ? 1_000 : 100;
const INVARIANTS_EVERY_MS = LONG ? 1_000 : 200;
const HEAP_EVERY_MS = LONG ? 2_000 : 100;
/** Growth is the peak of the last window over the peak of the first (after warm-up). */
const WINDOW_MS = LONG ? 5 * 60_000 : 1_000;
/** A fault cycle: broker down and up, a consumer crash and a new one, a spike, poison events. */
const CYCLE_MS = LONG ? 60_000 : 3_000;

/** Each cycle hits another group (in a cluster, another topic's). */
function faults(plan: ClusterPlan, spanMs: number): TimedAction[] {
  const timeline: TimedAction[] = [];
  const groups = plan.topics.length;
  for (let start = 0, n = 0; start < spanMs; start += CYCLE_MS, n += 1) {
    const at = (share: number) => start + Math.round(CYCLE_MS * share);
    const broker = n % plan.cluster.brokers;
    const group = n % groups;
    const consumers = (plan.topics[group] as ClusterPlan['topics'][number]).consumersPerGroup;
    timeline.push(
      { atMs: at(0.4), action: { type: 'broker-down', broker } },
      { atMs: at(0.55), action: { type: 'poison', count: 50 } },
      { atMs: at(0.6), action: { type: 'consumer-crash', group, consumer: (7 * n + 3) % consumers } },
      { atMs: at(0.65), action: { type: 'traffic-spike', factor: 2, durationMs: Math.round(CYCLE_MS * 0.05) } },
      { atMs: at(0.75), action: { type: 'broker-up', broker } },
      { atMs: at(0.8), action: { type: 'consumer-add', group } },
    );
  }
  return timeline;
}

function retainedHeapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('global.gc is not exposed: vitest.config.ts passes --expose-gc to the test workers');
  gc();
  return process.memoryUsage().heapUsed;
}

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

describe.each(SCENARIOS)(`simulation soak: $name, ${SPAN_MS / 1000} simulated s with faults (seed ${SEED})`, ({ plan }) => {
  it('the invariants hold at every sampled instant and the retained heap grows < 10 % after warm-up', () => {
    const timeline = faults(plan, SPAN_MS);
    const run = recordRun(createClusterSimulation(plan, { seed: SEED }), timeline);
    const heap: { atMs: number; bytes: number }[] = [];
    let checks = 0;
    let lastProduced = 0;
    let wasWritable = true;
    const wallStart = performance.now();

    for (let atMs = STEP_MS; atMs <= SPAN_MS; atMs += STEP_MS) {
      run.advance(STEP_MS);
      if (atMs % INVARIANTS_EVERY_MS === 0) {
        const snapshot = run.sim.snapshot();
        expectInvariants(snapshot, `at ${atMs} ms`);
        // The producers never stall for good: with every broker up and every partition taking
        // writes, every sampled instant has more events than the last (while a broker is down
        // and not yet fenced, or back but not yet caught up, acks=all writes may wait).
        const writable = snapshot.brokers.every((b) => b.up) && snapshot.partitions.every((p) => !p.produceBlocked);
        if (writable && wasWritable) expect(snapshot.produced, `produced at ${atMs} ms`).toBeGreaterThan(lastProduced);
        wasWritable = writable;
        lastProduced = snapshot.produced;
        checks += 1;
      }
      if (atMs > WARM_UP_MS && atMs % HEAP_EVERY_MS === 0) heap.push({ atMs, bytes: retainedHeapBytes() });
    }

    // The log's segments are merged pairwise at a cap, so the retained heap is a sawtooth
    // (12 → 30 MiB here, about 0.8 simulated s a tooth): compare the peaks of whole windows.
    const first = heap.filter((h) => h.atMs <= WARM_UP_MS + WINDOW_MS);
    const last = heap.filter((h) => h.atMs > SPAN_MS - WINDOW_MS);
    const peak = (samples: typeof heap) => Math.max(...samples.map((h) => h.bytes));
    const mean = (samples: typeof heap) => samples.reduce((sum, h) => sum + h.bytes, 0) / samples.length;
    const growth = peak(last) / peak(first) - 1;
    const final = run.sim.snapshot();
    const summary = [
      `${checks} instants checked over ${SPAN_MS / 1000} simulated s in ${((performance.now() - wallStart) / 1000).toFixed(1)} s of wall time`,
      `${final.produced.toLocaleString('en-US')} events produced, ${timeline.length} faults, lag ${final.groups[0]!.lag.toLocaleString('en-US')}`,
      `retained heap (${heap.length} samples after ${WARM_UP_MS / 1000} s): first ${WINDOW_MS / 1000} s peak ${MiB(peak(first))} mean ${MiB(mean(first))}, last ${WINDOW_MS / 1000} s peak ${MiB(peak(last))} mean ${MiB(mean(last))}: growth ${(growth * 100).toFixed(1)} %`,
    ].join('; ');
    console.log(`soak: ${summary}`);

    expect(final.timeMs).toBe(SPAN_MS);
    expect(Math.min(first.length, last.length)).toBeGreaterThanOrEqual(LONG ? 100 : 10);
    expect(growth, summary).toBeLessThan(0.1);
  }, LONG ? 4 * 3_600_000 : 120_000);
});
