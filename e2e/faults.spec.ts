import { expect, test, type Page, type Route } from '@playwright/test';
import { expectMetric, watchForBreakage } from './helpers';

/**
 * Faults (docs/reliability.md): the simulation worker crashes mid-run or its simulation throws
 * inside a command — the page says so and "Restart simulation" brings the run back; a chart that
 * throws while rendering leaves its error boundary's message and everything else working. The
 * faults are injected by rewriting the built chunks on their way to the browser (page.route):
 * the app carries no test-only code. A worker that fails to load at all is covered in
 * simulation.spec.ts, a charts chunk that fails to load in charts.spec.ts.
 */

const WORKER_CHUNK = '**/sim-worker*.js';
const CHARTS_CHUNK = /ChartsSection-[^/]*\.js$/;

/** Serves the real chunk with `append` run after it (a worker's top-level code has run by then). */
async function appendToChunk(route: Route, append: string) {
  const response = await route.fetch();
  const body = await response.text();
  await route.fulfill({ response, body: `${body}\n;${append}` });
}

/** Wraps the worker's message handler: `before(command)` runs first, and may throw. */
const wrapWorker = (before: string) => `(() => {
  const handle = self.onmessage;
  self.onmessage = (message) => { (${before})(message.data); return handle.call(self, message); };
})();`;

const failure = (page: Page) => page.getByRole('alert').filter({ hasText: 'The simulation stopped.' });
const simTime = async (page: Page) => Number(await page.getByTestId('sim-time').getAttribute('data-value'));

async function step(page: Page, times: number) {
  const button = page.getByRole('button', { name: 'Step', exact: true });
  await expect(button).toBeEnabled();
  const before = await simTime(page);
  for (let i = 0; i < times; i += 1) await button.click();
  await expect.poll(() => simTime(page)).toBeCloseTo(before + times * 0.1, 5);
}

/** The calculator answers while the simulation is down. */
async function calculatorWorks(page: Page, partitions: string) {
  const field = page.getByRole('textbox', { name: 'Partitions, exact value', exact: false });
  await field.fill(partitions);
  await field.press('Enter');
  await expect(page.getByTestId('metric-active-consumers')).toHaveAttribute('data-value', String(Math.min(10, Number(partitions))));
}

/** After Restart: a fresh worker runs the current plan, steps, and applies a fault. */
async function recovered(page: Page, partitions: number) {
  await expect(failure(page)).toHaveCount(0);
  await step(page, 2);
  await expect(page.getByRole('img', { name: /^Simulation at/ })).toHaveAttribute('aria-label', new RegExp(`${partitions} partitions`));
  await page.getByLabel('Broker', { exact: true }).selectOption({ label: 'Broker 1 (up)' });
  await page.getByRole('button', { name: 'Kill broker' }).click();
  await expect(page.getByRole('img', { name: /^Simulation at/ })).toHaveAttribute('aria-label', /broker 1 down/);
  await expect(failure(page)).toHaveCount(0);
}

test('the worker crashes mid-run (an uncaught throw): the page says so, the calculator works, Restart brings the run back', async ({ page }) => {
  const problems = watchForBreakage(page);
  // Throws out of the worker's message handler on the first fault applied: worker.onerror.
  await page.route(WORKER_CHUNK, (route) => appendToChunk(route, wrapWorker(`(command) => { if (command.type === 'apply') throw new Error('injected worker crash'); }`)));
  await page.goto('/');
  await step(page, 3);
  await page.getByRole('button', { name: 'Add consumer' }).click();
  // worker.onerror's message, as the browser reports an uncaught error.
  await expect(failure(page).locator('p').nth(1)).toHaveText(/^Uncaught Error: injected worker crash$/);
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toHaveCount(0);

  await calculatorWorks(page, '7');
  await expectMetric(page, 'total-events', 1_000_000);

  await page.unroute(WORKER_CHUNK);
  await failure(page).getByRole('button', { name: 'Restart simulation' }).click();
  await recovered(page, 7);
  expect(problems).toEqual([]);
});

test("the simulation throws inside a command (the host's error event): the page says so, and Restart brings the run back", async ({ page }) => {
  const problems = watchForBreakage(page);
  // On the first fault applied the worker's clock starts throwing: SimHost catches it and posts
  // an error event, as it would for any exception inside the simulation.
  await page.route(WORKER_CHUNK, (route) =>
    appendToChunk(route, wrapWorker(`(command) => { if (command.type === 'apply') performance.now = () => { throw new Error('injected clock failure'); }; }`)),
  );
  await page.goto('/');
  await step(page, 2);
  await page.getByRole('button', { name: 'Send poison events' }).click();
  // The host's error event carries the exception's own message.
  await expect(failure(page).locator('p').nth(1)).toHaveText('injected clock failure');
  await calculatorWorks(page, '8');

  await page.unroute(WORKER_CHUNK);
  await failure(page).getByRole('button', { name: 'Restart simulation' }).click();
  await recovered(page, 8);
  expect(problems).toEqual([]);
});

test('a chart that throws while rendering: its error boundary says so, the other charts and the calculator keep working', async ({ page }) => {
  const problems = watchForBreakage(page);
  let patched = false;
  // The storage chart's title becomes an expression that throws, inside its render function.
  await page.route(CHARTS_CHUNK, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const title = '`Storage over the retention window`';
    patched = body.includes(title);
    await route.fulfill({ response, body: body.replace(title, '(() => { throw new Error("injected chart failure"); })()') });
  });
  await page.goto('/');
  const broken = page.getByRole('alert').filter({ hasText: 'The storage chart could not be shown.' });
  await broken.scrollIntoViewIfNeeded();
  await expect(broken).toContainText('injected chart failure');
  expect(patched, 'the storage chart title was found in the charts chunk').toBe(true);

  for (const name of ['lag', 'traffic', 'sensitivity']) {
    const chart = page.getByTestId(`chart-${name}`);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('svg.recharts-surface').first(), name).toBeVisible();
  }
  await expect(page.getByTestId('chart-storage')).toHaveCount(0);

  // The calculator, and the charts that work, follow the plan.
  await page.getByRole('slider', { name: 'Event rate', exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('metric-total-events')).not.toHaveAttribute('data-value', '1000000');
  await expect(page.getByTestId('chart-lag').locator('div[role="img"]')).not.toHaveAttribute('aria-label', /999,950 events\/s/);
  // "Try again" renders the chart again: it throws again, and the boundary catches it again.
  await broken.getByRole('button', { name: 'Try again' }).click();
  await expect(broken).toContainText('injected chart failure');
  expect(problems).toEqual([]);
});
