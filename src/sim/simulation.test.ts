import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import { placeReplicas, replicasOf, zoneOf } from '../engine/placement';
import type { PlanConfig } from '../engine/plan-config';
import { traffic } from '../engine/traffic';
import { createSimulation } from './simulation';
import { expectInvariants } from './test/check-invariants';
import { createRecordedRun } from './timeline';
import type { SimOptions } from './types';

const plan = (overrides: Partial<PlanConfig>): PlanConfig => ({ ...DEFAULT_CONFIG, ...overrides });
/** Past KRaft's broker.session.timeout.ms (9 s): a dead broker is fenced, its leaders moved. */
const FENCED_MS = 9_001;

describe('producers and the log', () => {
  it('appends events at the configured rate, spread over partitions (seed 3)', () => {
    const sim = createSimulation(plan({ eventsPerSec: 10_000, partitions: 8, consumersPerGroup: 8, processingMs: 0.01 }), { seed: 3 });
    sim.advance(20_000);
    const s = sim.snapshot();
    expect(s.produced / 20).toBeGreaterThan(10_000 * 0.98);
    expect(s.produced / 20).toBeLessThan(10_000 * 1.02);
    for (const p of s.partitions) expect(p.logEndOffset / s.produced).toBeCloseTo(1 / 8, 1);
    expectInvariants(s);
  });

  it('sends a hot key to partition 0 (seed 4)', () => {
    const sim = createSimulation(plan({ eventsPerSec: 1000, partitions: 4 }), { seed: 4, hotKeyShare: 0.6 });
    sim.advance(10_000);
    const s = sim.snapshot();
    // partition 0 gets 0.6 + 0.4/4 = 70 % of the events
    expect((s.partitions[0]?.logEndOffset ?? 0) / s.produced).toBeCloseTo(0.7, 1);
  });

  it('batches records: linger.ms and batch.size bound each batch (seed 5)', () => {
    // 1 KiB events, 16 KiB batches: 16 events per batch at most.
    const sim = createSimulation(plan({ eventsPerSec: 1_000_000, partitions: 5 }), { seed: 5 });
    sim.advance(50);
    const produceFlows = sim.snapshot().flows.filter((f) => f.kind === 'produce');
    expect(produceFlows.length).toBeGreaterThan(0);
    for (const f of produceFlows) expect(f.events).toBeLessThanOrEqual(16);
  });

  it('gives every record a batch of its own with linger 0 (seed 6)', () => {
    const sim = createSimulation(plan({ eventsPerSec: 100, partitions: 1 }), { seed: 6, lingerMs: 0 });
    sim.advance(2_000);
    for (const f of sim.snapshot().flows) if (f.kind === 'produce') expect(f.events).toBe(1);
  });
});

