import type { SimView } from '../sim/types';
import type { SimPalette } from './palette';
import type { SimScene } from './sim-scene';
import { LEADER_MOVE_DIP_PX, brokerCentreX } from './sim-layout';

/** Simulated ms over which a leader move's arc fades (the snapshot keeps moves this long). */
const LEADER_MOVE_FADE_MS = 2_000;
const DOT_PX = 6;
/** The arc's deepest point, so it and its dot stay in the empty gap under the brokers. */
const DIP_PX = LEADER_MOVE_DIP_PX - DOT_PX / 2 - 1;

/**
 * Each leadership that moved in the last 2 simulated seconds, as an arc under the brokers from
 * the old leader to the new one, with a dot gliding along it, fading as it ages (a move to or
 * from offline is the partition's replica turning red, drawn with the broker).
 */
export function paintLeaderMoves(ctx: CanvasRenderingContext2D, view: SimView, scene: SimScene, palette: SimPalette): void {
  const count = view.brokers.length;
  const { brokers } = scene.layout;
  const y = brokers.y + brokers.h;
  ctx.strokeStyle = palette.leader;
  ctx.fillStyle = palette.leader;
  ctx.lineWidth = 2;
  for (const move of view.leaderMoves) {
    if (move.from < 0 || move.to < 0) continue;
    const age = Math.min(1, Math.max(0, (view.timeMs - move.atMs) / LEADER_MOVE_FADE_MS));
    const x0 = brokerCentreX(scene.layout, count, move.from);
    const x1 = brokerCentreX(scene.layout, count, move.to);
    // A quadratic Bézier reaches half its control point's depth.
    const controlY = y + 2 * DIP_PX;
    ctx.globalAlpha = 1 - 0.8 * age;
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.quadraticCurveTo((x0 + x1) / 2, controlY, x1, y);
    ctx.stroke();
    // The dot: where the leadership is on its way, by its age.
    const t = Math.min(1, age * 2);
    const dotX = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * ((x0 + x1) / 2) + t * t * x1;
    const dotY = (1 - t) * (1 - t) * y + 2 * (1 - t) * t * controlY + t * t * y;
    ctx.fillRect(dotX - DOT_PX / 2, dotY - DOT_PX / 2, DOT_PX, DOT_PX);
  }
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
}
