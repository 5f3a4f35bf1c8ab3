import type { SimView } from '../sim/types';
import { box, cross, text } from './paint-primitives';
import type { SimPalette } from './palette';
import type { Rect } from './sim-layout';

/** Up to this many brokers get a box each; more become a strip of one cell per broker. */
export const MAX_BROKER_BOXES = 32;
const CELL_PX = 6;
const CELL_PITCH_PX = 8;

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

export function paintBrokers(ctx: CanvasRenderingContext2D, snapshot: SimView, area: Rect, palette: SimPalette): void {
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
export function brokerRect(area: Rect, count: number, id: number): Rect {
  const w = (area.w - BROKER_GAP_PX * (count - 1)) / Math.max(1, count);
  return { x: area.x + id * (w + BROKER_GAP_PX), y: area.y, w, h: area.h };
}