describe('consumer groups', () => {
  it('leaves consumers beyond the partition count idle', () => {
    const s = createSimulation(plan({ partitions: 5, consumersPerGroup: 10 })).snapshot();
    const group = s.groups[0];
    expect(group?.idleConsumers).toBe(5);
    expect(group?.consumers.filter((c) => c.assigned.length === 0)).toHaveLength(5);
  });

  it('assigns ⌈P/a⌉ partitions to the first P mod a consumers, as the model says', () => {
    const s = createSimulation(plan({ partitions: 5, consumersPerGroup: 2 })).snapshot();
    expect(s.groups[0]?.consumers.map((c) => c.assigned)).toEqual([[0, 1, 2], [3, 4]]);
  });

  it('runs one group per configured group, each reading everything (seed 7)', () => {
    const sim = createSimulation(plan({ eventsPerSec: 1000, partitions: 4, consumersPerGroup: 4, processingMs: 1, consumerGroups: 3 }), { seed: 7 });
    sim.advance(10_000);
    const s = sim.snapshot();
    expect(s.groups).toHaveLength(3);
    for (const g of s.groups) expect(g.consumed).toBeGreaterThan(s.produced * 0.95);
    expectInvariants(s);
  });

  it("rebalances after the plan's 45 s session timeout notices a crash, and redelivers: at-least-once duplicates (seed 8)", () => {
    // ρ = 1.2: consumer 0 is always mid-poll (400 events, ~5 s); what it processed was never committed.
    const config = plan({ eventsPerSec: 200, partitions: 2, consumersPerGroup: 2, processingMs: 12 });
    expect(config.sessionTimeoutMs).toBe(45_000); // session.timeout.ms, Kafka's default since 3.0
    const run = createRecordedRun(config, { seed: 8, maxPollRecords: 400 }, []);
    run.advance(10_000);
    run.apply({ type: 'consumer-crash', group: 0, consumer: 0 });
    let s = run.sim.snapshot();
    expect(s.groups[0]?.consumers[0]?.alive).toBe(false);
    run.advance(43_000); // before the 45 s session timeout after its last heartbeat (at 9 s): partition 0 is not consumed
    s = run.sim.snapshot();
    expect(s.groups[0]?.rebalances).toBe(0);
    expect(s.groups[0]?.consumers[1]?.assigned).toEqual([1]);
    expect(s.groups[0]?.partitionLag[0]).toBeGreaterThan(100 * 44 * 0.9);
    run.advance(8_500); // noticed at 54 s; the rebalance waits for consumer 1's running poll (400 × 12 ms ≈ 4.8 s), then 500 ms
    s = run.sim.snapshot();
    expect(s.groups[0]?.consumers[1]?.assigned).toEqual([0, 1]);
    expect(s.groups[0]?.rebalances).toBe(1);
    run.advance(30_000);
    s = run.sim.snapshot();
    expect(s.groups[0]?.duplicates).toBeGreaterThan(0);
    expect(s.groups[0]?.duplicatesSuppressed).toBe(0);
    expectInvariants(s);
  });

  it('notices a crash session.timeout.ms after its last heartbeat (heartbeat.interval.ms = 3 s), with a shorter session timeout when the plan sets one (seed 8)', () => {
    const crashAt = (atMs: number, heartbeatIntervalMs?: number) => {
      const run = createRecordedRun(plan({ eventsPerSec: 200, partitions: 2, consumersPerGroup: 2, processingMs: 12, sessionTimeoutMs: 10_000 }), { seed: 8, maxPollRecords: 400, heartbeatIntervalMs }, [
        { atMs, action: { type: 'consumer-crash', group: 0, consumer: 0 } },
      ]);
      run.advance(atMs);
      return /noticed in (\d+) ms, session.timeout.ms = 10000 ms after its last heartbeat/.exec(run.sim.snapshot().log.at(-1)?.text ?? '')?.[1];
    };
    // Heartbeats at 0, 3, 6, 9 s: a crash at 10 s is noticed at 19 s; one at 12 s, right on a heartbeat, at 22 s.
    expect(crashAt(10_000)).toBe('9000');
    expect(crashAt(12_000)).toBe('10000');
    expect(crashAt(10_000, 1)).toBe('10000');
    const run = createRecordedRun(plan({ eventsPerSec: 200, partitions: 2, consumersPerGroup: 2, processingMs: 12, sessionTimeoutMs: 10_000 }), { seed: 8, maxPollRecords: 400 }, [
      { atMs: 10_000, action: { type: 'consumer-crash', group: 0, consumer: 0 } },
    ]);
    run.advance(18_900);
    expect(run.sim.snapshot().groups[0]?.rebalances).toBe(0);
    expect(run.sim.snapshot().groups[0]?.rebalancing).toBe(false);
    run.advance(200);
    expect(run.sim.snapshot().groups[0]?.rebalancing).toBe(true);
    run.advance(5_500); // consumer 1's running poll (≈ 4.8 s), 500 ms of rebalance
    expect(run.sim.snapshot().groups[0]?.consumers[1]?.assigned).toEqual([0, 1]);
  });

  it('suppresses the same duplicates with idempotent consumers (seed 8)', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 200, partitions: 2, consumersPerGroup: 2, processingMs: 12 }), { seed: 8, maxPollRecords: 400 }, [
      { atMs: 0, action: { type: 'set-idempotent', enabled: true } },
      { atMs: 10_000, action: { type: 'consumer-crash', group: 0, consumer: 0 } },
    ]);
    run.advance(86_000); // crash at 10 s, noticed at 54 s (45 s after its last heartbeat), rebalanced after consumer 1's poll, then 30 s more
    const s = run.sim.snapshot();
    expect(s.groups[0]?.duplicates).toBe(0);
    expect(s.groups[0]?.duplicatesSuppressed).toBeGreaterThan(0);
    expectInvariants(s);
  });

  it('gives a new consumer a partition, or leaves it idle past the partition count', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 100, partitions: 2, consumersPerGroup: 2, processingMs: 1 }));
    run.advance(1_000);
    run.apply({ type: 'consumer-add', group: 0 });
    run.advance(600);
    const s = run.sim.snapshot();
    expect(s.groups[0]?.consumerCount).toBe(3);
    expect(s.groups[0]?.idleConsumers).toBe(1);
  });
});

