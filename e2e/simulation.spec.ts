import { expect, test, type Page } from '@playwright/test';
import { expectMetric, queryOf, watchForBreakage } from './helpers';

/** A measured figure of the "Model vs simulation" panel, in base units (data-value). */
async function simValue(page: Page, name: string): Promise<number> {
  const raw = await page.getByTestId(`sim-${name}`).getAttribute('data-value');
  expect(raw, `sim-${name} has a data-value`).not.toBeNull();
  return Number(raw);
}

/** Presses Step (100 ms of simulated time each) by keyboard until the run is at `seconds`. */
async function stepTo(page: Page, seconds: number): Promise<void> {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled();
  const presses = Math.round((seconds - (await simValue(page, 'time'))) / 0.1);
  await step.focus();
  for (let i = 0; i < presses; i += 1) await page.keyboard.press('Enter');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', String(seconds), { timeout: 30_000 });
}

/** Every figure of the "Model vs simulation" panel, as its data-value text. */
async function read(page: Page): Promise<Record<string, string | null>> {
  const names = ['time', 'produced-rate', 'consumed-rate', 'lag', 'lag-growth', 'wait-p50', 'wait-p99', 'latency-p50', 'latency-p99', 'dead-lettered', 'duplicates', 'idle-consumers', 'partition-leaders'];
  const values: Record<string, string | null> = {};
  for (const name of names) values[name] = await page.getByTestId(`sim-${name}`).getAttribute('data-value');
  return values;
}

const simCanvas = (page: Page) => page.getByRole('img', { name: /^Simulation at/ });

test('pressing Play animates the canvas and the figures move', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  const canvas = simCanvas(page);
  await expect(canvas).toBeVisible();
  await canvas.scrollIntoViewIfNeeded();
  const before = await canvas.screenshot();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => simValue(page, 'time')).toBeGreaterThan(0.5);
  await expect.poll(() => simValue(page, 'produced-rate')).toBeGreaterThan(0);
  const after = await canvas.screenshot();
  expect(after.equals(before)).toBe(false);
  // The label follows the picture in words.
  await expect(canvas).toHaveAttribute('aria-label', /3 brokers, all up; 5 partitions; group 0: 10 consumers alive, 5 idle/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // The button turns to Play with the worker's answer to the pause (its final snapshot), so the
  // time shown from then on is where the run stopped; no snapshot older than the pause counts.
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await expect(play).toBeVisible();
  const paused = await simValue(page, 'time');
  await page.waitForTimeout(300); // the window in which a late snapshot used to move it
  expect(await simValue(page, 'time')).toBe(paused);
  await expect(play).toBeVisible();
  expect(problems).toEqual([]);
});

test("the seed scenario's measured lag growth is within 5 % of the model's 999,950 events/s", async ({ page }) => {
  await page.goto('/');
  await expectMetric(page, 'lag-growth', 999_950);
  await stepTo(page, 3);
  const measured = await simValue(page, 'lag-growth');
  expect(Math.abs(measured / 999_950 - 1)).toBeLessThan(0.05);
  // Never NaN or Infinity as text, though the model's latency is unbounded here.
  await expect(page.getByRole('region', { name: 'Model vs simulation' })).not.toContainText(/NaN|Infinity/);
  await expect(page.getByRole('region', { name: 'Model vs simulation' })).toContainText('unbounded');
});

test('killing broker 0 moves the leadership of a partition it led once the controller fences it (9 s)', async ({ page }) => {
  await page.goto('/');
  const leaders = page.getByTestId('sim-partition-leaders');
  await expect(page.getByRole('button', { name: 'Kill broker' })).toBeEnabled();
  const before = JSON.parse((await leaders.getAttribute('data-value')) ?? '[]') as number[];
  const ledByZero = before.map((leader, partition) => (leader === 0 ? partition : -1)).filter((p) => p >= 0);
  expect(ledByZero.length).toBeGreaterThan(0);

  await page.getByLabel('Broker', { exact: true }).selectOption({ label: 'Broker 0 (up)' });
  await page.getByRole('button', { name: 'Kill broker' }).click();
  await stepTo(page, 0.5);
  // Not yet fenced (KRaft's broker.session.timeout.ms is 9 s): its partitions wait for it.
  const waiting = JSON.parse((await leaders.getAttribute('data-value')) ?? '[]') as number[];
  for (const partition of ledByZero) expect(waiting[partition], `partition ${partition}`).toBe(0);
  await stepTo(page, 9.5);
  const after = JSON.parse((await leaders.getAttribute('data-value')) ?? '[]') as number[];
  for (const partition of ledByZero) expect(after[partition], `partition ${partition}`).not.toBe(0);
  await expect(simCanvas(page)).toHaveAttribute('aria-label', /broker 0 down/);
  // The picture draws each move as an arc from the old leader to the new; its description names them.
  await expect(simCanvas(page)).toHaveAttribute('aria-label', new RegExp(`leader moved: .*P${ledByZero.at(-1)} from broker 0 to broker [12]`));
  await expect(page.getByRole('button', { name: 'Restart broker' })).toBeEnabled();
  // The action is in the link, at the simulated time it happened.
  await expect(page).toHaveURL(/actions=0:broker-down:0/);
});

