import { expect, test, type Page } from '@playwright/test';
import { decodePlan, encodePlan } from '../src/config/url-codec';
import { computeClusterMetrics, type Metrics } from '../src/engine/compute-metrics';
import { METRIC_CATALOG } from '../src/engine/metric-catalog';
import { metricValue, watchForBreakage } from './helpers';

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
  // The topic's inputs under its index, the cluster's unprefixed.
  expect(new URL(copied).searchParams.get('t0.rate')).toBe('12345.5');
  expect(new URL(copied).searchParams.get('brokers')).toBe('6');

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

/** Every metric card shows the figure the engine gives for this topic. */
async function expectCards(page: Page, metrics: Metrics) {
  for (const entry of METRIC_CATALOG) await expect(page.getByTestId(`metric-${entry.name}`), entry.name).toHaveAttribute('data-value', String(entry.value(metrics)));
}

test('a link of two topics opens with both, and a reload keeps exactly that link', async ({ page }) => {
  const problems = watchForBreakage(page);
  const link =
    '?v=2&brokers=6&zones=3&growth=1' +
    '&t0.name=orders&t0.rate=5000&t0.size=2048&t0.partitions=24&t0.latency=10&t0.consumers=24&t0.rf=3&t0.retention=168&t0.groups=2&t0.minIsr=2&t0.replayGroups=0&t0.peak=2' +
    '&t1.name=clicks&t1.rate=200000&t1.size=512&t1.partitions=48&t1.latency=1&t1.consumers=48&t1.rf=2&t1.retention=24&t1.groups=1&t1.minIsr=1&t1.replayGroups=0&t1.peak=1&t1.compression=3';
  // What the app must make of it, decoded in Node: the same plan, written back as the same link.
  const { plan, notices } = decodePlan(link);
  expect(notices).toEqual([]);
  expect(plan.topics.map((t) => t.name)).toEqual(['orders', 'clicks']);
  expect(`?${encodePlan(plan)}`).toBe(link);

  await page.goto(`/${link}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Eventflow Planner' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).search).toBe(link);
  // The page opens on the first topic, with its numbers in the two-topic cluster.
  const first = computeClusterMetrics(plan).topics[0]!;
  await expectCards(page, first);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Eventflow Planner' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).search).toBe(link);
  await expectCards(page, first);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a link made before clusters (one topic, unprefixed) opens with its numbers and is rewritten as topic t0, silently', async ({ page }) => {
  const problems = watchForBreakage(page);
  const old = '?v=2&rate=1000000&size=1024&partitions=5&latency=100&consumers=10&rf=3&retention=168&groups=1&brokers=3&minIsr=2&zones=3&growth=1&replayGroups=0';
  const { plan } = decodePlan(old);
  await page.goto(`/${old}`);
  await expect.poll(() => new URL(page.url()).search).toBe(`?${encodePlan(plan)}`);
  expect(new URL(page.url()).searchParams.get('t0.name')).toBe('events');
  expect(new URL(page.url()).searchParams.get('offsetsPartitions')).toBe('0');
  await expectCards(page, computeClusterMetrics(plan).topics[0]!);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});