describe('brokers, replication and failover', () => {
  it("places replicas with Kafka's assignment, the capacity model's (engine/placement.ts): one zone each, leaders round the brokers", () => {
    const config = plan({ partitions: 12, replicationFactor: 3, brokers: 6, zones: 3 });
    const s = createSimulation(config).snapshot();
    const placement = placeReplicas(12, 3, 6, 3);
    for (const p of s.partitions) {
      expect(p.replicas).toEqual(replicasOf(placement, p.id));
      expect(p.leader).toBe(p.replicas[0]); // the preferred leader
      expect(p.isr).toEqual(p.replicas);
      expect(new Set(p.replicas.map((b) => zoneOf(b, 3))).size).toBe(3); // R ≤ Z: a copy in every zone
    }
    // Not "brokers p, p+1, p+2": from the second round of brokers on, followers shift.
    expect(s.partitions.some((p) => p.replicas.some((b, i) => b !== (p.id + i) % 6))).toBe(true);
    for (const b of s.brokers) {
      expect(b.leaderOf).toBe(2); // ⌈P/B⌉
      expect(b.replicas).toBe(6); // P·R/B
    }
  });

  it('on a broker down, elects the first live in-sync replica in assignment order (seed 15)', () => {
    const config = plan({ eventsPerSec: 1000, partitions: 12, consumersPerGroup: 12, processingMs: 1, replicationFactor: 3, brokers: 6, zones: 3 });
    const run = createRecordedRun(config, { seed: 15 });
    run.advance(500);
    const before = run.sim.snapshot();
    run.apply({ type: 'broker-down', broker: 0 });
    run.advance(FENCED_MS); // the controller moves leaders once it fences the broker
    const afterOne = run.sim.snapshot();
    for (const p of before.partitions) {
      const expected = p.leader === 0 ? p.replicas.find((b) => b !== 0) : p.leader;
      expect(afterOne.partitions[p.id]?.leader, `partition ${p.id}`).toBe(expected);
    }
    // Partition 6's replicas are 0, 4, 5 in Kafka's assignment: it moves to 4, not to broker 1.
    expect(before.partitions[6]?.replicas[0]).toBe(0);
    expect(afterOne.partitions[6]?.leader).toBe(before.partitions[6]?.replicas[1]);
    expect(afterOne.partitions[6]?.leader).not.toBe(1);
    // A second broker down: again the first of the assignment still alive and in sync.
    const second = afterOne.partitions[6]!.leader;
    run.apply({ type: 'broker-down', broker: second });
    run.advance(FENCED_MS);
    const afterTwo = run.sim.snapshot();
    for (const p of afterTwo.partitions) {
      const alive = p.replicas.filter((b) => b !== 0 && b !== second);
      expect(p.isr).toEqual(alive);
      expect(p.leader).toBe(alive[0]);
    }
    expectInvariants(afterTwo);
  });

  it('moves leadership off a downed broker and shrinks the ISR (seed 9)', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 1000, partitions: 6, consumersPerGroup: 6, processingMs: 1 }), { seed: 9 });
    run.advance(1_000);
    const before = run.sim.snapshot();
    const led = before.partitions.filter((p) => p.leader === 0).map((p) => p.id);
    expect(led.length).toBe(2);
    run.apply({ type: 'broker-down', broker: 0 });
    run.advance(FENCED_MS + 1_000);
    const after = run.sim.snapshot();
    for (const id of led) {
      expect(after.partitions[id]?.leader).not.toBe(0);
      expect(after.partitions[id]?.leader).toBeGreaterThanOrEqual(0);
    }
    for (const p of after.partitions) expect(p.isr).not.toContain(0);
    expect(after.brokers[0]?.up).toBe(false);
    expect(after.produced).toBeGreaterThan(before.produced); // 2 of 3 in sync ≥ min.insync.replicas 2
    expect(after.log.some((line) => line.text.includes('leader 0 →'))).toBe(true);
    expectInvariants(after);
  });

  it('blocks acks=all produce below min.insync.replicas; a broker back before it is fenced cannot help while the other is still in the ISRs, and writes resume once that one is fenced (seed 10)', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 1000, partitions: 3, consumersPerGroup: 3, processingMs: 1 }), { seed: 10 });
    run.advance(1_000);
    run.apply({ type: 'broker-down', broker: 0 });
    run.apply({ type: 'broker-down', broker: 1 });
    const blocked = run.sim.snapshot();
    expect(blocked.partitions.every((p) => p.produceBlocked)).toBe(true);
    run.advance(2_000);
    const later = run.sim.snapshot();
    expect(later.produced).toBe(blocked.produced);
    expect(later.producerBuffered).toBeGreaterThan(1500);
    run.apply({ type: 'broker-up', broker: 1 });
    run.advance(2_500);
    // Broker 0 is still down and still in every ISR: acks=all waits for it.
    expect(run.sim.snapshot().partitions.every((p) => p.produceBlocked)).toBe(true);
    run.advance(FENCED_MS); // broker 0 fenced at 10 s: out of the ISRs, 2 in sync ≥ min ISR 2
    const resumed = run.sim.snapshot();
    expect(resumed.partitions.every((p) => !p.produceBlocked)).toBe(true);
    expect(resumed.producerBuffered).toBe(0);
    expect(resumed.produced).toBeGreaterThan(later.produced + later.producerBuffered);
    expectInvariants(resumed);
  });

  it('takes a partition offline when its last in-sync replica goes down, and back when it returns', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 100, partitions: 1, consumersPerGroup: 1, processingMs: 1, replicationFactor: 1, brokers: 1 }));
    run.advance(500);
    run.apply({ type: 'broker-down', broker: 0 });
    expect(run.sim.snapshot().partitions[0]?.produceBlocked).toBe(true);
    run.advance(FENCED_MS);
    expect(run.sim.snapshot().partitions[0]?.leader).toBe(-1);
    run.apply({ type: 'broker-up', broker: 0 });
    expect(run.sim.snapshot().partitions[0]?.leader).toBe(0);
  });
});

