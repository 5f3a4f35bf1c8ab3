import { expect, test } from '@playwright/test';
import { recommend } from '../src/engine/recommend';
import { PRESETS } from '../src/config/presets';
import { watchForBreakage } from './helpers';

// Issue 4's "Done when": a person who does not know Kafka picks a preset, sees what limits it,
// presses Apply, exports the topic command, and can tell where every number came from.
test('preset → what limits it → Apply → healthy → topic command → where each number comes from', async ({ page }) => {
  const problems = watchForBreakage(page);
  const amazon = PRESETS.find((p) => p.id === 'amazon');
  expect(amazon).toBeDefined();
  const expected = recommend(amazon!.config);

  await page.goto('/');
  await page.getByTestId('preset-amazon').click();

  // What limits it: the verdict names the broken limit, the health check says which one binds.
  await expect(page.getByTestId('verdict')).toContainText('This plan fails: broker storage.');
  await expect(page.getByTestId('verdict')).toContainText('Data on the fullest disk');
  await expect(page.getByTestId('verdict')).toContainText('over the limit');
  await expect(page.getByTestId('health-broker-storage')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('recommend-brokers')).toContainText('storage');

  await page.getByRole('button', { name: 'Apply recommendation' }).click();
  await expect(page.getByTestId('metric-score')).toHaveAttribute('data-value', '100');
  await expect(page.getByTestId('verdict')).toContainText('This plan holds its traffic.');

  // The topic command carries the applied plan.
  const command = page.getByTestId('export-kafka-topics');
  await expect(command).toHaveValue(new RegExp(`--partitions ${expected.config.partitions}\\b`));
  await expect(command).toHaveValue(new RegExp(`--replication-factor ${expected.config.replicationFactor}\\b`));

  // Every number opens its breakdown: formula, values, result and source.
  for (const name of ['storage', 'broker-storage', 'group-capacity', 'latency']) {
    const card = page.getByTestId(`metric-${name}`);
    await card.getByText('How is this computed?').click();
    await expect(card.locator('code')).not.toBeEmpty();
    await expect(card.getByTestId(`explain-${name}`)).toContainText('=');
    await expect(card).toContainText('Source:');
  }
  expect(problems).toEqual([]);
});
