import { useCallback, useEffect, useRef, useState } from 'react';
import { describeSim } from '../../render/describe-sim';
import { paintSim } from '../../render/paint-sim';
import { DARK_PALETTE, LIGHT_PALETTE } from '../../render/palette';
import { WHOLE_CLUSTER, focusOptions, focusValue, parseFocus, resolveFocus, type FocusOption, type SimFocus } from '../../render/sim-focus';
import type { Viewport } from '../../render/sim-layout';
import { selectSnapshot, useSimStore } from '../../state/sim-store';
import { SimFocusSelect } from './SimFocusSelect';

const NO_OPTIONS: readonly FocusOption[] = [];

/**
 * Owns the <canvas> and the frame loop; all drawing is paintSim's. Sharp on any display
 * (backing store = CSS size × devicePixelRatio), follows its box with a ResizeObserver and
 * the colour scheme with matchMedia. Paints only when something changed: a new snapshot, a
 * new size, scheme or focus, or — while playing — the dots' animation clock. The focus ("Show",
 * under the canvas) is this component's state: what the picture draws in detail.
 */
export function SimCanvas() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const snapshot = useSimStore(selectSnapshot);
  const [focus, setFocus] = useState<SimFocus>(WHOLE_CLUSTER);
  // The frame loop runs outside React: it reads the focus from here.
  const focusRef = useRef<SimFocus>(focus);
  useEffect(() => {
    focusRef.current = focus;
  }, [focus]);
  const onFocus = useCallback((value: string) => setFocus(parseFocus(value)), []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
    let viewport: Viewport = { widthPx: 0, heightPx: 0, pixelRatio: 1 };
    let dirty = true;

    const resize = () => {
      const pixelRatio = window.devicePixelRatio || 1;
      const { width, height } = canvas.getBoundingClientRect();
      viewport = { widthPx: width, heightPx: height, pixelRatio };
      canvas.width = Math.max(1, Math.round(width * pixelRatio));
      canvas.height = Math.max(1, Math.round(height * pixelRatio));
      dirty = true;
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    const onScheme = () => {
      dirty = true;
    };
    darkQuery.addEventListener('change', onScheme);

    // The dots' clock runs only while playing, so a paused picture stands still.
    let animationMs = 0;
    let lastFrameMs = performance.now();
    let painted: unknown = null;
    let paintedFocus: SimFocus | null = null;
    let frame = requestAnimationFrame(function draw(nowMs) {
      const { snapshot: latest, playing } = useSimStore.getState();
      if (playing) animationMs += Math.min(100, nowMs - lastFrameMs);
      lastFrameMs = nowMs;
      const shown = focusRef.current;
      if (latest && (dirty || playing || latest !== painted || shown !== paintedFocus)) {
        paintSim(ctx, latest, viewport, animationMs, darkQuery.matches ? DARK_PALETTE : LIGHT_PALETTE, shown);
        painted = latest;
        paintedFocus = shown;
        dirty = false;
      }
      frame = requestAnimationFrame(draw);
    });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      darkQuery.removeEventListener('change', onScheme);
    };
  }, []);

  // A focus the run no longer has (a new plan with fewer brokers) shows, and is said as, the whole cluster.
  const shownFocus = snapshot ? resolveFocus(snapshot, focus) : WHOLE_CLUSTER;
  return (
    <div>
      <canvas ref={canvasRef} role="img" aria-label={describeSim(snapshot, shownFocus)} className="block h-[26rem] w-full rounded-lg lg:h-[22rem] border border-slate-200 dark:border-slate-700" />
      <SimFocusSelect options={snapshot ? focusOptions(snapshot) : NO_OPTIONS} value={focusValue(shownFocus)} onChange={onFocus} />
    </div>
  );
}
