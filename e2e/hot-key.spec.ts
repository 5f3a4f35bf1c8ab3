import { expect, test, type Page } from '@playwright/test';
import { expectMetric, metricValue, queryOf, watchForBreakage } from './helpers';

// A Kafka engineer sets a hot-key share on a topic and sees what one key does to the plan: the
// hot partition's rate, the check that says no consumer count fixes it, and the link carries it.

async function setExact(page: Page, label: string, unit: string, value: number): Promise<void> {
  const field = page.getByLabel(`${label}, exact value in ${unit}`, { exact: true });
  await field.fill(String(value));
  await field.press('Enter');
  await expect(field).toHaveValue(String(value));
}

// 10,000 events/s on 100 partitions and consumers at 1 ms each: even keys hold (100 events/s a partition).
const EVEN_PLAN = '/?v=2&brokers=3&zones=3&growth=1&t0.name=orders&t0.rate=10000&t0.size=1024&t0.partitions=100&t0.latency=1&t0.consumers=100&t0.rf=3&t0.retention=24&t0.groups=1&t0.minIsr=2&t0.replayGroups=0&t0.peak=1';

test('a hot key of 20 % puts 2,080 events/s on one partition: the hot-key check fails and says no consumer count helps; the link carries it', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto(EVEN_PLAN);
  await expect(page.getByTestId('health-hot-key')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('health-hot-key')).toContainText('Even keys: every partition receives 100 events/s');
  await expectMetric(page, 'hot-partition-events', 100);
  expect(queryOf(page).has('t0.hotKeyShare')).toBe(false);

  await setExact(page, 'Hot-key share', 'ratio', 0.2);
  await expect(page.getByTestId('health-hot-key')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('health-hot-key')).toContainText('One key is more than one consumer can process: partition 0 receives 2,080 events/s');
  await expect.poll(() => metricValue(page, 'hot-partition-events')).toBeCloseTo(2080, 6);
  await expect(page.getByTestId('metric-score')).toHaveAttribute('data-value', '0');
  await expect(page.getByText(/No number of consumers or partitions fixes this/).first()).toBeVisible();

  const card = page.getByTestId('metric-hot-partition-events');
  await card.getByText('How is this computed?').click();
  await expect(card.getByTestId('explain-hot-partition-events')).toContainText('λ_hot = λ·(h + (1 − h)/P) = 10,000 × (0.2 + (1 − 0.2) / 100) = 2,080 events/s');

  await expect.poll(() => queryOf(page).get('t0.hotKeyShare')).toBe('0.2');
  await page.goto(`/?${queryOf(page).toString()}`);
  await expect(page.getByLabel('Hot-key share, exact value in ratio', { exact: true })).toHaveValue('0.2');
  await expect(page.getByTestId('health-hot-key')).toHaveAttribute('data-value', '0');
  expect(problems).toEqual([]);
});
