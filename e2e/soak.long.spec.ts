import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { toPlainSnapshot, viewOf } from '../src/sim/snapshot-view';
import type { SimFrame, SimShape } from '../src/sim/types';
import { invariantViolations } from '../src/test-support/sim-invariants';

/**
 * The simulation soak in Chromium (docs/reliability.md; npm run test:long only): the largest
 * scenario plays at 1× for 10 wall-clock minutes. Every 5 s the snapshot the page last received
 * from the worker (its frame, read with the run's shape) is checked against the conservation laws, and the worker's and the page's
 * JavaScript heaps are measured with performance.measureUserAgentSpecificMemory (live objects,
 * measured at a garbage collection). Nothing is exposed to users: the snapshots are read by
 * listening on the page's Worker from an init script, and cross-origin isolation, which the
 * memory API needs, is added to the responses by page.route (playwright.long.config.ts also
 * passes --enable-blink-features=ForceEagerMeasureMemory so a measurement does not wait up to
 * 20 s for the next GC).
 */
const WALL_MS = Number(process.env.SOAK_WALL_MS ?? 10 * 60_000);
const SAMPLE_EVERY_MS = 5_000;
const WARM_UP_MS = WALL_MS / 10;
const WINDOW_MS = (WALL_MS * 4) / 10;
const LARGEST = '/?rate=10000000&partitions=1000&consumers=1000&latency=0.05';

interface Sample {
  readonly wallMs: number;
  readonly simTimeMs: number;
  readonly workerBytes: number;
  readonly pageBytes: number;
}

declare global {
  interface Window {
    __soak?: { shape: SimShape | null; frame: SimFrame | null; received: number };
  }
}

/**
 * Heap by realm: the simulation worker's JavaScript and the page's, from
 * measureUserAgentSpecificMemory; where it is missing, the page's heap after a GC over CDP
 * (Runtime.getHeapUsage), and no figure for the worker (NaN).
 */
async function measureMemory(page: Page, cdp: CDPSession): Promise<{ workerBytes: number; pageBytes: number }> {
  const measured = await page.evaluate(async () => {
    interface Breakdown {
      bytes: number;
      attribution: { url: string; scope: string }[];
      types: string[];
    }
    const api = performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ breakdown: Breakdown[] }> };
    if (!self.crossOriginIsolated || !api.measureUserAgentSpecificMemory) return null;
    const result = await api.measureUserAgentSpecificMemory();
    const sum = (scope: string) =>
      result.breakdown.filter((b) => b.types.includes('JavaScript') && b.attribution.some((a) => a.scope === scope)).reduce((total, b) => total + b.bytes, 0);
    return { workerBytes: sum('DedicatedWorkerGlobalScope'), pageBytes: sum('Window') };
  });
  if (measured) return measured;
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { workerBytes: NaN, pageBytes: usedSize };
}

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

