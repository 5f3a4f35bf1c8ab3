import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { CLUSTER_PRESETS, PRESETS } from '../src/config/presets';
import { decodePlan } from '../src/config/url-codec';
import { topicView } from '../src/engine/cluster-plan';
import { computeClusterMetrics, computeMetrics } from '../src/engine/compute-metrics';
import { METRIC_CATALOG } from '../src/engine/metric-catalog';
import { expectMetric, metricValue, queryOf, waitForLazySections, watchForBreakage } from './helpers';
import { parseCsv } from '../src/test-support/parse-csv';

const STORAGE_KEY = 'eventflow-planner/scenarios';
const BACKUP_KEY = 'eventflow-planner/scenarios.backup';

async function downloadedText(page: Page, click: () => Promise<void>): Promise<{ text: string; download: Download }> {
  // The export buttons sit below the charts: click them once the charts' chunk can no longer move them.
  await waitForLazySections(page);
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { text: await readFile(path, 'utf8'), download };
}

async function typeExact(page: Page, label: string, value: string) {
  const field = page.getByRole('textbox', { name: `${label}, exact value`, exact: false });
  await field.fill(value);
  await field.press('Enter');
}

test('each preset loads in one click: every metric becomes the preset\'s, the link follows, its assumptions are shown', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  const status = page.getByTestId('scenario-status');
  for (const preset of PRESETS) {
    await page.getByTestId(`preset-${preset.id}`).click();
    await expect(status).toHaveText(`Loaded preset: “${preset.name}”.`);
    await expect(page.getByTestId(`preset-${preset.id}`)).toHaveAttribute('aria-pressed', 'true');
    const expected = computeMetrics(preset.config);
    for (const entry of METRIC_CATALOG) {
      await expect(page.getByTestId(`metric-${entry.name}`), `${preset.id}: ${entry.name}`).toHaveAttribute('data-value', String(entry.value(expected)));
    }
    await expect(page.getByTestId('preset-assumptions')).toContainText(preset.assumptions[0]!);
    // The link follows once the plan stands still (url-sync writes it at rest): it decodes to the
    // preset's one topic. Polled, since the metrics are on screen before the link is written.
    await expect.poll(() => decodePlan(new URL(page.url()).search).plan.topics.length).toBe(1);
    await expect.poll(() => topicView(decodePlan(new URL(page.url()).search).plan, 0)).toEqual(preset.config);
  }
  // Until the person changes something.
  await typeExact(page, 'Partitions', '500');
  await expect(status).toHaveText(`Changed since loading the preset “${PRESETS.at(-1)!.name}”.`);
  // Keyboard: focus a preset and press Enter.
  await page.getByTestId('preset-iot').focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Loaded preset: “IoT telemetry stream”.');
  await expectMetric(page, 'total-events', 10_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a downloaded JSON imports back to the same link, and a repaired import says what changed', async ({ page }, testInfo) => {
  const problems = watchForBreakage(page);
  await page.goto('/?rate=12345.5&partitions=48&latency=0.25&consumers=16&brokers=6&groups=3&compression=2.5&sloMs=250');
  await expect.poll(() => queryOf(page).get('t0.name')).toBe('events');
  const original = page.url();

  const { text, download } = await downloadedText(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
  expect(download.suggestedFilename()).toBe('eventflow-plan.json');
  const file = JSON.parse(text) as { format: string; version: number; plan: { cluster: Record<string, number>; topics: Record<string, number | string>[] } };
  expect(file).toMatchObject({ format: 'eventflow-planner/scenario', version: 2 });
  expect(file.plan.cluster).toMatchObject({ brokers: 6, sloMs: 250 });
  expect(file.plan.topics).toEqual([expect.objectContaining({ name: 'events', rate: 12345.5, partitions: 48, latency: 0.25, consumers: 16, groups: 3, compression: 2.5 })]);
  // The toolbar's export writes the same file.
  const again = await downloadedText(page, () => page.getByRole('button', { name: 'Export scenario (JSON)' }).click());
  expect(again.text).toBe(text);

  await page.getByTestId('preset-logs').click();
  await expect.poll(() => page.url()).not.toBe(original);

  // Saved under its suggested name, as a browser would.
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import scenario (JSON)…' }).click();
  await (await chooser).setFiles(saved);
  await expect.poll(() => page.url()).toBe(original);
  await expect(page.getByTestId('scenario-status')).toHaveText('Loaded scenario from a file: “eventflow-plan.json”.');
  await expect(page.getByTestId('scenario-notice')).toContainText('Changed: Partitions: 192 → 48 partitions');
  await expectMetric(page, 'total-events', 12345.5);

  // A hostile file: values are repaired by the link's rules and listed; the page keeps working.
  const hostile = testInfo.outputPath('hostile.json');
  await writeFile(hostile, JSON.stringify({ format: 'eventflow-planner/scenario', version: 9, name: '<img src=x onerror=alert(1)>', config: { rate: -5, partitions: 1e99, size: '<script>alert(1)</script>' } }));
  await page.getByTestId('import-scenario-file').setInputFiles(hostile);
  const notice = page.getByRole('alert').filter({ hasText: 'Imported' });
  await expect(notice).toContainText('partitions = “1e+99”: above the maximum');
  await expect(notice).toContainText('rate = “-5”: negative');
  await expect(notice).toContainText('version = “9”');
  await expect(notice).toContainText('<img src=x onerror=alert(1)>');
  // The link follows the store within its write interval (120 ms), not at once.
  await expect.poll(() => queryOf(page).get('t0.partitions')).toBe('10000');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Not a scenario at all: refused, the plan unchanged.
  const before = page.url();
  await page.getByTestId('import-scenario-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":') });
  await expect(page.getByRole('alert').filter({ hasText: '“notes.json” was not imported' })).toContainText('not JSON');
  expect(page.url()).toBe(before);
  expect(problems).toEqual([]);
});