describe('a broker failure as KRaft handles it: nothing moves until the controller fences the broker', () => {
  const config = plan({ eventsPerSec: 6_000, partitions: 6, consumersPerGroup: 6, processingMs: 0.1 });

  it('acks=all writes stall on every partition whose ISR lists the dead broker, for broker.session.timeout.ms (9 s); then its leaders move, it leaves the ISRs and the held events are written (seed 31)', () => {
    const run = createRecordedRun(config, { seed: 31 });
    run.advance(1_000);
    const before = run.sim.snapshot();
    const led = before.partitions.filter((p) => p.leader === 0).map((p) => p.id);
    expect(led.length).toBe(2);
    run.apply({ type: 'broker-down', broker: 0 });
    run.advance(8_900);
    const stalled = run.sim.snapshot();
    // 3 brokers, rf 3: every partition has a replica on broker 0, and every ISR still lists it.
    expect(stalled.partitions.every((p) => p.produceBlocked && p.isr.includes(0))).toBe(true);
    for (const id of led) expect(stalled.partitions[id]?.leader).toBe(0);
    expect(stalled.produced - before.produced).toBeLessThan(6_000 * 0.01); // only what was in flight
    expect(stalled.producerBuffered).toBeGreaterThan(6_000 * 8);
    run.advance(200); // fenced at 10 s
    const fenced = run.sim.snapshot();
    for (const p of fenced.partitions) {
      expect(p.isr).not.toContain(0);
      expect(p.leader).toBe(p.replicas.find((b) => b !== 0));
      expect(p.produceBlocked).toBe(false);
    }
    expect(fenced.producerBuffered).toBe(0);
    expect(fenced.log.some((line) => line.text === 'broker 0 fenced by the controller')).toBe(true);
    expectInvariants(fenced);
    // Each leadership that moved is in the snapshot, for the picture, for 2 simulated seconds.
    expect(stalled.leaderMoves).toEqual([]);
    expect(fenced.leaderMoves).toEqual(led.map((partition) => ({ atMs: 10_000, partition, from: 0, to: fenced.partitions[partition]!.leader })));
    run.advance(2_000);
    expect(run.sim.snapshot().leaderMoves).toEqual([]);
  });

  it('with broker.session.timeout.ms above replica.lag.time.max.ms (30 s), leaders drop the dead follower at 30 s while its own partitions wait for the fencing (seed 32)', () => {
    const run = createRecordedRun(config, { seed: 32, brokerSessionTimeoutMs: 60_000 });
    run.advance(1_000);
    const led = run.sim.snapshot().partitions.filter((p) => p.leader === 0).map((p) => p.id);
    run.apply({ type: 'broker-down', broker: 0 });
    run.advance(30_100);
    const shrunk = run.sim.snapshot();
    for (const p of shrunk.partitions) {
      const ledByDead = led.includes(p.id);
      expect(p.isr.includes(0), `partition ${p.id}`).toBe(ledByDead);
      expect(p.produceBlocked, `partition ${p.id}`).toBe(ledByDead);
    }
    run.advance(30_000);
    expect(run.sim.snapshot().partitions.every((p) => !p.produceBlocked && p.leader !== 0)).toBe(true);
  });

  it('a broker back before it is fenced resumes: it still leads its partitions and is still in their ISRs (seed 33)', () => {
    const run = createRecordedRun(config, { seed: 33 });
    run.advance(1_000);
    const before = run.sim.snapshot();
    run.apply({ type: 'broker-down', broker: 0 });
    run.advance(5_000);
    run.apply({ type: 'broker-up', broker: 0 });
    run.advance(10_000); // past the stale fencing at 10 s
    const after = run.sim.snapshot();
    expect(after.partitions.map((p) => [p.leader, p.isr])).toEqual(before.partitions.map((p) => [p.leader, p.isr]));
    expect(after.producerBuffered).toBe(0);
    expect(after.log.some((line) => line.text.includes('fenced by the controller'))).toBe(false);
    expectInvariants(after);
  });
});

