import type { GroupView, SimView } from '../sim/types';
import { xBehindLogEnd } from './lag-scale';
import { PARTITION_OFFLINE, PARTITION_WRITABLE, partitionStatesOf } from './partition-states';
import { compactCount, fitText, fits, text } from './paint-primitives';
import { groupColour, type SimPalette } from './palette';
import type { SceneLane } from './scene-lanes';
import type { SimScene } from './sim-scene';

/**
 * The partitions, a lane per topic, each partition a log strip on the fixed lag scale
 * (lag-scale.ts): the right end is the log end; the filled part is the log up to the high
 * watermark, from the log start; the outlined tail past the high watermark is not replicated yet;
 * each group's committed offset is a marker, so its lag is the gap from the marker to the end.
 * Where rows no longer fit a partition each, a row stands for several: the longest log, the
 * first group's least-to-most lag as a band, and a red or amber cell if any is offline or stalled.
 */
export const MARKER_WIDTH_PX = 3;
/** Committed-offset markers drawn per row: a topic's first groups (the rest are counted in their boxes). */
const MAX_MARKERS = 4;
const MAX_BAR_PX = 10;
/** Bins this tall or more get their range written (P0–99). */
const MIN_NAMED_BIN_PX = 11;
const STATUS_CELL_PX = 6;

export function paintLogs(ctx: CanvasRenderingContext2D, view: SimView, scene: SimScene, palette: SimPalette): void {
  for (const lane of scene.lanes) {
    paintLaneHeader(ctx, lane, palette);
    if (lane.layout.labelled) paintLabelledRows(ctx, view, lane, scene, palette);
    else paintBinRows(ctx, lane, scene, palette);
  }
}

function paintLaneHeader(ctx: CanvasRenderingContext2D, lane: SceneLane, palette: SimPalette): void {
  const { header } = lane.layout;
  const more = lane.hiddenTopics > 0 ? ` · +${lane.hiddenTopics} more topics (Show picks one)` : '';
  const title = fits(ctx, lane.title + more, header.w) ? lane.title + more : fitText(ctx, lane.title, header.w);
  text(ctx, title, header.x, header.y + header.h / 2, palette.text);
}

function paintLabelledRows(ctx: CanvasRenderingContext2D, view: SimView, lane: SceneLane, scene: SimScene, palette: SimPalette): void {
  const { strip, partitions } = scene.layout;
  const { body, rowHeightPx, rows } = lane.layout;
  const { state } = partitionStatesOf(view);
  const topic = view.topics[lane.topic];
  const first = topic?.firstPartition ?? 0;
  const groupIds = topic?.groups ?? [];
  const barH = Math.min(MAX_BAR_PX, rowHeightPx - 6);
  const stripEnd = strip.x + strip.w;
  for (let r = 0; r < rows; r += 1) {
    const p = lane.ids[lane.rowStarts[r] as number] as number;
    const cy = body.y + (r + 0.5) * rowHeightPx;
    const barY = cy - barH / 2;
    const s = state[p] as number;
    const troubleColour = s === PARTITION_OFFLINE ? palette.offline : palette.stalled;
    text(ctx, lane.rowNames[r] as string, partitions.x, cy, s === PARTITION_WRITABLE ? palette.text : troubleColour);
    ctx.fillStyle = palette.panel;
    ctx.fillRect(strip.x, barY, strip.w, barH);
    const end = view.partitions.logEndOffset(p);
    const startX = xBehindLogEnd(strip.x, strip.w, end - view.partitions.logStartOffset(p));
    const hwX = xBehindLogEnd(strip.x, strip.w, end - view.partitions.highWatermark(p));
    ctx.fillStyle = palette.log;
    ctx.fillRect(startX, barY, hwX - startX, barH);
    if (stripEnd - hwX >= 2) {
      ctx.strokeStyle = palette.log;
      ctx.strokeRect(hwX + 0.5, barY + 0.5, stripEnd - hwX - 1, barH - 1);
    }
    ctx.fillStyle = palette.highWatermark;
    ctx.fillRect(hwX - 1, barY - 2, 2, barH + 4);
    if (s !== PARTITION_WRITABLE) paintWritesNote(ctx, lane.rowNotes[r] as string, strip.x + 2, barY - 1, barH + 2, troubleColour, palette);
    // Later groups first, so the first group's marker (whose lag is written) is on top.
    for (let k = Math.min(MAX_MARKERS, groupIds.length) - 1; k >= 0; k -= 1) {
      const group = view.groups[groupIds[k] as number] as GroupView | undefined;
      if (!group) continue;
      ctx.fillStyle = groupColour(palette, k);
      ctx.fillRect(xBehindLogEnd(strip.x, strip.w, group.lagOf(p - first)) - MARKER_WIDTH_PX / 2, barY - 3, MARKER_WIDTH_PX, barH + 6);
    }
  }
  const lead = view.groups[groupIds[0] ?? -1];
  if (!lead) return;
  ctx.textAlign = 'right';
  for (let r = 0; r < rows; r += 1) {
    const p = lane.ids[lane.rowStarts[r] as number] as number;
    text(ctx, compactCount(lead.lagOf(p - first)), partitions.x + partitions.w, body.y + (r + 0.5) * rowHeightPx, palette.text);
  }
  ctx.textAlign = 'left';
}

