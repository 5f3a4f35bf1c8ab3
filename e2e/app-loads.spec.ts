import { expect, test } from '@playwright/test';

// Smoke test: the built app renders its title without throwing or logging errors.
test('opening / shows the Eventflow Planner heading without errors', async ({ page }) => {
  const errors: string[] = [];
  // Listen before navigating so errors during the first render are caught too.
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Eventflow Planner', exact: true })).toBeVisible();

  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // The header is static HTML, so the first paint does not wait for the script (Lighthouse's
  // FCP and LCP: docs/benchmarks.md). (The <noscript> note is not checked: Playwright turns
  // scripts off after parsing, so the browser still treats noscript as scripting-enabled.)
  test('the heading and what the planner does are in the page itself', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Eventflow Planner', exact: true })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Size a Kafka-like cluster and its topics before you build it');
  });
});

test('with JavaScript the Copy link button sits in the static header, once, and the note is gone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Copy link' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(1);
  await expect(page.getByText('it needs JavaScript')).toHaveCount(0);
});
