// `npm test`: every check in order, each streamed live. It keeps going past failures so
// every step runs and is counted, then prints one closing line the CI reads:
//   tests: N passed, N failed, N skipped
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  closingLine,
  countStep,
  formatTable,
  readReport,
  summarizePlaywright,
  summarizeVitest,
  total,
} from './summarize-reports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
const VITEST_JSON = join(reports, 'vitest.json');
const PLAYWRIGHT_JSON = join(reports, 'playwright.json'); // set in playwright.config.ts

// Plain logs in CI: no ANSI escapes from any child.
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

/** Runs one command with inherited stdio (live output); returns its exit code and duration. */
function run(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const start = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.error) console.error(`${name}: could not start: ${r.error.message}`);
  // A null status means killed by a signal: treat as failure.
  return { code: r.status ?? 1, seconds: (Date.now() - start) / 1000 };
}

// Stale reports from an earlier run must never be counted as this run's results.
mkdirSync(reports, { recursive: true });
for (const f of [VITEST_JSON, PLAYWRIGHT_JSON, join(reports, 'summary.txt')]) rmSync(f, { force: true });

const rows = [];
/** Runs a non-test step and records it as 1 passed or 1 failed. */
function step(name, cmd, args) {
  const { code, seconds } = run(name, cmd, args);
  rows.push({ name, seconds, ...countStep(code === 0) });
  return code === 0;
}

step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('typecheck (pure)', 'npx', ['tsc', '-p', 'tsconfig.pure.json', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);

const vitest = run('vitest', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`,
]);
rows.push({ name: 'vitest', seconds: vitest.seconds, ...summarizeVitest(readReport(VITEST_JSON), vitest.code) });

const haveChromium = step('ensure-chromium', 'node', ['scripts/ensure-chromium.mjs']);
const built = step('build', 'npx', ['vite', 'build']);

if (haveChromium && built) {
  // No --reporter here: it would replace the JSON reporter configured in playwright.config.ts.
  const pw = run('playwright', 'npx', ['playwright', 'test']);
  rows.push({ name: 'playwright', seconds: pw.seconds, ...summarizePlaywright(readReport(PLAYWRIGHT_JSON), pw.code) });
} else {
  // Not "skipped": e2e tests that could not run have not passed.
  rows.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0, note: 'not run: build or chromium failed' });
}

const line = closingLine(total(rows));
writeFileSync(join(reports, 'summary.txt'), `${line}\n`);
console.log(`\n${formatTable(rows)}\n`);
console.log(line); // last, alone on its line: the CI reads it
process.exit(total(rows).failed > 0 ? 1 : 0);
