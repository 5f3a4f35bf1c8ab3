import type { SimView } from '../sim/types';
import { paintAssignment } from './paint-assignment';
import { paintBrokers } from './paint-brokers';
import { paintDeadLetter } from './paint-dead-letter';
import { paintFlows } from './paint-flows';
import { paintGroups } from './paint-groups';
import { paintLagAxis } from './paint-lag-axis';
import { paintLeaderMoves } from './paint-leader-moves';
import { paintLogs } from './paint-logs';
import { paintProducers } from './paint-producers';
import type { SimPalette } from './palette';
import { WHOLE_CLUSTER, type SimFocus } from './sim-focus';
import { sceneOf } from './sim-scene';
import type { Viewport } from './sim-layout';

/**
 * Draws one simulation snapshot as a Kafka engineer pictures a cluster: the brokers with the
 * replicas they hold, a log strip per partition in a lane per topic (high watermark, each
 * group's committed offset, lag on a fixed log scale), lines from each partition to the
 * consumer that owns it, the groups, the dead-letter queue, and record batches as moving dots.
 * A plain function (no React, no DOM beyond the context): the caller owns the canvas and the
 * frame loop. Each part is a painter of its own (paint-*.ts); this only runs them in order, on
 * the scene built once per snapshot (sim-scene.ts), so a frame costs what it draws.
 *
 * `focus` picks what is drawn in detail (sim-focus.ts): the whole cluster, a topic, a broker's
 * replicas, or a range of a large topic's partitions. Every figure is exact; at scale only
 * the drawing is aggregated (bins, bars, counts).
 */
const FONT = '11px system-ui, sans-serif';

export function paintSim(ctx: CanvasRenderingContext2D, view: SimView, viewport: Viewport, animationMs: number, palette: SimPalette, focus: SimFocus = WHOLE_CLUSTER): void {
  const scene = sceneOf(view, viewport, focus);
  ctx.setTransform(viewport.pixelRatio, 0, 0, viewport.pixelRatio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, viewport.widthPx, viewport.heightPx);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.lineWidth = 1;

  paintBrokers(ctx, view, scene, palette);
  paintLeaderMoves(ctx, view, scene, palette);
  paintProducers(ctx, view, scene.layout.producers, palette);
  paintLagAxis(ctx, scene, palette);
  paintLogs(ctx, view, scene, palette);
  paintGroups(ctx, view, scene, palette);
  paintAssignment(ctx, view, scene, palette);
  paintDeadLetter(ctx, view.deadLetterQueue, scene.layout.deadLetter, palette);
  paintFlows(ctx, view, scene, animationMs, palette);
}
