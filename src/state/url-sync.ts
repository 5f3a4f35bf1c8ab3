import { decodeConfig, encodeConfig } from '../config/url-codec';
import type { PlanConfig } from '../engine/plan-config';
import { usePlannerStore } from './planner-store';

/** Chrome throttles history calls past ~100 a second; a dragged slider would hit that. */
const WRITE_INTERVAL_MS = 120;

export function shareableUrl(config: PlanConfig, location: Location = window.location): string {
  return `${location.origin}${location.pathname}?${encodeConfig(config)}${location.hash}`;
}

/**
 * Read the opening link into the store (with notices for what had to change), write the
 * canonical link back at once, then keep the URL following the store with replaceState
 * (no history entry per slider move). Returns a function that stops the sync.
 */
export function startUrlSync(): () => void {
  const { config, notices } = decodeConfig(window.location.search);
  usePlannerStore.getState().replaceConfig(config, notices);
  writeUrl(config);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = usePlannerStore.subscribe((state, previous) => {
    if (state.config === previous.config || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      writeUrl(usePlannerStore.getState().config);
    }, WRITE_INTERVAL_MS);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

function writeUrl(config: PlanConfig): void {
  const url = shareableUrl(config);
  if (url !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
