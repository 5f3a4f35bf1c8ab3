import { fixedText, significantText } from './decimal-text';

/**
 * What a person types into a number field → a number in the field's unit. People write
 * "200,000", "200k", "1.5M", "2 KiB", "2 KB", "7d", "36h", "90 min", "10 Gbit/s", "250 MiB/s";
 * the field's unit decides which units fit (a size in a bytes field, a duration in an hours
 * field). Binary prefixes (KiB, MiB, GiB, TiB) are 1,024-based; decimal ones (KB, MB, GB, TB,
 * and bit/s rates) are SI, 1,000-based, and the reading says so. The URL keeps its strict
 * decimal grammar (config/read-value.ts): this is for typing only.
 */
export type QuantityReading = { readonly value: number; readonly reading: string } | { readonly error: string };

/** Multipliers of counts: "200k", "1.5M", "2G" (SI: k = 1,000). */
const COUNT_SUFFIXES: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9, b: 1e9, B: 1e9 };

const KiB = 1024;
const BYTES: Record<string, number> = { b: 1, byte: 1, bytes: 1, kib: KiB, mib: KiB ** 2, gib: KiB ** 3, tib: KiB ** 4, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };
const BYTE_RATES: Record<string, number> = {
  'b/s': 1,
  'kib/s': KiB,
  'mib/s': KiB ** 2,
  'gib/s': KiB ** 3,
  'kb/s': 1e3,
  'mb/s': 1e6,
  'gb/s': 1e9,
  'bit/s': 1 / 8,
  'kbit/s': 1e3 / 8,
  'mbit/s': 1e6 / 8,
  'gbit/s': 1e9 / 8,
  bps: 1 / 8,
  kbps: 1e3 / 8,
  mbps: 1e6 / 8,
  gbps: 1e9 / 8,
};
const MS: Record<string, number> = { us: 1e-3, µs: 1e-3, ms: 1, s: 1e3, sec: 1e3, secs: 1e3, second: 1e3, seconds: 1e3, m: 60e3, min: 60e3, mins: 60e3, minute: 60e3, minutes: 60e3, h: 3.6e6, hr: 3.6e6, hrs: 3.6e6, hour: 3.6e6, hours: 3.6e6, d: 8.64e7, day: 8.64e7, days: 8.64e7, w: 6.048e8, week: 6.048e8, weeks: 6.048e8 };

/** The unit families of the fields, by the unit the field is labelled in: units per field unit, in that unit's base. */
interface Family {
  /** Units written after the number, lower case → how many base units one is. */
  readonly units: Record<string, number>;
  /** Base units in one of the field's unit. */
  readonly perFieldUnit: number;
  /** Examples for the message when a unit does not fit. */
  readonly examples: string;
}

const FAMILIES: Record<string, Family> = {
  bytes: { units: BYTES, perFieldUnit: 1, examples: '2048, 2 KiB or 2 KB' },
  GiB: { units: BYTES, perFieldUnit: KiB ** 3, examples: '16384, 16 TiB or 500 GB' },
  'MiB/s': { units: BYTE_RATES, perFieldUnit: KiB ** 2, examples: '250, 250 MiB/s or 10 Gbit/s' },
  ms: { units: MS, perFieldUnit: 1, examples: '45000, 45 s or 5 min' },
  hours: { units: MS, perFieldUnit: 3.6e6, examples: '168, 7d or 36h' },
};

/** Decimal units, said so in the reading: SI prefixes, and bits. */
const SI_NOTES: Record<string, string> = {
  kb: '1 KB = 1,000 bytes',
  mb: '1 MB = 1,000,000 bytes',
  gb: '1 GB = 10⁹ bytes',
  tb: '1 TB = 10¹² bytes',
  'kb/s': '1 KB = 1,000 bytes',
  'mb/s': '1 MB = 1,000,000 bytes',
  'gb/s': '1 GB = 10⁹ bytes',
  'bit/s': '8 bits a byte',
  'kbit/s': '1 kbit = 1,000 bits, 8 bits a byte',
  'mbit/s': '1 Mbit = 10⁶ bits, 8 bits a byte',
  'gbit/s': '1 Gbit = 10⁹ bits, 8 bits a byte',
  bps: '8 bits a byte',
  kbps: '1 kbit = 1,000 bits, 8 bits a byte',
  mbps: '1 Mbit = 10⁶ bits, 8 bits a byte',
  gbps: '1 Gbit = 10⁹ bits, 8 bits a byte',
};

/** A number as people write it: digits with optional thousands commas, a fraction, an exponent. */
const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?)\s*(.*)$/i;

/** `text` read as a value in `fieldUnit` (the unit the field is labelled in), or why it cannot be. */
export function readQuantity(text: string, fieldUnit: string): QuantityReading {
  const trimmed = text.trim();
  const match = NUMBER.exec(trimmed);
  const digits = match?.[1] ?? '';
  if (!match || !/\d/.test(digits)) return { error: `“${trimmed}” is not a number` };
  const number = Number(digits.replace(/,/g, ''));
  const rest = (match[2] ?? '').trim();
  if (!Number.isFinite(number) || /^[\d,.]/.test(rest)) return { error: `“${trimmed}” is not a number` };
  const key = rest.toLowerCase();
  if (rest === '' || key === fieldUnit.toLowerCase()) return { value: number, reading: '' };

  const family = FAMILIES[fieldUnit];
  if (!family) {
    const multiplier = COUNT_SUFFIXES[rest];
    if (multiplier === undefined) return { error: `“${trimmed}”: ${fieldUnit} are written as a number, or with k or M (200k, 1.5M)` };
    const value = number * multiplier;
    return { value, reading: `${trimmed} = ${plain(value)} ${fieldUnit}` };
  }
  const perUnit = family.units[key];
  if (perUnit === undefined) return { error: `“${trimmed}” is not in ${fieldUnit} or a unit that converts to it (write e.g. ${family.examples})` };
  const value = (number * perUnit) / family.perFieldUnit;
  const note = SI_NOTES[key];
  return { value, reading: `${trimmed} = ${plain(value)} ${fieldUnit}${note ? ` (SI: ${note})` : ''}` };
}

/** 2048 → "2,048"; 1192.092… → "1,192.09": readable, and exact where the value is whole. */
function plain(value: number): string {
  return Number.isInteger(value) ? fixedText(value, 0, 0) : Math.abs(value) >= 1 ? fixedText(value, 0, 2) : significantText(value, 3);
}
