import { formatNumber } from '../lib/format';
import type { GroupView, SimView } from '../sim/types';
import { lagColour, type SimPalette } from './palette';
import { layoutSim, partitionRowY, type Rect, type SimLayout, type Viewport } from './sim-layout';

/**
 * Draws one simulation snapshot: producers → brokers with their partitions → consumer groups,
 * record batches as moving dots, lag per partition, the dead-letter queue. A plain function
 * (no React, no DOM beyond the context): the caller owns the canvas and the frame loop.
 *
 * Aggregate the drawing, not the counting: every figure is exact, but at scale partitions
 * become bins of a lag heat strip, brokers a strip of cells, consumers a count, and dots are
 * capped. Dots are single fillRects (one arc() per dot is 3× slower, toolchain.md).
 */
export const MAX_DOTS = 400;
/** Wall ms a batch dot takes to glide one whole way; the sim's progress sets where it starts. */
export const FLOW_GLIDE_MS = 900;
const DOT_PX = 4;
const GOLDEN_RATIO = 0.618_033_988_7;
const FONT = '11px system-ui, sans-serif';
const MAX_BROKER_BOXES = 32;
const CELL_PX = 6;
const CELL_PITCH_PX = 8;
const CONSUMER_PX = 12;
const CONSUMER_PITCH_PX = 16;
/** A group with at most this many consumers gets one row with a word under each. */
const LABELLED_CONSUMERS = 12;
const LABELLED_PITCH_PX = 28;
const MIN_GROUP_PX = 34;
/** Simulated ms over which a leader move's arc fades (the snapshot keeps moves this long). */
const LEADER_MOVE_FADE_MS = 2_000;

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

/** 1234 → "1,234"; 2,999,850 → "3.0M": lag and rates must fit a row. */
export function compactCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs < 10_000) return formatNumber(Math.round(value), 0);
  const [div, unit] = abs < 1e6 ? [1e3, 'k'] : abs < 1e9 ? [1e6, 'M'] : [1e9, 'G'];
  return `${(value / div).toFixed(1)}${unit}`;
}

/** The words fit in `widthPx` in the context's font (true where the context cannot measure). */
function fits(ctx: CanvasRenderingContext2D, words: string, widthPx: number): boolean {
  const measured = ctx.measureText(words)?.width;
  return !(typeof measured === 'number' && measured > widthPx);
}

function box(ctx: CanvasRenderingContext2D, rect: Rect, fill: string, border: string): void {
  ctx.fillStyle = fill;
  ctx.fillRect(rect.x, rect.y, rect.w, rect.h);
  ctx.strokeStyle = border;
  ctx.strokeRect(rect.x + 0.5, rect.y + 0.5, rect.w - 1, rect.h - 1);
}

function text(ctx: CanvasRenderingContext2D, words: string, x: number, y: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.fillText(words, x, y);
}

function cross(ctx: CanvasRenderingContext2D, rect: Rect, colour: string): void {
  ctx.strokeStyle = colour;
  ctx.beginPath();
  ctx.moveTo(rect.x, rect.y);
  ctx.lineTo(rect.x + rect.w, rect.y + rect.h);
  ctx.moveTo(rect.x + rect.w, rect.y);
  ctx.lineTo(rect.x, rect.y + rect.h);
  ctx.stroke();
}

/** Per broker, the partitions it holds a replica of: counted once per snapshot, not per frame. */
const replicaCache = new WeakMap<SimView['partitions'], number[][]>();
function replicasByBroker(snapshot: SimView): number[][] {
  let lists = replicaCache.get(snapshot.partitions);
  if (!lists) {
    const built: number[][] = snapshot.brokers.map(() => []);
    const { partitions } = snapshot;
    for (let p = 0; p < partitions.length; p += 1) for (const broker of partitions.replicas(p)) built[broker]?.push(p);
    lists = built;
    replicaCache.set(snapshot.partitions, lists);
  }
  return lists;
}