test('a consumer added beyond the partition count sits idle after the rebalance', async ({ page }) => {
  await page.goto('/?partitions=2&consumers=2');
  await expect(page.getByTestId('sim-idle-consumers')).toHaveAttribute('data-value', '0');
  await page.getByRole('button', { name: 'Add consumer' }).click();
  // The rebalance is drawn (its members waiting) and described while it lasts.
  await expect(simCanvas(page)).toHaveAttribute('aria-label', /group 0: 3 consumers alive, 0 idle, rebalancing/);
  await stepTo(page, 1);
  await expect(page.getByTestId('sim-idle-consumers')).toHaveAttribute('data-value', '1');
  await expect(simCanvas(page)).toHaveAttribute('aria-label', /group 0: 3 consumers alive, 1 idle/);
  // The new assignment is drawn (a line from each partition to its owner) and named.
  await expect(simCanvas(page)).toHaveAttribute('aria-label', /group 0 rebalanced \(\d+ rebalances?\): P[01] → consumer \d; P[01] → consumer \d/);
});

test('a link with seed and actions, stepped to the same time in two pages, shows identical figures', async ({ page, context }) => {
  const link = '/?partitions=6&consumers=3&rate=20000&latency=1&seed=4242&actions=200:broker-down:1,500:spike:5:1000,700:consumer-crash:0:1,900:poison:10';
  await page.goto(link);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('seed')).toBe('4242');
  await stepTo(page, 9.5); // past the fencing of broker 1 (down at 0.2 s, fenced 9 s later)
  const first = await read(page);

  const other = await context.newPage();
  await other.goto(link);
  await stepTo(other, 9.5);
  expect(await read(other)).toEqual(first);
  expect(Number(first['produced-rate'])).toBeGreaterThan(0);
  expect(JSON.parse(first['partition-leaders'] ?? '[]')).not.toContain(1);
  await expect(simCanvas(other)).toHaveAttribute('aria-label', /broker 1 down/);
});

test('a bad seed or action in the link is dropped with a notice, and the rest is used', async ({ page }) => {
  await page.goto('/?seed=-3&actions=100:broker-down:9,200:explode,300:broker-down:1');
  const notice = page.getByRole('alert');
  await expect(notice.getByTestId('url-notice-seed')).toContainText('not a whole number');
  await expect(notice.getByTestId('url-notice-actions')).toHaveText([/“200:explode”: unknown action; dropped/, /“100:broker-down:9”: the plan has brokers 0 – 2; dropped/]);
  await expect(page).toHaveURL(/actions=300:broker-down:1$/);
  expect(new URL(page.url()).searchParams.get('seed')).toBeNull();
});

test('choosing constant arrivals by keyboard restarts the run with its recorded actions and goes into the link', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Send poison events' }).click();
  await expect(page).toHaveURL(/actions=0:poison:10$/);
  await stepTo(page, 0.5);

  const arrivals = page.getByRole('combobox', { name: 'Arrivals', exact: true });
  await expect(arrivals).toHaveValue('poisson');
  await expect(arrivals).toHaveAttribute('data-testid', 'sim-arrivals');
  await arrivals.focus();
  await page.keyboard.press('ArrowDown');
  await expect(arrivals).toHaveValue('constant');
  await expect(page).toHaveURL(/&arrivals=constant&actions=0:poison:10$/);
  // A new run from 0, as a new seed gives: the answer to its init, not a late snapshot of the old run.
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', '0');
  await expect(page.getByText('Arrivals: constant, evenly spaced.')).toBeVisible();

  // Back to the default: the link is as it was.
  await page.keyboard.press('ArrowUp');
  await expect(arrivals).toHaveValue('poisson');
  await expect.poll(() => queryOf(page).get('arrivals')).toBeNull();
  await expect(page).toHaveURL(/actions=0:poison:10$/);
  expect(problems).toEqual([]);
});

test('a link with service=constant&rebalance=cooperative opens with those settings chosen, silently, and keeps them', async ({ page }) => {
  await page.goto('/?service=constant&rebalance=cooperative');
  await expect(page.getByTestId('sim-service')).toHaveValue('constant');
  await expect(page.getByTestId('sim-rebalance-protocol')).toHaveValue('cooperative');
  await expect(page.getByTestId('sim-arrivals')).toHaveValue('poisson');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Rewritten as the canonical cluster link, the settings after the plan.
  await expect(page).toHaveURL(/\?v=2&.*&service=constant&rebalance=cooperative$/);
  await stepTo(page, 0.3);
});

test('a hostile run setting in the link (arrivals=banana) is named in a notice and the default is used', async ({ page }) => {
  await page.goto('/?arrivals=banana&rebalance=consumer');
  const notice = page.getByRole('alert');
  await expect(notice.getByTestId('url-notice-arrivals')).toHaveText('arrivals = “banana”: not one of poisson, constant; the default poisson was used.');
  await expect(page.getByTestId('sim-arrivals')).toHaveValue('poisson');
  // The other setting in the same link is kept.
  await expect(page.getByTestId('sim-rebalance-protocol')).toHaveValue('consumer');
  // The canonical link (not the one opened, which ends the same way) without the bad value.
  await expect(page).toHaveURL(/\?v=2&.*&rebalance=consumer$/);
  expect(queryOf(page).get('arrivals')).toBeNull();
});

