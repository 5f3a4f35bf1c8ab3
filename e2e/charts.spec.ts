import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchForBreakage } from './helpers';

const CHARTS = ['lag', 'traffic', 'storage', 'sensitivity'] as const;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const chart = (page: Page, name: (typeof CHARTS)[number]) => page.getByTestId(`chart-${name}`);
/** The drawn plan line of a line chart (the first series). */
const firstCurve = (container: Locator) => container.locator('path.recharts-line-curve').first();
/** The edge of the first stacked area (the storage chart's first topic). */
const firstArea = (container: Locator) => container.locator('.recharts-area path.recharts-curve').first();
const legendOf = (container: Locator) => container.getByRole('list', { name: 'Legend' });
/** A legend entry that is exactly this text (a topic's name). */
const legendEntry = (container: Locator, text: string) => legendOf(container).getByRole('listitem').filter({ hasText: new RegExp(`^${text}$`) });

/** Names the selected topic, as a person types it into the topic list. */
async function nameTopic(page: Page, name: string) {
  const field = page.getByTestId('topic-name');
  await field.fill(name);
  await field.press('Enter');
  await expect(field).toHaveValue(name);
}
const plot = (container: Locator) => container.locator('div[role="img"]');

test('every chart renders with data, titles, axis labels with units and a legend', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  for (const name of CHARTS) {
    const container = chart(page, name);
    await container.scrollIntoViewIfNeeded();
    await expect(container.getByRole('heading')).toBeVisible();
    await expect(container.getByRole('list', { name: 'Legend' }).getByRole('listitem').first()).toBeVisible();
    await expect(plot(container)).toHaveAttribute('aria-label', /.{40,}/);
    await expect(container.locator('svg.recharts-surface').first()).toBeVisible();
    if (name === 'traffic') {
      // Three bars per panel at least, each with a non-empty shape.
      await expect.poll(() => container.locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(6);
    } else if (name === 'storage') {
      await expect(firstArea(container)).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+L/);
    } else {
      await expect(firstCurve(container)).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+L/);
    }
  }
  await expect(chart(page, 'lag')).toContainText('Lag (events)');
  await expect(chart(page, 'lag')).toContainText('Time from now (h)');
  await expect(chart(page, 'traffic')).toContainText('Throughput (MiB/s)');
  await expect(chart(page, 'storage')).toContainText('Storage (PiB)');
  await expect(chart(page, 'storage')).toContainText('Storage (TiB)');
  // The seed scenario in words: lag grows, the brokers are over their limits with one down.
  await expect(plot(chart(page, 'lag'))).toHaveAttribute('aria-label', /grows by 999,950 events\/s/);
  await expect(plot(chart(page, 'traffic'))).toHaveAttribute('aria-label', /Over the limit: network in, network out, disk i\/o/);
  // One topic: one series, labelled as before, and no topic names in the legend.
  await expect(legendOf(chart(page, 'traffic'))).toContainText('Cluster total');
  await expect(legendOf(chart(page, 'storage'))).toContainText('All 3 copies');
  for (const name of ['traffic', 'storage'] as const) await expect(legendEntry(chart(page, name), 'events')).toHaveCount(0);
  for (const name of CHARTS) await expect(chart(page, name)).not.toContainText(/NaN|Infinity/);
  expect(problems).toEqual([]);
});

