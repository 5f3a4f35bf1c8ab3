import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * The value once it has stood still for `ms`, or at the latest `maxWaitMs` after it first
 * changed (rendered as a transition, so input stays first). Work that a moving slider would
 * throw away at its next step — redrawing charts, restarting the simulation — waits for the
 * plan to stop changing; `maxWaitMs` keeps a long drag from freezing the view.
 */
export function useSettledValue<T>(value: T, ms: number, maxWaitMs = Infinity): T {
  const [settled, setSettled] = useState(value);
  const pendingSince = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const now = performance.now();
    pendingSince.current ??= now;
    const wait = Math.max(0, Math.min(ms, pendingSince.current + maxWaitMs - now));
    const timer = setTimeout(() => {
      pendingSince.current = null;
      startTransition(() => setSettled(value));
    }, wait);
    return () => clearTimeout(timer);
  }, [value, settled, ms, maxWaitMs]);
  return settled;
}