describe('a broker that comes back catches up at its network headroom, not in a fixed time', () => {
  // 50,000 events/s of 1 KiB on 3 brokers, RF 3: every broker follows every write, ~49 MiB/s of its 60 MiB/s network in.
  const config = plan({ eventsPerSec: 50_000, eventSizeBytes: 1_024, partitions: 6, consumersPerGroup: 6, processingMs: 0.001, brokerNetworkMiBPerSec: 60 });
  const ingressBytesPerSec = traffic(config).ingressBytesPerSec;

  const outage = (downMs: number) => {
    const r = createRecordedRun(config, { seed: 61 });
    r.advance(1_000);
    r.apply({ type: 'broker-down', broker: 0 });
    r.advance(downMs);
    r.apply({ type: 'broker-up', broker: 0 });
    const line = r.sim.snapshot().log.at(-1)?.text ?? '';
    const seconds = Number(/catch up in ([\d.]+) s/.exec(line)?.[1]);
    return { r, seconds, line };
  };

  it('missed bytes / (network in − the writes it follows): twice the outage, twice the catch-up; back in the ISRs then (seed 61)', () => {
    const headroomBytesPerSec = 60 * 1_048_576 - ingressBytesPerSec;
    expect(headroomBytesPerSec / 1_048_576).toBeGreaterThan(5); // it can catch up, slowly
    const short = outage(20_000);
    const long = outage(40_000);
    // What it missed: every write of the outage (Poisson: within 3 %).
    const expectedShort = (ingressBytesPerSec * 20) / headroomBytesPerSec;
    expect(Math.abs(short.seconds / expectedShort - 1), short.line).toBeLessThan(0.03);
    expect(Math.abs(long.seconds / short.seconds - 2)).toBeLessThan(0.06);
    expect(short.seconds).toBeGreaterThan(30); // far from a fixed 2 s
    const { r } = short;
    r.advance(short.seconds * 1000 - 1_000);
    expect(r.sim.snapshot().partitions.some((p) => p.isr.includes(0))).toBe(false);
    r.advance(2_000);
    expect(r.sim.snapshot().partitions.every((p) => p.isr.includes(0))).toBe(true);
    expectInvariants(r.sim.snapshot());
  });

  it('when the writes it follows take all of its network, it never catches up, and says so (seed 61)', () => {
    const r = createRecordedRun({ ...config, brokerNetworkMiBPerSec: 40 }, { seed: 61 });
    r.advance(1_000);
    r.apply({ type: 'broker-down', broker: 0 });
    r.advance(10_000);
    r.apply({ type: 'broker-up', broker: 0 });
    expect(r.sim.snapshot().log.at(-1)?.text).toContain('cannot catch up');
    r.advance(120_000);
    expect(r.sim.snapshot().partitions.some((p) => p.isr.includes(0))).toBe(false);
  });
});

describe('preferred leaders come back (auto.leader.rebalance.enable)', () => {
  const config = plan({ eventsPerSec: 600, partitions: 6, consumersPerGroup: 6, processingMs: 0.1 });
  const leadersOf0 = (run: ReturnType<typeof createRecordedRun>) => run.sim.snapshot().brokers[0]?.leaderOf;
  const run = (options: SimOptions) => {
    const r = createRecordedRun(config, { seed: 34, ...options });
    r.advance(1_000);
    r.apply({ type: 'broker-down', broker: 0 });
    r.advance(12_000); // fenced at 10 s: its 2 leaderships moved
    r.apply({ type: 'broker-up', broker: 0 });
    r.advance(5_000); // caught up and back in the ISRs
    return r;
  };

  it('a broker back in the ISRs leads nothing until the controller\'s next check, 300 s after the start; then it leads its preferred partitions again (seed 34)', () => {
    const r = run({});
    expect(leadersOf0(r)).toBe(0);
    r.advance(300_000 - 18_000 - 1);
    expect(leadersOf0(r)).toBe(0);
    r.advance(2);
    expect(leadersOf0(r)).toBe(2);
    expect(r.sim.snapshot().partitions.every((p) => p.leader === p.replicas[0])).toBe(true);
    expect(r.sim.snapshot().log.some((line) => line.text.startsWith('preferred-leader election: 2 partitions'))).toBe(true);
  });

  it('switched off, or within leader.imbalance.per.broker.percentage, the leaders stay where they moved (seed 34)', () => {
    const off = run({ autoLeaderRebalance: false });
    off.advance(300_000);
    expect(leadersOf0(off)).toBe(0);
    // 2 of its 2 preferred partitions not led: 100 % imbalance; a 100 % threshold tolerates it.
    const tolerant = run({ leaderImbalancePerBrokerPercentage: 100 });
    tolerant.advance(300_000);
    expect(leadersOf0(tolerant)).toBe(0);
  });
});

