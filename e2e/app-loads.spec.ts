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
