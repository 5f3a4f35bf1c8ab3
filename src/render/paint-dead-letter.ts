import { box, compactCount, text } from './paint-primitives';
import type { SimPalette } from './palette';
import type { Rect } from './sim-layout';

export function paintDeadLetter(ctx: CanvasRenderingContext2D, count: number, rect: Rect, palette: SimPalette): void {
  box(ctx, rect, palette.panel, count > 0 ? palette.deadLetter : palette.panelBorder);
  text(ctx, `Dead-letter queue: ${compactCount(count)}`, rect.x + 6, rect.y + rect.h / 2, count > 0 ? palette.deadLetter : palette.mutedText);
}
