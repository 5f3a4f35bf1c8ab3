import { describe, expect, it } from 'vitest';
import { recordingContext, type Call } from '../test-support/recording-context';
import { makePlainSnapshot } from '../test-support/sim-snapshot';
import { makeClusterPlain, withLags, withPartitions } from '../test-support/sim-view';
import { MARKER_WIDTH_PX } from './paint-logs';
import { LIGHT_PALETTE } from './palette';
import { paintRecorded } from '../test-support/paint-recorded';

const P = LIGHT_PALETTE;
const paint = paintRecorded;

/** Where `events` behind the log end is drawn, computed here from the strip, not by the painter's own function. */
function expectedX(scene: ReturnType<typeof paint>['scene'], events: number): number {
  const { strip } = scene.layout;
  return strip.x + strip.w * (1 - Math.log10(1 + events) / 10);
}

/** The committed-offset markers of a topic's first group, left of the groups' column (its swatch is in its box), by their centre. */
function markerCentres(rec: ReturnType<typeof recordingContext>, scene: ReturnType<typeof paint>['scene'], rank = 0): number[] {
  return rec
    .named('fillRect')
    .filter((c) => c.fillStyle === P.groupColours[rank] && c.args[2] === MARKER_WIDTH_PX && (c.args[0] as number) < scene.layout.groups.x)
    .map((c) => (c.args[0] as number) + MARKER_WIDTH_PX / 2);
}

