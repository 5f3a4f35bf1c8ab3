import { createContext, startTransition, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useSettledValue } from '../hooks/useSettledValue';

/** True while the element is on screen (or within `margin` of it). */
function useOnScreen(ref: RefObject<HTMLElement | null>, margin: string): boolean {
  const [onScreen, setOnScreen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver !== 'function') {
      startTransition(() => setOnScreen(true));
      return;
    }
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)), { rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
  return onScreen;
}

/**
 * False until the chart has come near the screen once. Until then ChartFrame shows its title,
 * words and an empty plot of the same height: mounting a Recharts plot is the largest piece of
 * main-thread work when the page opens (its stores settle in synchronous re-renders), and the
 * charts sit below the first screen.
 */
export const PlotShownContext = createContext(true);

/** Off screen, a chart waits until the plan stands still this long before it redraws. */
const OFF_SCREEN_SETTLE_MS = 600;

/**
 * Renders a chart with the plan while it is on screen, and otherwise with the plan as it was
 * when it last stood still: a slider dragged at the top of the page does not redraw charts
 * nobody sees, and they are current (words included) a moment after the drag ends. A chart's
 * plot is first drawn when it comes near the screen (PlotShownContext).
 */
export function ChartSlot<T>({ value, children }: { value: T; children: (value: T) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(ref, '100px');
  const settled = useSettledValue(value, OFF_SCREEN_SETTLE_MS);
  const [seen, setSeen] = useState(false);
  if (onScreen && !seen) setSeen(true);
  return (
    <div ref={ref} className="min-w-0">
      <PlotShownContext value={seen}>{children(onScreen ? value : settled)}</PlotShownContext>
    </div>
  );
}
