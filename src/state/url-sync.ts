import { decodeSimRun, encodeSimRun, type SimRun } from '../config/sim-link';
import { decodePlan, encodePlan } from '../config/url-codec';
import type { ClusterPlan } from '../engine/cluster-plan';
import { usePlannerStore } from './planner-store';
import { useSimStore } from './sim-store';

/**
 * The link is written once the plan has stood still this long, and at least this often while
 * it moves: a replaceState of a 50-topic link costs a few milliseconds of main thread, and
 * Chrome throttles history calls past ~100 a second.
 */
const WRITE_SETTLE_MS = 120;
const WRITE_MAX_WAIT_MS = 1000;

/** The simulation run the link carries beside the plan (seed, settings, recorded actions). */
function currentRun(): SimRun {
  const { seed, timeline, settings } = useSimStore.getState();
  return { seed, timeline, settings };
}

/** The link of the whole plan (every topic) and the simulation run. */
export function shareableUrl(plan: ClusterPlan, run: SimRun = currentRun(), location: Location = window.location): string {
  const simQuery = encodeSimRun(run);
  return `${location.origin}${location.pathname}?${encodePlan(plan)}${simQuery ? `&${simQuery}` : ''}${location.hash}`;
}

/**
 * Read the opening link into the store (with notices for what had to change), write the
 * canonical link back at once (a link made before clusters becomes the cluster format), then
 * keep the URL following the store's plan with replaceState (no history entry per slider move).
 * Returns a function that stops the sync.
 */
export function startUrlSync(): () => void {
  const { plan, notices } = decodePlan(window.location.search);
  // The run is checked against the whole cluster: the simulation runs every topic.
  const run = decodeSimRun(window.location.search, plan);
  useSimStore.setState({ seed: run.seed, timeline: run.timeline, settings: run.settings, sharedRunActions: run.timeline.length });
  usePlannerStore.getState().replacePlan(plan, [...notices, ...run.notices]);
  writeUrl(usePlannerStore.getState().plan);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingSince: number | null = null;
  const scheduleWrite = () => {
    const now = performance.now();
    pendingSince ??= now;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        pendingSince = null;
        writeUrl(usePlannerStore.getState().plan);
      },
      Math.max(0, Math.min(WRITE_SETTLE_MS, pendingSince + WRITE_MAX_WAIT_MS - now)),
    );
  };
  // Only the plan is in the link: selecting another topic changes `config`, not the link.
  const unsubscribePlan = usePlannerStore.subscribe((state, previous) => {
    if (state.plan !== previous.plan) scheduleWrite();
  });
  // Snapshots arrive 20 times a second; only a new seed, settings or timeline changes the link.
  const unsubscribeRun = useSimStore.subscribe((state, previous) => {
    if (state.seed !== previous.seed || state.settings !== previous.settings || state.timeline !== previous.timeline) scheduleWrite();
  });
  return () => {
    unsubscribePlan();
    unsubscribeRun();
    clearTimeout(timer);
  };
}

function writeUrl(plan: ClusterPlan): void {
  const url = shareableUrl(plan);
  if (url !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
