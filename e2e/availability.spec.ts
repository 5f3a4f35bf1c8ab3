import { expect, test } from '@playwright/test';
import { expectMetric, queryOf, watchForBreakage, linkName } from './helpers';

// Issue 8: advice that holds on a real cluster.

test('the log aggregation preset: writes stop with a broker down (RF 2, min ISR 2); Apply fixes it and both exports say so', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  await page.getByTestId('preset-logs').click();
  await expect(page.getByTestId('health-availability')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('verdict')).toContainText('This plan fails: writes survive the planned failure');
  await expect(page.getByTestId('verdict')).toContainText('acks=all writes stop');
  await expect(page.getByTestId('export-kafka-topics')).toHaveValue(/^# Does NOT survive one broker down with acks=all/);

  await page.getByRole('button', { name: 'Apply recommendation' }).click();
  await expect(page.getByTestId('metric-score')).toHaveAttribute('data-value', '100');
  await expect(page.getByTestId('health-availability')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('verdict')).toContainText('This plan holds its traffic.');
  await expect.poll(() => queryOf(page).get(linkName('rf'))).toBe('3');
  expect(queryOf(page).get(linkName('minIsr'))).toBe('2');
  const command = page.getByTestId('export-kafka-topics');
  const yaml = page.getByTestId('export-strimzi');
  for (const exported of [command, yaml]) await expect(exported).toHaveValue(/^# Survives one broker down with acks=all: 3 replicas, min\.insync\.replicas=2, at least 2 stay in sync\./);
  await expect(command).toHaveValue(/--replication-factor 3 [\s\S]*--config min\.insync\.replicas=2\n/);
  await expect(yaml).toHaveValue(/\n {2}replicas: 3\n[\s\S]*min\.insync\.replicas: 2\n/);

  // Strimzi 1.0 serves only v1; older operators can have v1beta2.
  await expect(yaml).toHaveValue(/\napiVersion: kafka\.strimzi\.io\/v1\n/);
  await page.getByLabel('Strimzi API version').selectOption('kafka.strimzi.io/v1beta2');
  await expect(yaml).toHaveValue(/\napiVersion: kafka\.strimzi\.io\/v1beta2\n/);
  expect(problems).toEqual([]);
});

test('on the seed defaults the busiest broker leads 2 of 5 partitions: network out 20 % over the even-spread card', async ({ page }) => {
  await page.goto('/');
  const W = 1_024_000_000;
  await expectMetric(page, 'broker-network-out', W);
  await expectMetric(page, 'broker-network-out-max', (2 * (W + 2 * W)) / 5);
  // Broker 0 down: broker 1 leads 3 of 5, each with one live follower.
  await expectMetric(page, 'failover-network-out-max', (3 * (W + W)) / 5);
  const card = page.getByTestId('metric-broker-network-out-max');
  await card.getByText('How is this computed?').click();
  await expect(card.getByTestId('explain-broker-network-out-max')).toContainText('the busiest broker leads 2 of 5 partitions');
  await expect(card).toContainText('Source:');
});

test('a max.poll.interval.ms livelock is named, with the fix', async ({ page }) => {
  await page.goto('/?v=2&rate=10&latency=1000&partitions=24&consumers=24&retention=24');
  await expect(page.getByTestId('health-poll-liveness')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('verdict')).toContainText('max.poll.interval.ms');
  await expect(page.getByTestId('verdict')).toContainText('Livelock');
  await expect(page.getByTestId('recommend-poll')).toContainText('Set max.poll.records to 150');
});

test('a link made before min ISR and zones opens with the same numbers, and says what the new checks found', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/?v=1&rate=1000&size=1024&partitions=6&latency=1&consumers=6&rf=2&retention=24&groups=1&brokers=2');
  const notice = page.getByRole('alert');
  await expect(notice.getByTestId('url-notice-v')).toContainText('numbers are unchanged');
  // The mean figures are computed as before; the broker limits of that version are kept.
  await expectMetric(page, 'ingress', 1000 * 1024);
  await expectMetric(page, 'broker-network-in', (1000 * 1024 * 2) / 2);
  await expect.poll(() => queryOf(page).get('v')).toBe('2');
  expect(queryOf(page).get('brokerNetMiBps')).toBe('1192');
  expect(queryOf(page).get(linkName('minIsr'))).toBe('1');
  expect(queryOf(page).get('zones')).toBe('2');
  expect(problems).toEqual([]);
});

test('a min ISR above rf and more zones than brokers are repaired with a notice naming each', async ({ page }) => {
  await page.goto('/?v=2&rf=2&minIsr=5&brokers=2&zones=6');
  const notice = page.getByRole('alert');
  await expect(notice.getByTestId('url-notice-minIsr')).toContainText('above the replication factor 2');
  await expect(notice.getByTestId('url-notice-zones')).toContainText('more zones than the 2 brokers');
  await expect(page.getByRole('textbox', { name: 'Min in-sync replicas, exact value', exact: false })).toHaveValue('2');
  await expect(page.getByRole('textbox', { name: 'Availability zones, exact value', exact: false })).toHaveValue('2');
});

test('the planned failure is a choice: one zone down is checked and travels in the link', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Assumptions', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Planned failure' }).selectOption({ label: 'one zone down' });
  await expect.poll(() => queryOf(page).get('headroom')).toBe('2');
  await expect(page.getByTestId('health-availability')).toContainText('With one zone down every partition keeps at least 2 of 3 replicas');
});