test(`the largest scenario plays for ${WALL_MS / 60_000} wall-clock minutes: invariants on every sampled snapshot, worker and page heaps flat`, async ({ page }) => {
  test.setTimeout(WALL_MS + 5 * 60_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  // Cross-origin isolation, so measureUserAgentSpecificMemory exists (the app is same-origin only).
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } });
  });
  // Keep the run's shape and a copy of the latest frame the page receives from its worker (a
  // second listener beside the app's, which hands frames back to the worker two snapshots later).
  await page.addInitScript(() => {
    const soak = { shape: null as SimShape | null, frame: null as SimFrame | null, received: 0 };
    window.__soak = soak;
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<{ type: string; shape?: SimShape; frame?: SimFrame }>) => {
          if (event.data?.type === 'shape' && event.data.shape) soak.shape = event.data.shape;
          if (event.data?.type !== 'snapshot' || !event.data.frame) return;
          soak.frame = structuredClone(event.data.frame);
          soak.received += 1;
        });
      }
    };
  });

  await page.goto(LARGEST);
  const cdp = await page.context().newCDPSession(page);
  const isolated = await page.evaluate(() => self.crossOriginIsolated && 'measureUserAgentSpecificMemory' in performance);
  await expect(page.getByRole('img', { name: /^Simulation at/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

  const samples: Sample[] = [];
  const failure = page.getByRole('alert').filter({ hasText: 'The simulation stopped.' });
  const start = Date.now();
  let checked = 0;
  let lastSimTimeMs = -1;
  let t0 = Date.now();
  while (Date.now() - start < WALL_MS) {
    // A sample every 5 s, or back to back when one takes longer (a busy page answers slowly).
    await page.waitForTimeout(Math.max(0, SAMPLE_EVERY_MS - (Date.now() - t0)));
    t0 = Date.now();
    const { shape, frame, received } = await page.evaluate(() => ({ shape: window.__soak?.shape ?? null, frame: window.__soak?.frame ?? null, received: window.__soak?.received ?? 0 }));
    expect(shape && frame, 'a snapshot has been received').toBeTruthy();
    const snapshot = toPlainSnapshot(viewOf(shape!, frame!));
    const violations = invariantViolations(snapshot);
    expect(violations, `invariants at ${snapshot.timeMs} simulated ms (${received} snapshots received)`).toEqual([]);
    expect(snapshot.partitions).toHaveLength(1_000);
    expect(snapshot.timeMs, 'simulated time moves on').toBeGreaterThan(lastSimTimeMs);
    lastSimTimeMs = snapshot.timeMs;
    checked += 1;
    await expect(failure).toHaveCount(0);
    expect(problems).toEqual([]);
    const wallMs = Date.now() - start;
    const t1 = Date.now();
    if (wallMs >= WARM_UP_MS) samples.push({ wallMs, simTimeMs: snapshot.timeMs, ...(await measureMemory(page, cdp)) });
    if (process.env.SOAK_TIMING) console.log(`${wallMs} ms: snapshot and checks ${t1 - t0} ms, memory ${Date.now() - t1} ms, ${snapshot.timeMs} simulated ms`);
  }

  // The log's segments are merged pairwise at a cap: the retained heap is a sawtooth, so the
  // peaks of whole windows are compared (as in src/sim/soak.test.ts).
  const first = samples.filter((s) => s.wallMs <= WARM_UP_MS + WINDOW_MS);
  const last = samples.filter((s) => s.wallMs > WALL_MS - WINDOW_MS);
    const peak = (list: Sample[], key: 'workerBytes' | 'pageBytes') => Math.max(...list.map((s) => s[key]));
  const growth = (key: 'workerBytes' | 'pageBytes') => peak(last, key) / peak(first, key) - 1;
  const summary = [
    isolated ? 'heaps by measureUserAgentSpecificMemory' : 'page heap by CDP Runtime.getHeapUsage (measureUserAgentSpecificMemory unavailable: no worker figure)',
    `${checked} snapshots checked over ${(Date.now() - start) / 1000} s of wall time, ${lastSimTimeMs / 1000} simulated s`,
    `worker heap peak ${MiB(peak(first, 'workerBytes'))} → ${MiB(peak(last, 'workerBytes'))} (${(growth('workerBytes') * 100).toFixed(1)} %)`,
    `page heap peak ${MiB(peak(first, 'pageBytes'))} → ${MiB(peak(last, 'pageBytes'))} (${(growth('pageBytes') * 100).toFixed(1)} %)`,
    `${samples.length} memory samples (MiB): worker ${samples.map((s) => (s.workerBytes / 2 ** 20).toFixed(0)).join(' ')}; page ${samples.map((s) => (s.pageBytes / 2 ** 20).toFixed(0)).join(' ')}`,
  ].join('; ');
  console.log(`browser soak: ${summary}`);
  test.info().annotations.push({ type: 'soak', description: summary });

  expect(Math.min(first.length, last.length), summary).toBeGreaterThanOrEqual(5);
  if (isolated) expect(growth('workerBytes'), summary).toBeLessThan(0.1);
  expect(growth('pageBytes'), summary).toBeLessThan(0.1);
  // Still answering: pause stops the run.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(problems).toEqual([]);
});
