/**
 * Bench part "size": gzip size of what the first screen loads — the scripts, module preloads
 * and stylesheets dist/index.html references, plus every chunk they import statically (from
 * Vite's build manifest) — and every other chunk (lazy: loaded by import() or as a worker).
 * Baseline: the same measure of a build of React 19 + react-dom rendering one element
 * (scripts/bench/pages/react-floor), built by the same Vite in the same run: the framework's
 * own floor. scripts/bench/run.mjs builds both and passes their folders.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { series, startPart, type Figure } from './lib';

const APP_DIR = process.env.BENCH_APP_DIR ?? '';
const FLOOR_DIR = process.env.BENCH_FLOOR_DIR ?? '';
if (!APP_DIR || !FLOOR_DIR) throw new Error('BENCH_APP_DIR and BENCH_FLOOR_DIR must be set (scripts/bench/run.mjs sets them).');
const clock = startPart('size', 'Size');

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}

interface Asset {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

const asset = (dir: string, file: string): Asset => {
  const data = readFileSync(join(dir, file));
  // zlib level 6, what most servers send (and what Vite's build report prints).
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 6 }).length };
};

/** Files the first screen loads: referenced by index.html, then their static imports. */
function initialFiles(dir: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [
    ...[...html.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)].map((m) => m[1] as string),
    ...[...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="\/?([^"]+)"/g)].map((m) => m[1] as string),
    ...[...html.matchAll(/<link[^>]*href="\/?([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g)].map((m) => m[1] as string),
  ];
  const files = new Set(refs.filter((f) => /\.(m?js|css)$/.test(f)));
  const manifestPath = join(dir, '.vite', 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
    const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
    const seen = new Set<string>();
    const visit = (chunk: ManifestChunk | undefined) => {
      if (!chunk || seen.has(chunk.file)) return;
      seen.add(chunk.file);
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const key of chunk.imports ?? []) visit(manifest[key]);
    };
    for (const f of [...files]) visit(byFile.get(f));
  }
  const list = [...files];
  return { js: list.filter((f) => /\.m?js$/.test(f)), css: list.filter((f) => f.endsWith('.css')) };
}

function allAssets(dir: string): string[] {
  return readdirSync(join(dir, 'assets'))
    .filter((f) => /\.(m?js|css)$/.test(f))
    .map((f) => `assets/${f}`);
}

const sum = (xs: Asset[]) => xs.reduce((a, x) => a + x.gzip, 0);
const app = initialFiles(APP_DIR);
const appJs = app.js.map((f) => asset(APP_DIR, f));
const appCss = app.css.map((f) => asset(APP_DIR, f));
const initial = new Set([...app.js, ...app.css]);
const lazy = allAssets(APP_DIR)
  .filter((f) => !initial.has(f))
  .map((f) => asset(APP_DIR, f))
  .sort((a, b) => b.gzip - a.gzip);
const floor = initialFiles(FLOOR_DIR);
const floorJs = floor.js.map((f) => asset(FLOOR_DIR, f));
const floorCss = floor.css.map((f) => asset(FLOOR_DIR, f));

const kB = (bytes: number) => bytes / 1000;
/** Issue 11 (was 200 kB): react-dom alone is about 63 kB of it. */
const INITIAL_JS_GOAL_KB = 110;
const jsKB = kB(sum(appJs));
const figures: Figure[] = [
  {
    id: 'size-initial-js',
    name: `Initial JavaScript, gzip (${app.js.join(', ')})`,
    unit: 'kB',
    digits: 1,
    value: series('app', [jsKB]),
    baseline: series('React 19 + react-dom rendering one element', [kB(sum(floorJs))]),
    ratioText: '× React alone',
    goal: jsKB <= INITIAL_JS_GOAL_KB ? { text: `≤ ${INITIAL_JS_GOAL_KB} kB of JavaScript on the first screen`, met: true } : { text: `≤ ${INITIAL_JS_GOAL_KB} kB of JavaScript on the first screen`, met: false, gap: `${(jsKB - INITIAL_JS_GOAL_KB).toFixed(1)} kB over` },
    note: `${kB(appJs.reduce((a, x) => a + x.bytes, 0)).toFixed(1)} kB before gzip`,
  },
  {
    id: 'size-initial-css',
    name: `Initial CSS, gzip (${app.css.join(', ')})`,
    unit: 'kB',
    digits: 1,
    value: series('app', [kB(sum(appCss))]),
    baseline: floorCss.length ? series('React-only build', [kB(sum(floorCss))]) : null,
    note: `${kB(appCss.reduce((a, x) => a + x.bytes, 0)).toFixed(1)} kB before gzip`,
  },
];

const part = clock.done(
  [
    'gzip at zlib level 6 of the files as built (1 kB = 1,000 B, as Vite prints). Initial = what dist/index.html references (script, modulepreload, stylesheet) and their static imports in the build manifest; everything else in assets/ is lazy (import() or a worker). A size is one exact number: one round.',
  ],
  figures,
  {
    initial: [...appJs, ...appCss],
    lazy,
    floor: [...floorJs, ...floorCss],
  },
);
console.log(`size: initial JS ${jsKB.toFixed(1)} kB gzip; ${part.seconds} s`);
