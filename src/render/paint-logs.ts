import type { SimView } from '../sim/types';
import { compactCount, fits, text } from './paint-primitives';
import { lagColour, type SimPalette } from './palette';
import type { SimLayout } from './sim-layout';

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

export function paintPartitions(ctx: CanvasRenderingContext2D, snapshot: SimView, layout: SimLayout, palette: SimPalette): void {
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