describe('rebalances (classic protocol)', () => {
  it('wait for every member\'s running poll batch: members rejoin at their next poll (seed 35)', () => {
    // 50 records × 100 ms: a poll batch takes about 5 s.
    const config = plan({ eventsPerSec: 45, partitions: 3, consumersPerGroup: 3, processingMs: 100, maxPollRecords: 50 });
    const r = createRecordedRun(config, { seed: 35 });
    r.advance(20_000); // 15 events/s a partition against 10/s a consumer: a backlog, every poll a full batch
    r.apply({ type: 'consumer-add', group: 0 });
    const line = r.sim.snapshot().log.find((l) => l.text.includes('members rejoin at their next poll'));
    expect(line).toBeDefined();
    const lastMs = Number(/the last in (\d+) ms/.exec(line!.text)?.[1]);
    // Longer than the join and sync (500 ms) alone, at most one batch (50 × 100 ms, exponential).
    expect(lastMs).toBeGreaterThan(1_000);
    expect(lastMs).toBeLessThanOrEqual(8_000);
    r.advance(lastMs + 500 - 2);
    expect(r.sim.snapshot().groups[0]?.rebalancing).toBe(true);
    r.advance(4);
    expect(r.sim.snapshot().groups[0]?.rebalancing).toBe(false);
  });
});

describe('incremental rebalances: cooperative (KIP-429) and consumer (KIP-848) protocols', () => {
  const owners = (s: ReturnType<ReturnType<typeof createSimulation>['snapshot']>) => new Map(s.groups[0]!.consumers.flatMap((c) => c.assigned.map((p) => [p, c.id] as const)));

  it('a consumer joining 4 that own 12 partitions: the sticky target moves only 2 partitions, and every member keeps what it does not give up (seed 51)', () => {
    for (const rebalanceProtocol of ['cooperative', 'consumer'] as const) {
      const r = createRecordedRun(plan({ eventsPerSec: 1_200, partitions: 12, consumersPerGroup: 4, processingMs: 1 }), { seed: 51, rebalanceProtocol });
      r.advance(3_000);
      const before = owners(r.sim.snapshot());
      r.apply({ type: 'consumer-add', group: 0 });
      r.advance(3_000);
      const s = r.sim.snapshot();
      const after = owners(s);
      expect(s.groups[0]!.rebalancing, rebalanceProtocol).toBe(false);
      expect(after.size).toBe(12);
      const moved = [...after].filter(([p, c]) => before.get(p) !== c);
      expect(moved.map(([, c]) => c), rebalanceProtocol).toEqual([4, 4]);
      expect(s.groups[0]!.consumers.map((c) => c.assigned.length).sort()).toEqual([2, 2, 2, 3, 3]);
      expect(s.groups[0]!.duplicates, `${rebalanceProtocol}: the old owner commits before it gives a partition up`).toBe(0);
      expectInvariants(s);
    }
  });

  it('the group keeps processing during a cooperative rebalance; an eager one stops it (seed 52)', () => {
    const processedDuring = (rebalanceProtocol: 'eager' | 'cooperative') => {
      const r = createRecordedRun(plan({ eventsPerSec: 2_000, partitions: 12, consumersPerGroup: 4, processingMs: 1 }), { seed: 52, rebalanceProtocol });
      r.advance(5_000);
      r.apply({ type: 'consumer-add', group: 0 });
      r.advance(50); // the members' running polls (a few ms each at this rate) are over
      const start = r.sim.snapshot().groups[0]!.processed;
      r.advance(400); // within the first round: rebalanceMs = 500
      const s = r.sim.snapshot().groups[0]!;
      expect(s.rebalancing).toBe(true);
      return s.processed - start;
    };
    const eager = processedDuring('eager');
    const cooperative = processedDuring('cooperative');
    expect(eager).toBe(0);
    expect(cooperative).toBeGreaterThan(0.9 * 2_000 * 0.4); // the producers' 2,000 events/s, all of it
  });

  it("a crashed member's partitions: the consumer protocol reassigns them in two round trips, without waiting for the others' 10 s polls as the classic protocols do (seed 53)", () => {
    // 4 partitions at 500 events/s each, 20 ms an event: a backlog, every poll 500 events = 10 s.
    const config = plan({ eventsPerSec: 2_000, partitions: 4, consumersPerGroup: 4, processingMs: 20, sessionTimeoutMs: 1_000 });
    const rebalanced = (rebalanceProtocol: 'eager' | 'cooperative' | 'consumer') => {
      const r = createRecordedRun(config, { seed: 53, rebalanceProtocol, service: 'constant' });
      r.advance(3_000);
      r.apply({ type: 'consumer-crash', group: 0, consumer: 0 }); // noticed at 4 s
      r.advance(2_001);
      return r.sim.snapshot().groups[0]!;
    };
    const consumer = rebalanced('consumer');
    expect(consumer.rebalancing).toBe(false); // 4 s + 500 ms + 500 ms
    expect(consumer.consumers[0]!.assigned).toEqual([]);
    expect(consumer.consumers.flatMap((c) => c.assigned).sort()).toEqual([0, 1, 2, 3]);
    expect(rebalanced('eager').rebalancing).toBe(true);
    expect(rebalanced('cooperative').rebalancing).toBe(true);
  });
});

