import { expect, test } from '@playwright/test';
import { expectMetric, metricValue, queryOf, watchForBreakage } from './helpers';

test('the example hostile link shows a notice naming each param, and sane values', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/?rate=-5&partitions=1e99&size=<script>alert(1)</script>');
  const notice = page.getByRole('alert');
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId('url-notice-rate')).toContainText('negative');
  await expect(notice.getByTestId('url-notice-partitions')).toContainText('above the maximum');
  await expect(notice.getByTestId('url-notice-size')).toContainText('not a number');
  // Shown as text, never run or parsed as HTML.
  await expect(notice.getByTestId('url-notice-size')).toContainText('<script>alert(1)</script>');
  expect(await page.locator('#root script').count()).toBe(0);

  await expectMetric(page, 'total-events', 1_000_000);
  await expect(page.getByRole('textbox', { name: 'Partitions, exact value', exact: false })).toHaveValue('10000');
  // Rewritten as the one topic of a cluster link.
  expect(queryOf(page).get('t0.size')).toBe('1024');

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a hostile cluster link names each prefixed param, drops topics past t49, and repairs names', async ({ page }) => {
  const problems = watchForBreakage(page);
  const topics = Array.from({ length: 55 }, (_, i) => `t${i + 5}.name=topic-${i}`).join('&');
  await page.goto(`/?t0.name=orders&t0.rate=-5&t3.name=orders&t3.rate=abc&t4.name=a%20b&${topics}`);
  const notice = page.getByRole('alert').filter({ hasText: 'Some values in this link were changed' });
  await expect(notice.getByTestId('url-notice-t0.rate')).toContainText('negative');
  await expect(notice.getByTestId('url-notice-t3.rate')).toContainText('not a number');
  await expect(notice.getByTestId('url-notice-t3.name')).toContainText('"orders-2" was used');
  await expect(notice.getByTestId('url-notice-t4.name')).toContainText('not a Kafka topic name');
  await expect(notice.getByTestId('url-notice-t50.name')).toContainText('10 topics outside t0 – t49 left out');
  await expectMetric(page, 'total-events', 1_000_000);
  // The rewritten link: the 48 topics t0, t3, t4, t5 … t49 as t0 … t47, legal unique names.
  await expect.poll(() => [...queryOf(page).keys()].filter((k) => k.endsWith('.name')).length).toBe(48);
  expect([1, 2, 3, 47].map((i) => queryOf(page).get(`t${i}.name`))).toEqual(['orders-2', 'a-b', 'topic-0', 'topic-44']);
  expect(problems).toEqual([]);
});

const HOSTILE = [
  '?rate=NaN&latency=Infinity',
  '?partitions=2.5&consumers=-0&brokers=0',
  '?rf=99&retention=1e400&groups=%F0%9F%92%A5',
  '?rate=%zz&size=%00&v=999',
  '?size=<img src=x onerror=alert(1)>&rate=1&rate=2',
  '?consumers=' + '9'.repeat(5000),
  '?latency=0x10&retention=1,5&groups=%3Csvg%20onload%3Dalert(1)%3E',
  '?t0.name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&t0.rate=NaN&t1.partitions=1e999&broker=%3Cscript%3E',
];

for (const search of HOSTILE) {
  test(`a hostile link leaves a working page with a notice: ${search.slice(0, 60)}`, async ({ page }) => {
    const problems = watchForBreakage(page);
    await page.goto('/' + search);
    await expect(page.getByRole('heading', { level: 1, name: 'Eventflow Planner' })).toBeVisible();
    await expect(page.getByRole('alert')).toBeVisible();
    for (const name of ['total-events', 'ingress', 'storage', 'score']) {
      const value = await metricValue(page, name);
      expect(Number.isFinite(value) && value >= 0, name).toBe(true);
    }
    expect(await page.locator('#root img, #root svg[onload], #root script').count()).toBe(0);
    expect(queryOf(page).get('v')).toBe('2');
    expect(problems).toEqual([]);
  });
}
