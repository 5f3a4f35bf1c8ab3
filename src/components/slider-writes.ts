import { flushSync } from 'react-dom';
import type { PlanConfig } from '../engine/plan-config';
import { usePlannerStore } from '../state/planner-store';

/**
 * Slider moves written to the plan at most once a frame. A held arrow key sends a press every
 * few milliseconds, several a frame; computing and rendering the answers for each would cost each
 * press its frame (docs/benchmarks.md). The newest value of each moved slider waits here until the
 * next animation frame, which writes them all and renders them before it paints (flushSync), so
 * the frame shows the newest plan and no work is done for a plan no frame would show. A timer
 * stands in where frames do not run (a hidden tab).
 */
const queued = new Map<keyof PlanConfig, number>();
let scheduled = false;
/** Where no frame comes (a hidden tab), the write still lands after this long. */
const NO_FRAME_MS = 100;

/** The value a slider last asked for and the plan does not hold yet, if any. */
export function queuedValue(field: keyof PlanConfig): number | undefined {
  return queued.get(field);
}

export function writeOncePerFrame(field: keyof PlanConfig, value: number): void {
  queued.set(field, value);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(flushSliderWrites);
  setTimeout(flushSliderWrites, NO_FRAME_MS);
}

/** Writes what the sliders asked for now (also before anything else reads or changes the plan). */
export function flushSliderWrites(): void {
  if (!scheduled) return;
  scheduled = false;
  const writes = [...queued];
  queued.clear();
  const { setValue } = usePlannerStore.getState();
  flushSync(() => {
    for (const [field, value] of writes) setValue(field, value);
  });
}
