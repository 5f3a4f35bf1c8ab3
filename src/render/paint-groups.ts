import type { GroupView, SimView } from '../sim/types';
import { box, compactCount, cross, text } from './paint-primitives';
import type { SimPalette } from './palette';
import type { Rect } from './sim-layout';

const CONSUMER_PX = 12;
const CONSUMER_PITCH_PX = 16;
/** A group with at most this many consumers gets one row with a word under each. */
const LABELLED_CONSUMERS = 12;
const LABELLED_PITCH_PX = 28;
const MIN_GROUP_PX = 34;

export interface ConsumerPoint {
  readonly x: number;
  readonly y: number;
}

function consumerState(group: GroupView, consumer: GroupView['consumers'][number]): 'dead' | 'idle' | 'busy' | 'waiting' {
  if (!consumer.alive) return 'dead';
  if (consumer.assigned.length === 0) return 'idle';
  return consumer.busy && !group.rebalancing ? 'busy' : 'waiting';
}

function paintConsumer(ctx: CanvasRenderingContext2D, state: ReturnType<typeof consumerState>, x: number, y: number, palette: SimPalette): void {
  const rect = { x, y, w: CONSUMER_PX, h: CONSUMER_PX };
  if (state === 'busy' || state === 'waiting') {
    ctx.fillStyle = state === 'busy' ? palette.consumerBusy : palette.consumerWaiting;
    ctx.fillRect(x, y, CONSUMER_PX, CONSUMER_PX);
    return;
  }
  // Idle and crashed consumers are hollow: nothing flows through them.
  ctx.strokeStyle = state === 'dead' ? palette.consumerDead : palette.consumerIdle;
  ctx.strokeRect(x + 0.5, y + 0.5, CONSUMER_PX - 1, CONSUMER_PX - 1);
  if (state === 'dead') cross(ctx, rect, palette.consumerDead);
}

/** Draws every group; returns where each drawn consumer sits, for the consume dots. */
export function paintGroups(ctx: CanvasRenderingContext2D, snapshot: SimView, area: Rect, palette: SimPalette): Map<string, ConsumerPoint> {
  const groups = snapshot.groups;
  const cluster = snapshot.topics.length > 1;
  const points = new Map<string, ConsumerPoint>();
  const shown = Math.max(1, Math.min(groups.length, Math.floor(area.h / MIN_GROUP_PX)));
  const groupH = Math.min(120, area.h / shown);
  text(ctx, 'Consumer groups', area.x, area.y - 8, palette.mutedText);
  groups.slice(0, shown).forEach((group, index) => {
    const rect = { x: area.x, y: area.y + index * groupH, w: area.w, h: groupH - 4 };
    box(ctx, rect, palette.panel, palette.panelBorder);
    const name = `Group ${group.id}${cluster ? ` · ${snapshot.topics[group.topic]?.name ?? ''}` : ''}${group.kind === 'replay' ? ' (replay)' : ''}`;
    text(ctx, `${name} · lag ${compactCount(group.lag)}${group.rebalancing ? ' · rebalancing' : ''}`, rect.x + 4, rect.y + 9, palette.text);
    const members = group.consumers;
    const labelled = members.length <= LABELLED_CONSUMERS && rect.h >= 46 && members.length * LABELLED_PITCH_PX <= rect.w - 8;
    const pitch = labelled ? LABELLED_PITCH_PX : CONSUMER_PITCH_PX;
    const cols = Math.max(1, Math.floor((rect.w - 8) / pitch));
    const rows = labelled ? 1 : Math.max(1, Math.floor((rect.h - 34) / CONSUMER_PITCH_PX));
    const drawn = Math.min(members.length, cols * rows);
    for (let i = 0; i < drawn; i += 1) {
      const consumer = members[i];
      if (!consumer) continue;
      const x = rect.x + 4 + (i % cols) * pitch;
      const y = rect.y + 18 + Math.floor(i / cols) * CONSUMER_PITCH_PX;
      const state = consumerState(group, consumer);
      paintConsumer(ctx, state, x, y, palette);
      if (labelled && state === 'idle') text(ctx, 'idle', x - 2, y + CONSUMER_PX + 7, palette.consumerIdle);
      points.set(`${group.id}:${consumer.id}`, { x: x + CONSUMER_PX / 2, y: y + CONSUMER_PX / 2 });
    }
    const crashed = group.consumerCount - group.aliveConsumers;
    const counts = [`${group.aliveConsumers} alive`, `${group.idleConsumers} idle`, crashed > 0 ? `${crashed} crashed` : '', group.consumerCount > drawn ? `${group.consumerCount - drawn} not drawn` : '']
      .filter(Boolean)
      .join(' · ');
    if (rect.h >= 46) text(ctx, counts, rect.x + 4, rect.y + rect.h - 7, group.idleConsumers > 0 ? palette.consumerIdle : palette.mutedText);
  });
  if (groups.length > shown) text(ctx, `+${groups.length - shown} more groups`, area.x + 4, area.y + area.h + 2, palette.mutedText);
  return points;
}
