import { formatNumber } from '../lib/format';
import type { Rect } from './sim-layout';

// Small drawing and text helpers every painter shares.

/** 1234 → "1,234"; 2,999,850 → "3.0M": lag and rates must fit a row. */
export function compactCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs < 10_000) return formatNumber(Math.round(value), 0);
  const [div, unit] = abs < 1e6 ? [1e3, 'k'] : abs < 1e9 ? [1e6, 'M'] : [1e9, 'G'];
  return `${(value / div).toFixed(1)}${unit}`;
}

/** The words fit in `widthPx` in the context's font (true where the context cannot measure). */
export function fits(ctx: CanvasRenderingContext2D, words: string, widthPx: number): boolean {
  const measured = ctx.measureText(words)?.width;
  return !(typeof measured === 'number' && measured > widthPx);
}

/** The words, or as much of them as fits in `widthPx` followed by "…". */
export function fitText(ctx: CanvasRenderingContext2D, words: string, widthPx: number): string {
  if (fits(ctx, words, widthPx)) return words;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(ctx, `${words.slice(0, mid)}…`, widthPx)) low = mid;
    else high = mid - 1;
  }
  return `${words.slice(0, low)}…`;
}

export function box(ctx: CanvasRenderingContext2D, rect: Rect, fill: string, border: string): void {
  ctx.fillStyle = fill;
  ctx.fillRect(rect.x, rect.y, rect.w, rect.h);
  ctx.strokeStyle = border;
  ctx.strokeRect(rect.x + 0.5, rect.y + 0.5, rect.w - 1, rect.h - 1);
}

export function text(ctx: CanvasRenderingContext2D, words: string, x: number, y: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.fillText(words, x, y);
}

export function cross(ctx: CanvasRenderingContext2D, rect: Rect, colour: string): void {
  ctx.strokeStyle = colour;
  ctx.beginPath();
  ctx.moveTo(rect.x, rect.y);
  ctx.lineTo(rect.x + rect.w, rect.y + rect.h);
  ctx.moveTo(rect.x + rect.w, rect.y);
  ctx.lineTo(rect.x, rect.y + rect.h);
  ctx.stroke();
}
