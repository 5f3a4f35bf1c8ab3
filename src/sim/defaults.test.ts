import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import type { PlanConfig } from '../engine/plan-config';
import { resolveOptions } from './defaults';
import { createSimulation } from './simulation';
import { createRecordedRun } from './timeline';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });

describe("the simulation's defaults come from the plan", () => {
  it("takes min.insync.replicas, linger.ms, batch.size, max.poll.records and session.timeout.ms from the plan's Kafka settings", () => {
    const config = plan({ minInsyncReplicas: 3, lingerMs: 20, batchSizeBytes: 65_536, maxPollRecords: 50, sessionTimeoutMs: 10_000 });
    expect(resolveOptions(config)).toMatchObject({ minInsyncReplicas: 3, lingerMs: 20, batchSizeBytes: 65_536, maxPollRecords: 50, sessionTimeoutMs: 10_000 });
    // The plan's defaults are Kafka's (src/config/schema.ts): the old fixed 10 s session timeout is gone.
    expect(resolveOptions(DEFAULT_CONFIG)).toMatchObject({ minInsyncReplicas: 2, lingerMs: 5, batchSizeBytes: 16_384, maxPollRecords: 500, sessionTimeoutMs: 45_000 });
  });

  it('lets options override the plan, and clamps to what the simulation can run', () => {
    const config = plan({ minInsyncReplicas: 3, lingerMs: 20, batchSizeBytes: 65_536, maxPollRecords: 50, sessionTimeoutMs: 10_000 });
    expect(resolveOptions(config, { minInsyncReplicas: 1, lingerMs: 0, batchSizeBytes: 1_024, maxPollRecords: 7, sessionTimeoutMs: 3_000 })).toMatchObject({
      minInsyncReplicas: 1,
      lingerMs: 0,
      batchSizeBytes: 1_024,
      maxPollRecords: 7,
      sessionTimeoutMs: 3_000,
    });
    // min.insync.replicas is at most the copies that exist: min(R, B).
    expect(resolveOptions(plan({ minInsyncReplicas: 5, replicationFactor: 3, brokers: 3 })).minInsyncReplicas).toBe(3);
    expect(resolveOptions(plan({ minInsyncReplicas: 3, replicationFactor: 3, brokers: 2 })).minInsyncReplicas).toBe(2);
    expect(resolveOptions(config, { maxPollRecords: 2.7, lingerMs: -1, batchSizeBytes: 0, sessionTimeoutMs: -5 })).toMatchObject({ maxPollRecords: 2, lingerMs: 0, batchSizeBytes: 1, sessionTimeoutMs: 0 });
  });

  it("blocks acks=all writes with one broker of three down when the plan's min.insync.replicas is 3 (seed 16)", () => {
    const run = (minInsyncReplicas: number) => {
      const r = createRecordedRun(plan({ eventsPerSec: 1000, partitions: 3, consumersPerGroup: 3, processingMs: 1, minInsyncReplicas }), { seed: 16 });
      r.advance(500);
      r.apply({ type: 'broker-down', broker: 0 });
      r.advance(9_500); // fenced after broker.session.timeout.ms: out of the ISRs
      return r.sim.snapshot();
    };
    expect(run(3).partitions.every((p) => p.produceBlocked)).toBe(true);
    expect(run(3).producerBuffered).toBeGreaterThan(3_000);
    expect(run(2).partitions.some((p) => p.produceBlocked)).toBe(false);
  });

  it("forms batches with the plan's linger.ms and batch.size (seed 17)", () => {
    const biggest = (overrides: Partial<PlanConfig>) => {
      const sim = createSimulation(plan({ eventsPerSec: 1_000_000, partitions: 5, ...overrides }), { seed: 17 });
      sim.advance(30);
      const produce = sim.snapshot().flows.filter((f) => f.kind === 'produce');
      expect(produce.length).toBeGreaterThan(0);
      return Math.max(...produce.map((f) => f.events));
    };
    expect(biggest({})).toBe(16); // 16,384 B / 1,024 B: batch.size fills long before 5 ms
    expect(biggest({ batchSizeBytes: 4_096 })).toBe(4);
    expect(biggest({ lingerMs: 0 })).toBe(1);
  });

  it("polls at most the plan's max.poll.records (seed 18)", () => {
    const sim = createSimulation(plan({ eventsPerSec: 10_000, partitions: 1, consumersPerGroup: 1, processingMs: 10, maxPollRecords: 37 }), { seed: 18 });
    let largest = 0;
    for (let i = 0; i < 20; i += 1) {
      sim.advance(100);
      for (const f of sim.snapshot().flows) if (f.kind === 'consume') largest = Math.max(largest, f.events);
    }
    expect(largest).toBe(37);
  });
});
