import fc from 'fast-check';
import { expect, test, type Page } from '@playwright/test';
import { decodeSimRun, encodeSimRun } from '../src/config/sim-link';
import { decodePlan, encodePlan } from '../src/config/url-codec';
import { computeClusterMetrics } from '../src/engine/compute-metrics';
import { METRIC_CATALOG } from '../src/engine/metric-catalog';
import { hostileQuery } from '../src/test-support/url-fuzz';

/**
 * Hostile links opened in Chromium (docs/reliability.md): generated deterministically from a
 * fixed seed by the same generator as the Vitest fuzz. Each must leave a working page: no page
 * error or console error, no dialog, the heading and every metric card (with the values the
 * decoder in Node predicts), no element the link injected, and the notice banner listing exactly
 * what the decoder reported. LONG=1 (npm run test:long) opens 600 instead of 60. FUZZ_TIMING=1
 * logs each link's time.
 */
const LONG = process.env.LONG === '1';
const SEED = 424_242;
const COUNT = LONG ? 600 : 60;
/** Links a test opens in turn; the batches run in parallel. */
const BATCH = 20;
const QUERIES = fc.sample(hostileQuery, { seed: SEED, numRuns: COUNT });

/** Elements a link could try to inject, and inline handlers React never writes. */
const INJECTABLE = {
  script: '#root script',
  img: '#root img',
  iframe: '#root iframe',
  object: '#root object, #root embed',
  'svg[onload]': '#root svg[onload]',
  'inline handler': '#root [onerror], #root [onload], #root [onclick], #root [onmouseover], #root [onfocus]',
  'javascript: link': '#root a[href^="javascript:" i]',
};

async function countInjectable(page: Page): Promise<Record<string, number>> {
  return page.evaluate((selectors) => Object.fromEntries(Object.entries(selectors).map(([name, selector]) => [name, document.querySelectorAll(selector).length])), INJECTABLE);
}

test.describe.configure({ mode: 'parallel' });

let clean: Record<string, number> | undefined;

async function cleanCounts(page: Page): Promise<Record<string, number>> {
  if (clean) return clean;
  await page.goto('/');
  // Every lazy part loaded: the charts (a plot is drawn once it comes near the screen) and the simulation.
  await page.getByTestId('chart-storage').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-storage').locator('svg.recharts-surface').first()).toBeAttached({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: /^Simulation at/ })).toBeVisible({ timeout: 30_000 });
  clean = await countInjectable(page);
  return clean;
}

for (let start = 0; start < COUNT; start += BATCH) {
  const batch = QUERIES.slice(start, start + BATCH);
  test(`hostile links ${start + 1}–${start + batch.length} of ${COUNT} (fast-check seed ${SEED}) leave a working page with a notice for every change`, async ({ page }) => {
    test.setTimeout(30_000 + batch.length * 5_000);
    const baseline = await cleanCounts(page);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });

    for (const [i, query] of batch.entries()) {
      const label = `link ${start + i + 1} (${JSON.stringify(query.slice(0, 80))}${query.length > 80 ? '…' : ''})`;
      const target = new URL(query.startsWith('?') ? `/${query}` : `/?${query}`, page.url().startsWith('http') ? page.url() : 'http://127.0.0.1/');
      // Only the hash differs from the page we are on: that would not load the page again.
      if (page.url().split('#')[0] === target.href.split('#')[0]) await page.goto('about:blank');
      problems.length = 0;
      const t0 = Date.now();
      await page.goto(query.startsWith('?') ? `/${query}` : `/?${query}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('h1') && document.querySelector('[data-testid="metric-total-events"]'));
      const seen = await page.evaluate((selectors) => {
        const root = document.getElementById('root')!;
        return {
          // What the browser navigated to, before the app rewrote the link.
          navigated: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name,
          search: location.search,
          h1: document.querySelector('h1')?.textContent ?? '',
          blank: root.innerText.trim().length < 200,
          cards: Object.fromEntries([...document.querySelectorAll('[data-testid^="metric-"][data-value]')].map((el) => [el.getAttribute('data-testid')!.slice('metric-'.length), el.getAttribute('data-value')])),
          banner: [...document.querySelectorAll('[role="alert"]')].filter((el) => el.textContent?.includes('Some values in this link were changed')).length,
          notices: [...document.querySelectorAll('[data-testid^="url-notice-"]')].map((el) => el.textContent),
          injected: Object.fromEntries(Object.entries(selectors).map(([name, selector]) => [name, document.querySelectorAll(selector).length])),
        };
      }, INJECTABLE);

      // The same link decoded in Node predicts everything the page must show.
      const search = new URL(seen.navigated).search;
      const decoded = decodePlan(search);
      const run = decodeSimRun(search, decoded.plan);
      const notices = [...decoded.notices, ...run.notices];
      // The page opens on the first topic: its figures in the decoded cluster.
      const metrics = computeClusterMetrics(decoded.plan).topics[0]!;
      const simQuery = encodeSimRun(run);

      expect(seen.h1, label).toBe('Eventflow Planner');
      expect(seen.blank, `${label}: a blank page`).toBe(false);
      expect(seen.cards, `${label}: every metric card, with the predicted values`).toMatchObject(Object.fromEntries(METRIC_CATALOG.map((entry) => [entry.name, String(entry.value(metrics))])));
      // Exactly the decoder's notices, as text (markup in them shown, never parsed); no banner without one.
      expect(seen.banner, `${label}: notice banner`).toBe(notices.length > 0 ? 1 : 0);
      expect(seen.notices, label).toEqual(notices.map((n) => `${n.param} = “${n.given}”: ${n.reason}.`));
      // The app decoded what Node decoded: it rewrote the link to the same canonical one.
      expect(seen.search, label).toBe(`?${encodePlan(decoded.plan)}${simQuery ? `&${simQuery}` : ''}`);
      for (const [name, count] of Object.entries(seen.injected)) expect(count, `${label}: ${name} elements`).toBeLessThanOrEqual(baseline[name] ?? 0);
      expect(problems, label).toEqual([]);
      // Every tenth link also waits for the lazy parts (charts, simulation) to draw its plan.
      if (i % 10 === 0) {
        await page.getByTestId('chart-storage').scrollIntoViewIfNeeded();
        await expect(page.getByTestId('chart-storage').locator('svg.recharts-surface').first(), label).toBeAttached({ timeout: 30_000 });
        await expect(page.getByRole('img', { name: /^Simulation at/ }), label).toBeVisible({ timeout: 30_000 });
        for (const [name, count] of Object.entries(await countInjectable(page))) expect(count, `${label}: ${name} elements`).toBeLessThanOrEqual(baseline[name] ?? 0);
        expect(problems, label).toEqual([]);
      }
      if (process.env.FUZZ_TIMING) console.log(Date.now() - t0, 'ms', label);
    }
  });
}
