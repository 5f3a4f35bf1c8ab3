import { useEffect, useRef } from 'react';
import { describeSim } from '../../render/describe-sim';
import { paintSim } from '../../render/paint-sim';
import { DARK_PALETTE, LIGHT_PALETTE } from '../../render/palette';
import type { Viewport } from '../../render/sim-layout';
import { selectSnapshot, useSimStore } from '../../state/sim-store';

/**
 * Owns the <canvas> and the frame loop; all drawing is paintSim's. Sharp on any display
 * (backing store = CSS size × devicePixelRatio), follows its box with a ResizeObserver and
 * the colour scheme with matchMedia. Paints only when something changed: a new snapshot, a
 * new size or scheme, or — while playing — the dots' animation clock.
 */
export function SimCanvas() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const snapshot = useSimStore(selectSnapshot);

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
    let frame = requestAnimationFrame(function draw(nowMs) {
      const { snapshot: latest, playing } = useSimStore.getState();
      if (playing) animationMs += Math.min(100, nowMs - lastFrameMs);
      lastFrameMs = nowMs;
      if (latest && (dirty || playing || latest !== painted)) {
        paintSim(ctx, latest, viewport, animationMs, darkQuery.matches ? DARK_PALETTE : LIGHT_PALETTE);
        painted = latest;
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

  return <canvas ref={canvasRef} role="img" aria-label={describeSim(snapshot)} className="block h-[26rem] w-full rounded-lg lg:h-[22rem] border border-slate-200 dark:border-slate-700" />;
}