describe('the log strips', () => {
  it('draws each group’s committed offset as a marker at the x of its offset, the gap to the log end being the lag', () => {
    const lags = [0, 5, 50, 500, 4000];
    const plain = withLags(makePlainSnapshot(), 0, lags);
    const { rec, scene } = paint(plain);
    // Committed offset = log end − lag; the strip measures events behind the log end.
    const expected = plain.partitions.map((p, i) => expectedX(scene, p.logEndOffset - (p.logEndOffset - (lags[i] as number))));
    expect(markerCentres(rec, scene)).toEqual(expected.map((x) => expect.closeTo(x, 6)));
    // The first group's lag is written at the row's end.
    expect(rec.texts()).toEqual(expect.arrayContaining(['0', '5', '50', '500', '4,000']));
  });

  it('keeps the lag scale fixed: 2 events of lag sit at the same x whether the run’s most is 2 or 2,000, near the log end', () => {
    const small = paint(withLags(makePlainSnapshot(), 0, [2, 2, 2, 2, 2]));
    const large = paint(withLags(makePlainSnapshot(), 0, [2, 2000, 2000, 2000, 2000]));
    const x = markerCentres(small.rec, small.scene)[0]!;
    expect(markerCentres(large.rec, large.scene)[0]).toBeCloseTo(x, 9);
    const { strip } = small.scene.layout;
    // Today's bug: 2 events of lag drew a full bar. On the log scale they are a twentieth of the strip.
    expect((strip.x + strip.w - x) / strip.w).toBeLessThan(0.05);
    expect(markerCentres(large.rec, large.scene)[1]).toBeCloseTo(expectedX(large.scene, 2000), 6);
  });

  it('marks the high watermark, fills the log up to it from the log start and outlines the unreplicated tail', () => {
    const plain = withPartitions(makePlainSnapshot(), { 2: { highWatermark: 3000 - 300, logStartOffset: 1000 } });
    const { rec, scene } = paint(plain);
    const hw = rec.named('fillRect').filter((c) => c.fillStyle === P.highWatermark && c.args[2] === 2);
    expect(hw).toHaveLength(5);
    expect((hw[2]!.args[0] as number) + 1).toBeCloseTo(expectedX(scene, 300), 6);
    // P0 is fully replicated: its mark is at the log end.
    expect((hw[0]!.args[0] as number) + 1).toBeCloseTo(expectedX(scene, 0), 6);
    const log = rec.named('fillRect').filter((c) => c.fillStyle === P.log && (c.args[0] as number) < scene.layout.groups.x && (c.args[0] as number) > scene.layout.strip.x - 1);
    // P2's log: from 2,000 events behind the end (its log start) up to its high watermark.
    expect(log[2]!.args[0]).toBeCloseTo(expectedX(scene, 2000), 6);
    expect((log[2]!.args[0] as number) + (log[2]!.args[2] as number)).toBeCloseTo(expectedX(scene, 300), 6);
    const tails = rec.named('strokeRect').filter((c) => c.strokeStyle === P.log);
    expect(tails).toHaveLength(1);
    expect(tails[0]!.args[0]).toBeCloseTo(expectedX(scene, 300) + 0.5, 6);
  });

  it('labels the lag scale on the canvas', () => {
    const { rec } = paint(makePlainSnapshot());
    expect(rec.texts()).toEqual(expect.arrayContaining(['lag, log scale', '1', '100', '10k', 'lag']));
  });

  it('tells a stalled partition from an offline one by colour and by word', () => {
    const plain = makePlainSnapshot();
    const stalledLeader = plain.partitions[2]!.leader;
    const { rec } = paint(withPartitions(plain, { 1: { leader: -1, isr: [], produceBlocked: true }, 2: { isr: [stalledLeader], produceBlocked: true } }));
    const offlineLabel = rec.textCall('P1 offline');
    const stalledLabel = rec.textCall(`P2 ▸ B${stalledLeader}`);
    expect(offlineLabel?.fillStyle).toBe(P.offline);
    expect(stalledLabel?.fillStyle).toBe(P.stalled);
    expect(P.stalled).not.toBe(P.offline);
    expect(rec.textCall('P3 ▸ B0')?.fillStyle).toBe(P.text);
    // The word on the strip says why, in the same colour.
    expect(rec.textCall('offline')?.fillStyle).toBe(P.offline);
    expect(rec.textCall('stalled · ISR 1/3')?.fillStyle).toBe(P.stalled);
  });

  it('says which down broker a stalled partition waits for', () => {
    const plain = makePlainSnapshot({ downBrokers: [1] });
    // Not fenced yet: broker 1 still in the ISR of the partitions it holds.
    const waiting = withPartitions(plain, Object.fromEntries(plain.partitions.filter((p) => p.replicas.includes(1)).map((p) => [p.id, { isr: p.replicas, leader: p.replicas[0], produceBlocked: true }])));
    const { rec } = paint(waiting);
    expect(rec.texts().filter((t) => t === 'stalled · B1 down').length).toBe(waiting.partitions.filter((p) => p.replicas.includes(1)).length);
  });

  it('at scale, a row of several draws the first group’s least-to-most lag as a band and marks offline and stalled ones', () => {
    const plain = makePlainSnapshot({ config: { partitions: 10_000, brokers: 200, consumersPerGroup: 20 } });
    const { rec, scene } = paint(withPartitions(plain, { 0: { leader: -1, isr: [], produceBlocked: true }, 9_999: { produceBlocked: true } }));
    const lane = scene.lanes[0]!;
    const per = lane.layout.partitionsPerRow;
    expect(per).toBeGreaterThan(1);
    const rowY = (r: number) => lane.layout.body.y + r * lane.layout.rowHeightPx;
    const band = rec.named('fillRect').find((c) => c.fillStyle === P.groupColours[0] && c.args[1] === rowY(0));
    // makePlainSnapshot: partition i is 100 × i behind.
    expect((band!.args[0] as number) + MARKER_WIDTH_PX / 2).toBeCloseTo(expectedX(scene, 100 * (per - 1)), 6);
    expect((band!.args[0] as number) + (band!.args[2] as number) - MARKER_WIDTH_PX / 2).toBeCloseTo(expectedX(scene, 0), 6);
    const cells = (colour: string) => rec.named('fillRect').filter((c) => c.fillStyle === colour && (c.args[0] as number) < scene.layout.strip.x && (c.args[0] as number) > scene.layout.partitions.x);
    expect(cells(P.offline).map((c) => c.args[1])).toEqual([rowY(0)]);
    expect(cells(P.stalled).map((c) => c.args[1])).toEqual([rowY(lane.layout.rows - 1)]);
    expect(rec.texts().some((t) => t.startsWith(`Topic events · 10,000 partitions, ${per} a row · 1 offline · 1 stalled`))).toBe(true);
  });

  it('draws every topic of the cluster in a lane of its own, each with its own groups’ markers', () => {
    const { rec, scene } = paint(makeClusterPlain([{ name: 'orders', partitions: 3, consumers: 3 }, { name: 'clicks', partitions: 2, consumers: 2 }]));
    expect(rec.texts()).toEqual(expect.arrayContaining(['Topic orders · 3 partitions', 'Topic clicks · 2 partitions', 'orders-0 ▸ B0', 'clicks-1 ▸ B1']));
    const [orders, clicks] = scene.lanes;
    expect(clicks!.layout.header.y).toBeGreaterThan(orders!.layout.body.y + orders!.layout.body.h - 1e-9);
    // Each topic's first group (rank 0 in its topic) marks only its own topic's rows: 3 + 2.
    const markers = rec.named('fillRect').filter((c: Call) => c.fillStyle === P.groupColours[0] && c.args[2] === MARKER_WIDTH_PX && (c.args[0] as number) < scene.layout.groups.x);
    const ys = markers.map((c) => (c.args[1] as number) + (c.args[3] as number) / 2);
    expect(ys.filter((y) => y < clicks!.layout.header.y)).toHaveLength(3);
    expect(ys.filter((y) => y > clicks!.layout.body.y)).toHaveLength(2);
  });
});
