import { binaryUnitFor, formatByteRate, formatBytes, formatDuration, formatNumber, formatUtilization, type BinaryUnit } from '../lib/format';

/**
 * Units for chart axes and tooltips. Pure. Axis ticks use short numbers ("21.6G");
 * tooltips use the app's full text (src/lib/format.ts). Bytes are binary (IEC) throughout.
 */

export const MIB = 1024 ** 2;
export const GIB = 1024 ** 3;

const BINARY_FACTORS: Record<BinaryUnit, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, PiB: 1024 ** 5, EiB: 1024 ** 6 };

export function bytesPerUnit(unit: BinaryUnit): number {
  return BINARY_FACTORS[unit];
}

const SUFFIXES = [
  { at: 1e15, suffix: 'P' },
  { at: 1e12, suffix: 'T' },
  { at: 1e9, suffix: 'G' },
  { at: 1e6, suffix: 'M' },
  { at: 1e3, suffix: 'K' },
] as const;

/** A short number for an axis tick: 1234 → "1.23K", 2.16e10 → "21.6G", 0.05 → "0.05". Never "NaN"/"Infinity". */
export function formatCompact(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return 'unbounded';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  for (const { at, suffix } of SUFFIXES) {
    if (abs >= at) return `${trimmed(value / at)}${suffix}`;
  }
  return trimmed(value);
}

/** At most 3 significant digits, no trailing zeros, no exponent for small values. */
function trimmed(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return String(Math.round(value));
  if (abs >= 1) return String(Number(value.toPrecision(3)));
  return String(Number(value.toPrecision(2)));
}

/** A time axis unit: the largest of s, min, h, d that the span reaches, by its length in seconds. */
export interface TimeUnit {
  readonly label: 's' | 'min' | 'h';
  readonly seconds: number;
}

export function timeUnitFor(spanSeconds: number): TimeUnit {
  if (spanSeconds <= 120) return { label: 's', seconds: 1 };
  if (spanSeconds <= 2 * 3600) return { label: 'min', seconds: 60 };
  return { label: 'h', seconds: 3600 };
}

/** The kinds of metric the sensitivity chart can plot (counts are left out: they are stepwise inputs). */
export type PlottableKind = 'events/s' | 'ratio' | 'bytes/s' | 'bytes' | 'seconds' | 'score';

/** How a metric kind is drawn on an axis: values are divided by `factor` and labelled with `unit`. */
export interface AxisUnit {
  /** Shown in the axis label, e.g. "MiB/s", "events/s", "ms". */
  readonly unit: string;
  readonly factor: number;
  /** Full text for a tooltip, from the value in base units. */
  readonly format: (baseValue: number) => string;
}

const DURATIONS = [
  { unit: 'µs', factor: 1e-6, below: 1e-3 },
  { unit: 'ms', factor: 1e-3, below: 1 },
  { unit: 's', factor: 1, below: 120 },
  { unit: 'min', factor: 60, below: 2 * 3600 },
  { unit: 'h', factor: 3600, below: 2 * 86400 },
  { unit: 'd', factor: 86400, below: Infinity },
] as const;

/** The axis unit for values of a kind whose largest finite value is `maxValue` (base units). */
export function axisUnitFor(kind: PlottableKind, maxValue: number): AxisUnit {
  const max = Number.isFinite(maxValue) ? Math.abs(maxValue) : 0;
  switch (kind) {
    case 'events/s':
      return { unit: 'events/s', factor: 1, format: (v) => `${formatNumber(v)} events/s` };
    case 'ratio':
      return { unit: 'ratio, 1 = 100 %', factor: 1, format: (v) => `${formatUtilization(v)} (ratio ${formatNumber(v, 3)})` };
    case 'score':
      return { unit: '0–100', factor: 1, format: (v) => `${formatNumber(v, 0)} / 100` };
    case 'bytes/s': {
      const unit = binaryUnitFor(max);
      return { unit: `${unit}/s`, factor: bytesPerUnit(unit), format: (v) => formatByteRate(v) };
    }
    case 'bytes': {
      const unit = binaryUnitFor(max);
      return { unit, factor: bytesPerUnit(unit), format: (v) => formatBytes(v) };
    }
    case 'seconds': {
      const d = DURATIONS.find((entry) => max < entry.below) ?? DURATIONS[DURATIONS.length - 1]!;
      return { unit: d.unit, factor: d.factor, format: (v) => formatDuration(v) };
    }
  }
}

/** Ticks at powers of ten inside [min, max] for a log axis, with the ends when no power fits twice. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(min) - 1e-9); 10 ** e <= max * (1 + 1e-9); e += 1) ticks.push(Number((10 ** e).toPrecision(12)));
  if (ticks.length < 2) return [min, max];
  return ticks;
}