test('the metrics CSV has the config and every metric of the catalogue, with the values on the page', async ({ page }) => {
  await page.goto('/?rate=50000&partitions=24&latency=5&consumers=12&brokers=4&groups=2');
  const { text, download } = await downloadedText(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  expect(download.suggestedFilename()).toBe('eventflow-metrics.csv');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual(['section', 'name', 'title', 'value', 'unit', 'text', 'topic']);
  const metricRows = rows.filter((r) => r[0] === 'metric');
  expect(METRIC_CATALOG.length).toBeGreaterThanOrEqual(16);
  expect(metricRows.map((r) => r[1])).toEqual(METRIC_CATALOG.map((e) => e.name));
  for (const row of metricRows) expect(Number(row[3]), row[1]).toBe(await metricValue(page, row[1]!));
  expect(metricRows.every((r) => r[6] === 'events')).toBe(true);
  expect(rows.find((r) => r[0] === 'config' && r[1] === 'partitions')?.[3]).toBe('24');
  expect(rows.filter((r) => r[0] === 'cluster').map((r) => r[1])).toContain('cluster-ingress');
  // The text area shows the same CSV (a text area's value has LF line ends).
  await expect(page.getByTestId('export-csv')).toHaveValue(text.slice(1).replace(/\r\n/g, '\n'));
});

test('the kafka-topics.sh command and the Strimzi YAML carry the plan\'s partitions, replication and retention', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/?partitions=48&rf=2&retention=36');
  const command = page.getByTestId('export-kafka-topics');
  const yaml = page.getByTestId('export-strimzi');
  await expect(command).toHaveValue(/--create --topic events /);
  await expect(command).toHaveValue(/--partitions 48 --replication-factor 2 /);
  await expect(command).toHaveValue(/--config retention\.ms=129600000 /);
  // The link sets no min ISR: with rf 2 the rule gives 1, and both exports say it survives a broker down.
  await expect(command).toHaveValue(/--config min\.insync\.replicas=1\n/);
  await expect(command).toHaveValue(/^# Survives one broker down with acks=all: 2 replicas, min\.insync\.replicas=1/);
  await expect(yaml).toHaveValue(/^# Survives one broker down with acks=all[^\n]*\napiVersion: kafka\.strimzi\.io\/v1\nkind: KafkaTopic\n/);
  await expect(yaml).toHaveValue(/\n {2}partitions: 48\n {2}replicas: 2\n {2}config:\n {4}retention\.ms: 129600000\n/);

  // They follow the plan.
  await typeExact(page, 'Replication factor', '1');
  await expect(command).toHaveValue(/--replication-factor 1 [\s\S]*min\.insync\.replicas=1/);
  await expect(yaml).toHaveValue(/replicas: 1\n/);

  const { text, download } = await downloadedText(page, () => page.getByRole('button', { name: 'Download command' }).click());
  expect(download.suggestedFilename()).toBe('create-topic-events.sh');
  await expect(command).toHaveValue(text);
  const yamlFile = await downloadedText(page, () => page.getByRole('button', { name: 'Download YAML' }).click());
  expect(yamlFile.download.suggestedFilename()).toBe('kafkatopic-events.yaml');
  await expect(yaml).toHaveValue(yamlFile.text);
  await page.getByRole('button', { name: 'Copy YAML' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yamlFile.text);
  expect(problems).toEqual([]);
});

test('each cluster preset loads in one click, and the exports carry every one of its topics', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  const status = page.getByTestId('scenario-status');
  const command = page.getByTestId('export-kafka-topics');
  const yaml = page.getByTestId('export-strimzi');
  for (const preset of CLUSTER_PRESETS) {
    await page.getByTestId(`preset-${preset.id}`).click();
    await expect(status).toHaveText(`Loaded preset: “${preset.name}”.`);
    await expect(page.getByTestId(`preset-${preset.id}`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('preset-assumptions')).toContainText(preset.assumptions[0]!);
    // One command a topic, each with its name and partitions, in the plan's order.
    const expected = preset.plan.topics.map((t) => `--topic ${t.name} \\\n  --partitions ${t.partitions} --replication-factor ${t.replicationFactor} `);
    await expect.poll(async () => [...(await command.inputValue()).matchAll(/--topic \S+ \\\n {2}--partitions \d+ --replication-factor \d+ /g)].map((m) => m[0])).toEqual(expected);
    await expect.poll(async () => (await yaml.inputValue()).split('\n---\n').length).toBe(preset.plan.topics.length);
    // The CSV: a row a topic for each metric, the topic's own value.
    const metrics = computeClusterMetrics(preset.plan);
    const ingressRows = async () => {
      const rows = parseCsv((await page.getByTestId('export-csv').inputValue()).replace(/\n/g, '\r\n'));
      return rows.filter((r) => r[0] === 'metric' && r[1] === 'ingress').map((r) => [r[6], Number(r[3])]);
    };
    await expect.poll(ingressRows).toEqual(preset.plan.topics.map((t, i) => [t.name, metrics.topics[i]!.ingressBytesPerSec]));
  }
  const slug = CLUSTER_PRESETS.at(-1)!.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const { download } = await downloadedText(page, () => page.getByRole('button', { name: 'Download command' }).click());
  expect(download.suggestedFilename()).toBe(`create-topics-${slug}.sh`);
  // A one-topic preset after a cluster one: one topic again.
  await page.getByTestId('preset-iot').click();
  await expect(status).toHaveText('Loaded preset: “IoT telemetry stream”.');
  await expect.poll(async () => (await command.inputValue()).match(/kafka-topics\.sh /g)?.length).toBe(1);
  expect(problems).toEqual([]);
});

test('compare: after pinning a baseline and moving a slider, every metric shows the baseline and the difference', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('metric-delta-total-events')).toHaveCount(0);
  const before: Record<string, number> = {};
  for (const entry of METRIC_CATALOG) before[entry.name] = await metricValue(page, entry.name);

  await page.getByRole('button', { name: 'Pin as baseline' }).click();
  await expect(page.getByTestId('baseline-status')).toContainText('not part of the link');
  await expect(page.getByTestId('metric-delta-active-consumers')).toContainText('no change');

  // The partitions slider, one step right by keyboard.
  const slider = page.getByRole('slider', { name: 'Partitions', exact: true });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => metricValue(page, 'active-consumers')).toBeGreaterThan(5);
  const active = await metricValue(page, 'active-consumers');

  for (const entry of METRIC_CATALOG) {
    const delta = page.getByTestId(`metric-delta-${entry.name}`);
    await expect(delta, entry.name).toBeVisible();
    await expect(delta).toHaveAttribute('data-baseline', String(before[entry.name]));
  }
  await expect(page.getByTestId('metric-delta-active-consumers')).toContainText('Baseline: 5');
  await expect(page.getByTestId('metric-delta-active-consumers')).toContainText(`+${active - 5} (+${(active - 5) * 20} %)`);
  await expect(page.getByTestId('metric-delta-total-events')).toContainText('no change');
  expect([...queryOf(page).keys()].some((k) => k.toLowerCase().includes('baseline'))).toBe(false);

  await page.getByRole('button', { name: 'Clear baseline' }).click();
  await expect(page.getByTestId('metric-delta-active-consumers')).toHaveCount(0);
});

