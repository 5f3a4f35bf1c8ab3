import { createContext, startTransition, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useSettledValue } from '../hooks/useSettledValue';
import { inNextTask } from '../next-task';
import { usePrinting } from './print-reveal';

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

/**
 * The newest value, taken `turn` frames after it arrives, each take a transition of its own run
 * after a frame has been painted. A Recharts redraw is one block of main-thread work (its stores
 * settle in synchronous re-renders, some 15–20 ms a chart here); the four charts redrawing in
 * one task held the frame after it back by all four (docs/benchmarks.md), one a frame holds it
 * back by one.
 */
function useTakenInTurn<T>(value: T, turn: number): T {
  const [taken, setTaken] = useState(value);
  useEffect(() => {
    if (turn === 0) return;
    let framesLeft = turn;
    let cancelTask = () => {};
    // Each step runs once a frame is done: the next frame, then a task after it.
    const afterFrame = () => {
      cancelTask = inNextTask(() => {
        framesLeft -= 1;
        if (framesLeft > 0) frame = requestAnimationFrame(afterFrame);
        else startTransition(() => setTaken(value));
      });
    };
    let frame = requestAnimationFrame(afterFrame);
    return () => {
      cancelAnimationFrame(frame);
      cancelTask();
    };
  }, [value, turn]);
  return turn === 0 ? value : taken;
}

/** Off screen, a chart waits until the plan stands still this long before it redraws. */
const OFF_SCREEN_SETTLE_MS = 600;

/**
 * Renders a chart with the plan while it is on screen, and otherwise with the plan as it was
 * when it last stood still: a slider dragged at the top of the page does not redraw charts
 * nobody sees, and they are current (words included) a moment after the drag ends. A chart's
 * plot is first drawn when it comes near the screen (PlotShownContext), or when the page is
 * printed (print-reveal.ts).
 */
export function ChartSlot<T>({ value, turn = 0, children }: { value: T; turn?: number; children: (value: T) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(ref, '100px');
  const settled = useSettledValue(value, OFF_SCREEN_SETTLE_MS);
  const current = useTakenInTurn(value, turn);
  const printing = usePrinting();
  const [seen, setSeen] = useState(false);
  if ((onScreen || printing) && !seen) setSeen(true);
  return (
    <div ref={ref} className="min-w-0">
      <PlotShownContext value={seen}>{children(printing ? value : onScreen ? current : settled)}</PlotShownContext>
    </div>
  );
}