test('the calculator works when the charts cannot load', async ({ page }) => {
  await page.route(/ChartsSection-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByTestId('metric-total-events')).toHaveAttribute('data-value', '1000000');
  await expect(page.getByRole('alert').filter({ hasText: 'The charts could not be shown.' })).toBeVisible();
  await page.getByRole('slider', { name: 'Event rate', exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('metric-total-events')).not.toHaveAttribute('data-value', '1000000');
});

test('the sensitivity chart follows its metric and input selects; the current value is marked', async ({ page }) => {
  await page.goto('/');
  const container = chart(page, 'sensitivity');
  await container.scrollIntoViewIfNeeded();
  const curve = firstCurve(container);
  await expect(curve).toHaveAttribute('d', /L/);
  await expect(container.locator('.recharts-reference-dot')).toHaveCount(1);
  const utilization = await curve.getAttribute('d');
  await expect(plot(container)).toHaveAttribute('aria-label', /Utilization against partitions/);

  await container.getByLabel('Metric', { exact: true }).selectOption({ label: 'Lag growth' });
  await expect(plot(container)).toHaveAttribute('aria-label', /Lag growth against partitions/);
  await expect.poll(() => curve.getAttribute('d')).not.toBe(utilization);
  const lagGrowth = await curve.getAttribute('d');

  await container.getByLabel('Against input', { exact: true }).selectOption({ label: 'Event rate (events/s)' });
  await expect(plot(container)).toHaveAttribute('aria-label', /Lag growth against event rate/);
  await expect(container).toContainText('Event rate (events/s, log scale)');
  await expect.poll(() => curve.getAttribute('d')).not.toBe(lagGrowth);

  // Latency is unbounded past the group's capacity: a gap, never a number.
  await container.getByLabel('Metric', { exact: true }).selectOption({ label: 'End-to-end latency' });
  await expect(plot(container)).toHaveAttribute('aria-label', /Unbounded \(left as a gap\)/);
  await expect(container).not.toContainText(/NaN|Infinity/);
});

test('moving a slider changes the lag chart', async ({ page }) => {
  // 45 events/s against a capacity of 50: the group keeps up, the forecast is flat at 0.
  await page.goto('/?v=2&rate=45');
  const container = chart(page, 'lag');
  await container.scrollIntoViewIfNeeded();
  await expect(plot(container)).toHaveAttribute('aria-label', /the group keeps up; lag stays at 0/);
  const flat = await firstCurve(container).getAttribute('d');
  const slider = page.getByRole('slider', { name: 'Event rate', exact: true });
  await slider.focus();
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('ArrowRight');
  await expect(plot(container)).toHaveAttribute('aria-label', /lag of one group grows by/);
  await expect.poll(() => firstCurve(container).getAttribute('d')).not.toBe(flat);

  // A backlog on a group that keeps up drains.
  await slider.press('Home');
  await container.getByLabel('Current backlog (events)').fill('1000000');
  await expect(plot(container)).toHaveAttribute('aria-label', /the backlog of 1M events drains in/);
});

test('the lag chart shows the simulation’s measured lag on the same axes', async ({ page }) => {
  await page.goto('/');
  const container = chart(page, 'lag');
  // A plot is drawn once it comes near the screen (selectOption does not scroll).
  await container.scrollIntoViewIfNeeded();
  await container.getByLabel('Horizon').selectOption({ label: '1 minute' });
  await expect(container).toContainText('Time from now (s)');
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled();
  await step.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Enter');
  await expect(container.getByRole('list', { name: 'Legend' })).toContainText('Simulation, measured (group 0)');
  await expect(plot(container)).toHaveAttribute('aria-label', /Simulation: measured lag of group 0 is/);
  await expect(container.locator('path.recharts-line-curve')).toHaveCount(2);
});

test('Download PNG saves each chart as a PNG picture', async ({ page }) => {
  await page.goto('/');
  for (const name of CHARTS) {
    const container = chart(page, name);
    await container.scrollIntoViewIfNeeded();
    await expect(container.locator('svg.recharts-surface').first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), container.getByRole('button', { name: /Download PNG/ }).click()]);
    expect(download.suggestedFilename()).toBe(`eventflow-${name}.png`);
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.length, `${name}.png size`).toBeGreaterThan(1000);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  }
});

test('with a pinned baseline every chart draws it too, dashed and labelled "Baseline"', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Pin as baseline', exact: true }).click();
  // Change the plan so the two differ: twice the partitions and consumers.
  const partitions = page.getByRole('textbox', { name: 'Partitions, exact value in partitions' });
  await partitions.fill('10');
  await partitions.press('Enter');
  for (const name of CHARTS) {
    const container = chart(page, name);
    await container.scrollIntoViewIfNeeded();
    await expect(container.getByRole('list', { name: 'Legend' })).toContainText('Baseline');
    // Lines are dashed paths; bars have a dashed outline.
    await expect.poll(() => container.locator('[stroke-dasharray="6 4"]').count(), { message: `${name} draws the baseline dashed` }).toBeGreaterThan(0);
  }
  await expect(plot(chart(page, 'lag'))).toHaveAttribute('aria-label', /Baseline: lag of one group grows by 999,950 events\/s/);
  await expect(plot(chart(page, 'lag'))).toHaveAttribute('aria-label', /Model: lag of one group grows by 999,900 events\/s/);

  await page.getByRole('button', { name: 'Clear baseline', exact: true }).click();
  await chart(page, 'lag').scrollIntoViewIfNeeded();
  await expect(chart(page, 'lag').getByRole('list', { name: 'Legend' })).not.toContainText('Baseline');
});

