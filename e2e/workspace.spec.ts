import { expect, test, type Locator, type Page } from '@playwright/test';
import { waitForLazySections } from './helpers';

/**
 * The workspace (issue 11): at 1280 × 800 and up, the plan's controls, the verdict, the key
 * answers and the live simulation canvas are all on the first screen, no scrolling; skip links
 * reach the plan, the answers and the simulation; a slider stays where it is while it is dragged
 * and the verdict changes; the sections below are reachable by their URL fragments.
 */
const SCREENS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];
const PLANS = [
  { name: 'the seed plan', path: '/' },
  { name: 'a cluster of three topics', path: '/?v=2&brokers=6&zones=3&t0.name=orders&t0.rate=5000&t0.partitions=24&t1.name=clicks&t1.rate=200000&t1.compression=3&t2.name=payments&t2.rate=50' },
];
const ANSWERS = ['partitions', 'consumers', 'brokers', 'utilization', 'lag-growth', 'storage-per-broker', 'monthly-cost'];

/** Fails unless the element is wholly inside the window as it is (nothing scrolled). */
async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(view).not.toBeNull();
  const { x, y, width, height } = box!;
  expect([x >= 0, y >= 0, x + width <= view!.width + 0.5, y + height <= view!.height + 0.5], `${what} at ${x.toFixed(0)},${y.toFixed(0)} ${width.toFixed(0)}×${height.toFixed(0)} in ${view!.width}×${view!.height}`).toEqual([true, true, true, true]);
}

async function scrolled(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY + [...document.querySelectorAll('.workspace-pane')].reduce((sum, pane) => sum + pane.scrollTop, 0));
}

for (const screen of SCREENS) for (const plan of PLANS) {
  test(`${screen.width} × ${screen.height}, ${plan.name}: every plan control, the verdict, the key answers and the simulation canvas are on the first screen`, async ({ page }) => {
    await page.setViewportSize(screen);
    await page.goto(plan.path);
    const canvas = page.getByRole('img', { name: /^Simulation at/ });
    await expect(canvas).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('answer-brokers')).not.toHaveAttribute('data-value', '');

    const pane = page.locator('#plan');
    const inputs = pane.getByTestId('cluster-inputs').or(pane.getByTestId('topic-inputs'));
    const sliders = inputs.getByRole('slider');
    expect(await sliders.count()).toBeGreaterThanOrEqual(15);
    for (const slider of await sliders.all()) await expectOnScreen(page, slider, `slider “${await slider.getAttribute('aria-valuetext')}”`);
    for (const field of await inputs.getByRole('textbox').all()) await expectOnScreen(page, field, `field ${await field.getAttribute('aria-label')}`);
    for (const button of await pane.getByTestId('topic-list').getByRole('button').all()) await expectOnScreen(page, button, `button ${await button.textContent()}`);
    await expectOnScreen(page, page.getByTestId('broker-type-select'), 'the broker type');
    await expectOnScreen(page, page.getByTestId('topic-name'), 'the topic name');
    await expectOnScreen(page, page.getByTestId('verdict').getByRole('heading'), 'the verdict');
    for (const answer of ANSWERS) await expectOnScreen(page, page.getByTestId(`answer-${answer}`), `answer ${answer}`);
    await expectOnScreen(page, canvas, 'the simulation canvas');
    expect(await scrolled(page), 'nothing was scrolled').toBe(0);
  });
}

test('the key answers carry their figures: the seed plan needs 10,000 partitions and consumers, and is 20,000× over capacity at peak', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('answer-partitions')).toHaveAttribute('data-value', '10000');
  await expect(page.getByTestId('answer-consumers')).toHaveAttribute('data-value', '10000');
  await expect(page.getByTestId('answer-utilization')).toHaveAttribute('data-value', '20000');
  await expect(page.getByTestId('answer-utilization')).toContainText('20,000× capacity');
  await expect(page.getByTestId('answer-lag-growth')).toHaveAttribute('data-value', '999950');
  await expect(page.getByTestId('answer-monthly-cost')).toContainText('USD');
});

test('skip links come first: Tab, Enter on “Skip to the plan”, then two Tabs reach the first slider; the others reach the answers and the simulation', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the plan' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Skip to the plan' })).toBeInViewport();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('broker-type-select')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('slider', { name: 'Brokers', exact: true })).toBeFocused();

  for (const [link, target] of [
    ['Skip to the answers', '#answers'],
    ['Skip to the simulation', '#simulation'],
  ] as const) {
    await page.getByRole('link', { name: link }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(target)).toBeFocused();
    await expect(page.locator(target)).toBeInViewport();
  }
});