/** Why writes are refused, in a word on the strip's far left (the oldest part of the log): never colour alone. */
function paintWritesNote(ctx: CanvasRenderingContext2D, note: string, x: number, y: number, h: number, colour: string, palette: SimPalette): void {
  const measured = ctx.measureText(note)?.width;
  const w = (typeof measured === 'number' ? measured : note.length * 6) + 8;
  ctx.fillStyle = palette.background;
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = colour;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  text(ctx, note, x + 4, y + h / 2, colour);
}

function paintBinRows(ctx: CanvasRenderingContext2D, lane: SceneLane, scene: SimScene, palette: SimPalette): void {
  const { strip, partitions } = scene.layout;
  const { body, rowHeightPx, rows } = lane.layout;
  const h = Math.max(1, rowHeightPx - (rowHeightPx >= 5 ? 1 : 0));
  const stripEnd = strip.x + strip.w;
  const named = rowHeightPx >= MIN_NAMED_BIN_PX;
  for (let r = 0; r < rows; r += 1) {
    const y = body.y + r * rowHeightPx;
    ctx.fillStyle = palette.panel;
    ctx.fillRect(strip.x, y, strip.w, h);
    const startX = xBehindLogEnd(strip.x, strip.w, lane.retainedMax[r] as number);
    ctx.fillStyle = palette.log;
    ctx.fillRect(startX, y, stripEnd - startX, h);
    const lagMax = lane.lagMax[r] as number;
    if (!Number.isNaN(lagMax)) {
      const from = xBehindLogEnd(strip.x, strip.w, lagMax);
      const to = xBehindLogEnd(strip.x, strip.w, lane.lagMin[r] as number);
      ctx.fillStyle = groupColour(palette, 0);
      ctx.fillRect(from - MARKER_WIDTH_PX / 2, y, Math.max(MARKER_WIDTH_PX, to - from + MARKER_WIDTH_PX), h);
    }
    if ((lane.offline[r] as number) > 0) {
      ctx.fillStyle = palette.offline;
      ctx.fillRect(strip.x - 4 - STATUS_CELL_PX, y, STATUS_CELL_PX, h);
    }
    if ((lane.stalled[r] as number) > 0) {
      ctx.fillStyle = palette.stalled;
      ctx.fillRect(strip.x - 6 - 2 * STATUS_CELL_PX, y, STATUS_CELL_PX, h);
    }
    if (named) text(ctx, lane.rowNames[r] as string, partitions.x, y + rowHeightPx / 2, palette.text);
  }
}