test('a chart below the first screen draws its plot only once it comes near the screen, its words at once', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const container = chart(page, 'storage');
  // The frame, title and summary are there from the start; the Recharts plot is not mounted.
  await expect(plot(container)).toHaveAttribute('aria-label', /.{40,}/);
  await expect(container.getByRole('heading')).toHaveText(/Storage/);
  await page.waitForTimeout(1_000);
  await expect(container.locator('svg.recharts-surface')).toHaveCount(0);
  await container.scrollIntoViewIfNeeded();
  await expect(container.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(firstArea(container)).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+L/);
});

test('a cluster of two topics: the traffic and storage charts stack them, each named in the legend', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  await nameTopic(page, 'orders');
  // Add topic copies the defaults: two topics alike, so each carries half of every total.
  await page.getByTestId('topic-add').click();
  await nameTopic(page, 'clicks');
  for (const name of ['traffic', 'storage'] as const) {
    const container = chart(page, name);
    await container.scrollIntoViewIfNeeded();
    await expect(legendEntry(container, 'orders')).toHaveCount(1);
    await expect(legendEntry(container, 'clicks')).toHaveCount(1);
    await expect(legendOf(container)).not.toContainText(/Cluster total|All 3 copies/);
    await expect(plot(container)).toHaveAttribute('aria-label', /(orders|clicks) 50 %, (orders|clicks) 50 %/);
    await expect(container).not.toContainText(/NaN|Infinity/);
  }
  const traffic = chart(page, 'traffic');
  await traffic.scrollIntoViewIfNeeded();
  // Cluster panel: 3 bars × 2 topics; busiest-broker panel: 3 bars all up, 3 after the failure.
  await expect.poll(() => traffic.locator('.recharts-bar-rectangle path').count()).toBe(12);
  const storage = chart(page, 'storage');
  await storage.scrollIntoViewIfNeeded();
  // Two stacked areas in each panel.
  await expect.poll(() => storage.locator('.recharts-area').count()).toBe(4);
  expect(problems).toEqual([]);
});

test('while a slider is dragged the charts beside it follow, before it is let go', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?v=2&rate=45');
  const container = chart(page, 'lag');
  // The charts scroll into view in the answers' pane; the plan's pane, and the slider, stay put.
  await container.scrollIntoViewIfNeeded();
  const slider = page.getByRole('slider', { name: 'Event rate', exact: true });
  await expect(slider).toBeInViewport();
  await expect(container).toBeInViewport();
  await expect(firstCurve(container)).toHaveAttribute('d', /^M/);
  await page.evaluate(() => {
    const root = document.querySelector('[data-testid="chart-lag"]')!;
    const seen = new Set<string>();
    (window as unknown as { curvesSeen: Set<string> }).curvesSeen = seen;
    new MutationObserver(() => {
      const d = root.querySelector('path.recharts-line-curve')?.getAttribute('d');
      if (d) seen.add(d);
    }).observe(root, { subtree: true, attributes: true, childList: true });
  });
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.4, y);
  await page.mouse.down();
  // Moves every ~25 ms: the plan never stands still for the 120 ms the charts once waited for.
  for (let dx = 2; dx <= 60; dx += 2) {
    await page.mouse.move(box.x + box.width * 0.4 + dx, y);
    await page.waitForTimeout(25);
  }
  const redrawnDuringDrag = await page.evaluate(() => (window as unknown as { curvesSeen: Set<string> }).curvesSeen.size);
  await page.mouse.up();
  expect(redrawnDuringDrag, 'distinct lag curves drawn while the slider was held').toBeGreaterThanOrEqual(2);
});

test('printed, every chart has its plot, also those never scrolled to, and the panes print whole', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  // Below the first screen in the answers' pane: the plots wait until they come near the screen.
  await expect(chart(page, 'storage')).toBeAttached();
  await expect(chart(page, 'storage').locator('svg.recharts-surface')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  for (const name of CHARTS) await expect(plot(chart(page, name)).locator('svg.recharts-surface').first(), name).toBeAttached();
  await expect(firstArea(chart(page, 'storage'))).toHaveAttribute('d', /^M/);
  const overflow = await page.locator('.workspace-pane').first().evaluate((el) => getComputedStyle(el).overflowY);
  expect(overflow).toBe('visible');
  expect(problems).toEqual([]);
});
