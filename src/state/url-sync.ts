import { decodeSimRun, encodeSimRun, type SimRun } from '../config/sim-link';
import { decodeConfig, encodeConfig } from '../config/url-codec';
import type { PlanConfig } from '../engine/plan-config';
import { usePlannerStore } from './planner-store';
import { useSimStore } from './sim-store';

/** Chrome throttles history calls past ~100 a second; a dragged slider would hit that. */
const WRITE_INTERVAL_MS = 120;

/** The simulation run the link carries beside the plan (seed, recorded actions). */
function currentRun(): SimRun {
  const { seed, timeline } = useSimStore.getState();
  return { seed, timeline };
}

export function shareableUrl(config: PlanConfig, run: SimRun = currentRun(), location: Location = window.location): string {
  const simQuery = encodeSimRun(run);
  return `${location.origin}${location.pathname}?${encodeConfig(config)}${simQuery ? `&${simQuery}` : ''}${location.hash}`;
}

/**
 * Read the opening link into the store (with notices for what had to change), write the
 * canonical link back at once, then keep the URL following the store with replaceState
 * (no history entry per slider move). Returns a function that stops the sync.
 */
export function startUrlSync(): () => void {
  const { config, notices } = decodeConfig(window.location.search);
  const run = decodeSimRun(window.location.search, config);
  useSimStore.setState({ seed: run.seed, timeline: run.timeline });
  usePlannerStore.getState().replaceConfig(config, [...notices, ...run.notices]);
  writeUrl(config);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleWrite = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      writeUrl(usePlannerStore.getState().config);
    }, WRITE_INTERVAL_MS);
  };
  const unsubscribePlan = usePlannerStore.subscribe((state, previous) => {
    if (state.config !== previous.config) scheduleWrite();
  });
  // Snapshots arrive 20 times a second; only a new seed or timeline changes the link.
  const unsubscribeRun = useSimStore.subscribe((state, previous) => {
    if (state.seed !== previous.seed || state.timeline !== previous.timeline) scheduleWrite();
  });
  return () => {
    unsubscribePlan();
    unsubscribeRun();
    clearTimeout(timer);
  };
}

function writeUrl(config: PlanConfig): void {
  const url = shareableUrl(config);
  if (url !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