function paintBrokers(ctx: CanvasRenderingContext2D, snapshot: SimView, area: Rect, palette: SimPalette): void {
  const brokers = snapshot.brokers;
  const down = brokers.filter((b) => !b.up).length;
  if (brokers.length > MAX_BROKER_BOXES) {
    // A strip of cells, one per broker: the state of each still shows at 1,000 brokers.
    text(ctx, `${brokers.length} brokers, ${down} down`, area.x, area.y + 8, palette.text);
    const cellW = area.w / brokers.length;
    for (const broker of brokers) {
      ctx.fillStyle = broker.up ? palette.brokerUp : palette.brokerDown;
      ctx.fillRect(area.x + broker.id * cellW, area.y + 18, Math.max(1, cellW - (cellW > 3 ? 1 : 0)), area.h - 18);
    }
    return;
  }
  const boxW = brokerRect(area, brokers.length, 0).w;
  const cols = Math.max(1, Math.floor((boxW - 8) / CELL_PITCH_PX));
  const rows = Math.max(0, Math.floor((area.h - 30) / CELL_PITCH_PX));
  for (const broker of brokers) {
    const rect = brokerRect(area, brokers.length, broker.id);
    box(ctx, rect, broker.up ? palette.panel : palette.brokerDown, broker.up ? palette.brokerUp : palette.panelBorder);
    if (!broker.up) cross(ctx, rect, palette.panelBorder);
    const replicas = `${broker.replicas} replica${broker.replicas === 1 ? '' : 's'}`;
    const narrow = boxW < 130;
    text(ctx, `${narrow ? 'B' : 'Broker '}${broker.id}${broker.up ? '' : ' DOWN'}`, rect.x + 4, rect.y + 9, palette.text);
    text(ctx, broker.up ? `leads ${broker.leaderOf}${narrow ? '' : ` · ${replicas}`}` : narrow ? 'down' : `${replicas} unavailable`, rect.x + 4, rect.y + 21, broker.up ? palette.mutedText : palette.text);
    if (broker.replicas > cols * rows) {
      // Too many cells to draw: a bar for the share of its replicas this broker leads.
      const barW = rect.w - 8;
      ctx.fillStyle = palette.panelBorder;
      ctx.fillRect(rect.x + 4, rect.y + 30, barW, 6);
      ctx.fillStyle = broker.up ? palette.leader : palette.mutedText;
      ctx.fillRect(rect.x + 4, rect.y + 30, barW * (broker.replicas > 0 ? broker.leaderOf / broker.replicas : 0), 6);
      continue;
    }
    const held = replicasByBroker(snapshot)[broker.id] ?? [];
    held.forEach((partitionId, index) => {
      const leader = snapshot.partitions.leader(partitionId);
      const x = rect.x + 4 + (index % cols) * CELL_PITCH_PX;
      const y = rect.y + 30 + Math.floor(index / cols) * CELL_PITCH_PX;
      if (!broker.up) {
        ctx.strokeStyle = palette.mutedText;
        ctx.strokeRect(x + 0.5, y + 0.5, CELL_PX - 1, CELL_PX - 1);
      } else if (leader === -1) {
        ctx.fillStyle = palette.offline;
        ctx.fillRect(x, y, CELL_PX, CELL_PX);
      } else if (leader === broker.id) {
        ctx.fillStyle = palette.leader;
        ctx.fillRect(x, y, CELL_PX, CELL_PX);
      } else {
        ctx.strokeStyle = palette.follower;
        ctx.strokeRect(x + 0.5, y + 0.5, CELL_PX - 1, CELL_PX - 1);
      }
    });
  }
}

const BROKER_GAP_PX = 6;

/** Broker `id`'s box when `count` boxes share the broker area. */
function brokerRect(area: Rect, count: number, id: number): Rect {
  const w = (area.w - BROKER_GAP_PX * (count - 1)) / Math.max(1, count);
  return { x: area.x + id * (w + BROKER_GAP_PX), y: area.y, w, h: area.h };
}

/**
 * Each leadership that moved in the last 2 simulated seconds, as an arc from the old leader's box
 * to the new one's with a dot gliding along it, fading as it ages (a move to or from offline is
 * the partition's cell turning red, drawn with the broker).
 */
