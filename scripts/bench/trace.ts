/**
 * A Chrome DevTools Protocol trace of one window of the browser bench's canvas runs, and what the
 * canvas runs read from it: the main thread's cost of taking in each message from the
 * simulation worker (its snapshots while playing), and the garbage-collection pauses of the main
 * thread and the simulation worker's thread.
 *
 * Trace events used (Chromium 156; names checked against a trace of this app):
 * - TracingSessionIdForWorker (data.url, data.workerThreadId): which thread is the sim worker;
 * - SchedulePostMessage on that thread and HandlePostMessage on CrRendererMain, joined by
 *   data.traceId: one message from the sim worker and the main-thread task that delivers it;
 * - the first FunctionCall inside HandlePostMessage: the `message` handler (sim-client's
 *   port.onmessage → sim-store receive → zustand set → React's subscribers scheduled). The
 *   message's data is deserialised lazily on its first read, inside that call, so
 *   SerializedScriptValueFactory::deserialize (category blink) sits within it;
 *   the rest of HandlePostMessage is the microtask checkpoint after the handler, where React
 *   renders what the set scheduled (reported apart, as the whole task);
 * - MinorGC, MajorGC and V8.GC* (incremental marking steps and the like), outermost only: one
 *   garbage-collection pause each (nested phases are parts of their pause).
 * The window is cut to the page's performance marks bench:trace-start … bench:trace-stop
 * (category blink.user_timing), set by the bench once tracing runs.
 */
import type { CDPSession, Page } from '@playwright/test';
import { quantile } from './lib';

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { name?: string; data?: { traceId?: string; url?: string; workerThreadId?: number } };
}

const CATEGORIES = [
  '__metadata',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink',
  'blink.user_timing',
];

/** Starts tracing the page; `stop` ends it and returns every event. */
export async function startTrace(page: Page): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    stop: async () => {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

const ms = (us: number | undefined) => (us ?? 0) / 1000;
const within = (inner: TraceEvent, outer: TraceEvent) => inner.ts >= outer.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
const isGc = (e: TraceEvent) => e.name === 'MinorGC' || e.name === 'MajorGC' || e.name.startsWith('V8.GC');

/** The outermost GC events of one thread in the window: one pause each. */
function gcPauses(events: TraceEvent[]): number[] {
  const gcs = events.filter(isGc).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const pauses: TraceEvent[] = [];
  for (const e of gcs) if (!pauses.length || !within(e, pauses[pauses.length - 1] as TraceEvent)) pauses.push(e);
  return pauses.map((e) => ms(e.dur));
}

export function traceStats(all: TraceEvent[]): Record<string, number> {
  const threadName = new Map<number, string>();
  for (const e of all) if (e.name === 'thread_name' && e.args?.name) threadName.set(e.tid, e.args.name);
  const mark = (name: string) => all.find((e) => e.name === name && e.cat.includes('blink.user_timing'))?.ts;
  const from = mark('bench:trace-start') ?? -Infinity;
  const to = mark('bench:trace-stop') ?? Infinity;
  const complete = all.filter((e) => e.ph === 'X' && e.ts >= from && e.ts + (e.dur ?? 0) <= to);
  const mainTid = [...threadName].find(([, n]) => n === 'CrRendererMain')?.[0];
  const simTid = all.find((e) => e.name === 'TracingSessionIdForWorker' && /sim-worker/.test(e.args?.data?.url ?? ''))?.args?.data?.workerThreadId;
  const main = complete.filter((e) => e.tid === mainTid);
  const worker = complete.filter((e) => e.tid === simTid);

  // Messages the sim worker posted (from any time: one posted just before the window is delivered in it).
  const fromSim = new Set(all.filter((e) => e.name === 'SchedulePostMessage' && e.tid === simTid).map((e) => e.args?.data?.traceId));
  const tasks = main.filter((e) => e.name === 'HandlePostMessage' && fromSim.has(e.args?.data?.traceId));
  const handler: number[] = [];
  const deserialize: number[] = [];
  for (const task of tasks) {
    const inside = main.filter((e) => e !== task && within(e, task)).sort((a, b) => a.ts - b.ts);
    handler.push(ms(inside.find((e) => e.name === 'FunctionCall')?.dur));
    deserialize.push(inside.filter((e) => e.name === 'SerializedScriptValueFactory::deserialize').reduce((sum, e) => sum + ms(e.dur), 0));
  }
  const taskMs = tasks.map((e) => ms(e.dur));
  const mainGc = gcPauses(main);
  const workerGc = gcPauses(worker);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    traceSeconds: Number.isFinite(to - from) ? (to - from) / 1e6 : NaN,
    snapshots: tasks.length,
    intakeP50: quantile(handler, 0.5),
    intakeP95: quantile(handler, 0.95),
    intakeMax: tasks.length ? Math.max(...handler) : NaN,
    deserializeP50: quantile(deserialize, 0.5),
    deserializeP95: quantile(deserialize, 0.95),
    messageTaskP50: quantile(taskMs, 0.5),
    messageTaskP95: quantile(taskMs, 0.95),
    messageTaskMax: tasks.length ? Math.max(...taskMs) : NaN,
    gcMax: Math.max(0, ...mainGc),
    gcCount: mainGc.length,
    gcTotal: sum(mainGc),
    gcMinorMajor: main.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC').length,
    workerGcMax: simTid === undefined ? NaN : Math.max(0, ...workerGc),
    workerGcCount: simTid === undefined ? NaN : workerGc.length,
    workerGcTotal: simTid === undefined ? NaN : sum(workerGc),
  };
}