describe('max.poll.interval.ms: the livelock the planner\'s check names, happening', () => {
  // One partition at 300 events/s, 10 ms an event: a backlog, and full polls of max.poll.records.
  const config = (maxPollRecords: number) => plan({ eventsPerSec: 300, partitions: 1, consumersPerGroup: 1, processingMs: 10, maxPollRecords, maxPollIntervalMs: 2_000 });

  it('500 records × 10 ms = 5 s a poll, above 2 s: the member is evicted, rejoins, is evicted again; nothing is committed any more, the same events are processed again and again (seed 36)', () => {
    const r = createRecordedRun(config(500), { seed: 36, service: 'constant' });
    r.advance(30_000);
    const early = r.sim.snapshot().groups[0]!;
    r.advance(60_000);
    const s = r.sim.snapshot();
    const group = s.groups[0]!;
    expect(group.rebalances - early.rebalances).toBeGreaterThanOrEqual(10);
    expect(group.consumed).toBe(early.consumed); // no commit goes through
    // But the work goes on: 2 s of each ~5.5 s cycle (evicted at 2 s, rejoined when its 5 s batch ends, 0.5 s of rebalance).
    expect(group.processed - early.processed).toBeGreaterThan((60 / 5.5) * 200 * 0.8);
    expect(group.duplicates).toBeGreaterThan(0);
    expect(s.log.some((line) => line.text.includes('its poll batch ran past max.poll.interval.ms = 2000 ms'))).toBe(true);
    expectInvariants(s);
  });

  it('100 records × 10 ms = 1 s a poll, within 2 s: no eviction, commits keep going (seed 36)', () => {
    const r = createRecordedRun(config(100), { seed: 36, service: 'constant' });
    r.advance(90_000);
    const group = r.sim.snapshot().groups[0]!;
    expect(group.rebalances).toBe(0);
    expect(group.consumed).toBeGreaterThan(80 * 100 * 0.9); // 100 events/s, the consumer's capacity
  });
});

describe('traffic, poison and replay', () => {
  it('multiplies the rate during a spike (seed 11)', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 1000, partitions: 4, consumersPerGroup: 4, processingMs: 0.1 }), { seed: 11 });
    run.advance(5_000);
    const a = run.sim.snapshot().produced;
    run.apply({ type: 'traffic-spike', factor: 5, durationMs: 10_000 });
    run.advance(10_000);
    const b = run.sim.snapshot().produced;
    run.advance(10_000);
    const c = run.sim.snapshot().produced;
    expect((b - a) / 10).toBeGreaterThan(4_800);
    expect((c - b) / 10).toBeLessThan(1_100);
  });

  it('retries poison events and dead-letters them after maxAttempts (seed 12)', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 100, partitions: 2, consumersPerGroup: 2, processingMs: 1 }), { seed: 12, maxAttempts: 3 });
    run.advance(1_000);
    run.apply({ type: 'poison', count: 10 });
    run.advance(5_000);
    const s = run.sim.snapshot();
    expect(s.groups[0]?.deadLettered).toBe(10);
    expect(s.groups[0]?.failedAttempts).toBe(30);
    expect(s.deadLetterQueue).toBe(10);
    expect(s.log.some((line) => /^group 0: poison event at offset \d+ of partition \d sent to the dead-letter queue after 3 attempts$/.test(line.text))).toBe(true);
    expectInvariants(s);
  });

  it('replays the retained log from offset 0 in a new group and catches up (seed 13)', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 1000, partitions: 4, consumersPerGroup: 4, processingMs: 0.5 }), { seed: 13 });
    run.advance(60_000);
    const backlog = run.sim.snapshot().produced;
    run.apply({ type: 'add-group' });
    let s = run.sim.snapshot();
    expect(s.groups[1]?.kind).toBe('replay');
    expect(s.groups[1]?.lag).toBe(backlog);
    // capacity 4 × 2,000/s against 1,000/s: the 60,000-event backlog drains at ~7,000/s
    run.advance(20_000);
    s = run.sim.snapshot();
    expect(s.groups[1]?.consumed).toBeGreaterThan(backlog);
    expect(s.groups[1]?.lag).toBeLessThan(1_000);
    expectInvariants(s);
  });

  it('never catches up when the replay group is slower than live traffic (seed 14)', () => {
    const run = createRecordedRun(plan({ eventsPerSec: 1000, partitions: 2, consumersPerGroup: 2, processingMs: 1 }), { seed: 14 });
    run.advance(10_000);
    run.apply({ type: 'add-group' }); // 2 consumers × 1,000/s = 2,000/s: catches up
    run.advance(60_000);
    expect(run.sim.snapshot().groups[1]?.lag).toBeLessThan(1_000);
    const slow = createRecordedRun(plan({ eventsPerSec: 1000, partitions: 2, consumersPerGroup: 2, processingMs: 2.5 }), { seed: 14 });
    slow.advance(10_000);
    slow.apply({ type: 'add-group' }); // 2 × 400/s = 800/s < 1,000/s: falls further behind
    slow.advance(30_000);
    const s = slow.sim.snapshot();
    expect(s.groups[1]?.lag).toBeGreaterThan(10_000);
  });
});

