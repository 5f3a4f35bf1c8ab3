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

test('the exact fields read numbers as people type them: "200k", "2 KiB", "7d", "10 Gbit/s", and say how they read them', async ({ page }) => {
  await page.goto('/');
  const typeInto = async (name: string, text: string) => {
    const field = page.getByRole('textbox', { name, exact: true });
    await field.fill(text);
    await field.press('Enter');
    return field;
  };
  await expect(await typeInto('Event rate, exact value in events/s', '200k')).toHaveValue('200000');
  await expect(page.getByText('200k = 200,000 events/s.')).toBeVisible();
  await expect.poll(() => queryOf(page).get(linkName('rate'))).toBe('200000');

  await expect(await typeInto('Event size, exact value in bytes', '2 KiB')).toHaveValue('2048');
  await expect(page.getByText('2 KiB = 2,048 bytes.')).toBeVisible();
  await expect.poll(() => queryOf(page).get(linkName('size'))).toBe('2048');

  await expect(await typeInto('Retention, exact value in hours', '36h')).toHaveValue('36');
  await expect(await typeInto('Retention, exact value in hours', '7d')).toHaveValue('168');
  await expect(page.getByText('7d = 168 hours.')).toBeVisible();

  await page.getByText('Assumptions', { exact: true }).click();
  await typeInto('Broker network, exact value in MiB/s', '10 Gbit/s');
  await expect(page.getByText('10 Gbit/s = 1,192.09 MiB/s (SI: 1 Gbit = 10⁹ bits, 8 bits a byte).')).toBeVisible();

  // A unit that does not fit the field keeps the value and says what would.
  await expect(await typeInto('Event size, exact value in bytes', '7d')).toHaveValue('2048');
  await expect(page.getByText('“7d” is not in bytes or a unit that converts to it (write e.g. 2048, 2 KiB or 2 KB); kept 2,048 bytes.')).toBeVisible();
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

test('fine sliders: the same drag moves a slider a tenth as far, and the plan follows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const slider = page.getByRole('slider', { name: 'Partitions', exact: true });
  /** Presses at the slider's middle, drags 30 px right; the positions moved after the press. */
  const dragBy30 = async () => {
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    const pressed = Number(await slider.inputValue());
    for (let dx = 5; dx <= 30; dx += 5) await page.mouse.move(box.x + box.width / 2 + dx, y);
    await page.mouse.up();
    return Number(await slider.inputValue()) - pressed;
  };
  const coarse = await dragBy30();
  await page.getByRole('checkbox', { name: /Fine sliders/ }).check();
  const before = await slider.getAttribute('aria-valuetext');
  const fine = await dragBy30();
  expect(coarse).toBeGreaterThan(50);
  expect(fine).toBeGreaterThan(0);
  expect(fine * 10).toBeGreaterThan(coarse * 0.7);
  expect(fine * 10).toBeLessThan(coarse * 1.3);
  await expect(slider).not.toHaveAttribute('aria-valuetext', before ?? '');
  await expect(slider).toHaveAccessibleDescription(/Fine sliders: the slider spans a tenth of its range around the value/);
});
