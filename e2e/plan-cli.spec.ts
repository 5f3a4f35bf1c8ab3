import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTER_PRESETS } from '../src/config/presets';
import { encodePlan } from '../src/config/url-codec';
import type { ClusterPlan } from '../src/engine/cluster-plan';
import { queryOf, waitForLazySections, watchForBreakage } from './helpers';

// The page and the command line on the same plan file, each way, and one perf-test line
// calibrating a plan in both alike. The command is built here, into a folder of this worker's own.
const ROOT = new URL('../', import.meta.url).pathname;
let cliDir = '';
test.beforeAll(() => {
  cliDir = mkdtempSync(join(tmpdir(), 'eventflow-e2e-cli-'));
  const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'error', '--outDir', cliDir], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});
test.afterAll(() => rmSync(cliDir, { recursive: true, force: true }));

interface Report {
  score: number;
  headline: string;
  metrics: Record<string, number | string>;
}

function cli(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(cliDir, 'eventflow-planner.mjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function check(path: string, extra: readonly string[] = []): Report {
  const r = cli(['check', path, '--json', '--fail-under', '0', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** Every card the report names shows the report's number in its data-value, and the verdict its headline and score. */
async function expectPageShows(page: Page, report: Report): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: /Health \d+\/100/ })).toHaveText(`${report.headline} Health ${report.score}/100.`);
  for (const [name, value] of Object.entries(report.metrics)) {
    await expect(page.getByTestId(`metric-${name}`), name).toHaveAttribute('data-value', String(value));
  }
}

/** The page's "Download JSON", saved at `path`: clicked once the lazy sections above it can no longer move it. */
async function downloadPlan(page: Page, path: string): Promise<string> {
  await waitForLazySections(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  await download.saveAs(path);
  return path;
}

const FAILING = (CLUSTER_PRESETS.find((p) => p.problem !== null) as { plan: ClusterPlan }).plan;
const PRODUCER_RUN = [
  '3274096 records sent, 654688.3 records/sec (62.44 MB/sec), 5.6 ms avg latency, 230.0 ms max latency.',
  '5000000 records sent, 751992.780869 records/sec (71.72 MB/sec), 7.00 ms avg latency, 230.00 ms max latency, 4 ms 50th, 29 ms 95th, 53 ms 99th, 68 ms 99.9th.',
].join('\n');

test('a plan the page exports, checked on the command line, gives the page\'s verdict and every card\'s number', async ({ page }, testInfo) => {
  const problems = watchForBreakage(page);
  await page.goto(`/?${encodePlan(FAILING)}`);
  const saved = await downloadPlan(page, testInfo.outputPath('exported.json'));
  const file = JSON.parse(readFileSync(saved, 'utf8')) as { $schema: string };
  // The page points editors at the schema it serves beside itself.
  expect(file.$schema).toBe(new URL('/plan-file.schema.json', page.url()).href);
  expect((await page.request.get(file.$schema)).status()).toBe(200);

  const text = cli(['check', saved]);
  const report = check(saved);
  expect(text.code).toBe(report.score >= 100 ? 0 : 1);
  expect(text.stdout).toContain(`${report.headline} Health ${report.score}/100.`);
  await expectPageShows(page, report);
  expect(problems).toEqual([]);
});

test('a plan the command line writes opens in the page with the same numbers', async ({ page }, testInfo) => {
  const out = testInfo.outputPath('recommended.json');
  const written = cli(['recommend', `?${encodePlan(FAILING)}`, '--apply', '--out', out]);
  expect(written.code, written.stderr).toBe(0);
  const report = check(out);

  await page.goto('/');
  await page.getByTestId('import-scenario-file').setInputFiles(out);
  await expect(page.getByTestId('scenario-status')).toHaveText('Loaded scenario from a file: “recommended.json”.');
  await expectPageShows(page, report);
});

test('one kafka-producer-perf-test line calibrates a plan in the page and on the command line alike; partial output changes nothing', async ({ page }, testInfo) => {
  const problems = watchForBreakage(page);
  await page.goto('/');
  const before = testInfo.outputPath('before.json');
  writeFileSync(before, cli(['export', `?${encodePlan(FAILING)}`, '--format', 'plan']).stdout);
  await page.getByTestId('import-scenario-file').setInputFiles(before);
  await expect(page.getByTestId('scenario-status')).toHaveText('Loaded scenario from a file: “before.json”.');
  await page.getByText('Assumptions', { exact: true }).click();

  // Only progress lines: said, and nothing moves. The link follows the store 120 ms after a
  // change (state/url-sync.ts), so it is read once it carries the imported plan.
  await expect.poll(() => queryOf(page).get('t0.name')).toBe(FAILING.topics[0]?.name);
  const linkBefore = page.url();
  const ingressBefore = await page.getByTestId('metric-ingress').getAttribute('data-value');
  await page.getByTestId('calibrate-producer').fill(PRODUCER_RUN.split('\n')[0] as string);
  await page.getByTestId('calibrate-apply').click();
  await expect(page.getByTestId('calibration-message')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('calibration-message')).toContainText('50th, 95th, 99th and 99.9th percentile');
  await expect(page.getByTestId('calibration-message')).toContainText('Nothing was changed.');
  await expect(page.getByTestId('metric-ingress')).toHaveAttribute('data-value', ingressBefore ?? '');
  // The store holds no calibration (the record shows the moment it does), and the link is the same.
  await expect(page.getByTestId('calibration-record')).toHaveCount(0);
  expect(page.url()).toBe(linkBefore);

  // The whole run, with a six-partition test topic: the same values as the command's --calibrate.
  await page.getByTestId('calibrate-producer').fill(PRODUCER_RUN);
  await page.getByTestId('calibrate-partitions').fill('6');
  await page.getByTestId('calibrate-apply').click();
  await expect(page.getByTestId('calibration-message')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('calibration-message')).toHaveText('Calibrated: event size, partition throughput limit, produce latency floor set, each from the numbers below.');
  const derived = page.getByTestId('calibration-steps');
  await expect(derived.locator('[data-param="size"]')).toHaveAttribute('data-value', '100');
  await expect(derived.locator('[data-param="partitionMiBps"]')).toHaveAttribute('data-value', '11.95');
  await expect(derived.locator('[data-param="produceMs"]')).toHaveAttribute('data-value', '4');
  await expect(derived).toContainText('71.72 MiB/s × 1,048,576 B/MiB ÷ 751,992.78 records/s');
  const perf = testInfo.outputPath('perf.txt');
  writeFileSync(perf, PRODUCER_RUN);
  await expectPageShows(page, check(before, ['--calibrate', perf, '--test-partitions', '6']));

  // The plan records it: in the link, after a reload, and in the file the page writes.
  await expect.poll(() => queryOf(page).get('cal.producer')).toBe(PRODUCER_RUN.split('\n')[1]);
  expect(queryOf(page).get('produceMs')).toBe('4');
  await page.reload();
  await page.getByText('Assumptions', { exact: true }).click();
  await expect(page.getByTestId('calibration-record')).toContainText('a test topic of 6 partitions');
  const after = await downloadPlan(page, testInfo.outputPath('after.json'));
  expect(JSON.parse(readFileSync(after, 'utf8')).plan.calibration).toEqual({ producer: PRODUCER_RUN.split('\n')[1], testPartitions: 6, topic: FAILING.topics[0]?.name });
  await expectPageShows(page, check(after));
  expect(problems).toEqual([]);
});
