import type { SimView } from '../sim/types';
import { MAX_BROKER_BOXES, brokerRect } from './paint-brokers';
import type { SimPalette } from './palette';
import type { Rect } from './sim-layout';

/** Simulated ms over which a leader move's arc fades (the snapshot keeps moves this long). */
const LEADER_MOVE_FADE_MS = 2_000;

/**
 * Each leadership that moved in the last 2 simulated seconds, as an arc from the old leader's box
 * to the new one's with a dot gliding along it, fading as it ages (a move to or from offline is
 * the partition's cell turning red, drawn with the broker).
 */
export function paintLeaderMoves(ctx: CanvasRenderingContext2D, snapshot: SimView, area: Rect, palette: SimPalette): void {
  const count = snapshot.brokers.length;
  if (count > MAX_BROKER_BOXES) return;
  ctx.strokeStyle = palette.leader;
  ctx.fillStyle = palette.leader;
  ctx.lineWidth = 2;
  for (const move of snapshot.leaderMoves) {
    if (move.from < 0 || move.to < 0) continue;
    const age = Math.min(1, Math.max(0, (snapshot.timeMs - move.atMs) / LEADER_MOVE_FADE_MS));
    const from = brokerRect(area, count, move.from);
    const to = brokerRect(area, count, move.to);
    const x0 = from.x + from.w / 2;
    const x1 = to.x + to.w / 2;
    const y = area.y + area.h;
    const lift = Math.min(area.h * 0.6, 12 + Math.abs(x1 - x0) * 0.15);
    ctx.globalAlpha = 1 - 0.8 * age;
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.quadraticCurveTo((x0 + x1) / 2, y + lift, x1, y);
    ctx.stroke();
    // The dot: where the leadership is on its way, by its age.
    const t = Math.min(1, age * 2);
    const dotX = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * ((x0 + x1) / 2) + t * t * x1;
    const dotY = (1 - t) * (1 - t) * y + 2 * (1 - t) * t * (y + lift) + t * t * y;
    ctx.fillRect(dotX - 3, dotY - 3, 6, 6);
  }
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
}
