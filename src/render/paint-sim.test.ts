import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../test-support/sim-snapshot';
import { MAX_DOTS } from './paint-flows';
import { compactCount } from './paint-primitives';
import { paintSim } from './paint-sim';
import { DARK_PALETTE, LIGHT_PALETTE } from './palette';
import { sceneOf } from './sim-scene';

interface Call {
  readonly name: string;
  readonly args: readonly unknown[];
  readonly fillStyle: unknown;
  readonly strokeStyle: unknown;
}

/** A 2D context that records what was drawn, with the colour in force at each call. */
function recordingContext() {
  const calls: Call[] = [];
  const state: Record<string | symbol, unknown> = { fillStyle: '', strokeStyle: '' };
  const ctx = new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key];
      return (...args: unknown[]) => calls.push({ name: String(key), args, fillStyle: target.fillStyle, strokeStyle: target.strokeStyle });
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  const texts = () => calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
  const count = (name: string) => calls.filter((c) => c.name === name).length;
  return { ctx, calls, texts, count };
}

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
    const texts = rec.texts();
    expect(texts).toEqual(expect.arrayContaining(['Broker 0', 'Broker 1', 'Broker 2', 'P0 ▸ B0', 'P4 ▸ B1', 'Producers', 'Dead-letter queue: 7']));
    expect(rec.calls.some((c) => c.name === 'fillText' && c.args[0] === 'Dead-letter queue: 7' && c.fillStyle === LIGHT_PALETTE.deadLetter)).toBe(true);
  });

  it('draws a downed broker greyed and marks the partitions left without a leader offline', () => {
    const rec = recordingContext();
    // Replication factor 1: partitions led by broker 1 have no other replica.
    paintSim(rec.ctx, makeSnapshot({ config: { replicationFactor: 1 }, downBrokers: [1] }), VIEW, 0, LIGHT_PALETTE);
    expect(rec.texts()).toEqual(expect.arrayContaining(['Broker 1 DOWN', 'P1 offline', 'P4 offline']));
    expect(rec.calls.some((c) => c.name === 'fillRect' && c.fillStyle === LIGHT_PALETTE.brokerDown)).toBe(true);
    expect(rec.calls.some((c) => c.name === 'fillText' && c.args[0] === 'P1 offline' && c.fillStyle === LIGHT_PALETTE.offline)).toBe(true);
  });

  it('draws idle consumers hollow and labelled "idle"', () => {
    const rec = recordingContext();
    // 5 partitions, 10 consumers: 5 idle.
    paintSim(rec.ctx, makeSnapshot(), VIEW, 0, LIGHT_PALETTE);
    expect(rec.texts().filter((t) => /^c\d+ idle$/.test(t))).toHaveLength(5);
    const hollowIdle = rec.calls.filter((c) => c.name === 'strokeRect' && c.strokeStyle === LIGHT_PALETTE.consumerIdle);
    expect(hollowIdle).toHaveLength(5);
    const busy = rec.calls.filter((c) => c.name === 'fillRect' && c.args[2] === 10 && c.fillStyle === LIGHT_PALETTE.consumerBusy);
    expect(busy).toHaveLength(5);
  });

  it('moves the batch dots with animation time, one fillRect per dot, never arc()', () => {
    const snapshot = makeSnapshot({ flows: 20 });
    const dots = (animationMs: number) => {
      const rec = recordingContext();
      paintSim(rec.ctx, snapshot, VIEW, animationMs, LIGHT_PALETTE);
      expect(rec.count('arc')).toBe(0);
      return rec.calls.filter(isDot).map((c) => c.args);
    };
    const still = dots(0);
    expect(still).toHaveLength(20);
    expect(dots(200)).not.toEqual(still);
  });

  it('at scale, aggregates: 10,000 partitions become a bounded heat strip, dots are capped', () => {
    const rec = recordingContext();
    const made = makeSnapshot({ config: { partitions: 10_000, consumersPerGroup: 2000, brokers: 200 }, flows: 300 });
    // More flows than a frame holds (300), to reach the painter's own cap.
    const snapshot = { ...made, flows: [...made.flows, ...made.flows, ...made.flows, ...made.flows, ...made.flows] };
    const started = performance.now();
    paintSim(rec.ctx, snapshot, VIEW, 0, LIGHT_PALETTE);
    const elapsedMs = performance.now() - started;
    const lane = sceneOf(snapshot, VIEW, { kind: 'cluster' }).lanes[0];
    expect(lane?.layout.partitionsPerRow).toBeGreaterThan(1);
    expect(rec.count('fillText')).toBeLessThan(60);
    // Everything drawn stays in the low thousands of calls whatever the scale.
    expect(rec.calls.length).toBeLessThan(3000);
    const dots = rec.calls.filter(isDot);
    expect(dots).toHaveLength(MAX_DOTS);
    expect(rec.texts().some((t) => t.startsWith('Topic events · 10,000 partitions, '))).toBe(true);
    expect(rec.texts().some((t) => t.startsWith('200 brokers, 0 down · '))).toBe(true);
    expect(elapsedMs).toBeLessThan(200);
  });

  it('draws a leader move as an arc from the old leader to the new one', () => {
    const moved = makeSnapshot({ timeMs: 9_500, leaderMoves: [{ atMs: 9_000, partition: 0, from: 0, to: 2 }] });
    const rec = recordingContext();
    paintSim(rec.ctx, moved, VIEW, 0, LIGHT_PALETTE);
    expect(rec.count('quadraticCurveTo')).toBe(1);
    const none = recordingContext();
    paintSim(none.ctx, makeSnapshot({ timeMs: 9_500 }), VIEW, 0, LIGHT_PALETTE);
    expect(none.count('quadraticCurveTo')).toBe(0);
  });

  it('writes counts compactly and never as NaN', () => {
    expect(compactCount(1234)).toBe('1,234');
    expect(compactCount(2_999_850)).toBe('3.0M');
    expect(compactCount(NaN)).toBe('—');
  });
});
