import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_CONFIG } from '../src/config/schema';
import { serializeScenarioFile } from '../src/export/scenario-file';
import { expectMetric, queryOf, watchForBreakage } from './helpers';

/**
 * Saved data and imported files that are corrupt, truncated, from another version or oversized
 * (docs/reliability.md): each gives a notice, and nothing is lost of the other saved scenarios —
 * not on load, not after a reload, not after the next save.
 */
const STORAGE_KEY = 'eventflow-planner/scenarios';
const BACKUP_KEY = 'eventflow-planner/scenarios.backup';

// Entries as the release before clusters stored them (format 1, `config`, one topic): they keep opening.
const ALPHA = { id: 'alpha', name: 'Alpha', savedAt: '2026-01-02T03:04:05.000Z', config: { rate: 1111, partitions: 11 } };
const GAMMA = { id: 'gamma', name: 'Gamma', savedAt: '2026-01-02T03:04:05.000Z', config: { rate: 3333, partitions: 33 } };
const envelope = (scenarios: unknown[], version: unknown = 1) => JSON.stringify({ state: { scenarios }, version });

const loadNotice = (page: Page) => page.getByRole('alert').filter({ hasText: 'could not be read as stored' });
/** The saved scenarios listed, by name, in order. */
const listed = (page: Page) =>
  page
    .getByTestId('saved-scenario')
    .getByRole('button', { name: /^Load “/ })
    .evaluateAll((buttons) => buttons.map((b) => /^Load “(.*)”$/.exec(b.getAttribute('aria-label') ?? '')?.[1] ?? '?'));
const expectListed = (page: Page, names: string[]) => expect.poll(() => listed(page)).toEqual(names);

/** Opens the app once (nothing stored), puts `raw` under the storage key, reloads. */
async function openWithStored(page: Page, raw: string) {
  await page.goto('/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, raw] as const);
  await page.reload();
}

/** What a save wrote (format 2: every scenario's whole plan), each scenario's first topic's rate. */
async function stored(page: Page): Promise<{ version: number; names: string[]; rates: number[] }> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  const data = JSON.parse(raw ?? 'null') as { version: number; state: { scenarios: { name: string; plan: { topics: { rate: number }[] } }[] } };
  return { version: data.version, names: data.state.scenarios.map((s) => s.name), rates: data.state.scenarios.map((s) => s.plan.topics[0]!.rate) };
}

async function saveCurrentAs(page: Page, name: string, partitions: string) {
  const field = page.getByRole('textbox', { name: 'Partitions, exact value', exact: false });
  await field.fill(partitions);
  await field.press('Enter');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save current as…' }).click();
  await expect(page.getByText(`Saved “${name}”.`)).toBeVisible();
}

