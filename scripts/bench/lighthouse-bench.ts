/**
 * Bench part "lighthouse": performance, accessibility and best-practices scores of the built
 * app (BENCH_URL, started by scripts/bench/run.mjs) with the pinned lighthouse@12.2.3 and the
 * system Chromium (CHROME_PATH from findChromium), default settings (mobile emulation, 4× CPU
 * slowdown, simulated slow 4G). Baseline: the static one-line page from the same server, run the
 * same way just before. One run each: a Lighthouse run of the app takes a minute or more here,
 * so there is no median of rounds (Lighthouse's own variance is a few points of performance).
 * If Lighthouse cannot run, the error is recorded and the report says so.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../find-chromium.mjs';
import { series, startPart, type Figure } from './lib';

const BASE = process.env.BENCH_URL ?? '';
if (!BASE) throw new Error('BENCH_URL is not set: run `npm run bench`.');
const TIMEOUT_S = Number(process.env.BENCH_LIGHTHOUSE_TIMEOUT_S ?? 240);
const VERSION = 'lighthouse@12.2.3';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const OUT = 'node_modules/.cache/bench/lighthouse';
const clock = startPart('lighthouse', 'Lighthouse');

interface LhAudit {
  readonly title: string;
  readonly score: number | null;
  readonly scoreDisplayMode: string;
  readonly displayValue?: string;
  readonly numericValue?: number;
}
interface LhResult {
  readonly categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  readonly audits: Record<string, LhAudit>;
  readonly runWarnings: string[];
  readonly environment: { benchmarkIndex: number };
  readonly lighthouseVersion: string;
}

interface Run {
  readonly ok: boolean;
  readonly seconds: number;
  readonly error?: string;
  readonly result?: LhResult;
}

function lighthouse(url: string, name: string): Promise<Run> {
  const chrome = findChromium();
  if (!chrome) return Promise.resolve({ ok: false, seconds: 0, error: 'no Chromium found' });
  mkdirSync(OUT, { recursive: true });
  const output = join(OUT, `${name}.json`);
  rmSync(output, { force: true });
  const args = ['-y', VERSION, url, `--chrome-flags=${CHROME_FLAGS}`, '--output=json', `--output-path=${output}`, `--only-categories=${CATEGORIES.join(',')}`, '--quiet'];
  const started = Date.now();
  return new Promise((resolve) => {
    // detached: its own process group, so a timeout ends npx, Lighthouse and its Chromium together.
    const child = spawn('npx', args, { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.stdout.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${TIMEOUT_S} s)`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, TIMEOUT_S * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = Math.round((Date.now() - started) / 1000);
      try {
        const result = JSON.parse(readFileSync(output, 'utf8')) as LhResult;
        resolve({ ok: true, seconds, result });
      } catch {
        resolve({ ok: false, seconds, error: `exit ${code}: ${stderr.trim().split('\n').slice(-6).join(' | ')}` });
      }
    });
  });
}

const blank = await lighthouse(`${BASE}/bench-blank.html`, 'blank');
console.log(`lighthouse: static page ${blank.ok ? 'done' : 'failed'} in ${blank.seconds} s`);
const app = await lighthouse(`${BASE}/`, 'app');
console.log(`lighthouse: app ${app.ok ? 'done' : 'failed'} in ${app.seconds} s`);

const score = (run: Run, category: string) => {
  const s = run.result?.categories[category]?.score;
  return typeof s === 'number' ? Math.round(s * 100) : NaN;
};
/** Audits that cost the category points: scored below 0.9 and weighted in it. */
const misses = (run: Run, category: string) => {
  const r = run.result;
  if (!r) return [];
  return (r.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ id: ref.id, audit: r.audits[ref.id] }))
    .filter((x): x is { id: string; audit: LhAudit } => !!x.audit && x.audit.score !== null && x.audit.score < 0.9 && x.audit.scoreDisplayMode !== 'informative')
    .map((x) => `${x.audit.title}${x.audit.displayValue ? ` (${x.audit.displayValue})` : ''}`);
};

/** Issue 11's goals (they were ≥ 95 each). */
const GOAL_POINTS: Record<(typeof CATEGORIES)[number], number> = { performance: 98, accessibility: 100, 'best-practices': 100 };

const figures: Figure[] = app.ok
  ? CATEGORIES.map((category) => {
      const value = score(app, category);
      const missed = misses(app, category);
      return {
        id: `lighthouse-${category}`,
        name: `Lighthouse ${category}`,
        unit: 'points',
        digits: 0,
        value: series('app', [value]),
        baseline: blank.ok ? series('static page', [score(blank, category)]) : null,
        ratioText: '× the static page',
        goal: value >= GOAL_POINTS[category] ? { text: `≥ ${GOAL_POINTS[category]}`, met: true } : { text: `≥ ${GOAL_POINTS[category]}`, met: false, gap: `${GOAL_POINTS[category] - value} points short${missed.length ? `; audits below 0.9: ${missed.join('; ')}` : ''}` },
      };
    })
  : [];

const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'];
const metricsOf = (run: Run) => Object.fromEntries(metricIds.map((id) => [id, run.result?.audits[id]?.displayValue ?? null]));

const part = clock.done(
  [
    `npx -y ${VERSION} <url> --chrome-flags="${CHROME_FLAGS}" --output=json --only-categories=${CATEGORIES.join(',')}, CHROME_PATH from scripts/find-chromium.mjs; default (mobile) settings. One run of the static page (baseline), then one of the app; a run is killed after ${TIMEOUT_S} s.`,
  ],
  figures,
  {
    app: app.ok ? { seconds: app.seconds, metrics: metricsOf(app), runWarnings: app.result?.runWarnings ?? [], benchmarkIndex: app.result?.environment.benchmarkIndex } : { error: app.error, seconds: app.seconds },
    blank: blank.ok ? { seconds: blank.seconds, metrics: metricsOf(blank) } : { error: blank.error, seconds: blank.seconds },
  },
);
console.log(`lighthouse: ${part.seconds} s`);
