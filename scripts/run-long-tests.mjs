// `npm run test:long`: the long variants of the reliability suites (docs/reliability.md), with
// LONG=1 — 200,000 fuzzed links through the decoders, the 30-simulated-minute soak of the
// largest scenario in Node, 600 fuzzed links and the 10-minute soak in Chromium. The Node part
// (about an hour: the large scenario runs at about half real time on one core) and the Chromium
// part (about 20 minutes) run side by side; neither is timed, the soak in Chromium samples for
// 10 minutes of wall time whatever the load. Like `npm test`, it runs every step, then prints one line:
//   tests: N passed, N failed, N skipped
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closingLine, countStep, formatTable, readReport, summarizePlaywright, summarizeVitest, total } from './summarize-reports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
const VITEST_JSON = join(reports, 'vitest-long.json');
const PLAYWRIGHT_JSON = join(reports, 'playwright-long.json'); // set in playwright.long.config.ts
const LONG_VITEST_FILES = ['src/config/url-fuzz.property.test.ts', 'src/sim/soak.test.ts'];

const env = { ...process.env, LONG: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

function run(name, cmd, args) {
  console.log(`\n=== ${name}: LONG=1 ${cmd} ${args.join(' ')}`);
  const start = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.error) console.error(`${name}: could not start: ${r.error.message}`);
  return { code: r.status ?? 1, seconds: (Date.now() - start) / 1000 };
}

mkdirSync(reports, { recursive: true });
for (const f of [VITEST_JSON, PLAYWRIGHT_JSON, join(reports, 'summary-long.txt')]) rmSync(f, { force: true });

const rows = [];
function step(name, cmd, args) {
  const { code, seconds } = run(name, cmd, args);
  rows.push({ name, seconds, ...countStep(code === 0) });
  return code === 0;
}

/** Runs a command without waiting, its output prefixed with the step's name. */
function runAsync(name, cmd, args) {
  console.log(`\n=== ${name}: LONG=1 ${cmd} ${args.join(' ')}`);
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) console.log(`[${name}] ${line}`);
      });
      stream.on('end', () => rest && console.log(`[${name}] ${rest}`));
    }
    child.on('error', (error) => console.error(`${name}: could not start: ${error.message}`));
    child.on('close', (code) => resolve({ code: code ?? 1, seconds: (Date.now() - start) / 1000 }));
  });
}

const haveChromium = step('ensure-chromium', 'node', ['scripts/ensure-chromium.mjs']);
const built = step('build', 'npx', ['vite', 'build']);
const vitestRun = runAsync('vitest (long)', 'npx', ['vitest', 'run', ...LONG_VITEST_FILES, '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]);
const playwrightRun = haveChromium && built ? runAsync('playwright (long)', 'npx', ['playwright', 'test', '-c', 'playwright.long.config.ts']) : null;
const [vitest, pw] = await Promise.all([vitestRun, playwrightRun]);
rows.push({ name: 'vitest (long)', seconds: vitest.seconds, ...summarizeVitest(readReport(VITEST_JSON), vitest.code) });
if (pw) rows.push({ name: 'playwright (long)', seconds: pw.seconds, ...summarizePlaywright(readReport(PLAYWRIGHT_JSON), pw.code) });
else rows.push({ name: 'playwright (long)', passed: 0, failed: 1, skipped: 0, note: 'not run: build or chromium failed' });

const line = closingLine(total(rows));
writeFileSync(join(reports, 'summary-long.txt'), `${line}\n`);
console.log(`\n${formatTable(rows)}\n`);
console.log(line);
process.exit(total(rows).failed > 0 ? 1 : 0);