function paintLeaderMoves(ctx: CanvasRenderingContext2D, snapshot: SimView, area: Rect, palette: SimPalette): void {
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

function paintProducers(ctx: CanvasRenderingContext2D, snapshot: SimView, rect: Rect, palette: SimPalette): void {
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

/**
 * Per partition of the cluster, the lag of its topic's first group, and the largest: the bars
 * and their scale, once per snapshot (the canvas paints many frames from one).
 */
const lagCache = new WeakMap<SimView['groups'], { lags: Float64Array; max: number }>();
export function partitionLags(snapshot: SimView): { lags: Float64Array; max: number } {
  let kept = lagCache.get(snapshot.groups);
  if (!kept) {
    const lags = new Float64Array(snapshot.partitions.length);
    let max = 0;
    for (const topic of snapshot.topics) {
      const group = snapshot.groups[topic.groups[0] ?? -1];
      if (!group) continue;
      for (let i = 0; i < topic.partitionCount; i += 1) {
        const lag = group.lagOf(i);
        lags[topic.firstPartition + i] = lag;
        if (lag > max) max = lag;
      }
    }
    kept = { lags, max };
    lagCache.set(snapshot.groups, kept);
  }
  return kept;
}

/** P3 in a one-topic run; the topic's name and index (Kafka's `orders-3`) in a cluster. */
function partitionName(snapshot: SimView, id: number): string {
  if (snapshot.topics.length === 1) return `P${id}`;
  const topic = snapshot.topics[snapshot.partitions.topicOf(id)];
  return topic ? `${topic.name.slice(0, 8)}-${id - topic.firstPartition}` : `P${id}`;
}

function paintPartitions(ctx: CanvasRenderingContext2D, snapshot: SimView, layout: SimLayout, palette: SimPalette): void {
  const area = layout.partitions;
  const { lags, max: maxLag } = partitionLags(snapshot);
  const perRow = layout.partitionsPerRow;
  const whose = snapshot.topics.length === 1 ? 'group 0' : 'first groups';
  const title = perRow === 1 ? `Partitions · lag of ${whose}` : `Partitions, ${perRow} per row · colour = lag of ${whose}`;
  // The title must end before the groups' column starts: shortened to fit, never drawn over it.
  const room = layout.groups.x - area.x - 8;
  const full = `${title} (max ${compactCount(maxLag)})`;
  text(ctx, fits(ctx, full, room) ? full : `Lag (max ${compactCount(maxLag)})`, area.x, area.y - 8, palette.mutedText);
  const rowH = layout.rowHeightPx;
  const labelW = perRow === 1 ? 78 : 0;
  const barW = area.w - labelW;
  for (let row = 0; row < layout.partitionRows; row += 1) {
    const first = row * perRow;
    const last = Math.min(snapshot.partitions.length, first + perRow);
    let lagSum = 0;
    let offline = 0;
    for (let id = first; id < last; id += 1) {
      lagSum += lags[id] ?? 0;
      if (snapshot.partitions.leader(id) === -1) offline += 1;
    }
    const y = area.y + row * rowH;
    const barH = Math.max(1, rowH - (rowH >= 6 ? 2 : 0));
    if (perRow === 1) {
      const leader = snapshot.partitions.leader(first);
      const name = partitionName(snapshot, first);
      const label = leader >= 0 ? `${name} ▸ B${leader}` : `${name} offline`;
      text(ctx, label, area.x, y + rowH / 2, offline > 0 ? palette.offline : palette.text);
      ctx.fillStyle = palette.panel;
      ctx.fillRect(area.x + labelW, y, barW, barH);
      const share = maxLag > 0 ? lagSum / maxLag : 0;
      ctx.fillStyle = lagColour(palette, share);
      ctx.fillRect(area.x + labelW, y, barW * share, barH);
      if (rowH >= 12) text(ctx, compactCount(lagSum), area.x + labelW + 4, y + rowH / 2, palette.text);
    } else {
      // A bin: one rect coloured by the mean lag of its partitions, a red tick if any is offline.
      ctx.fillStyle = lagColour(palette, maxLag > 0 ? lagSum / (last - first) / maxLag : 0);
      ctx.fillRect(area.x, y, barW, barH);
      if (offline > 0) {
        ctx.fillStyle = palette.offline;
        ctx.fillRect(area.x, y, 6, barH);
      }
    }
  }
}

interface ConsumerPoint {
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
function paintGroups(ctx: CanvasRenderingContext2D, snapshot: SimView, area: Rect, palette: SimPalette): Map<string, ConsumerPoint> {
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

function paintDeadLetter(ctx: CanvasRenderingContext2D, count: number, rect: Rect, palette: SimPalette): void {
  box(ctx, rect, palette.panel, count > 0 ? palette.deadLetter : palette.panelBorder);
  text(ctx, `Dead-letter queue: ${compactCount(count)}`, rect.x + 6, rect.y + rect.h / 2, count > 0 ? palette.deadLetter : palette.mutedText);
}

function paintFlows(ctx: CanvasRenderingContext2D, snapshot: SimView, layout: SimLayout, consumerAt: Map<string, ConsumerPoint>, animationMs: number, palette: SimPalette): void {
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
