import type { SimView } from '../sim/types';
import { box, compactCount, text } from './paint-primitives';
import type { SimPalette } from './palette';
import type { Rect } from './sim-layout';

export function paintProducers(ctx: CanvasRenderingContext2D, snapshot: SimView, rect: Rect, palette: SimPalette): void {
  box(ctx, rect, palette.panel, palette.produce);
  text(ctx, 'Producers', rect.x + 4, rect.y + 10, palette.text);
  text(ctx, `${compactCount(producedPerSecOf(snapshot) * snapshot.spikeFactor)}/s`, rect.x + 4, rect.y + 24, palette.mutedText);
  if (snapshot.spikeFactor !== 1) text(ctx, `spike ×${snapshot.spikeFactor}`, rect.x + 4, rect.y + 38, palette.produce);
  if (snapshot.producerBuffered > 0) text(ctx, `${compactCount(snapshot.producerBuffered)} buffered`, rect.x + 4, rect.y + 52, palette.offline);
}

/** Every topic's configured producer rate, events/s. */
function producedPerSecOf(snapshot: SimView): number {
  let sum = 0;
  for (const topic of snapshot.topics) sum += topic.eventsPerSec;
  return sum;
}
