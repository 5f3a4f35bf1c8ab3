/**
 * Where things go on the simulation canvas, in CSS pixels. Pure arithmetic, no drawing, so
 * the limits that keep a frame cheap (rows, bins, cells) are testable on their own.
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

export interface SimLayout {
  readonly brokers: Rect;
  readonly producers: Rect;
  readonly partitions: Rect;
  readonly groups: Rect;
  readonly deadLetter: Rect;
  /** Partition rows drawn: one per partition, or one per bin of `partitionsPerRow`. */
  readonly partitionRows: number;
  readonly partitionsPerRow: number;
  readonly rowHeightPx: number;
}

const PAD_PX = 8;
/** Below this a partition row cannot carry a label and a bar: switch to a heat strip of bins. */
export const MIN_LABELLED_ROW_PX = 14;
/** Bins are at least this tall, so a 10,000-partition strip is at most a few hundred rects. */
export const MIN_BIN_PX = 3;

export function layoutSim(viewport: Viewport, partitionCount: number): SimLayout {
  const w = Math.max(200, viewport.widthPx);
  const h = Math.max(160, viewport.heightPx);
  const brokersH = Math.min(96, Math.round(h * 0.26));
  const top = PAD_PX + brokersH + PAD_PX * 2;
  const bottom = h - PAD_PX;
  const deadLetterH = 26;
  const partitions: Rect = { x: Math.round(w * 0.2), y: top + 14, w: Math.round(w * 0.36), h: bottom - top - 14 };
  const perRowIfLabelled = partitions.h / Math.max(1, partitionCount);
  const labelled = perRowIfLabelled >= MIN_LABELLED_ROW_PX;
  const partitionRows = labelled ? partitionCount : Math.max(1, Math.min(partitionCount, Math.floor(partitions.h / MIN_BIN_PX)));
  const partitionsPerRow = Math.ceil(partitionCount / partitionRows);
  const rows = Math.ceil(partitionCount / partitionsPerRow);
  return {
    brokers: { x: PAD_PX, y: PAD_PX, w: w - PAD_PX * 2, h: brokersH },
    producers: { x: PAD_PX, y: top + 14, w: Math.round(w * 0.13), h: Math.min(72, bottom - top - 14) },
    partitions,
    groups: { x: Math.round(w * 0.62), y: top + 14, w: w - Math.round(w * 0.62) - PAD_PX, h: bottom - top - 14 - deadLetterH - PAD_PX },
    deadLetter: { x: Math.round(w * 0.62), y: bottom - deadLetterH, w: w - Math.round(w * 0.62) - PAD_PX, h: deadLetterH },
    partitionRows: rows,
    partitionsPerRow,
    rowHeightPx: Math.min(28, partitions.h / Math.max(1, rows)),
  };
}

/** Vertical centre of the row that draws partition `id`. */
export function partitionRowY(layout: SimLayout, id: number): number {
  const row = Math.floor(id / layout.partitionsPerRow);
  return layout.partitions.y + (row + 0.5) * layout.rowHeightPx;
}
