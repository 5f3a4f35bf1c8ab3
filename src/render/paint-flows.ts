import type { SimView } from '../sim/types';
import { CONSUMER_CHIP_PX, GROUP_TITLE_PX, consumerChipY } from './group-layout';
import type { SimPalette } from './palette';
import type { SimScene } from './sim-scene';

/**
 * Record batches in flight as dots: producer → its partition's row, and the row's end → the
 * consumer polling it. Their ways run only through the empty gaps (left of the partition names,
 * between the lag counts and the groups, up to the group box beside the consumer's chip), so no
 * dot covers text. At
 * most MAX_DOTS a frame, one fillRect each (one arc() per dot is 3× slower, toolchain.md), two
 * fillStyle changes a frame; partitions the focus leaves out have no row and no dots.
 */
export const MAX_DOTS = 400;
/** Wall ms a batch dot takes to glide one whole way; the sim's progress sets where it starts. */
const FLOW_GLIDE_MS = 900;
export const DOT_PX = 4;
const GOLDEN_RATIO = 0.618_033_988_7;
/** Dots stop this far short of what they arrive at. */
const ARRIVE_GAP_PX = DOT_PX;

export function paintFlows(ctx: CanvasRenderingContext2D, view: SimView, scene: SimScene, animationMs: number, palette: SimPalette): void {
  const glide = Math.max(0, animationMs) / FLOW_GLIDE_MS;
  const { producers, partitions } = scene.layout;
  const narrowProducers = producers.w === 0 || producers.y + producers.h <= partitions.y;
  // A narrow canvas has no producers box beside the rows: dots come in from the left edge.
  const produceX = narrowProducers ? 0 : producers.x + producers.w;
  const produceY = producers.y + producers.h / 2;
  const partitionsLeft = partitions.x - ARRIVE_GAP_PX;
  const partitionsRight = partitions.x + partitions.w + 2;
  const flows = view.flows;
  const count = Math.min(flows.length, MAX_DOTS);
  // Two passes, one colour each: no fillStyle change per dot.
  for (let pass = 0; pass < 2; pass += 1) {
    const produce = pass === 0;
    ctx.fillStyle = produce ? palette.produce : palette.consume;
    let index = 0;
    for (let n = 0; n < count; n += 1) {
      const flow = flows[n];
      if (!flow || (flow.kind === 'produce') !== produce) continue;
      // The sample is mostly the newest batches, all near progress 0: a per-dot phase spreads
      // them along the way so a busy link reads as a stream, not one clump.
      const phase = (index * GOLDEN_RATIO) % 1;
      index += 1;
      const rowY = scene.rowY[flow.partition] as number;
      if (Number.isNaN(rowY)) continue;
      let x0: number;
      let y0: number;
      let x1: number;
      let y1: number;
      if (produce) {
        [x0, y0, x1, y1] = [produceX, narrowProducers ? rowY : produceY, partitionsLeft, rowY];
      } else {
        const placed = scene.groups[scene.sceneGroupOf[flow.group] ?? -1];
        if (!placed) continue;
        const drawn = flow.consumer >= 0 && flow.consumer < placed.box.drawn;
        x0 = partitionsRight;
        y0 = rowY;
        // To the group box's edge beside the chip: a way into the box could cross its title.
        x1 = placed.box.rect.x - ARRIVE_GAP_PX;
        y1 = drawn ? consumerChipY(placed.box, flow.consumer) + CONSUMER_CHIP_PX / 2 : placed.box.rect.y + GROUP_TITLE_PX / 2;
      }
      const t = (((flow.progress + glide + phase) % 1) + 1) % 1;
      ctx.fillRect(x0 + (x1 - x0) * t - DOT_PX / 2, y0 + (y1 - y0) * t - DOT_PX / 2, DOT_PX, DOT_PX);
    }
  }
}
