/**
 * Text for numbers a person reads. Pure: used by the engine (advice text) and the UI.
 * Nothing here ever prints "NaN" or "Infinity": unbounded values read "unbounded".
 */
import { fixedText, significantText } from './decimal-text';

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
export type BinaryUnit = (typeof BINARY_UNITS)[number];

const UNBOUNDED = 'unbounded';

const NOT_A_NUMBER = '—';

function guard(value: number): string | null {
  if (Number.isNaN(value)) return NOT_A_NUMBER;
  if (!Number.isFinite(value)) return UNBOUNDED;
  return null;
}

/** Grouped digits with at most `maxFractionDigits` decimals: 1234567.891 → "1,234,567.89". */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  return (
    guard(value) ??
    fixedText(value, 0, maxFractionDigits)
  );
}

/** Grouped digits rounded to `digits` significant digits: 22539.339 → "22,540" (4). */
export function formatSignificant(value: number, digits: number): string {
  return guard(value) ?? significantText(value, digits);
}

/** A value in one named binary unit, one decimal: (619315200000000, 'GiB') → "576,782.2 GiB". */
export function formatBytesIn(bytes: number, unit: BinaryUnit): string {
  const g = guard(bytes);
  if (g) return g;
  const scaled = bytes / 1024 ** BINARY_UNITS.indexOf(unit);
  return `${fixedText(scaled, 1, 1)} ${unit}`;
}

/** The largest binary unit that keeps the number ≥ 1: 1,024,000,000 → "MiB". */
export function binaryUnitFor(bytes: number): BinaryUnit {
  let index = 0;
  let scaled = Math.abs(bytes);
  while (scaled >= 1024 && index < BINARY_UNITS.length - 1) {
    scaled /= 1024;
    index += 1;
  }
  return BINARY_UNITS[index] ?? 'B';
}

/** Bytes in IEC units (1 KiB = 1024 B), one decimal: 1,024,000,000 → "976.6 MiB". */
export function formatBytes(bytes: number): string {
  const g = guard(bytes);
  if (g) return g;
  if (Math.abs(bytes) < 1024) return `${formatNumber(bytes, 1)} B`;
  return formatBytesIn(bytes, binaryUnitFor(bytes));
}

export function formatByteRate(bytesPerSec: number): string {
  return guard(bytesPerSec) ?? `${formatBytes(bytesPerSec)}/s`;
}

/** Seconds as the most readable unit: 0.0001 → "100 µs", 0.1 → "100 ms", 5400 → "1.5 h". */
export function formatDuration(seconds: number): string {
  const g = guard(seconds);
  if (g) return g;
  const abs = Math.abs(seconds);
  if (abs < 1e-3) return `${formatNumber(seconds * 1e6, 1)} µs`;
  if (abs < 1) return `${formatNumber(seconds * 1e3, 1)} ms`;
  if (abs < 60) return `${formatNumber(seconds, 2)} s`;
  if (abs < 3600) return `${formatNumber(seconds / 60, 1)} min`;
  if (abs < 86400) return `${formatNumber(seconds / 3600, 1)} h`;
  return `${formatNumber(seconds / 86400, 1)} d`;
}

/** A count with its noun, singular for exactly one: "1 partition", "2 partitions", "1,000 brokers". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? singular : plural}`;
}

/** Units that are plural nouns, and their singular: a value of exactly 1 takes it ("1 partition", "1 hour"). */
const SINGULAR_UNITS: Record<string, string> = { partitions: 'partition', brokers: 'broker', consumers: 'consumer', groups: 'group', zones: 'zone', replicas: 'replica', copies: 'copy', records: 'record', hours: 'hour', bytes: 'byte' };

/** A unit as it reads after `value`: the singular for exactly 1. */
export function unitFor(value: number, unit: string): string {
  return value === 1 ? (SINGULAR_UNITS[unit] ?? unit) : unit;
}

/** A ratio as a percentage, switching to "N× capacity" past 10× so huge overloads stay readable. */
export function formatUtilization(ratio: number): string {
  const g = guard(ratio);
  if (g) return g;
  if (ratio >= 10) return `${formatNumber(ratio, 0)}× capacity`;
  return `${formatNumber(ratio * 100, 1)} %`;
}

/** Milliseconds with enough significant digits for tiny values: 0.0035 → "0.0035 ms". */
export function formatMilliseconds(ms: number): string {
  const g = guard(ms);
  if (g) return g;
  return `${significantText(ms, 3)} ms`;
}

/** Money as the cost lines give it: US dollars, to the cent. */
export function formatMoney(value: number): string {
  return `${formatNumber(value, 2)} USD`;
}
