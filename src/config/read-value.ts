import { unitFor } from '../lib/format';
import { sanitizeValue, type ParamSpec } from './schema';

/**
 * A plain decimal number: "12", "-0.5", ".5", "1e6". Rejects hex, "Infinity", "1,000", "".
 * Written so a failed match backtracks in linear time: `\d+\.?\d*` split every run of digits
 * both ways, so 100,000 digits and a letter took seconds (a link can hold 2 MB).
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export interface ReadValue {
  readonly value: number;
  /** Why the value differs from what was given; empty when it does not. */
  readonly reason: string;
}

/**
 * Untrusted text (a URL param, a typed number) → a valid value for one parameter.
 * Not a number or negative → the default; fractional counts → rounded; outside the
 * range → the nearest bound. Used by the URL codec and the exact-number fields alike.
 */
export function readValue(spec: ParamSpec, raw: string): ReadValue {
  const text = raw.trim();
  if (!DECIMAL.test(text)) {
    return { value: spec.defaultValue, reason: `not a number; the default ${spec.defaultValue} ${unitFor(spec.defaultValue, spec.unit)} was used` };
  }
  const parsed = Number(text);
  if (parsed < 0) {
    return { value: spec.defaultValue, reason: `negative; the default ${spec.defaultValue} ${unitFor(spec.defaultValue, spec.unit)} was used` };
  }
  const value = sanitizeValue(spec, Number.isFinite(parsed) ? parsed : spec.max);
  if (value === parsed) return { value, reason: '' };
  if (parsed > spec.max || !Number.isFinite(parsed)) return { value, reason: `above the maximum; ${spec.max} ${unitFor(spec.max, spec.unit)} was used` };
  if (parsed < spec.min) return { value, reason: `below the minimum; ${spec.min} ${unitFor(spec.min, spec.unit)} was used` };
  return { value, reason: `not a whole number; rounded to ${value}` };
}
