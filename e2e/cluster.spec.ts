import { expect, test, type Page } from '@playwright/test';
import { expectMetric, metricValue, watchForBreakage } from './helpers';

// Issue 9's "Done when": a person builds a four-topic cluster, sees which topic and which check
// limits it at peak, applies the cheapest passing broker type and count, reads its monthly cost
// line by line, shares the link and gets the same cluster back.

/** Types an exact value into a slider's number field, as a person does. */
async function setExact(page: Page, label: string, unit: string, value: number): Promise<void> {
  const field = page.getByLabel(`${label}, exact value in ${unit}`, { exact: true });
  await field.fill(String(value));
  await field.press('Enter');
  await expect(field).toHaveValue(String(value));
}

async function nameTopic(page: Page, name: string): Promise<void> {
  const field = page.getByTestId('topic-name');
  await field.fill(name);
  await field.press('Enter');
  await expect(field).toHaveValue(name);
}

interface TopicValues {
  readonly name: string;
  readonly rate: number;
  readonly size: number;
  readonly partitions: number;
  readonly processingMs: number;
  readonly consumers: number;
  readonly peak: number;
}

const TOPICS: readonly TopicValues[] = [
  { name: 'orders', rate: 2000, size: 2048, partitions: 12, processingMs: 4, consumers: 12, peak: 4 },
  { name: 'payments', rate: 500, size: 1024, partitions: 6, processingMs: 2, consumers: 6, peak: 1 },
  { name: 'clicks', rate: 50000, size: 512, partitions: 24, processingMs: 0.1, consumers: 12, peak: 2 },
  { name: 'logs', rate: 20000, size: 1024, partitions: 12, processingMs: 0.2, consumers: 6, peak: 1 },
];

async function fillTopic(page: Page, topic: TopicValues): Promise<void> {
  await nameTopic(page, topic.name);
  await setExact(page, 'Event rate', 'events/s', topic.rate);
  await setExact(page, 'Event size', 'bytes', topic.size);
  await setExact(page, 'Partitions', 'partitions', topic.partitions);
  await setExact(page, 'Processing time', 'ms', topic.processingMs);
  await setExact(page, 'Consumers per group', 'consumers', topic.consumers);
  await setExact(page, 'Peak traffic', '×', topic.peak);
}

test('four topics → the binding topic and check at peak → the cheapest passing broker type → its cost line by line → the link gives the same cluster', async ({ page, context }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  await fillTopic(page, TOPICS[0]!);
  for (const topic of TOPICS.slice(1)) {
    await page.getByTestId('topic-add').click();
    await fillTopic(page, topic);
  }
  for (const [i, topic] of TOPICS.entries()) await expect(page.getByTestId(`topic-item-${i}`)).toContainText(topic.name);

  // Which topic and which check limit it: orders at 4× peak, 8,000 events/s on 12 consumers of 250 events/s.
  await expect(page.getByTestId('health-consumers')).toContainText('orders: consumer capacity at peak');
  await expect(page.getByTestId('verdict')).toContainText('the consumers of orders cannot keep up');

  // The cluster's figures are the topics' sums.
  await expectMetric(page, 'cluster-ingress', TOPICS.reduce((sum, t) => sum + t.rate * t.size, 0));
  await expectMetric(page, 'cluster-ingress-peak', TOPICS.reduce((sum, t) => sum + t.rate * t.size * t.peak, 0));
  await expectMetric(page, 'cluster-partition-replicas', (12 + 6 + 24 + 12 + 50) * 3);

  // Apply the cheapest type and count of the catalogue that pass (once they are sized for this plan).
  await expect(page.getByTestId('recommend-cluster')).toHaveAttribute('aria-busy', 'false');
  const cheapest = page.getByTestId('recommend-cheapest');
  await expect(cheapest).toHaveAttribute('data-type', /^kafka\./);
  const type = (await cheapest.getAttribute('data-type'))!;
  await cheapest.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('broker-type-select')).toHaveAttribute('data-value', type);
  await expect(page.getByTestId('recommend-cluster')).toHaveAttribute('aria-busy', 'false');
  const brokers = Number(await page.getByTestId('recommend-chosen-type').getAttribute('data-value'));
  await expect(page.getByLabel('Brokers, exact value in brokers', { exact: true })).toHaveValue(String(brokers));
  for (const id of ['broker-network', 'broker-disk', 'broker-storage', 'broker-replicas', 'consumers']) {
    await expect(page.getByTestId(`health-${id}`)).toHaveAttribute('data-value', '1');
  }
  await expect(page.getByTestId('verdict')).not.toContainText('cannot keep up');

  // The monthly cost, line by line: each line's figure, and the total their sum.
  const lines = ['brokers', 'storage', 'client-cross-zone', 'replication-cross-zone'];
  const values: number[] = [];
  for (const id of lines) {
    const row = page.getByTestId(`cost-line-${id}`);
    await expect(row).toBeVisible();
    values.push(Number(await row.getAttribute('data-value')));
  }
  await expect(page.getByTestId('cost-line-brokers')).toContainText(`${brokers * 730} broker-hours`.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  const total = Number(await page.getByTestId('cost-total').getAttribute('data-value'));
  expect(Math.abs(total - values.reduce((a, b) => a + b, 0))).toBeLessThan(1e-6);
  await expectMetric(page, 'cluster-cost-monthly', total);

  // Share the link: a fresh page opens the same cluster.
  await expect.poll(() => new URL(page.url()).searchParams.get('t3.name')).toBe('logs');
  const link = page.url();
  const other = await context.newPage();
  await other.goto(link);
  for (const [i, topic] of TOPICS.entries()) await expect(other.getByTestId(`topic-item-${i}`)).toContainText(topic.name);
  await expect(other.getByTestId('broker-type-select')).toHaveAttribute('data-value', type);
  for (const name of ['cluster-ingress', 'cluster-ingress-peak', 'cluster-egress-peak', 'cluster-storage', 'cluster-partition-replicas', 'cluster-cost-monthly']) {
    expect(await metricValue(other, name)).toBe(await metricValue(page, name));
  }
  expect(other.url()).toBe(link);
  expect(problems).toEqual([]);
});

test('remove a topic and undo it: the cluster comes back as it was', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('topic-add').click();
  await nameTopic(page, 'clicks');
  await expectMetric(page, 'cluster-ingress', 2 * 1_000_000 * 1024);
  const before = await metricValue(page, 'cluster-ingress');
  await page.getByTestId('topic-remove').click();
  await expect(page.getByTestId('metric-cluster-ingress')).toHaveAttribute('data-value', String(1_000_000 * 1024));
  await page.getByTestId('topic-undo').click();
  await expect(page.getByTestId('metric-cluster-ingress')).toHaveAttribute('data-value', String(before));
  await expect(page.getByTestId('topic-item-1')).toContainText('clicks');
  // A one-topic plan shows no topic tabs: it looks as simple as before.
  await page.getByTestId('topic-remove').click();
  await expect(page.getByTestId('topic-item-0')).toHaveCount(0);
});

test("a topic name Kafka would refuse is repaired with a message naming what changed", async ({ page }) => {
  await page.goto('/');
  const field = page.getByTestId('topic-name');
  await field.fill('orders v2!');
  await field.press('Enter');
  await expect(field).toHaveValue('orders-v2-');
  await expect(page.getByRole('status').filter({ hasText: 'not a Kafka topic name' })).toBeVisible();
});
