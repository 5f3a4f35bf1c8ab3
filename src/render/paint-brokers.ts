import { formatNumber } from '../lib/format';
import type { BrokerSnapshot, SimView } from '../sim/types';
import { REPLICAS_TOP_PX, replicaGrid } from './broker-layout';
import { PARTITION_OFFLINE, PARTITION_WRITABLE, partitionStatesOf } from './partition-states';
import { box, cross, fitText, fits, text } from './paint-primitives';
import type { SimPalette } from './palette';
import { namedReplicaChips, type SimScene } from './sim-scene';
import { brokerRect, type Rect } from './sim-layout';

/**
 * The brokers with the replicas they hold. A box each: its name, what it leads, and a chip per
 * replica — named (P3) where they fit, small cells where only those fit, a bar of the led share
 * beyond. Filled: this broker leads it; outlined: a follower in sync; faint: out of sync; red:
 * the partition is offline; amber: it refuses writes. A down broker is grey, crossed and says
 * DOWN and whether the controller has fenced it yet. At scale, a bar per broker (replicas, the
 * led part darker) under a line of exact counts.
 */
const BAR_TOP_PX = 18;

/** Per broker, the partitions it holds a replica of: counted once per snapshot, not per frame. */
const replicaCache = new WeakMap<SimView, number[][]>();
function replicasByBroker(view: SimView): number[][] {
  let lists = replicaCache.get(view);
  if (!lists) {
    const built: number[][] = view.brokers.map(() => []);
    const { partitions } = view;
    for (let p = 0; p < partitions.length; p += 1) for (const broker of partitions.replicas(p)) built[broker]?.push(p);
    lists = built;
    replicaCache.set(view, lists);
  }
  return lists;
}

export function paintBrokers(ctx: CanvasRenderingContext2D, view: SimView, scene: SimScene, palette: SimPalette): void {
  const focused = scene.focus.kind === 'broker' ? scene.focus.broker : -1;
  if (scene.layout.brokerBoxes) for (const broker of view.brokers) paintBrokerBox(ctx, view, broker, brokerRect(scene.layout.brokers, view.brokers.length, broker.id), broker.id === focused, palette);
  else paintBrokerBars(ctx, view, scene.layout.brokers, focused, palette);
}

function plural(n: number, word: string): string {
  return `${formatNumber(n, 0)} ${word}${n === 1 ? '' : 's'}`;
}

function paintBrokerBox(ctx: CanvasRenderingContext2D, view: SimView, broker: BrokerSnapshot, rect: Rect, focused: boolean, palette: SimPalette): void {
  const fenced = !broker.up && !partitionStatesOf(view).unfencedDown.includes(broker.id);
  box(ctx, rect, broker.up ? palette.panel : palette.brokerDown, broker.up ? palette.brokerUp : palette.panelBorder);
  // Crossed below its words, not through them.
  if (!broker.up) cross(ctx, { x: rect.x, y: rect.y + REPLICAS_TOP_PX - 2, w: rect.w, h: rect.h - REPLICAS_TOP_PX + 2 }, palette.mutedText);
  if (focused) {
    ctx.strokeStyle = palette.text;
    ctx.lineWidth = 2;
    ctx.strokeRect(rect.x - 1, rect.y - 1, rect.w + 2, rect.h + 2);
    ctx.lineWidth = 1;
  }
  const narrow = rect.w < 130;
  const room = rect.w - 8;
  text(ctx, fitText(ctx, `${narrow ? 'B' : 'Broker '}${broker.id}${broker.up ? '' : ' DOWN'}`, room), rect.x + 4, rect.y + 9, palette.text);
  const state = broker.up ? (narrow ? `leads ${broker.leaderOf}` : `leads ${broker.leaderOf} · ${plural(broker.replicas, 'replica')}`) : fenced ? (narrow ? 'fenced' : `fenced · ${plural(broker.replicas, 'replica')} out`) : narrow ? 'not fenced' : `not fenced yet · leads ${broker.leaderOf}`;
  text(ctx, fitText(ctx, state, room), rect.x + 4, rect.y + 21, broker.up ? palette.mutedText : palette.text);
  const held = replicasByBroker(view)[broker.id] ?? [];
  const grid = replicaGrid(rect.w, rect.h, held.length, namedReplicaChips(view));
  if (!grid) {
    // Too many replicas to draw one by one: a bar for the share of them this broker leads.
    const barW = rect.w - 8;
    ctx.fillStyle = palette.panelBorder;
    ctx.fillRect(rect.x + 4, rect.y + REPLICAS_TOP_PX + 2, barW, 6);
    ctx.fillStyle = broker.up ? palette.leader : palette.mutedText;
    ctx.fillRect(rect.x + 4, rect.y + REPLICAS_TOP_PX + 2, barW * (broker.replicas > 0 ? broker.leaderOf / broker.replicas : 0), 6);
    return;
  }
  held.forEach((p, index) => {
    const x = rect.x + 4 + (index % grid.columns) * grid.pitchX;
    const y = rect.y + REPLICAS_TOP_PX + Math.floor(index / grid.columns) * grid.pitchY;
    paintReplica(ctx, view, broker, p, { x, y, w: grid.w, h: grid.h }, grid.named, palette);
  });
}

