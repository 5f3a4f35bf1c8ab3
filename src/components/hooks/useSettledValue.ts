import { startTransition, useEffect, useState } from 'react';

/**
 * The value once it has stood still for `ms` (rendered as a transition, so input stays first).
 * Work that a moving slider would throw away at its next step — redrawing an off-screen chart,
 * restarting the simulation — waits for the plan to stop changing.
 */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => startTransition(() => setSettled(value)), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
