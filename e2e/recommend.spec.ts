import { expect, test } from '@playwright/test';
import { metricValue, queryOf, linkName } from './helpers';

test('Apply sets the recommended counts and the plan becomes healthy', async ({ page }) => {
  await page.goto('/?v=2&rate=100000&latency=1');
  expect(await metricValue(page, 'score')).toBeLessThan(100);
  // 143 needed, rounded up to a multiple of the 18 brokers.
  await expect(page.getByTestId('recommend-partitions')).toHaveAttribute('data-value', '144');
  await expect(page.getByTestId('recommend-partitions')).toContainText('143 needed, rounded up to a multiple of 18 brokers');
  await expect(page.getByTestId('recommend-brokers')).toHaveAttribute('data-value', '18');
  await expect(page.getByTestId('recommend-brokers')).toContainText(/storage/);
  await page.getByRole('button', { name: 'Apply recommendation' }).click();
  await expect(page.getByTestId('metric-score')).toHaveAttribute('data-value', '100');
  await expect(page.getByTestId('verdict')).toContainText('This plan holds its traffic.');
  await expect.poll(() => queryOf(page).get(linkName('partitions'))).toBe('144');
  await expect(page.getByRole('button', { name: 'Apply recommendation' })).toBeDisabled();
});

test('the seed plan is told that processing time, not counts, is the limit', async ({ page }) => {
  await page.goto('/');
  const problems = page.getByTestId('recommendation-problems');
  await expect(problems).toContainText('Processing time is the limit');
  await expect(problems).toContainText('≤ 7 ms');
  await expect(page.getByRole('button', { name: 'Apply recommendation' })).toBeDisabled();
});

test('an assumption changed in the panel changes the numbers and the link, and the link restores it', async ({ page, context }) => {
  await page.goto('/');
  await page.getByText('Assumptions', { exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Compression ratio, exact value', exact: false });
  await field.fill('2');
  await field.press('Enter');
  await expect(page.getByTestId('metric-ingress')).toHaveAttribute('data-value', '512000000');
  await expect.poll(() => queryOf(page).get(linkName('compression'))).toBe('2');
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('metric-ingress')).toHaveAttribute('data-value', '512000000');
});

test('each number opens a breakdown with the formula, the values put in and the source', async ({ page }) => {
  await page.goto('/');
  const card = page.getByTestId('metric-ingress');
  await card.getByText('How is this computed?').click();
  await expect(card.locator('code')).toHaveText('W = λ·(s + o) / k');
  await expect(card.getByTestId('explain-ingress')).toContainText('1,000,000 events/s × (1,024 B + 0 B) / 1 = 1,024,000,000 B/s (976.6 MiB/s)');
  await expect(card).toContainText('Source:');
});

test('in a cluster, the verdict\'s Apply fixes the binding topic though another topic is selected', async ({ page }) => {
  // orders (selected) holds; clicks, 20,000 events/s on 6 consumers of 1,000 events/s, does not.
  await page.goto('/?v=2&brokers=3&zones=3&t0.name=orders&t0.rate=1000&t0.size=1024&t0.partitions=6&t0.latency=2&t0.consumers=6&t1.name=clicks&t1.rate=20000&t1.size=512&t1.partitions=6&t1.latency=1&t1.consumers=6');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('the consumers of clicks cannot keep up');
  await expect(page.getByTestId('topic-name')).toHaveValue('orders');
  // The key answers name the busiest topic in full (it sat in a label cut off before the name).
  const busiest = page.getByTestId('answer-utilization-topic');
  await expect(busiest).toHaveText('busiest topic: clicks');
  expect(await busiest.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await verdict.getByRole('button', { name: 'Apply the recommended counts' }).click();
  // Every topic's counts and the brokers, as `recommend --apply` writes them: clicks gets 30 and 30.
  await expect(verdict).toContainText('This plan holds its traffic. Health 100/100.');
  await expect.poll(() => queryOf(page).get('t1.partitions')).toBe('30');
  expect(queryOf(page).get('t1.consumers')).toBe('30');
  await expect(page.getByTestId('topic-name')).toHaveValue('orders');
  await expect(verdict.getByRole('button', { name: 'Apply the recommended counts' })).toHaveCount(0);
});