describe('snapshots', () => {
  it('are plain data that survive structuredClone', () => {
    const sim = createSimulation(DEFAULT_CONFIG);
    sim.advance(100);
    const s = sim.snapshot();
    expect(structuredClone(s)).toEqual(s);
  });
});

describe('measured waits and latencies', () => {
  it("the seed's defaults after 1.2 s: figures no longer than the 1.2 s simulated, over the events actually processed (seed 1)", () => {
    // The seed's scenario: 5 partitions, 5 active consumers at 100 ms an event, 500 records a poll.
    // A sample taken when a poll of 500 starts, timed at its end 50 s later, read 25.4 s mean wait
    // (p99 53.6 s) over 1,080 "processed" events while 52 events/s were consumed.
    const sim = createSimulation(DEFAULT_CONFIG, { seed: 1 });
    sim.advance(1_200);
    const s = sim.snapshot();
    const m = s.measurements;
    for (const seconds of [m.waitMeanSeconds, m.waitP50Seconds, m.waitP99Seconds, m.waitMaxSeconds, m.latencyMeanSeconds, m.latencyP99Seconds, m.latencyMaxSeconds]) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(1.2);
    }
    // The samples are the events processed so far, the rate's own count: 5 consumers × ~12 events.
    const group = s.groups[0]!;
    expect(group.duplicates).toBe(0);
    expect(m.waitSamples).toBe(group.processed);
    expect(m.latencySamples).toBe(group.processed);
    expect(m.waitSamples).toBeCloseTo((m.consumedPerSec * m.windowMs) / 1000, 6);
    expect(m.waitSamples).toBeGreaterThan(40);
    expect(m.waitSamples).toBeLessThan(80);
    expect(m.waitSamples).toBeGreaterThanOrEqual(group.consumed); // committed ones plus the finished part of running polls
    expectInvariants(s);
  });

  it('measures a long poll event by event as it runs, never ahead of simulated time (seed 2)', () => {
    // One consumer, constant 100 ms an event, far behind: after a first short poll (the first batch),
    // the next takes 500 events and runs 50 s.
    const sim = createSimulation(plan({ eventsPerSec: 1_000, partitions: 1, consumersPerGroup: 1, processingMs: 100 }), { seed: 2, service: 'constant' });
    let before = 0;
    for (let t = 1; t <= 20; t += 1) {
      sim.advance(1_000);
      const s = sim.snapshot();
      const m = s.measurements;
      // 10 events finish each second; all of them are measured by the next 100 ms sampling instant.
      expect(m.waitSamples - before).toBeGreaterThanOrEqual(9);
      expect(m.waitSamples - before).toBeLessThanOrEqual(11);
      before = m.waitSamples;
      expect(m.latencyMaxSeconds).toBeLessThanOrEqual(t);
      if (t >= 2) expect(m.waitSamples - s.groups[0]!.consumed).toBeGreaterThan(0); // measured before the poll commits
      expectInvariants(s);
    }
    // Waits grow by 100 ms an event inside the poll: the last measured one waited ~(n − 1) × 100 ms.
    const m = sim.snapshot().measurements;
    expect(m.waitMaxSeconds).toBeGreaterThan(19);
    expect(m.waitMaxSeconds).toBeLessThan(20);
  });
});
