import { describe, expect, it } from 'vitest';
import { brokerBandHeightPx, replicaGrid } from './broker-layout';
import { GROUP_TITLE_PX, consumerChipX, consumerChipY, layoutGroups } from './group-layout';
import { LANE_HEADER_PX, MIN_BIN_PX, MIN_LABELLED_ROW_PX, layoutSim, type SimLayout } from './sim-layout';

const VIEW = { widthPx: 900, heightPx: 416, pixelRatio: 2 };
const BROKERS = { count: 3, mostReplicas: 5, namedReplicas: true };

/** Every lane inside the partitions' column, in order, none overlapping the next. */
function expectLanesFit(layout: SimLayout): void {
  const { partitions } = layout;
  let y = partitions.y;
  for (const lane of layout.lanes) {
    expect(lane.header.y).toBeGreaterThanOrEqual(y - 1e-9);
    expect(lane.body.y).toBeCloseTo(lane.header.y + LANE_HEADER_PX);
    expect(lane.rows * lane.rowHeightPx).toBeLessThanOrEqual(lane.body.h + 1e-9);
    y = lane.body.y + lane.body.h;
  }
  expect(y).toBeLessThanOrEqual(partitions.y + partitions.h + 1e-9);
}

describe('layoutSim', () => {
  it('gives a few partitions a labelled row each, inside the column, the strip between names and counts', () => {
    const layout = layoutSim(VIEW, [5], BROKERS);
    const lane = layout.lanes[0]!;
    expect(lane).toMatchObject({ rows: 5, partitionsPerRow: 1, labelled: true });
    expect(lane.rowHeightPx).toBeGreaterThanOrEqual(MIN_LABELLED_ROW_PX);
    expectLanesFit(layout);
    expect(layout.strip.x).toBeGreaterThan(layout.partitions.x + layout.labelWidthPx);
    expect(layout.strip.x + layout.strip.w).toBeLessThan(layout.partitions.x + layout.partitions.w);
    // The groups' column starts right of the partitions', with a gutter for the lines.
    expect(layout.groups.x).toBeGreaterThan(layout.partitions.x + layout.partitions.w + 10);
  });

  it('bins 10,000 partitions into rows of at least 3 px, a few hundred at most', () => {
    const layout = layoutSim(VIEW, [10_000], BROKERS);
    const lane = layout.lanes[0]!;
    expect(lane.labelled).toBe(false);
    expect(lane.rowHeightPx).toBeGreaterThanOrEqual(MIN_BIN_PX);
    expect(lane.rows).toBeLessThanOrEqual(Math.floor(layout.partitions.h / MIN_BIN_PX));
    expect(lane.rows * lane.partitionsPerRow).toBeGreaterThanOrEqual(10_000);
    expect((lane.rows - 1) * lane.partitionsPerRow).toBeLessThan(10_000);
    expectLanesFit(layout);
  });

  it('draws a lane per topic: small topics keep a row per partition, a large one is binned', () => {
    const layout = layoutSim(VIEW, [24, 400, 3], BROKERS);
    expect(layout.topicOverview).toBe(false);
    expect(layout.lanes).toHaveLength(3);
    const [orders, clicks, payments] = layout.lanes;
    expect(payments).toMatchObject({ rows: 3, labelled: true });
    expect(clicks!.labelled).toBe(false);
    expect(clicks!.partitionsPerRow).toBeGreaterThan(1);
    expect(orders!.rows).toBeLessThanOrEqual(24);
    expectLanesFit(layout);
  });

  it('switches to one row per topic when there are too many topics for a lane each', () => {
    const layout = layoutSim(VIEW, Array.from({ length: 60 }, () => 10), BROKERS);
    expect(layout.topicOverview).toBe(true);
    expect(layout.lanes).toHaveLength(1);
    expect(layout.lanes[0]!.rows).toBe(60);
    expectLanesFit(layout);
    expect(layoutSim(VIEW, Array.from({ length: 6 }, () => 10), BROKERS).topicOverview).toBe(false);
  });

  it('boxes up to 32 brokers that are wide enough, bars beyond; the band as tall as the fullest box needs', () => {
    expect(layoutSim(VIEW, [5], BROKERS).brokerBoxes).toBe(true);
    expect(layoutSim(VIEW, [10_000], { count: 200, mostReplicas: 150, namedReplicas: false }).brokerBoxes).toBe(false);
    expect(layoutSim({ ...VIEW, widthPx: 600 }, [64], { count: 32, mostReplicas: 6, namedReplicas: true }).brokerBoxes).toBe(false);
    const few = layoutSim(VIEW, [5], BROKERS).brokers.h;
    const many = layoutSim(VIEW, [60], { count: 3, mostReplicas: 60, namedReplicas: true }).brokers.h;
    expect(many).toBeGreaterThan(few);
  });

  it('keeps the producers beside the lanes on a wide canvas and puts them on a line over them on a narrow one', () => {
    const wide = layoutSim(VIEW, [5], BROKERS);
    expect(wide.producers.x + wide.producers.w).toBeLessThan(wide.partitions.x);
    const narrow = layoutSim({ ...VIEW, widthPx: 340 }, [5], BROKERS);
    expect(narrow.producers.y + narrow.producers.h).toBeLessThanOrEqual(narrow.axis.y);
  });
});

describe('broker-layout', () => {
  it('names replica chips where they fit, falls back to cells, then to a bar (null)', () => {
    expect(replicaGrid(280, 60, 5, true)?.named).toBe(true);
    expect(replicaGrid(280, 60, 5, false)?.named).toBe(false);
    expect(replicaGrid(280, 60, 60, true)?.named).toBe(false);
    expect(replicaGrid(60, 44, 500, true)).toBeNull();
    expect(brokerBandHeightPx(280, 5, true, 100)).toBeGreaterThanOrEqual(44);
  });
});

describe('layoutGroups', () => {
  const area = { x: 560, y: 150, w: 330, h: 260 };

  it('lists a small group one consumer a line, chips in a column at the left', () => {
    const { boxes, hidden } = layoutGroups(area, [10]);
    expect(hidden).toBe(0);
    expect(boxes[0]).toMatchObject({ listed: true, drawn: 10 });
    expect(consumerChipX(boxes[0]!, 0)).toBe(consumerChipX(boxes[0]!, 9));
    expect(consumerChipY(boxes[0]!, 1) - consumerChipY(boxes[0]!, 0)).toBe(14);
    expect(consumerChipY(boxes[0]!, 0)).toBeGreaterThanOrEqual(area.y + GROUP_TITLE_PX);
  });

  it('grids large groups, and draws as many equal boxes as fit when even grids do not, counting the rest', () => {
    const grids = layoutGroups(area, [40, 40]);
    expect(grids.boxes.every((b) => !b.listed && b.drawn === 40)).toBe(true);
    const crowded = layoutGroups(area, Array.from({ length: 30 }, () => 300));
    expect(crowded.hidden).toBeGreaterThan(0);
    expect(crowded.boxes.length + crowded.hidden).toBe(30);
    const last = crowded.boxes[crowded.boxes.length - 1]!.rect;
    expect(last.y + last.h).toBeLessThanOrEqual(area.y + area.h + 1e-9);
    expect(crowded.boxes[0]!.drawn).toBeLessThan(300);
  });
});