test('every simulation control works from the keyboard and has a name', async ({ page }) => {
  await page.goto('/');
  for (const name of ['Play', 'Step', 'Reset', 'Kill broker', 'Crash consumer', 'Add consumer', 'Traffic spike ×5 for 10 s', 'Send poison events', 'Add replay group']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('combobox', { name: 'Speed' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Broker', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Seed' })).toBeVisible();
  for (const name of ['Arrivals', 'Processing time', 'Rebalance protocol']) await expect(page.getByRole('combobox', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Idempotent consumers' })).toBeVisible();

  // Speed and seed by keyboard: a new seed restarts the run and goes into the link.
  await page.getByRole('combobox', { name: 'Speed' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('2');
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('77');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/seed=77/);

  // Tab reaches the fault buttons; Space presses them.
  await page.getByRole('button', { name: 'Send poison events' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add replay group' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Idempotent consumers' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Idempotent consumers' })).toBeChecked();
  await expect(page).toHaveURL(/actions=0:poison:10,0:add-group,0:idempotent:1/);
  await expect(simCanvas(page)).toHaveAttribute('aria-label', /group 1 \(replay\)/);
});

test('a simulation that cannot start shows "Restart simulation", and the calculator keeps working', async ({ page }) => {
  // A worker script that throws: the worker's onerror path, as a failed load or a bug would.
  await page.route('**/sim-worker*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated failure");' }));
  await page.goto('/');
  const failure = page.getByRole('alert').filter({ hasText: 'The simulation stopped.' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('simulated failure');

  // The calculator is unaffected.
  const partitions = page.getByRole('textbox', { name: 'Partitions, exact value', exact: false });
  await partitions.fill('50');
  await partitions.press('Enter');
  await expect(page.getByTestId('metric-active-consumers')).toHaveAttribute('data-value', '10');

  // With the worker fixed, Restart brings the run back for the current plan.
  await page.unroute('**/sim-worker*.js');
  await failure.getByRole('button', { name: 'Restart simulation' }).click();
  await expect(failure).toHaveCount(0);
  await stepTo(page, 0.2);
  await expect(page.getByRole('img', { name: /^Simulation at/ })).toHaveAttribute('aria-label', /50 partitions/);
});

test('the whole cluster runs: every topic on the shared brokers, the selected topic compared, and a multi-topic link replays exactly', async ({ page, context }) => {
  const link =
    '/?v=2&brokers=3&zones=3&growth=1' +
    '&t0.name=orders&t0.rate=3000&t0.size=1024&t0.partitions=6&t0.latency=1&t0.consumers=6&t0.rf=3&t0.retention=168&t0.groups=1&t0.minIsr=2&t0.replayGroups=0&t0.peak=1' +
    '&t1.name=clicks&t1.rate=8000&t1.size=256&t1.partitions=4&t1.latency=0.1&t1.consumers=2&t1.rf=2&t1.retention=24&t1.groups=2&t1.minIsr=1&t1.replayGroups=0&t1.peak=1' +
    '&seed=77&actions=300:broker-down:2,600:add-group:1,900:consumer-crash:2:1';
  await page.goto(link);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(/actions=300:broker-down:2,600:add-group:1,900:consumer-crash:2:1$/);
  await expect(page.getByTestId('sim-compared-topic')).toContainText('orders');
  await stepTo(page, 10); // broker 2 fenced at 9.3 s: both topics' leaders moved
  await expect(simCanvas(page)).toHaveAttribute('aria-label', /2 topics, 10 partitions/);
  await expect(simCanvas(page)).toHaveAttribute('aria-label', /group 3 of topic clicks \(replay\)/);
  const orders = await read(page);
  expect(JSON.parse(orders['partition-leaders'] ?? '[]')).toHaveLength(6);
  expect(JSON.parse(orders['partition-leaders'] ?? '[]')).not.toContain(2);

  // Selecting the other topic compares its figures: its own rate, partitions and first group.
  await page.getByTestId('topic-item-1').click();
  await expect(page.getByTestId('sim-compared-topic')).toContainText('clicks');
  const clicks = await read(page);
  expect(JSON.parse(clicks['partition-leaders'] ?? '[]')).toHaveLength(4);
  expect(Number(clicks['produced-rate'])).toBeGreaterThan(Number(orders['produced-rate']) * 2); // 8,000 against 3,000 events/s
  expect(Number(clicks['time'])).toBe(10);

  // The same link in another page, stepped to the same time: the same run, number for number.
  const other = await context.newPage();
  await other.goto(link);
  await stepTo(other, 10);
  expect(await read(other)).toEqual(orders);
  await other.getByTestId('topic-item-1').click();
  await expect(other.getByTestId('sim-compared-topic')).toContainText('clicks');
  expect(await read(other)).toEqual(clicks);
});
