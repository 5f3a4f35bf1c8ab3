import { MIN_BROKER_BAND_PX, brokerBandHeightPx } from './broker-layout';

/**
 * Where things go on the simulation canvas, in CSS pixels. Pure arithmetic, no drawing, so
 * the limits that keep a frame cheap (rows, bins, boxes) are testable on their own.
 *
 *     [ brokers: a box each with its replicas, or one bar each at scale              ]
 *       (leader-move arcs dip into the gap below)
 *     [producers]  lag, log scale   10G … 1k 100 10 1      [ consumer groups        ]
 *                  topic lane header                        [  ■ c0 · 2 partitions   ]
 *         •→       P0 ▸ B1  [====log====|HW░tail] 12.3k ───[  □ c1 idle             ]
 *                                                           [ Dead-letter queue: 0   ]
 */
export interface Viewport {
  /** CSS pixels; the painter scales by pixelRatio for a sharp canvas. */
  readonly widthPx: number;
  readonly heightPx: number;
  readonly pixelRatio: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One band of partition rows: a topic's (or, in the topic overview, one row per topic). */
export interface LaneLayout {
  readonly header: Rect;
  readonly body: Rect;
  /** Rows drawn; each covers partitionsPerRow partitions of the lane, the last one maybe fewer. */
  readonly rows: number;
  /** 0 in the topic overview, where row r is topic r. */
  readonly partitionsPerRow: number;
  readonly rowHeightPx: number;
  /** One partition a row, tall enough for its name, its log strip and its lag written out. */
  readonly labelled: boolean;
}

export interface SimLayout {
  readonly brokers: Rect;
  /** A box per broker (with its replicas), or, when they would be too many or too narrow, a bar each. */
  readonly brokerBoxes: boolean;
  /** A box beside the lanes, or on a narrow canvas a one-line strip over them. */
  readonly producers: Rect;
  /** The line over the strips that labels the lag scale. */
  readonly axis: Rect;
  /** The lanes' column: partition names, log strips, lag counts. */
  readonly partitions: Rect;
  readonly labelWidthPx: number;
  /** Every log strip spans x … x + w: its right end is the log end. */
  readonly strip: { readonly x: number; readonly w: number };
  readonly lanes: readonly LaneLayout[];
  /** Too many topics for a lane each: one lane whose rows are the topics. */
  readonly topicOverview: boolean;
  readonly groups: Rect;
  readonly deadLetter: Rect;
}

const PAD_PX = 8;
/** Below this a partition row cannot carry a name, a strip and a count: rows become bins. */
export const MIN_LABELLED_ROW_PX = 14;
const MAX_ROW_PX = 22;
/** Bins are at least this tall, so a 10,000-partition lane is at most a few hundred rects. */
export const MIN_BIN_PX = 3;
export const LANE_HEADER_PX = 14;
const MIN_LANE_BODY_PX = 2 * MIN_BIN_PX;
const AXIS_PX = 14;
/** Under the brokers, kept empty for the leader-move arcs, so they never cross text. */
export const LEADER_MOVE_DIP_PX = 12;
/** At most this many broker boxes, each at least MIN_BROKER_BOX_PX wide; otherwise bars. */
const MAX_BROKER_BOXES = 32;
const MIN_BROKER_BOX_PX = 44;
/** The band's height when every broker is a bar. */
const BROKER_BARS_PX = 64;
const BROKER_GAP_PX = 6;
/** Narrower than this, the producers become a line over the lanes. */
const NARROW_PX = 520;
/** Room left of the partition names for the produce dots to glide in, never on the names. */
const MIN_DOT_LANE_PX = 16;
const LAG_TEXT_PX = 40;
const DEAD_LETTER_PX = 24;

/** What the broker band must hold: how many brokers, the most replicas one has, whether chips carry partition names. */
export interface BrokerBandNeeds {
  readonly count: number;
  readonly mostReplicas: number;
  readonly namedReplicas: boolean;
}

export function layoutSim(viewport: Viewport, laneSizes: readonly number[], brokerNeeds: BrokerBandNeeds): SimLayout {
  const w = Math.max(240, viewport.widthPx);
  const h = Math.max(200, viewport.heightPx);
  const narrow = w < NARROW_PX;
  const brokerCount = brokerNeeds.count;
  const bandW = w - PAD_PX * 2;
  const boxW = (bandW - BROKER_GAP_PX * (brokerCount - 1)) / Math.max(1, brokerCount);
  const brokerBoxes = brokerCount <= MAX_BROKER_BOXES && boxW >= MIN_BROKER_BOX_PX;
  const bandLimitPx = Math.round(h * 0.24);
  const bandH = brokerBoxes ? brokerBandHeightPx(boxW, brokerNeeds.mostReplicas, brokerNeeds.namedReplicas, bandLimitPx) : Math.min(BROKER_BARS_PX, bandLimitPx);
  const brokers: Rect = { x: PAD_PX, y: PAD_PX, w: bandW, h: Math.max(MIN_BROKER_BAND_PX, bandH) };
  const middle = brokers.y + brokers.h + LEADER_MOVE_DIP_PX;
  const bottom = h - PAD_PX;
  const groupsX = Math.round(w * 0.62);
  const gutter = Math.min(60, Math.max(20, Math.round(w * 0.06)));
  const producersW = narrow ? 0 : Math.min(84, Math.max(60, Math.round(w * 0.08)));
  const dotLane = Math.min(48, Math.max(MIN_DOT_LANE_PX, Math.round(w * 0.05)));
  const partitionsX = PAD_PX + producersW + dotLane;
  const producers: Rect = narrow ? { x: PAD_PX, y: middle, w: groupsX - gutter - PAD_PX, h: AXIS_PX } : { x: PAD_PX, y: middle + AXIS_PX, w: producersW, h: Math.min(74, bottom - middle - AXIS_PX) };
  const axis: Rect = { x: partitionsX, y: narrow ? middle + AXIS_PX + 2 : middle, w: groupsX - gutter - partitionsX, h: AXIS_PX };
  const partitions: Rect = { x: partitionsX, y: axis.y + axis.h + 2, w: axis.w, h: bottom - (axis.y + axis.h + 2) };
  const labelWidthPx = Math.min(96, Math.max(52, Math.round(partitions.w * 0.24)));
  const stripX = partitions.x + labelWidthPx + 4;
  const strip = { x: stripX, w: Math.max(8, partitions.x + partitions.w - LAG_TEXT_PX - 4 - stripX) };
  const { lanes, topicOverview } = layoutLanes(partitions, laneSizes);
  return {
    brokers,
    brokerBoxes,
    producers,
    axis,
    partitions,
    labelWidthPx,
    strip,
    lanes,
    topicOverview,
    groups: { x: groupsX, y: middle + AXIS_PX, w: w - groupsX - PAD_PX, h: bottom - middle - AXIS_PX - DEAD_LETTER_PX - 6 },
    deadLetter: { x: groupsX, y: bottom - DEAD_LETTER_PX, w: w - groupsX - PAD_PX, h: DEAD_LETTER_PX },
  };
}

/**
 * A lane per topic: a header line, then a row per partition where every lane fits so; else the
 * small lanes keep a row per partition and the large ones become bins sharing the rest by size.
 * Too many topics for even a header each: the topic overview, one row per topic.
 */
function layoutLanes(area: Rect, sizes: readonly number[]): { lanes: LaneLayout[]; topicOverview: boolean } {
  const n = sizes.length;
  if (n > 1 && n * (LANE_HEADER_PX + MIN_LANE_BODY_PX) > area.h) {
    const body = area.h - LANE_HEADER_PX;
    const rows = Math.max(1, Math.min(n, Math.floor(body / MIN_BIN_PX)));
    const rowHeightPx = Math.min(MAX_ROW_PX, body / rows);
    const lane = { header: { ...area, h: LANE_HEADER_PX }, body: { ...area, y: area.y + LANE_HEADER_PX, h: body }, rows, partitionsPerRow: 0, rowHeightPx, labelled: false };
    return { lanes: [lane], topicOverview: true };
  }
  const bodyTotal = Math.max(0, area.h - n * LANE_HEADER_PX);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const heights = new Array<number>(n).fill(0);
  const labelled = new Array<boolean>(n).fill(false);
  if (total * MIN_LABELLED_ROW_PX <= bodyTotal) {
    const rowH = Math.min(MAX_ROW_PX, total > 0 ? bodyTotal / total : MAX_ROW_PX);
    sizes.forEach((size, i) => {
      heights[i] = size * rowH;
      labelled[i] = true;
    });
  } else {
    // Smallest lanes first: each keeps a row per partition while that takes no more than its fair share.
    const order = sizes.map((_, i) => i).sort((a, b) => (sizes[a] as number) - (sizes[b] as number));
    let remaining = bodyTotal;
    let left = n;
    let next = 0;
    for (; next < n; next += 1) {
      const i = order[next] as number;
      const need = (sizes[i] as number) * MIN_LABELLED_ROW_PX;
      if (need > remaining / left) break;
      heights[i] = need;
      labelled[i] = true;
      remaining -= need;
      left -= 1;
    }
    const binned = order.slice(next);
    const weight = binned.reduce((sum, i) => sum + (sizes[i] as number), 0);
    const spare = Math.max(0, remaining - binned.length * MIN_LANE_BODY_PX);
    for (const i of binned) heights[i] = MIN_LANE_BODY_PX + (weight > 0 ? (spare * (sizes[i] as number)) / weight : 0);
  }
  let y = area.y;
  const lanes = sizes.map((size, i): LaneLayout => {
    const header = { x: area.x, y, w: area.w, h: LANE_HEADER_PX };
    const bodyH = heights[i] as number;
    const body = { x: area.x, y: y + LANE_HEADER_PX, w: area.w, h: bodyH };
    y += LANE_HEADER_PX + bodyH;
    if (labelled[i]) return { header, body, rows: size, partitionsPerRow: 1, rowHeightPx: size > 0 ? bodyH / size : 0, labelled: true };
    const bins = Math.max(1, Math.min(size, Math.floor(bodyH / MIN_BIN_PX)));
    const partitionsPerRow = Math.max(1, Math.ceil(size / bins));
    const rows = Math.ceil(size / partitionsPerRow);
    return { header, body, rows, partitionsPerRow, rowHeightPx: rows > 0 ? bodyH / rows : 0, labelled: false };
  });
  return { lanes, topicOverview: false };
}

/** Vertical centre of row `row` of a lane. */
export function rowCentreY(lane: LaneLayout, row: number): number {
  return lane.body.y + (row + 0.5) * lane.rowHeightPx;
}

/** Broker `id`'s box when `count` boxes share the broker area. */
export function brokerRect(area: Rect, count: number, id: number): Rect {
  const w = (area.w - BROKER_GAP_PX * (count - 1)) / Math.max(1, count);
  return { x: area.x + id * (w + BROKER_GAP_PX), y: area.y, w, h: area.h };
}

/** Where broker `id` is across, box or bar: the leader-move arcs start and end there. */
export function brokerCentreX(layout: SimLayout, count: number, id: number): number {
  if (layout.brokerBoxes) {
    const box = brokerRect(layout.brokers, count, id);
    return box.x + box.w / 2;
  }
  return layout.brokers.x + ((id + 0.5) * layout.brokers.w) / Math.max(1, count);
}
