import { box, compactCount, fitText, text } from './paint-primitives';
import type { SimPalette } from './palette';
import type { Rect } from './sim-layout';

/** The dead-letter queue: its count in words; once it holds anything, a box of its own colour, tinted, with a double border. */
export function paintDeadLetter(ctx: CanvasRenderingContext2D, count: number, rect: Rect, palette: SimPalette): void {
  const holding = count > 0;
  box(ctx, rect, holding ? palette.deadLetterFill : palette.panel, holding ? palette.deadLetter : palette.panelBorder);
  if (holding) {
    ctx.strokeStyle = palette.deadLetter;
    ctx.strokeRect(rect.x + 2.5, rect.y + 2.5, rect.w - 5, rect.h - 5);
  }
  text(ctx, fitText(ctx, `Dead-letter queue: ${compactCount(count)}`, rect.w - 9), rect.x + 6, rect.y + rect.h / 2, holding ? palette.deadLetter : palette.mutedText);
}