/** After a reload: exactly these scenarios, no load notice, and each loads its own plan. */
async function expectCleanAfterReload(page: Page, names: string[]) {
  await page.reload();
  await expectListed(page, names);
  await expect(loadNotice(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Load “Alpha”' }).click();
  await expectMetric(page, 'total-events', 1111);
  await page.getByRole('button', { name: 'Load “Gamma”' }).click();
  await expect.poll(() => queryOf(page).get('t0.partitions')).toBe('33');
}

test('one corrupt scenario of three: a notice, the other two kept after a reload and after the next save', async ({ page }) => {
  const problems = watchForBreakage(page);
  const raw = envelope([ALPHA, { id: 'beta', name: 'Beta', config: 'rate=2222' }, GAMMA]);
  await openWithStored(page, raw);
  await expect(loadNotice(page)).toContainText('Saved scenario 2 (“Beta”) was dropped: it has no plan.');
  await expectListed(page, ['Alpha', 'Gamma']);

  // A reload reads the same: nothing was written, the raw text has a backup.
  await page.reload();
  await expect(loadNotice(page)).toContainText('Saved scenario 2 (“Beta”) was dropped');
  await expectListed(page, ['Alpha', 'Gamma']);
  expect(await page.evaluate(([k, b]) => [localStorage.getItem(k), localStorage.getItem(b)], [STORAGE_KEY, BACKUP_KEY] as const)).toEqual([raw, raw]);

  // The next save keeps both readable ones.
  await saveCurrentAs(page, 'Delta', '44');
  expect(await stored(page)).toEqual({ version: 2, names: ['Alpha', 'Gamma', 'Delta'], rates: [1111, 3333, DEFAULT_CONFIG.eventsPerSec] });
  await expectCleanAfterReload(page, ['Alpha', 'Gamma', 'Delta']);
  expect(problems).toEqual([]);
});

test('a 5 MB stored value: a notice, and every scenario in it kept through a save, though no backup fits', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  // Built in the page: 5,000,000 characters nearly fill Chromium's localStorage (about 5.2 M a site).
  const length = await page.evaluate(
    ([key, alpha, gamma]) => {
      const big = { id: 'big', name: 'Big', config: { rate: 5 }, notes: 'x'.repeat(5_000_000) };
      const raw = JSON.stringify({ state: { scenarios: [JSON.parse(alpha), big, JSON.parse(gamma)] }, version: 1 });
      localStorage.setItem(key, raw);
      return localStorage.getItem(key)?.length ?? 0;
    },
    [STORAGE_KEY, JSON.stringify(ALPHA), JSON.stringify(GAMMA)] as const,
  );
  expect(length).toBeGreaterThan(5_000_000);
  await page.reload();
  const notice = loadNotice(page);
  await expect(notice).toContainText('The saved data is unusually large (5,000,');
  await expect(notice).toContainText('Saved scenario 2 (“Big”) is unusually large');
  await expectListed(page, ['Alpha', 'Big', 'Gamma']);
  // No room for a backup copy beside it, and the notice does not claim one.
  await expect(notice).not.toContainText(BACKUP_KEY);
  // The page works.
  const rate = page.getByRole('textbox', { name: 'Event rate, exact value', exact: false });
  await rate.fill('777');
  await rate.press('Enter');
  await expectMetric(page, 'total-events', 777);

  // The save says the copy could not be made, and keeps every scenario (without the padding).
  await saveCurrentAs(page, 'Delta', '44');
  await expect(page.getByRole('alert').filter({ hasText: 'Saving failed.' })).toContainText('was not copied');
  expect(await stored(page)).toEqual({ version: 2, names: ['Alpha', 'Big', 'Gamma', 'Delta'], rates: [1111, 5, 3333, 777] });
  expect(await page.evaluate((k) => localStorage.getItem(k)?.length, STORAGE_KEY)).toBeLessThan(5_000);
  await expectCleanAfterReload(page, ['Alpha', 'Big', 'Gamma', 'Delta']);
  expect(problems).toEqual([]);
});

test('an older format version: read with a notice, written back as the current version on the next save', async ({ page }) => {
  const problems = watchForBreakage(page);
  const raw = envelope([ALPHA, GAMMA], 0);
  await openWithStored(page, raw);
  await expect(loadNotice(page)).toContainText('older format (0)');
  await expectListed(page, ['Alpha', 'Gamma']);
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(raw);
  await saveCurrentAs(page, 'Delta', '44');
  expect(await stored(page)).toEqual({ version: 2, names: ['Alpha', 'Gamma', 'Delta'], rates: [1111, 3333, DEFAULT_CONFIG.eventsPerSec] });
  await expectCleanAfterReload(page, ['Alpha', 'Gamma', 'Delta']);
  expect(problems).toEqual([]);
});

test('saved data of the release before clusters (format 1): no notice, each loads its numbers, and the next save writes format 2 keeping them', async ({ page }) => {
  const problems = watchForBreakage(page);
  const raw = envelope([ALPHA, GAMMA], 1);
  await openWithStored(page, raw);
  await expectListed(page, ['Alpha', 'Gamma']);
  await expect(loadNotice(page)).toHaveCount(0);
  // Loading writes nothing and keeps no backup: the data is read as stored.
  expect(await page.evaluate(([k, b]) => [localStorage.getItem(k), localStorage.getItem(b)], [STORAGE_KEY, BACKUP_KEY] as const)).toEqual([raw, null]);
  await page.getByRole('button', { name: 'Load “Gamma”' }).click();
  await expect.poll(() => queryOf(page).get('t0.partitions')).toBe('33');
  // __consumer_offsets was not counted then: the rewritten link says so.
  expect(queryOf(page).get('offsetsPartitions')).toBe('0');
  await expectMetric(page, 'total-events', 3333);
  await saveCurrentAs(page, 'Delta', '44');
  expect(await stored(page)).toEqual({ version: 2, names: ['Alpha', 'Gamma', 'Delta'], rates: [1111, 3333, 3333] });
  await expectCleanAfterReload(page, ['Alpha', 'Gamma', 'Delta']);
  expect(problems).toEqual([]);
});

test('importing truncated, oversized, empty and older-version JSON files: a notice each, the saved scenarios untouched', async ({ page }) => {
  const problems = watchForBreakage(page);
  const raw = envelope([ALPHA, GAMMA]);
  await openWithStored(page, raw);
  await expectListed(page, ['Alpha', 'Gamma']);
  const input = page.getByTestId('import-scenario-file');
  const refused = (name: string) => page.getByRole('alert').filter({ hasText: `“${name}” was not imported; the plan is unchanged.` });
  const file = serializeScenarioFile({ ...DEFAULT_CONFIG, eventsPerSec: 4242, partitions: 42 }, 'From a file');
  const before = page.url();

  await input.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(file.slice(0, Math.floor(file.length / 2))) });
  await expect(refused('cut.json')).toContainText('The file is not JSON.');
  await input.setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
  await expect(refused('empty.json')).toContainText('The file is not JSON.');
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(file.replace('"name"', `"padding": "${'x'.repeat(5_000_000)}", "name"`)) });
  await expect(refused('huge.json')).toContainText('The file is too large');
  expect(page.url()).toBe(before);

  // An older version (and a byte-order mark, as some editors write): read with the current rules, said.
  const older = file.replace('"version": 2', '"version": 0');
  await input.setInputFiles({ name: 'older.json', mimeType: 'application/json', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(older)]) });
  const imported = page.getByRole('alert').filter({ hasText: 'Imported “From a file” from older.json.' });
  await expect(imported).toContainText('version = “0”: file version is not known; read as version 2');
  await expect(imported).toContainText('Changed: Partitions: 5 → 42 partitions');
  await expectMetric(page, 'total-events', 4242);

  // Imports never touch the saved scenarios.
  await expectListed(page, ['Alpha', 'Gamma']);
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(raw);
  await expectCleanAfterReload(page, ['Alpha', 'Gamma']);
  expect(problems).toEqual([]);
});
