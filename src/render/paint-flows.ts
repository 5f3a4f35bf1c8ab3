import type { SimView } from '../sim/types';
import type { ConsumerPoint } from './paint-groups';
import type { SimPalette } from './palette';
import { partitionRowY, type SimLayout } from './sim-layout';

/** Record batches in flight as dots: at most MAX_DOTS a frame, one fillRect each (one arc() per dot is 3× slower, toolchain.md). */
export const MAX_DOTS = 400;
/** Wall ms a batch dot takes to glide one whole way; the sim's progress sets where it starts. */
export const FLOW_GLIDE_MS = 900;
const DOT_PX = 4;
const GOLDEN_RATIO = 0.618_033_988_7;

export function paintFlows(ctx: CanvasRenderingContext2D, snapshot: SimView, layout: SimLayout, consumerAt: Map<string, ConsumerPoint>, animationMs: number, palette: SimPalette): void {
  const glide = Math.max(0, animationMs) / FLOW_GLIDE_MS;
  const fromProducers = { x: layout.producers.x + layout.producers.w, y: layout.producers.y + layout.producers.h / 2 };
  const groupsLeft = { x: layout.groups.x, y: layout.groups.y + 12 };
  const flows = snapshot.flows.slice(0, MAX_DOTS);
  // Two passes, one colour each: no fillStyle change per dot.
  for (const kind of ['produce', 'consume'] as const) {
    ctx.fillStyle = kind === 'produce' ? palette.produce : palette.consume;
    let index = 0;
    for (const flow of flows) {
      if (flow.kind !== kind) continue;
      // The sample is mostly the newest batches, all near progress 0: a per-dot phase spreads
      // them along the way so a busy link reads as a stream, not one clump.
      const phase = (index * GOLDEN_RATIO) % 1;
      index += 1;
      const rowY = partitionRowY(layout, flow.partition);
      const from = kind === 'produce' ? fromProducers : { x: layout.partitions.x + layout.partitions.w, y: rowY };
      const to = kind === 'produce' ? { x: layout.partitions.x, y: rowY } : (consumerAt.get(`${flow.group}:${flow.consumer}`) ?? groupsLeft);
      const t = (((flow.progress + glide + phase) % 1) + 1) % 1;
      ctx.fillRect(from.x + (to.x - from.x) * t - DOT_PX / 2, from.y + (to.y - from.y) * t - DOT_PX / 2, DOT_PX, DOT_PX);
    }
  }
}
