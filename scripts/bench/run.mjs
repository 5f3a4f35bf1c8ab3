// `npm run bench`: builds the app and the bench scripts, runs every part one after the other
// (never two at once, so they do not slow each other), then writes reports/bench.json and
// docs/benchmarks.md (scripts/bench/report.ts). Parts:
//   sim        the simulation (Node)             engine      computeMetrics and the sensitivity sweep (Node)
//   size       gzip of the first screen's files  browser     slider latency, canvas frames, first render (Chromium)
//   lighthouse Lighthouse scores (Chromium)
// BENCH_ONLY=browser,size runs only those (the other parts' last results stay in the report).
// Everything is built into node_modules/.cache/bench, so dist/ (the e2e tests') is left alone.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, 'node_modules', '.cache', 'bench');
const appDir = join(cache, 'app');
const floorDir = join(cache, 'react-floor');
const scriptsDir = join(cache, 'scripts');
const partsDir = join(root, 'reports', 'bench-parts');
const PARTS = ['sim', 'engine', 'size', 'browser', 'lighthouse'];
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : PARTS;
const started = Date.now();
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  return r.status ?? 1;
}

/** A port the OS says is free now (a tiny race with other programs is possible; --strictPort catches it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

console.log(`bench: parts ${only.join(', ')}`);
mkdirSync(partsDir, { recursive: true });
for (const part of only) rmSync(join(partsDir, `${part}.json`), { force: true });

// 0. The engine of before c7da893's rewrite, for the engine part's ratio "× the 500fdeb engine":
//    src/engine (and src/lib, src/config it may import) at that commit, read from git into the
//    cache, never into the working tree. engine-bench.ts imports it as
//    '@bench-baseline/compute-metrics' (scripts/bench/bench-baseline.d.ts), a module written here
//    that re-exports its computeMetrics, or says why there is none (no git, commit not found):
//    the engine part then runs without it and says so. BENCH_BASELINE_COMMIT picks another commit.
const baselineCommit = process.env.BENCH_BASELINE_COMMIT || '500fdeb';
const baselineModule = join(cache, 'baseline.mjs');
function prepareBaseline() {
  const dir = join(cache, `baseline-${baselineCommit}`);
  const git = (args, options = {}) => spawnSync('git', args, { cwd: root, env, maxBuffer: 256 * 2 ** 20, ...options });
  const rev = git(['rev-parse', '--verify', '--quiet', `${baselineCommit}^{commit}`], { encoding: 'utf8' });
  if (rev.error || rev.status !== 0) {
    const why = rev.error ? `git could not run (${rev.error.message})` : `commit ${baselineCommit} is not in this checkout`;
    return { commit: baselineCommit, missing: why };
  }
  const hash = rev.stdout.trim();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = git(['archive', '--format=tar', hash, 'src/engine', 'src/lib', 'src/config']);
  if (archive.error || archive.status !== 0) return { commit: baselineCommit, hash, missing: `git archive ${baselineCommit} failed: ${String(archive.error?.message ?? archive.stderr).trim()}` };
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  const entry = join(dir, 'src', 'engine', 'compute-metrics.ts');
  if (tar.error || tar.status !== 0 || !existsSync(entry)) {
    return { commit: baselineCommit, hash, missing: `src/engine/compute-metrics.ts of ${baselineCommit} could not be unpacked${tar.error ? ` (${tar.error.message})` : ''}` };
  }
  return { commit: baselineCommit, hash, entry };
}
const baseline = only.includes('engine') ? prepareBaseline() : { commit: baselineCommit, missing: 'the engine part is not run' };
mkdirSync(cache, { recursive: true });
writeFileSync(
  baselineModule,
  [
    `export const commit = ${JSON.stringify(baseline.commit)};`,
    `export const hash = ${JSON.stringify(baseline.hash ?? null)};`,
    `export const missing = ${JSON.stringify(baseline.missing ?? null)};`,
    baseline.entry ? `export { computeMetrics } from ${JSON.stringify(baseline.entry)};` : 'export const computeMetrics = null;',
    '',
  ].join('\n'),
);
console.log(`bench: baseline engine ${baseline.entry ? `${baseline.commit} (${baseline.hash.slice(0, 12)})` : `missing: ${baseline.missing}`}`);

// 1. The bench scripts (TypeScript importing src/), bundled for Node.
const entries = Object.fromEntries([...PARTS.map((p) => [p, `scripts/bench/${p}-bench.ts`]), ['report', 'scripts/bench/report.ts']]);
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { '@bench-baseline/compute-metrics': baselineModule } },
  build: {
    ssr: true,
    outDir: scriptsDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { input: entries, output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

// 2. The app as `npm run build` builds it (with its manifest, for the size part), plus the
//    baseline pages; and React alone, the size baseline.
if (only.some((p) => ['size', 'browser', 'lighthouse'].includes(p))) {
  const code = run(join(root, 'node_modules', '.bin', 'vite'), ['build', '--outDir', appDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn']);
  if (code !== 0) throw new Error(`vite build failed (${code})`);
  for (const page of readdirSync(join(root, 'scripts', 'bench', 'pages')).filter((f) => f.endsWith('.html'))) {
    copyFileSync(join(root, 'scripts', 'bench', 'pages', page), join(appDir, page));
  }
  await build({
    configFile: false,
    root: join(root, 'scripts', 'bench', 'pages', 'react-floor'),
    logLevel: 'warn',
    build: { outDir: floorDir, emptyOutDir: true, manifest: true, target: 'es2022' },
  });
}
console.log(`bench: built in ${elapsed()}`);

const failures = {};
const part = (name, extraEnv = {}) => {
  if (!only.includes(name)) return;
  console.log(`\n=== bench ${name} (${elapsed()})`);
  const code = run(process.execPath, [join(scriptsDir, `${name}.js`)], extraEnv);
  if (code !== 0) failures[name] = `the ${name} part exited with code ${code} (see the bench log)`;
};

part('sim');
part('engine');
part('size', { BENCH_APP_DIR: appDir, BENCH_FLOOR_DIR: floorDir });
if (only.includes('browser') || only.includes('lighthouse')) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(join(root, 'node_modules', '.bin', 'vite'), ['preview', '--outDir', appDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${url}/`, server, 30);
    part('browser', { BENCH_URL: url });
    part('lighthouse', { BENCH_URL: url });
  } finally {
    server.kill();
  }
}

const total = (Date.now() - started) / 1000;
const code = run(process.execPath, [join(scriptsDir, 'report.js')], { BENCH_TOTAL_SECONDS: String(total), BENCH_FAILURES: JSON.stringify(failures) });
console.log(`bench: done in ${elapsed()}${Object.keys(failures).length ? `; failed parts: ${Object.keys(failures).join(', ')}` : ''}`);
process.exitCode = code || (Object.keys(failures).length ? 1 : 0);
