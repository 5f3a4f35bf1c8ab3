import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * True from the moment the page is about to be printed: every chart then draws its plot with the
 * plan as it is, also those never scrolled to (ChartSlot draws a plot only once it has come near
 * the screen). `beforeprint` runs before the browser lays the page out for print, and the plots
 * render synchronously in it (flushSync), so the printout has them.
 */
let printing = false;
const listeners = new Set<() => void>();

if (typeof window !== 'undefined') {
  const set = (next: boolean) => {
    if (printing === next) return;
    printing = next;
    flushSync(() => {
      for (const listener of listeners) listener();
    });
  };
  window.addEventListener('beforeprint', () => set(true));
  window.addEventListener('afterprint', () => set(false));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}
