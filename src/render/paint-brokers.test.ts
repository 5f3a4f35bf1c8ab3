import { describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../sim/types';
import { recordingContext } from '../test-support/recording-context';
import { makePlainSnapshot } from '../test-support/sim-snapshot';
import { viewOfPlain, withPartitions } from '../test-support/sim-view';
import { paintSim } from './paint-sim';
import { LIGHT_PALETTE } from './palette';
import type { SimFocus } from './sim-focus';
import { sceneOf } from './sim-scene';

const VIEW = { widthPx: 900, heightPx: 416, pixelRatio: 1 };
const P = LIGHT_PALETTE;

function paint(plain: SimSnapshot, focus: SimFocus = { kind: 'cluster' }) {
  const view = viewOfPlain(plain);
  const rec = recordingContext();
  paintSim(rec.ctx, view, VIEW, 0, P, focus);
  return { rec, scene: sceneOf(view, VIEW, focus) };
}

/** Broker 0 down but its partitions not yet moved: the controller has not fenced it. */
function downNotFenced(): SimSnapshot {
  const plain = makePlainSnapshot({ downBrokers: [0] });
  return withPartitions(plain, Object.fromEntries(plain.partitions.filter((p) => p.replicas.includes(0)).map((p) => [p.id, { isr: p.replicas, leader: p.replicas[0], produceBlocked: true }])));
}

describe('brokers', () => {
  it('draws each broker’s replicas as named chips, its leaders filled', () => {
    const { rec } = paint(makePlainSnapshot());
    // Replication factor 3 on 3 brokers: P0 on each, led by broker 0.
    const p0 = rec.named('fillText').filter((c) => c.args[0] === 'P0');
    expect(p0).toHaveLength(3);
    expect(p0.filter((c) => c.fillStyle === P.chipText)).toHaveLength(1);
    const leaderChips = rec.named('fillRect').filter((c) => c.fillStyle === P.leader && c.args[2] === 22);
    expect(leaderChips).toHaveLength(5);
    expect(rec.texts()).toEqual(expect.arrayContaining(['Broker 0', 'leads 2 · 5 replicas']));
  });

  it('says whether a down broker is fenced yet, and colours the partitions it stalls', () => {
    const waiting = paint(downNotFenced()).rec;
    expect(waiting.texts()).toContain('Broker 0 DOWN');
    expect(waiting.texts().some((t) => t.startsWith('not fenced yet · leads '))).toBe(true);
    // Its partitions refuse writes: their replicas on the brokers that are up are amber, not teal.
    expect(waiting.named('strokeRect').some((c) => c.strokeStyle === P.stalled)).toBe(true);
    const fenced = paint(makePlainSnapshot({ downBrokers: [0] })).rec;
    expect(fenced.texts()).toContain('fenced · 5 replicas out');
    expect(fenced.named('fillRect').some((c) => c.fillStyle === P.brokerDown)).toBe(true);
  });

  it('marks an offline partition’s replicas red on the brokers that are up', () => {
    // P1 lost its leader and every in-sync replica, though its replicas' brokers are up.
    const { rec } = paint(withPartitions(makePlainSnapshot(), { 1: { leader: -1, isr: [], produceBlocked: true } }));
    const p1 = rec.named('fillText').filter((c) => c.args[0] === 'P1');
    expect(p1).toHaveLength(3);
    expect(p1.every((c) => c.fillStyle === P.chipText)).toBe(true);
    expect(rec.named('fillRect').filter((c) => c.fillStyle === P.offline && c.args[2] === 22)).toHaveLength(3);
  });

  it('at scale, a bar per broker under exact counts, a down one grey with a red cap, a focused one outlined', () => {
    const plain = makePlainSnapshot({ config: { partitions: 10_000, brokers: 200, consumersPerGroup: 20 }, downBrokers: [3] });
    const { rec, scene } = paint(plain, { kind: 'broker', broker: 7 });
    expect(scene.layout.brokerBoxes).toBe(false);
    const replicas = plain.brokers.map((b) => b.replicas);
    const line = rec.texts().find((t) => t.startsWith('200 brokers, 1 down (1 fenced) · '));
    expect(line).toContain(`${Math.min(...replicas)}–${Math.max(...replicas)} replicas`);
    expect(line).toContain(`· Broker 7: leads ${plain.brokers[7]!.leaderOf} of ${plain.brokers[7]!.replicas} replicas`);
    const cellW = scene.layout.brokers.w / 200;
    const atBroker3 = (c: { args: readonly unknown[] }) => Math.abs((c.args[0] as number) - (scene.layout.brokers.x + 3 * cellW)) < 1e-6;
    expect(rec.named('fillRect').some((c) => c.fillStyle === P.brokerDown && atBroker3(c))).toBe(true);
    expect(rec.named('fillRect').some((c) => c.fillStyle === P.offline && atBroker3(c) && c.args[3] === 3)).toBe(true);
    expect(rec.named('strokeRect').some((c) => c.strokeStyle === P.text)).toBe(true);
  });

  it('draws a leader move as an arc from the old leader to the new one, in the gap under the brokers', () => {
    const plain = { ...makePlainSnapshot({ timeMs: 9_500 }), leaderMoves: [{ atMs: 9_000, partition: 0, from: 0, to: 2 }] };
    const { rec, scene } = paint(plain);
    const arcs = rec.named('quadraticCurveTo');
    expect(arcs).toHaveLength(1);
    const bottom = scene.layout.brokers.y + scene.layout.brokers.h;
    // The curve's lowest point is half its control point's depth: inside the gap, above the lanes' axis.
    expect(bottom + ((arcs[0]!.args[1] as number) - bottom) / 2).toBeLessThan(scene.layout.axis.y);
    expect(paint(makePlainSnapshot({ timeMs: 9_500 })).rec.count('quadraticCurveTo')).toBe(0);
  });
});

describe('the dead-letter queue', () => {
  it('is tinted in its own colour with its count once it holds anything, plain when empty', () => {
    const full = paint({ ...makePlainSnapshot(), deadLetterQueue: 7 }).rec;
    expect(full.textCall('Dead-letter queue: 7')?.fillStyle).toBe(P.deadLetter);
    expect(full.named('fillRect').some((c) => c.fillStyle === P.deadLetterFill)).toBe(true);
    const empty = paint(makePlainSnapshot()).rec;
    expect(empty.textCall('Dead-letter queue: 0')?.fillStyle).toBe(P.mutedText);
    expect(empty.named('fillRect').some((c) => c.fillStyle === P.deadLetterFill)).toBe(false);
    expect(P.deadLetter).not.toBe(P.offline);
  });
});