/** One replica: filled when this broker leads it, outlined when it follows; its partition's trouble in colour. */
function paintReplica(ctx: CanvasRenderingContext2D, view: SimView, broker: BrokerSnapshot, p: number, rect: Rect, named: boolean, palette: SimPalette): void {
  const s = partitionStatesOf(view).state[p] as number;
  const trouble = s === PARTITION_OFFLINE ? palette.offline : s === PARTITION_WRITABLE ? null : palette.stalled;
  let filled = false;
  let colour: string;
  if (!broker.up) colour = palette.mutedText;
  else if (s === PARTITION_OFFLINE) [filled, colour] = [true, palette.offline];
  else if (view.partitions.leader(p) === broker.id) [filled, colour] = [true, trouble ?? palette.leader];
  else colour = view.partitions.isr(p).includes(broker.id) ? (trouble ?? palette.follower) : palette.panelBorder;
  if (filled) {
    ctx.fillStyle = colour;
    ctx.fillRect(rect.x, rect.y, rect.w, rect.h);
  } else {
    ctx.strokeStyle = colour;
    ctx.strokeRect(rect.x + 0.5, rect.y + 0.5, rect.w - 1, rect.h - 1);
  }
  if (named) text(ctx, `P${p}`, rect.x + 3, rect.y + rect.h / 2, filled ? palette.chipText : palette.text);
}

function paintBrokerBars(ctx: CanvasRenderingContext2D, view: SimView, area: Rect, focused: number, palette: SimPalette): void {
  const { brokers } = view;
  const { unfencedDown } = partitionStatesOf(view);
  let down = 0;
  let replicasMin = Number.POSITIVE_INFINITY;
  let replicasMax = 0;
  let leadsMin = Number.POSITIVE_INFINITY;
  let leadsMax = 0;
  for (const b of brokers) {
    if (!b.up) down += 1;
    replicasMin = Math.min(replicasMin, b.replicas);
    replicasMax = Math.max(replicasMax, b.replicas);
    leadsMin = Math.min(leadsMin, b.leaderOf);
    leadsMax = Math.max(leadsMax, b.leaderOf);
  }
  const range = (low: number, high: number) => (low === high ? formatNumber(low, 0) : `${formatNumber(low, 0)}–${formatNumber(high, 0)}`);
  const fenced = down - unfencedDown.length;
  const focus = brokers[focused];
  const focusWords = focus ? ` · Broker ${focus.id}${focus.up ? '' : ' DOWN'}: leads ${focus.leaderOf} of ${plural(focus.replicas, 'replica')}` : '';
  const counts = `${brokers.length} brokers, ${down} down${down > 0 ? ` (${fenced} fenced)` : ''} · ${range(replicasMin, replicasMax)} replicas, leads ${range(leadsMin, leadsMax)} each`;
  text(ctx, fits(ctx, counts + focusWords, area.w) ? counts + focusWords : fitText(ctx, counts, area.w), area.x, area.y + 8, palette.text);
  const top = area.y + BAR_TOP_PX;
  const h = area.h - BAR_TOP_PX;
  const cellW = area.w / Math.max(1, brokers.length);
  const w = Math.max(1, cellW - (cellW > 3 ? 1 : 0));
  const scale = replicasMax > 0 ? h / replicasMax : 0;
  for (const b of brokers) {
    const x = area.x + b.id * cellW;
    if (!b.up) {
      // Down: the whole column grey, a red cap on it, counted in words above.
      ctx.fillStyle = palette.brokerDown;
      ctx.fillRect(x, top, w, h);
      ctx.fillStyle = palette.offline;
      ctx.fillRect(x, top, w, 3);
      continue;
    }
    ctx.fillStyle = palette.log;
    ctx.fillRect(x, top + h - b.replicas * scale, w, b.replicas * scale);
    ctx.fillStyle = palette.leader;
    ctx.fillRect(x, top + h - b.leaderOf * scale, w, b.leaderOf * scale);
  }
  if (focus) {
    ctx.strokeStyle = palette.text;
    ctx.strokeRect(area.x + focus.id * cellW - 1.5, top - 1.5, w + 3, h + 3);
  }
}
