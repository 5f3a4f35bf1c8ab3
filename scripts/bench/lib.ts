/**
 * Shared by the bench parts (scripts/bench/*-bench.ts) and the report: statistics, the
 * machine's description, and the shape every part writes to reports/bench-parts/<part>.json.
 * A part measures each figure beside its baseline in the same process or browser session,
 * interleaved round by round after a warm-up; the report prints the median of the rounds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';

export const PARTS_DIR = 'reports/bench-parts';

/** One measured quantity of one variant: the value of every round (median taken by the report). */
export interface Series {
  readonly name: string;
  readonly rounds: number[];
}

export interface Goal {
  readonly text: string;
  readonly met: boolean;
  /** What is missing, in words, when not met. */
  readonly gap?: string;
}

/**
 * A figure: what was measured, its baseline (same process or browser session), and how the
 * ratio reads. `ratio` is figure ÷ baseline of the medians unless `ratioOf` says otherwise.
 */
export interface Figure {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly digits: number;
  readonly value: Series;
  readonly baseline: Series | null;
  /** How to read the ratio, e.g. "× the baseline's latency". */
  readonly ratioText?: string;
  readonly goal?: Goal;
  readonly note?: string;
}

export interface Part {
  readonly part: string;
  readonly title: string;
  readonly startedAt: string;
  readonly seconds: number;
  readonly load: { readonly start: number[]; readonly end: number[] };
  readonly method: string[];
  readonly figures: Figure[];
  /** Free-form extra facts (chunk lists, errors, versions). */
  readonly extra?: Record<string, unknown>;
}

export function median(xs: readonly number[]): number {
  const finite = xs.filter((x) => !Number.isNaN(x));
  if (finite.length === 0) return NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The q-quantile (0…1) by nearest rank: p95 of 20 samples is the 19th smallest. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export function ratioOf(figure: Figure): number | null {
  if (!figure.baseline) return null;
  const a = median(figure.value.rounds);
  const b = median(figure.baseline.rounds);
  return b === 0 || !Number.isFinite(a) || !Number.isFinite(b) ? null : a / b;
}

export function machine(): string {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

export const loadNow = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);

/** Starts a part's clock; `done` writes its JSON. */
export function startPart(part: string, title: string) {
  const started = Date.now();
  const load = loadNow();
  return {
    done(method: string[], figures: Figure[], extra?: Record<string, unknown>): Part {
      const result: Part = {
        part,
        title,
        startedAt: new Date(started).toISOString(),
        seconds: Math.round((Date.now() - started) / 100) / 10,
        load: { start: load, end: loadNow() },
        method,
        figures,
        ...(extra ? { extra } : {}),
      };
      mkdirSync(PARTS_DIR, { recursive: true });
      writeFileSync(join(PARTS_DIR, `${part}.json`), JSON.stringify(result, null, 2) + '\n');
      return result;
    },
  };
}

export const series = (name: string, rounds: number[] = []): Series => ({ name, rounds });
