import type { GroupView, SimView } from '../sim/types';
import { CONSUMER_CHIP_PX, consumerChipX, consumerChipY } from './group-layout';
import { groupColour, type SimPalette } from './palette';
import type { SimScene } from './sim-scene';

/**
 * Which consumer owns each partition: a thin line, in the group's colour, from the partition's
 * row to its owner's chip, one per group of the topic. Read from the owner column every frame,
 * so the lines move when a rebalance reassigns, and vanish while an eager rebalance holds every
 * partition unowned. Only rows of one partition get lines; a bin stands for too many.
 */
const LINE_ALPHA = 0.55;

export function paintAssignment(ctx: CanvasRenderingContext2D, view: SimView, scene: SimScene, palette: SimPalette): void {
  const { partitions } = scene.layout;
  const fromX = partitions.x + partitions.w + 2;
  ctx.globalAlpha = LINE_ALPHA;
  for (const lane of scene.lanes) {
    if (!lane.layout.labelled) continue;
    const topic = view.topics[lane.topic];
    if (!topic) continue;
    for (const id of topic.groups) {
      const at = scene.sceneGroupOf[id] ?? -1;
      const placed = scene.groups[at];
      const group = view.groups[id] as GroupView | undefined;
      if (!placed || !group) continue;
      ctx.strokeStyle = groupColour(palette, placed.rank);
      ctx.beginPath();
      for (let r = 0; r < lane.layout.rows; r += 1) {
        const p = lane.ids[lane.rowStarts[r] as number] as number;
        const owner = group.ownerOf(p - topic.firstPartition);
        if (owner < 0 || owner >= placed.box.drawn) continue;
        const chipY = consumerChipY(placed.box, owner) + CONSUMER_CHIP_PX / 2;
        ctx.moveTo(fromX, lane.layout.body.y + (r + 0.5) * lane.layout.rowHeightPx);
        // Into the box level with the chip, never across the group's title.
        ctx.lineTo(placed.box.rect.x, chipY);
        ctx.lineTo(consumerChipX(placed.box, owner) - 1, chipY);
      }
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}
