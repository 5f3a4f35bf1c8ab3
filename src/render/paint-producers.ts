import type { SimView } from '../sim/types';
import { box, compactCount, fitText, fits, text } from './paint-primitives';
import type { SimPalette } from './palette';
import type { Rect } from './sim-layout';

/** Below this height the producers are one line of words (a narrow canvas), not a box. */
const MIN_BOX_PX = 30;

/** The producers: their rate now (spike included), the spike, and events they hold back while partitions refuse writes. */
export function paintProducers(ctx: CanvasRenderingContext2D, view: SimView, rect: Rect, palette: SimPalette): void {
  const rate = `${compactCount(producedPerSecOf(view) * view.spikeFactor)}/s`;
  const spike = view.spikeFactor !== 1 ? `spike ×${view.spikeFactor}` : '';
  const buffered = view.producerBuffered > 0 ? `${compactCount(view.producerBuffered)} buffered` : '';
  if (rect.h < MIN_BOX_PX) {
    text(ctx, fitText(ctx, ['Producers', rate, spike, buffered].filter(Boolean).join(' · '), rect.w), rect.x, rect.y + rect.h / 2, buffered ? palette.offline : palette.text);
    return;
  }
  box(ctx, rect, palette.panel, palette.produce);
  text(ctx, 'Producers', rect.x + 4, rect.y + 10, palette.text);
  text(ctx, rate, rect.x + 4, rect.y + 24, palette.mutedText);
  if (spike) text(ctx, spike, rect.x + 4, rect.y + 38, palette.produce);
  if (!buffered) return;
  // Held back while their partitions refuse writes: on two lines when one is too narrow.
  if (fits(ctx, buffered, rect.w - 8)) text(ctx, buffered, rect.x + 4, rect.y + 52, palette.offline);
  else {
    text(ctx, compactCount(view.producerBuffered), rect.x + 4, rect.y + 52, palette.offline);
    text(ctx, 'buffered', rect.x + 4, rect.y + 64, palette.offline);
  }
}

/** Every topic's configured producer rate, events/s. */
function producedPerSecOf(view: SimView): number {
  let sum = 0;
  for (const topic of view.topics) sum += topic.eventsPerSec;
  return sum;
}
