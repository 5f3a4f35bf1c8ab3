import { MAX_CONSUMERS_IN_SNAPSHOT } from '../sim/defaults';
import type { GroupView, SimView } from '../sim/types';
import { layoutGroups, type GroupBox } from './group-layout';
import { lanePartitions, sceneLanes, type SceneLane } from './scene-lanes';
import { resolveFocus, type SimFocus } from './sim-focus';
import { layoutSim, rowCentreY, type SimLayout, type Viewport } from './sim-layout';

/**
 * Everything the painters need that depends only on the snapshot, the canvas size and the focus:
 * which partitions each lane draws, what each row aggregates, the row names, the group boxes.
 * Built once per snapshot (O(partitions), typed arrays) and kept with it, so a frame only draws:
 * the canvas paints several frames from one snapshot, and each draws O(rows), not O(partitions).
 */

export interface SceneGroup {
  /** Index into view.groups. */
  readonly group: number;
  readonly box: GroupBox;
  /** Its place among its topic's groups: its colour (palette.groupColours) and its marker on the strips. */
  readonly rank: number;
}

export interface SimScene {
  readonly focus: SimFocus;
  readonly layout: SimLayout;
  readonly lanes: readonly SceneLane[];
  readonly groups: readonly SceneGroup[];
  readonly hiddenGroups: number;
  /** Per view.groups index, its index in `groups`, or −1 when not drawn. */
  readonly sceneGroupOf: Int32Array;
  /** Per partition, the y of the row that draws it (NaN: not drawn under this focus). */
  readonly rowY: Float32Array;
}

const cache = new WeakMap<SimView, { key: string; scene: SimScene }>();

export function sceneOf(view: SimView, viewport: Viewport, focusAsked: SimFocus): SimScene {
  const focus = resolveFocus(view, focusAsked);
  const key = `${viewport.widthPx}x${viewport.heightPx}:${JSON.stringify(focus)}`;
  const kept = cache.get(view);
  if (kept?.key === key) return kept.scene;
  const scene = buildScene(view, viewport, focus);
  cache.set(view, { key, scene });
  return scene;
}

function buildScene(view: SimView, viewport: Viewport, focus: SimFocus): SimScene {
  const wanted = lanePartitions(view, focus);
  const layout = layoutSim(
    viewport,
    wanted.map((lane) => lane.ids.length),
    { count: view.brokers.length, mostReplicas: view.brokers.reduce((most, b) => Math.max(most, b.replicas), 0), namedReplicas: namedReplicaChips(view) },
  );
  const lanes = sceneLanes(view, focus, wanted, layout);
  const rowY = new Float32Array(view.partitions.length).fill(Number.NaN);
  for (const lane of lanes) {
    for (let r = 0; r < lane.layout.rows; r += 1) {
      const y = rowCentreY(lane.layout, r);
      for (let k = lane.rowStarts[r] as number; k < (lane.rowStarts[r + 1] as number); k += 1) rowY[lane.ids[k] as number] = y;
    }
  }
  const topicsShown = new Set(wanted.map((lane) => lane.topic));
  const shown = view.groups.map((_, g) => g).filter((g) => focus.kind === 'cluster' || topicsShown.has((view.groups[g] as GroupView).topic));
  // The consumers a view carries, counted without building their lists (only drawn groups need those).
  const groupsLayout = layoutGroups(layout.groups, shown.map((g) => Math.min(MAX_CONSUMERS_IN_SNAPSHOT, (view.groups[g] as GroupView).consumerCount)));
  const sceneGroupOf = new Int32Array(view.groups.length).fill(-1);
  const groups = groupsLayout.boxes.map((box, i) => {
    const g = shown[i] as number;
    sceneGroupOf[g] = i;
    const group = view.groups[g] as GroupView;
    return { group: g, box, rank: Math.max(0, view.topics[group.topic]?.groups.indexOf(group.id) ?? 0) };
  });
  return { focus, layout, lanes, groups, hiddenGroups: groupsLayout.hidden, sceneGroupOf, rowY };
}

/** Partition names (P0 … P99) fit a replica chip: one topic of at most 100 partitions. */
export function namedReplicaChips(view: SimView): boolean {
  return view.topics.length === 1 && view.partitions.length <= 100;
}
