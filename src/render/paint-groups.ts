import type { GroupView, SimView } from '../sim/types';
import { CONSUMER_CHIP_PX, GROUP_COUNTS_PX, consumerChipX, consumerChipY } from './group-layout';
import { box, compactCount, cross, fitText, fits, text } from './paint-primitives';
import { groupColour, type SimPalette } from './palette';
import type { SceneGroup, SimScene } from './sim-scene';

/**
 * The consumer groups, a box each in its colour (the colour of its committed-offset markers and
 * assignment lines): its name and lag, then its consumers. Busy ones filled, ones waiting for
 * data or for the rebalance pale, idle ones (alive, no partition) hollow grey and written
 * "idle", crashed ones crossed in red and written "crashed". A listed consumer says its state
 * and how many partitions it owns; a grid of many says it in counts under it.
 */
type ConsumerState = 'busy' | 'waiting' | 'idle' | 'crashed';

function consumerState(group: GroupView, consumer: GroupView['consumers'][number]): ConsumerState {
  if (!consumer.alive) return 'crashed';
  if (consumer.assigned.length === 0) return 'idle';
  return consumer.busy && !group.rebalancing ? 'busy' : 'waiting';
}

export function paintGroups(ctx: CanvasRenderingContext2D, view: SimView, scene: SimScene, palette: SimPalette): void {
  const cluster = view.topics.length > 1;
  const { groups } = scene.layout;
  const heading = scene.hiddenGroups > 0 ? `Consumer groups · ${scene.groups.length} of ${scene.groups.length + scene.hiddenGroups} drawn` : 'Consumer groups';
  text(ctx, heading, groups.x, groups.y - 8, palette.mutedText);
  for (const placed of scene.groups) paintGroup(ctx, view, view.groups[placed.group] as GroupView, placed, cluster, palette);
}

function paintGroup(ctx: CanvasRenderingContext2D, view: SimView, group: GroupView, placed: SceneGroup, cluster: boolean, palette: SimPalette): void {
  const { rect } = placed.box;
  const colour = groupColour(palette, placed.rank);
  box(ctx, rect, palette.panel, colour);
  // The group's swatch: its marker as drawn on the strips.
  ctx.fillStyle = colour;
  ctx.fillRect(rect.x + 4, rect.y + 3, 3, 11);
  const topic = cluster ? ` · ${view.topics[group.topic]?.name ?? ''}` : '';
  const figures = `${group.kind === 'replay' ? ' (replay)' : ''} · lag ${compactCount(group.lag)}${group.rebalancing ? ' · rebalancing' : ''}`;
  // The topic's name goes first when the box is too narrow for it: the lag and the rebalance matter more.
  const room = rect.w - 15;
  const title = [`Group ${group.id}${topic}${figures}`, `Group ${group.id}${figures}`].find((words) => fits(ctx, words, room)) ?? fitText(ctx, `G${group.id}${figures}`, room);
  text(ctx, title, rect.x + 11, rect.y + 9, palette.text);
  const members = group.consumers;
  const { drawn, listed } = placed.box;
  for (let i = 0; i < drawn; i += 1) {
    const consumer = members[i];
    if (!consumer) continue;
    const x = consumerChipX(placed.box, i);
    const y = consumerChipY(placed.box, i);
    const state = consumerState(group, consumer);
    paintConsumer(ctx, state, x, y, palette);
    const wordsX = x + CONSUMER_CHIP_PX + 5;
    // Cut to the group's box: on a phone "c0 busy · 1 partition" is wider than the box.
    if (listed) text(ctx, fitText(ctx, consumerWords(consumer.id, state, consumer.assigned.length), rect.x + rect.w - 3 - wordsX), wordsX, y + CONSUMER_CHIP_PX / 2, state === 'crashed' ? palette.consumerDead : state === 'idle' ? palette.mutedText : palette.text);
  }
  if (listed) return;
  const crashed = group.consumerCount - group.aliveConsumers;
  const counts = [`${group.aliveConsumers} alive`, `${group.idleConsumers} idle`, crashed > 0 ? `${crashed} crashed` : '', group.consumerCount > drawn ? `${group.consumerCount - drawn} not drawn` : ''].filter(Boolean).join(' · ');
  text(ctx, counts, rect.x + 4, rect.y + rect.h - GROUP_COUNTS_PX / 2, palette.mutedText);
}

/** "c0 busy · 2 partitions", "c5 idle", "c2 crashed". */
function consumerWords(id: number, state: ConsumerState, owned: number): string {
  if (state === 'idle' || state === 'crashed') return `c${id} ${state}`;
  return `c${id} ${state} · ${owned} partition${owned === 1 ? '' : 's'}`;
}

function paintConsumer(ctx: CanvasRenderingContext2D, state: ConsumerState, x: number, y: number, palette: SimPalette): void {
  if (state === 'busy' || state === 'waiting') {
    ctx.fillStyle = state === 'busy' ? palette.consumerBusy : palette.consumerWaiting;
    ctx.fillRect(x, y, CONSUMER_CHIP_PX, CONSUMER_CHIP_PX);
    return;
  }
  // Idle and crashed consumers are hollow: nothing flows through them.
  ctx.strokeStyle = state === 'crashed' ? palette.consumerDead : palette.consumerIdle;
  ctx.strokeRect(x + 0.5, y + 0.5, CONSUMER_CHIP_PX - 1, CONSUMER_CHIP_PX - 1);
  if (state === 'crashed') cross(ctx, { x, y, w: CONSUMER_CHIP_PX, h: CONSUMER_CHIP_PX }, palette.consumerDead);
}
