import { expect, test } from '@playwright/test';
import { metricValue } from './helpers';

const ALL_METRICS = ['total-events', 'active-consumers', 'events-per-consumer', 'group-capacity', 'utilization', 'lag-growth', 'ingress', 'replication', 'egress', 'storage-logical', 'storage', 'broker-network-in', 'broker-network-out', 'broker-storage', 'latency', 'score'];

test('a copied link opened in a new page restores the exact plan', async ({ page, context }) => {
  await page.goto('/');
  const typed: Record<string, string> = { 'Event rate': '12345.5', Partitions: '48', 'Processing time': '0.25', 'Consumers per group': '16', Brokers: '6', 'Consumer groups': '3' };
  for (const [label, value] of Object.entries(typed)) {
    const field = page.getByRole('textbox', { name: `${label}, exact value`, exact: false });
    await field.fill(value);
    await field.press('Enter');
  }
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('v=2');
  expect(new URL(copied).searchParams.get('rate')).toBe('12345.5');

  const original: Record<string, number> = {};
  for (const name of ALL_METRICS) original[name] = await metricValue(page, name);

  const other = await context.newPage();
  await other.goto(copied);
  for (const [label, value] of Object.entries(typed)) {
    await expect(other.getByRole('textbox', { name: `${label}, exact value`, exact: false })).toHaveValue(value);
  }
  for (const name of ALL_METRICS) expect(await metricValue(other, name), name).toBe(original[name]);
  await expect(other.getByRole('alert')).toHaveCount(0);
});
