import { expect, test, type Page } from '@playwright/test';

/**
 * Phones (issue 11): at 360, 390 and 430 CSS px nothing makes the page wider than the screen,
 * and every control is a target of at least 24 × 24 CSS px (WCAG 2.2, 2.5.8). Checked with every
 * <details> open (assumptions, formulas, preset notes, exports), for the seed plan and for a
 * cluster of several topics, after the charts and the simulation have loaded.
 */
const WIDTHS = [360, 390, 430];
const PLANS = [
  { name: 'the seed plan', path: '/' },
  { name: 'a cluster of three topics', path: '/?v=2&brokers=6&zones=3&t0.name=orders&t0.rate=5000&t0.partitions=24&t1.name=clicks&t1.rate=200000&t1.compression=3&t2.name=payments-and-refunds-with-a-long-name&t2.rate=50' },
];
const MIN_TARGET_PX = 24;

async function openEverything(page: Page): Promise<void> {
  await expect(page.getByRole('img', { name: /^Simulation at/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Loading the charts…')).toHaveCount(0);
  // Open every disclosure, including those a first one reveals.
  for (let round = 0; round < 3; round += 1) await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/** Controls smaller than 24 × 24 px, named; links inside a sentence are exempt (2.5.8's inline exception). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"], [role="tab"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered
      if (el.tagName === 'A' && el.closest('p, li, td')) continue;
      if (r.width < min - 0.5 || r.height < min - 0.5) small.push(`${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}” ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
    return small;
  }, MIN_TARGET_PX);
}

/** Elements that stick out past the right edge without a scroll container of their own to hold them. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5) continue;
      let held = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) held = true;
      }
      if (!held) out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}” ends at ${r.right.toFixed(0)} px`);
    }
    return out.slice(0, 10);
  });
}

for (const width of WIDTHS) {
  for (const plan of PLANS) {
    test(`${width} px wide, ${plan.name}: no horizontal overflow, and every control is at least 24 × 24 px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(plan.path);
      await openEverything(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(await overflowing(page), 'elements past the right edge').toEqual([]);
      expect(scrollWidth).toBe(clientWidth);
      expect(await smallTargets(page), 'targets under 24 × 24 px').toEqual([]);
    });
  }
}