test('a slider stays put while it is dragged across verdict changes, at 1280 px and at 390 px', async ({ page }) => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    // A plan that holds until its consumers fall behind: dragging Processing time up changes the verdict.
    await page.goto('/?v=2&t0.rate=1000&t0.partitions=12&t0.consumers=12&t0.latency=1&t0.retention=1');
    await expect(page.getByTestId('verdict')).toContainText('This plan holds');
    const slider = page.getByRole('slider', { name: 'Processing time', exact: true });
    await slider.scrollIntoViewIfNeeded();
    const start = await slider.boundingBox();
    expect(start).not.toBeNull();
    // Where the slider sits in the page's layout (its top plus every scroll offset above it): the
    // browser's scroll anchoring can hide a layout shift on screen, but not everywhere (Safari has
    // none, and none applies at the top of a page).
    const layoutTop = () =>
      slider.evaluate((el) => {
        let top = el.getBoundingClientRect().top + window.scrollY;
        for (let a = el.parentElement; a; a = a.parentElement) top += a.scrollTop;
        return Math.round(top);
      });
    const startTop = await layoutTop();
    const y = start!.y + start!.height / 2;
    await page.mouse.move(start!.x + 4, y);
    await page.mouse.down();
    const tops = new Set<number>();
    const verdicts = new Set<string>();
    for (let step = 1; step <= 20; step += 1) {
      await page.mouse.move(start!.x + 4 + ((start!.width - 8) * step) / 20, y);
      tops.add(await layoutTop());
      verdicts.add(((await page.getByTestId('verdict').getByRole('heading').textContent()) ?? '').split('.')[0] ?? '');
    }
    await page.mouse.up();
    expect(verdicts.size, `the verdict changed during the drag at ${size.width} px: ${[...verdicts].join(' | ')}`).toBeGreaterThan(1);
    expect([...tops], `the slider's top during the drag at ${size.width} px`).toEqual([startTop]);
  }
});

test('the sections below the workspace are named in an outline and reachable by their URL fragments', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  // Each lazy section, as it arrives, brings the linked section back into view (useKeepHashInView):
  // one arriving between the outline link scrolled into view and the click moved the link away.
  await waitForLazySections(page);
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeAttached();
  const outline = page.getByRole('navigation', { name: 'Details' });
  for (const [name, id] of [
    ['Every metric', 'metrics'],
    ['Charts', 'charts'],
    ['Scenarios and compare', 'scenarios'],
    ['Exports', 'exports'],
  ] as const) {
    await outline.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(page.locator(`#${id}`)).toBeInViewport();
  }
  await page.goto('/#exports');
  await expect(page.locator('#exports')).toBeInViewport();
});

test('a link with a recorded run says so at the top and replays it with one click, the simulation in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?actions=2000:broker-down:0,4000:consumer-crash:0:1,6000:spike:3:2000');
  const notice = page.getByTestId('shared-run');
  await expect(notice).toContainText('This link carries a recorded run: 3 actions, the first at 2 s: broker down.');
  await expect(notice).toBeInViewport();
  await notice.getByRole('button', { name: 'Replay the recorded run' }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.locator('#simulation')).toBeInViewport();
  await expect(notice).toHaveCount(0);
  // A plan without a recorded run says nothing.
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('shared-run')).toHaveCount(0);
});

test('a plan change sets a recorded run aside, and one click brings back that plan with its run', async ({ page }) => {
  await page.goto('/?t0.partitions=6&actions=2000:broker-down:0,4000:spike:3:2000');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/actions=2000:broker-down:0,4000:spike:3:2000/);
  const partitions = page.getByRole('textbox', { name: 'Partitions, exact value in partitions' });
  await partitions.fill('12');
  await partitions.press('Enter');
  const aside = page.getByTestId('set-aside-run');
  await expect(aside).toContainText('the recorded run (2 actions) was set aside');
  await expect.poll(() => new URL(page.url()).searchParams.get('actions')).toBeNull();

  await aside.getByRole('button', { name: 'Bring back that plan and its run' }).click();
  await expect(partitions).toHaveValue('6');
  await expect.poll(() => new URL(page.url()).searchParams.get('actions')).toBe('2000:broker-down:0,4000:spike:3:2000');
  await expect(aside).toHaveCount(0);
  // The run is the recorded one again: stepping past 2 s shows the broker down.
  for (let i = 0; i < 25; i += 1) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('img', { name: /^Simulation at/ })).toHaveAttribute('aria-label', /broker 0 down/);
});
