import { describe, expect, it } from 'vitest';
import { recordingContext, type Call } from '../test-support/recording-context';
import { makeSnapshot } from '../test-support/sim-snapshot';
import { MAX_DOTS } from './paint-flows';
import { compactCount } from './paint-primitives';
import { paintSim } from './paint-sim';
import { DARK_PALETTE, LIGHT_PALETTE } from './palette';
import { sceneOf } from './sim-scene';

/** A batch dot: a 4 px square in a flow colour. */
const isDot = (c: Call) => c.name === 'fillRect' && c.args[2] === 4 && c.args[3] === 4 && (c.fillStyle === LIGHT_PALETTE.produce || c.fillStyle === LIGHT_PALETTE.consume);

const VIEW = { widthPx: 900, heightPx: 420, pixelRatio: 2 };

describe('paintSim', () => {
  it('scales for the device pixel ratio and clears with the palette background', () => {
    const rec = recordingContext();
    paintSim(rec.ctx, makeSnapshot(), VIEW, 0, DARK_PALETTE);
    expect(rec.calls[0]).toMatchObject({ name: 'setTransform', args: [2, 0, 0, 2, 0, 0] });
    expect(rec.calls[1]).toMatchObject({ name: 'fillRect', args: [0, 0, 900, 420], fillStyle: DARK_PALETTE.background });
  });

  it('labels every broker, partition and leader in the seed scenario, and the dead-letter queue with its count', () => {
    const rec = recordingContext();
    paintSim(rec.ctx, { ...makeSnapshot(), deadLetterQueue: 7 }, VIEW, 0, LIGHT_PALETTE);
    expect(rec.texts()).toEqual(expect.arrayContaining(['Broker 0', 'Broker 1', 'Broker 2', 'P0 ▸ B0', 'P4 ▸ B1', 'Producers', 'Topic events · 5 partitions', 'Consumer groups', 'Dead-letter queue: 7']));
  });

  it('at scale, aggregates: 10,000 partitions become bounded bins, 200 brokers bars, dots are capped', () => {
    const rec = recordingContext();
    const made = makeSnapshot({ config: { partitions: 10_000, consumersPerGroup: 2000, brokers: 200 }, flows: 300 });
    // More flows than a frame holds (300), to reach the painter's own cap.
    const snapshot = { ...made, flows: [...made.flows, ...made.flows, ...made.flows, ...made.flows, ...made.flows] };
    const started = performance.now();
    paintSim(rec.ctx, snapshot, VIEW, 0, LIGHT_PALETTE);
    const elapsedMs = performance.now() - started;
    expect(sceneOf(snapshot, VIEW, { kind: 'cluster' }).lanes[0]?.layout.partitionsPerRow).toBeGreaterThan(1);
    expect(rec.count('fillText')).toBeLessThan(60);
    // Everything drawn stays in the low thousands of calls whatever the scale.
    expect(rec.calls.length).toBeLessThan(3000);
    expect(rec.calls.filter(isDot)).toHaveLength(MAX_DOTS);
    expect(rec.texts().some((t) => t.startsWith('Topic events · 10,000 partitions, '))).toBe(true);
    expect(rec.texts().some((t) => t.startsWith('200 brokers, 0 down · '))).toBe(true);
    expect(elapsedMs).toBeLessThan(200);
  });

  it('paints further frames of the same snapshot from its kept scene: each costs what it draws, not the partitions', () => {
    const snapshot = makeSnapshot({ config: { partitions: 10_000, consumersPerGroup: 300, brokers: 200 }, groups: [{}, { id: 1 }] });
    paintSim(recordingContext().ctx, snapshot, VIEW, 0, LIGHT_PALETTE);
    const reads = { count: 0 };
    const counting = { ...snapshot, partitions: new Proxy(snapshot.partitions, { get: (target, key) => (reads.count += 1, Reflect.get(target, key)) }) };
    // The same view object: its scene is kept, so a second frame reads no partition figure per partition.
    const kept = sceneOf(snapshot, VIEW, { kind: 'cluster' });
    paintSim(recordingContext().ctx, snapshot, VIEW, 16, LIGHT_PALETTE);
    expect(sceneOf(snapshot, VIEW, { kind: 'cluster' })).toBe(kept);
    paintSim(recordingContext().ctx, counting, VIEW, 16, LIGHT_PALETTE);
    // A new view object (what a new snapshot is) builds its scene once: O(partitions) reads, once.
    expect(reads.count).toBeGreaterThan(10_000);
    const first = reads.count;
    paintSim(recordingContext().ctx, counting, VIEW, 32, LIGHT_PALETTE);
    expect(reads.count - first).toBeLessThan(2_000);
  });

  it('writes counts compactly and never as NaN', () => {
    expect(compactCount(1234)).toBe('1,234');
    expect(compactCount(2_999_850)).toBe('3.0M');
    expect(compactCount(NaN)).toBe('—');
  });
});
