import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * The value, updated at most once per `intervalMs` (the newest value always arrives, at the
 * latest one interval after it was set), rendered as a transition so input stays first. Charts
 * follow a dragged slider at a few frames a second instead of redrawing on every step.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastUpdate = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, lastUpdate.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      lastUpdate.current = performance.now();
      startTransition(() => setShown(value));
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
