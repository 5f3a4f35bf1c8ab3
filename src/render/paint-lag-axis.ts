import { LAG_SCALE_DECADES, LAG_SCALE_TICKS, LAG_SCALE_TITLE, xBehindLogEnd } from './lag-scale';
import { text } from './paint-primitives';
import type { SimPalette } from './palette';
import type { SimScene } from './sim-scene';

/** Tick labels closer than this to the one drawn before are left out (the decade line stays). */
const MIN_TICK_GAP_PX = 26;

/**
 * The lag scale over the strips, written on the canvas: its name, a label per decade where it
 * fits (1 · 10 · 100 · 1k … from the log end leftwards), and a faint line per decade down
 * every lane, between the rows.
 */
export function paintLagAxis(ctx: CanvasRenderingContext2D, scene: SimScene, palette: SimPalette): void {
  const { axis, strip, labelWidthPx, partitions } = scene.layout;
  const y = axis.y + axis.h / 2;
  ctx.fillStyle = palette.grid;
  for (const lane of scene.lanes) {
    for (let decade = 1; decade <= LAG_SCALE_DECADES; decade += 1) {
      const x = Math.round(xBehindLogEnd(strip.x, strip.w, 10 ** decade));
      ctx.fillRect(x, lane.layout.body.y, 1, lane.layout.body.h);
    }
  }
  // The title is always written whole; tick labels it would run into are left out.
  text(ctx, LAG_SCALE_TITLE, partitions.x, y, palette.mutedText);
  const measured = ctx.measureText(LAG_SCALE_TITLE)?.width;
  const titleEnd = partitions.x + (typeof measured === 'number' ? measured : labelWidthPx);
  ctx.textAlign = 'center';
  let lastX = Number.POSITIVE_INFINITY;
  for (const tick of LAG_SCALE_TICKS) {
    const x = xBehindLogEnd(strip.x, strip.w, tick.events);
    if (lastX - x < MIN_TICK_GAP_PX || x - titleEnd < MIN_TICK_GAP_PX / 2) continue;
    text(ctx, tick.label, x, y, palette.mutedText);
    lastX = x;
  }
  ctx.textAlign = 'right';
  text(ctx, 'lag', partitions.x + partitions.w, y, palette.mutedText);
  ctx.textAlign = 'left';
}