test('corrupt saved data shows a notice, keeps what it can read, keeps a backup, and the page works', async ({ page }) => {
  const problems = watchForBreakage(page);
  const partly = JSON.stringify({ state: { scenarios: [{ id: 'a', name: 'Readable one', config: { rate: 4321, partitions: 7 } }, 42, { name: 'no config' }] }, version: 1 });
  await page.addInitScript(
    ([key, raw]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, raw);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [STORAGE_KEY, partly] as const,
  );
  await page.goto('/');
  const notice = page.getByRole('alert').filter({ hasText: 'could not be read as stored' });
  await expect(notice).toContainText('Saved scenario 2 was dropped');
  await expect(notice).toContainText('Saved scenario 3 (“no config”) was dropped');
  await expect(notice).toContainText(BACKUP_KEY);
  expect(await page.evaluate(([k, b]) => [localStorage.getItem(k), localStorage.getItem(b)], [STORAGE_KEY, BACKUP_KEY] as const)).toEqual([partly, partly]);
  await page.getByRole('button', { name: 'Load “Readable one”' }).click();
  await expectMetric(page, 'total-events', 4321);
  await notice.getByRole('button', { name: /Dismiss/ }).click();
  await expect(notice).toHaveCount(0);

  // Truncated data: nothing readable, still a working page.
  await page.evaluate((k) => localStorage.setItem(k, '{"state":{"scenarios":[{"id":"x","name":"Cut'), STORAGE_KEY);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read as stored' })).toContainText('not JSON');
  await typeExact(page, 'Event rate', '777');
  await expectMetric(page, 'total-events', 777);
  await expect(page.getByRole('heading', { level: 1, name: 'Eventflow Planner' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('saved scenarios survive a reload; rename and delete (with undo) work', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  await typeExact(page, 'Partitions', '77');
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Seventy-seven partitions');
  await page.getByRole('button', { name: 'Save current as…' }).click();
  await expect(page.getByText('Saved “Seventy-seven partitions”.')).toBeVisible();
  await page.getByTestId('preset-uber').click();
  await name.fill('Uber copy');
  await name.press('Enter');

  await page.goto('/');
  await expect(page.getByTestId('saved-scenario')).toHaveCount(2);
  await page.getByRole('button', { name: 'Load “Seventy-seven partitions”' }).click();
  await expect.poll(() => queryOf(page).get('t0.partitions')).toBe('77');
  await expect(page.getByTestId('scenario-status')).toHaveText('Loaded saved scenario: “Seventy-seven partitions”.');

  await page.getByRole('button', { name: 'Rename “Uber copy”' }).click();
  const rename = page.getByRole('textbox', { name: 'New name for “Uber copy”' });
  await rename.fill('Uber, rush hour');
  await rename.press('Enter');
  await expect(page.getByRole('button', { name: 'Load “Uber, rush hour”' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete “Seventy-seven partitions”' }).click();
  await expect(page.getByTestId('saved-scenario')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('saved-scenario')).toHaveCount(2);

  await page.reload();
  await expect(page.getByTestId('saved-scenario')).toHaveCount(2);
  await page.getByRole('button', { name: 'Load “Uber, rush hour”' }).click();
  await expectMetric(page, 'total-events', PRESETS.find((p) => p.id === 'uber')!.config.eventsPerSec);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});
