import { expect, test } from '@playwright/test';
import { metricValue, queryOf, linkName } from './helpers';

// Each slider, moved by keyboard, changes its URL param and a metric that depends on it.
// partitions=100 so that consumers (10 → 11) changes the active-consumer count.
const CASES = [
  { label: 'Event rate', param: 'rate', metric: 'total-events' },
  { label: 'Event size', param: 'size', metric: 'ingress' },
  { label: 'Partitions', param: 'partitions', metric: 'group-capacity' },
  { label: 'Processing time', param: 'latency', metric: 'group-capacity' },
  { label: 'Consumers per group', param: 'consumers', metric: 'active-consumers' },
  { label: 'Replication factor', param: 'rf', metric: 'replication' },
  { label: 'Retention', param: 'retention', metric: 'storage-logical' },
  { label: 'Consumer groups', param: 'groups', metric: 'egress' },
  { label: 'Brokers', param: 'brokers', metric: 'broker-network-in' },
] as const;

for (const { label, param, metric } of CASES) {
  test(`the ${label} slider moves by keyboard and updates metrics and the URL`, async ({ page }) => {
    await page.goto('/?v=2&partitions=100');
    const slider = page.getByRole('slider', { name: label, exact: true });
    const before = { value: queryOf(page).get(linkName(param)), metric: await metricValue(page, metric), text: await slider.getAttribute('aria-valuetext') };

    await slider.focus();
    await page.keyboard.press('ArrowRight');

    await expect.poll(() => metricValue(page, metric)).not.toBe(before.metric);
    await expect(slider).not.toHaveAttribute('aria-valuetext', before.text ?? '');
    await expect.poll(() => queryOf(page).get(linkName(param))).not.toBe(before.value);
    const after = Number(queryOf(page).get(linkName(param)));
    expect(after).toBeGreaterThan(Number(before.value));
    await expect(page.getByRole('textbox', { name: `${label}, exact value`, exact: false })).toHaveValue(String(after));

    await page.keyboard.press('End');
    await expect.poll(() => queryOf(page).get(linkName(param))).not.toBe(String(after));
  });
}

test('the exact field takes a typed value, rounds a fractional count and keeps the value on nonsense', async ({ page }) => {
  await page.goto('/');
  const field = page.getByRole('textbox', { name: 'Partitions, exact value in partitions' });
  await field.fill('12.4');
  await field.press('Enter');
  await expect(field).toHaveValue('12');
  await expect(page.getByText('not a whole number')).toBeVisible();
  await expect.poll(() => queryOf(page).get(linkName('partitions'))).toBe('12');

  await field.fill('lots');
  await field.press('Enter');
  await expect(field).toHaveValue('12');
  await expect(page.getByText(/“lots” is not a number/)).toBeVisible();
});

test('slider moves replace the URL instead of adding history entries', async ({ page }) => {
  await page.goto('/');
  const length = await page.evaluate(() => history.length);
  const slider = page.getByRole('slider', { name: 'Event rate', exact: true });
  await slider.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => queryOf(page).get(linkName('rate'))).not.toBe('1000000');
  expect(await page.evaluate(() => history.length)).toBe(length);
});
