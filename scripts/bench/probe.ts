/**
 * What the browser bench installs in every page before the page's own scripts run
 * (page.addInitScript): it records input → next frame, frame intervals and costs, long tasks,
 * Event Timing entries, chart repaints and when a "ready" element first reaches the screen.
 * Playwright sends `installProbe` as source text, so it must not use anything from outside its
 * own body (no imports, no helpers of this module).
 *
 * "The next frame" of an input = the first frame after it, up to its layout: its
 * requestAnimationFrame callbacks (the app writes a slider's moves to the plan and renders them
 * in one, src/components/slider-writes.ts), style and layout have run, so the laid-out DOM holds
 * the update; that frame's paint follows. The frame's cost ("done") = a message posted from its rAF
 * callback: it runs once the frame's main-thread work is done. Only used while no input
 * arrives (canvas runs): Chromium runs input before posted messages, so under a stream of key
 * presses such a message waits for seconds and would measure the scheduler, not the frame.
 * Event Timing's duration (keyboard) covers the paint and presentation too.
 */

export interface InputSample {
  /** event.timeStamp of the keydown / pointermove that caused the input (ms since navigation start). */
  readonly start: number;
  /** When the capture listener saw the input event, before the page's own handlers. */
  readonly handler: number;
  /** When the next rAF callback ran (performance.now()). */
  readonly frame: number;
}

export interface FrameSample {
  /** rAF timestamp: the frame's start. */
  readonly t: number;
  /** When the frame's main-thread work was done. */
  readonly done: number;
}

export interface EventSample {
  readonly name: string;
  readonly start: number;
  readonly duration: number;
  readonly processingStart: number;
  readonly processingEnd: number;
  readonly interactionId: number;
}

export interface ChartPaint {
  /** When the chart's DOM changed (a React commit). */
  readonly commit: number;
  /** When the next rAF callback ran: the frame that paints it. */
  readonly frame: number;
}

export interface ProbeData {
  readonly inputs: InputSample[];
  readonly frames: FrameSample[];
  readonly longtasks: { start: number; duration: number }[];
  readonly events: EventSample[];
  readonly chartPaints: ChartPaint[];
  ready: number | null;
  fcp: number | null;
}

export interface Probe extends ProbeData {
  recording: boolean;
  start(): void;
  stop(): void;
  /** Resolves once every recorded input has its frame (or after `timeoutMs`). */
  settle(timeoutMs: number): Promise<void>;
}

declare global {
  interface Window {
    __probe?: Probe;
  }
}

export function installProbe(options: { readySelector: string | null }): void {
  if (window.__probe) return;
  const inputs: InputSample[] = [];
  const frames: FrameSample[] = [];
  const longtasks: { start: number; duration: number }[] = [];
  const events: EventSample[] = [];
  const chartPaints: ChartPaint[] = [];
  let pendingInputs = 0;
  let lastCause = 0;
  let framesOn = false;
  let chartObserver: MutationObserver | null = null;
  let chartPending = false;

  // "The next frame" ends once that frame's requestAnimationFrame callbacks — the page's own
  // too, which may write the input's result then (src/components/slider-writes.ts) — and its
  // style and layout have run: a ResizeObserver's first notice of a rendered element comes
  // in that frame right after layout. One 1×1 sentinel, invisible, serves every wait.
  let sentinel: HTMLElement | null = null;
  const nextFrame = (callback: (at: number) => void) =>
    requestAnimationFrame(() => {
      if (!sentinel || !sentinel.isConnected) {
        sentinel = document.createElement('div');
        sentinel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;pointer-events:none';
        sentinel.setAttribute('aria-hidden', 'true');
        document.body.append(sentinel);
      }
      const observer = new ResizeObserver(() => {
        observer.disconnect();
        callback(performance.now());
      });
      observer.observe(sentinel);
    });

  const probe: Probe = {
    inputs,
    frames,
    longtasks,
    events,
    chartPaints,
    ready: null,
    fcp: null,
    recording: false,
    start() {
      probe.recording = true;
      framesOn = true;
      const loop = (t: number) => {
        if (!framesOn) return;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => frames.push({ t, done: performance.now() });
        channel.port2.postMessage(null);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      const charts = document.querySelector('[data-testid="chart-lag"]')?.closest('section');
      if (charts) {
        chartObserver = new MutationObserver(() => {
          if (chartPending) return;
          chartPending = true;
          const commit = performance.now();
          nextFrame((frame) => {
            chartPending = false;
            chartPaints.push({ commit, frame });
          });
        });
        chartObserver.observe(charts, { subtree: true, childList: true, attributes: true, characterData: true });
      }
    },
    stop() {
      probe.recording = false;
      framesOn = false;
      chartObserver?.disconnect();
      chartObserver = null;
    },
    settle(timeoutMs: number) {
      return new Promise<void>((resolve) => {
        const until = performance.now() + timeoutMs;
        const check = () => (pendingInputs === 0 || performance.now() > until ? resolve() : setTimeout(check, 10));
        check();
      });
    },
  };
  window.__probe = probe;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the count stays empty (the report says "not supported" by its absence).
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        events.push({ name: e.name, start: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd, interactionId: e.interactionId });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  } catch {
    // No Event Timing API.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') probe.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No Paint Timing API.
  }

  // The event that causes an input: a key press or a pointer move/press. The input event is
  // dispatched inside that event's default action, so the newest cause is its cause.
  const cause = (e: Event) => {
    lastCause = e.timeStamp;
  };
  addEventListener('keydown', cause, true);
  addEventListener('pointerdown', cause, true);
  addEventListener('pointermove', cause, true);
  addEventListener(
    'input',
    (e) => {
      const target = e.target as HTMLInputElement | null;
      if (!probe.recording || target?.type !== 'range') return;
      const start = lastCause || e.timeStamp;
      const handler = performance.now();
      pendingInputs += 1;
      nextFrame((frame) => {
        pendingInputs -= 1;
        inputs.push({ start, handler, frame });
      });
    },
    true,
  );

  // Time to first render: the first frame after the ready element is in the document.
  const readySelector = options.readySelector;
  if (readySelector) {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(readySelector)) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (probe.ready = performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { subtree: true, childList: true });
  }
}
