import { describe, expect, it } from 'vitest';
import { recordingContext } from '../test-support/recording-context';
import { makePlainSnapshot } from '../test-support/sim-snapshot';
import { withConsumers } from '../test-support/sim-view';
import { CONSUMER_CHIP_PX, consumerChipY } from './group-layout';
import { LIGHT_PALETTE } from './palette';
import { paintRecorded } from '../test-support/paint-recorded';

const P = LIGHT_PALETTE;
const paint = paintRecorded;

/** The assignment lines of group rank 0: for each partition row (its y), the y of the chip it ends at. */
function lines(rec: ReturnType<typeof recordingContext>): Map<number, number> {
  const drawn = rec.calls.filter((c) => (c.name === 'moveTo' || c.name === 'lineTo') && c.strokeStyle === P.groupColours[0]);
  const ends = new Map<number, number>();
  drawn.forEach((c, i) => {
    const next = drawn[i + 1];
    if (c.name === 'moveTo' && next?.name === 'lineTo') ends.set(c.args[1] as number, next.args[1] as number);
  });
  return ends;
}

describe('consumer groups', () => {
  it('draws a busy, an idle and a crashed consumer each its own way, and says which', () => {
    // 5 partitions, 10 consumers: consumers 0–4 own one each, 5–9 are idle; consumer 3 crashed (its partition not yet reassigned).
    const plain = makePlainSnapshot();
    const crashed = withConsumers(plain, 0, plain.groups[0]!.consumers.map((c) => (c.id === 3 ? { ...c, alive: false, busy: false } : c)), { aliveConsumers: 9 });
    const { rec } = paint(crashed);
    const chip = CONSUMER_CHIP_PX;
    const busy = rec.named('fillRect').filter((c) => c.args[2] === chip && c.fillStyle === P.consumerBusy);
    const idle = rec.named('strokeRect').filter((c) => c.strokeStyle === P.consumerIdle);
    const dead = rec.named('strokeRect').filter((c) => c.strokeStyle === P.consumerDead);
    expect([busy.length, idle.length, dead.length]).toEqual([4, 5, 1]);
    // Hollow and grey is not filled and violet: idle ones are drawn differently from busy ones.
    expect(P.consumerIdle).not.toBe(P.consumerBusy);
    expect(rec.texts()).toEqual(expect.arrayContaining(['c0 busy · 1 partition', 'c5 idle', 'c3 crashed']));
    expect(rec.textCall('c3 crashed')?.fillStyle).toBe(P.consumerDead);
    // A crashed one is crossed as well.
    expect(rec.calls.filter((c) => c.name === 'stroke' && c.strokeStyle === P.consumerDead)).toHaveLength(1);
  });

  it('draws a line from each partition row to the consumer that owns it, and moves it when a rebalance reassigns', () => {
    const plain = makePlainSnapshot();
    const before = paint(plain);
    const box = before.scene.groups[0]!.box;
    const rowY = (p: number) => before.scene.rowY[p] as number;
    const chipY = (consumer: number) => consumerChipY(box, consumer) + CONSUMER_CHIP_PX / 2;
    // makePlainSnapshot: consumer i owns partition i.
    expect([...lines(before.rec).entries()]).toEqual([0, 1, 2, 3, 4].map((p) => [expect.closeTo(rowY(p), 3), expect.closeTo(chipY(p), 3)]));
    // After a rebalance consumer 1 owns P0 and P1, consumer 0 is idle.
    const reassigned = withConsumers(plain, 0, plain.groups[0]!.consumers.map((c) => (c.id === 0 ? { ...c, assigned: [], busy: false } : c.id === 1 ? { ...c, assigned: [0, 1] } : c)));
    const after = lines(paint(reassigned).rec);
    expect(after.get(rowY(0))).toBeCloseTo(chipY(1), 3);
    expect(after.get(rowY(1))).toBeCloseTo(chipY(1), 3);
    expect(after.get(rowY(2))).toBeCloseTo(chipY(2), 3);
  });

  it('draws no assignment line while an eager rebalance leaves every partition unowned, and says it is rebalancing', () => {
    const plain = makePlainSnapshot({ groups: [{ rebalancing: true }] });
    const syncing = withConsumers(plain, 0, plain.groups[0]!.consumers.map((c) => ({ ...c, assigned: [], busy: false })), { idleConsumers: 0 });
    const { rec } = paint(syncing);
    expect(lines(rec).size).toBe(0);
    expect(rec.texts().some((t) => t.endsWith(' · rebalancing'))).toBe(true);
  });

  it('at scale, grids a large group and counts what it does not draw', () => {
    const { rec, scene } = paint(makePlainSnapshot({ config: { partitions: 600, consumersPerGroup: 2000 } }));
    const { box } = scene.groups[0]!;
    expect(box.listed).toBe(false);
    // The view carries the first 256 consumers of a group; the rest are counted.
    expect(box.drawn).toBeLessThanOrEqual(256);
    expect(rec.texts()).toContain(`2000 alive · 1400 idle · ${2000 - box.drawn} not drawn`);
  });
});
