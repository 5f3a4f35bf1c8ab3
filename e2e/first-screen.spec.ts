import { expect, test } from '@playwright/test';
import { expectMetric } from './helpers';

test.describe("the first screen answers the seed's question", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test("shows the seed calculator's figures", async ({ page }) => {
    await expect(page.getByTestId('metric-total-events')).toHaveAttribute('data-value', '1000000');
    await expect(page.getByTestId('metric-total-events')).toContainText('1,000,000 events/s');
    await expect(page.getByTestId('metric-events-per-consumer')).toHaveAttribute('data-value', '200000');
    await expect(page.getByTestId('metric-events-per-consumer')).toContainText('200,000 events/s');
    await expect(page.getByTestId('metric-ingress')).toHaveAttribute('data-value', '1024000000');
    await expect(page.getByTestId('metric-ingress')).toContainText('976.6 MiB/s');
    await expect(page.getByTestId('metric-storage-logical')).toHaveAttribute('data-value', String(1_024_000_000 * 604_800));
    await expect(page.getByTestId('metric-storage-logical')).toContainText('576,782.2 GiB');
    await expect(page.getByTestId('metric-storage')).toHaveAttribute('data-value', String(3 * 1_024_000_000 * 604_800));
    await expect(page.getByTestId('metric-storage')).toContainText('1,730,346.7 GiB');
  });

  test('says plainly that the scenario is overloaded, and why', async ({ page }) => {
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toContainText('overloaded');
    await expect(verdict).toContainText('5 active consumers can process 50 events/s, but 1,000,000 arrive');
    await expect(page.getByTestId('metric-lag-growth')).toHaveAttribute('data-value', '999950');
    await expect(page.getByTestId('metric-latency')).toHaveAttribute('data-value', 'Infinity');
    await expect(page.getByTestId('metric-latency')).toContainText('unbounded');
    await expectMetric(page, 'score', 0);
  });

  test('shows every metric with a number and its formula, never NaN or Infinity as text', async ({ page }) => {
    const names = ['total-events', 'active-consumers', 'events-per-consumer', 'group-capacity', 'utilization', 'lag-growth', 'ingress', 'replication', 'egress', 'storage-logical', 'storage', 'broker-network-in', 'broker-network-out', 'broker-storage', 'latency', 'score'];
    for (const name of names) {
      const card = page.getByTestId(`metric-${name}`);
      await expect(card).toBeVisible();
      await expect(card).not.toContainText(/NaN|Infinity/);
      await card.getByText('How is this computed?').click();
      await expect(card.locator('code')).toBeVisible();
    }
  });

  test('writes the canonical link with v=2', async ({ page }) => {
    await expect(page).toHaveURL(/\?v=2&brokers=3&zones=3&growth=1&t0\.name=events&t0\.rate=1000000&t0\.size=1024&t0\.partitions=5&t0\.latency=100&t0\.consumers=10&t0\.rf=3&t0\.retention=168&t0\.groups=1&t0\.minIsr=2&t0\.replayGroups=0&t0\.peak=1$/);
  });

  test('says an invalid cluster (rf > brokers) is invalid', async ({ page }) => {
    await page.goto('/?v=2&rf=5&brokers=3');
    await expect(page.getByTestId('verdict')).toContainText('invalid');
    await expect(page.getByTestId('verdict')).toContainText('replication factor 5 needs at least 5 brokers');
  });
});
