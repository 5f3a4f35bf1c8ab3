import type { Rect } from './sim-layout';

/**
 * Where each consumer group's box and its consumers go in the groups column. A group with few
 * consumers lists them one a line (a chip, then its name and state), so the assignment lines
 * from the partition rows end at a chip with nothing written left of it; a large group is a
 * grid of chips and its counts; when even that does not fit, as many equal boxes as fit.
 */
export const CONSUMER_CHIP_PX = 10;
const CONSUMER_PITCH_PX = 14;
export const GROUP_TITLE_PX = 16;
/** The line under a grid that counts alive, idle, crashed and undrawn consumers. */
export const GROUP_COUNTS_PX = 14;
const GROUP_GAP_PX = 4;
/** A group of at most this many consumers is listed when the list fits. */
const MAX_LISTED = 12;
const MIN_GROUP_PX = GROUP_TITLE_PX + GROUP_COUNTS_PX + 4;

export interface GroupBox {
  readonly rect: Rect;
  /** One consumer a line (true) or a grid of chips. */
  readonly listed: boolean;
  readonly columns: number;
  /** Consumers drawn: the first `drawn` of the group's. */
  readonly drawn: number;
}

export interface GroupsLayout {
  readonly boxes: readonly GroupBox[];
  /** Groups after the last box, not drawn ("+N more groups"). */
  readonly hidden: number;
}

export function layoutGroups(area: Rect, consumerCounts: readonly number[]): GroupsLayout {
  const columns = Math.max(1, Math.floor((area.w - 8) / CONSUMER_PITCH_PX));
  const listH = (n: number) => GROUP_TITLE_PX + n * CONSUMER_PITCH_PX + 4;
  const gridH = (n: number) => GROUP_TITLE_PX + Math.ceil(n / columns) * CONSUMER_PITCH_PX + GROUP_COUNTS_PX + 2;
  const fits = (heights: number[]) => heights.reduce((sum, h) => sum + h + GROUP_GAP_PX, 0) <= area.h + GROUP_GAP_PX;
  const mixed = consumerCounts.map((n) => (n <= MAX_LISTED ? listH(n) : gridH(n)));
  const grids = consumerCounts.map(gridH);
  const stack = (heights: number[], listed: (i: number) => boolean): GroupsLayout => {
    let y = area.y;
    const boxes = heights.map((h, i) => {
      const rect = { x: area.x, y, w: area.w, h };
      y += h + GROUP_GAP_PX;
      return { rect, listed: listed(i), columns, drawn: consumerCounts[i] as number };
    });
    return { boxes, hidden: 0 };
  };
  if (fits(mixed)) return stack(mixed, (i) => (consumerCounts[i] as number) <= MAX_LISTED);
  if (fits(grids)) return stack(grids, () => false);
  const shown = Math.max(1, Math.min(consumerCounts.length, Math.floor((area.h + GROUP_GAP_PX) / (MIN_GROUP_PX + GROUP_GAP_PX))));
  const h = (area.h + GROUP_GAP_PX) / shown - GROUP_GAP_PX;
  const rows = Math.max(0, Math.floor((h - GROUP_TITLE_PX - GROUP_COUNTS_PX) / CONSUMER_PITCH_PX));
  const boxes = consumerCounts.slice(0, shown).map((n, i) => ({ rect: { x: area.x, y: area.y + i * (h + GROUP_GAP_PX), w: area.w, h }, listed: false, columns, drawn: Math.min(n, rows * columns) }));
  return { boxes, hidden: consumerCounts.length - shown };
}

/** Top-left of consumer `index`'s chip in its box. */
export function consumerChipX(box: GroupBox, index: number): number {
  return box.rect.x + 4 + (box.listed ? 0 : (index % box.columns) * CONSUMER_PITCH_PX);
}

export function consumerChipY(box: GroupBox, index: number): number {
  const line = box.listed ? index : Math.floor(index / box.columns);
  return box.rect.y + GROUP_TITLE_PX + line * CONSUMER_PITCH_PX + 2;
}
