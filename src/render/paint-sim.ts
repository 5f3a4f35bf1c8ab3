import type { SimView } from '../sim/types';
import { paintBrokers } from './paint-brokers';
import { paintDeadLetter } from './paint-dead-letter';
import { paintFlows } from './paint-flows';
import { paintGroups } from './paint-groups';
import { paintLeaderMoves } from './paint-leader-moves';
import { paintPartitions } from './paint-logs';
import { paintProducers } from './paint-producers';
import type { SimPalette } from './palette';
import { layoutSim, type Viewport } from './sim-layout';

/**
 * Draws one simulation snapshot: producers → brokers with their partitions → consumer groups,
 * record batches as moving dots, lag per partition, the dead-letter queue. A plain function
 * (no React, no DOM beyond the context): the caller owns the canvas and the frame loop. Each
 * part is a painter of its own (paint-*.ts); this only lays them out and runs them in order.
 *
 * Aggregate the drawing, not the counting: every figure is exact, but at scale partitions
 * become bins of a lag heat strip, brokers a strip of cells, consumers a count, and dots are
 * capped.
 */
const FONT = '11px system-ui, sans-serif';

export function paintSim(ctx: CanvasRenderingContext2D, snapshot: SimView, viewport: Viewport, animationMs: number, palette: SimPalette): void {
  const layout = layoutSim(viewport, snapshot.partitions.length);
  ctx.setTransform(viewport.pixelRatio, 0, 0, viewport.pixelRatio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, viewport.widthPx, viewport.heightPx);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.lineWidth = 1;

  paintBrokers(ctx, snapshot, layout.brokers, palette);
  paintLeaderMoves(ctx, snapshot, layout.brokers, palette);
  paintProducers(ctx, snapshot, layout.producers, palette);
  paintPartitions(ctx, snapshot, layout, palette);
  const consumerAt = paintGroups(ctx, snapshot, layout.groups, palette);
  paintDeadLetter(ctx, snapshot.deadLetterQueue, layout.deadLetter, palette);
  paintFlows(ctx, snapshot, layout, consumerAt, animationMs, palette);
}
