import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/schema';
import type { PlanConfig } from '../engine/plan-config';
import { createRecordedRun } from './timeline';
import type { SimOptions, TimedAction } from './types';

/**
 * The golden runs: a config, a seed and a scripted timeline of every kind of action, advanced in
 * 250 ms steps, every snapshot hashed into one chain. The simulation is being split into modules
 * (issue 10); each step of that split must leave these hashes as they are. A commit that changes
 * a behaviour on purpose updates the hash it changes and says which behaviour, and why.
 *
 * FNV-1a (64-bit, as two 32-bit halves) over each snapshot's JSON: no Node or DOM API, and any
 * change to any number in any snapshot changes the chain.
 */
function hashChain(texts: Iterable<string>): string {
  let hi = 0xcbf29ce4 >>> 0;
  let lo = 0x84222325 >>> 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i += 1) {
      lo = (lo ^ text.charCodeAt(i)) >>> 0;
      // × the FNV prime 0x100000001b3 = 2^40 + 0x1b3, in 32-bit halves.
      const loTimes = lo * 0x1b3;
      const carry = Math.floor(loTimes / 0x1_0000_0000);
      const newLo = loTimes >>> 0;
      hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
      lo = newLo;
    }
  }
  return `${hi.toString(16).padStart(8, '0')}${lo.toString(16).padStart(8, '0')}`;
}

const SCRIPT: readonly TimedAction[] = [
  { atMs: 2_000, action: { type: 'broker-down', broker: 0 } },
  { atMs: 4_000, action: { type: 'consumer-crash', group: 0, consumer: 1 } },
  { atMs: 6_000, action: { type: 'traffic-spike', factor: 3, durationMs: 2_000 } },
  { atMs: 9_000, action: { type: 'poison', count: 3 } },
  { atMs: 11_000, action: { type: 'add-group' } },
  { atMs: 13_000, action: { type: 'set-idempotent', enabled: true } },
  { atMs: 16_000, action: { type: 'broker-up', broker: 0 } },
  { atMs: 18_000, action: { type: 'consumer-add', group: 0 } },
];

function goldenHash(config: PlanConfig, options: SimOptions, untilMs: number): { hash: string; snapshots: number } {
  const run = createRecordedRun(config, options, SCRIPT);
  const texts: string[] = [JSON.stringify(run.sim.snapshot())];
  while (run.sim.timeMs < untilMs) {
    run.advance(250);
    texts.push(JSON.stringify(run.sim.snapshot()));
  }
  return { hash: hashChain(texts), snapshots: texts.length };
}

describe('golden runs: every snapshot of a scripted run, hashed', () => {
  it('the hash tells runs apart: another seed, another hash', () => {
    const config = { ...DEFAULT_CONFIG, eventsPerSec: 2_000 };
    expect(goldenHash(config, { seed: 1 }, 3_000).hash).not.toBe(goldenHash(config, { seed: 2 }, 3_000).hash);
    expect(hashChain(['a'])).not.toBe(hashChain(['b']));
    expect(hashChain(['ab'])).not.toBe(hashChain(['ba']));
  });

  it('the seed default with every action, 20 s', () => {
    const { hash, snapshots } = goldenHash(DEFAULT_CONFIG, { seed: 7 }, 20_000);
    expect(snapshots).toBe(81);
    // Was 08e90ca0066828db before the plan's config gained produceLatencyFloorMs (0 here): each
    // snapshot carries its config, so the JSON changed; with that key removed the old hash comes back.
    expect(hash).toBe('d44150109206c30d');
  });

  it('a small overloaded plan: hot key, constant arrivals and service, linger 0, 3 brokers in 3 zones, 30 s', () => {
    const config: PlanConfig = { ...DEFAULT_CONFIG, eventsPerSec: 400, partitions: 6, consumersPerGroup: 3, processingMs: 9, brokers: 3, zones: 3, maxPollRecords: 50 };
    const { hash, snapshots } = goldenHash(config, { seed: 11, hotKeyShare: 0.3, arrivals: 'constant', service: 'constant', lingerMs: 0 }, 30_000);
    expect(snapshots).toBe(121);
    // Was 6d3b60a0f62ced19: the same one new config key, no behaviour (see above).
    expect(hash).toBe('ed4da7a873625e43');
  });
});
