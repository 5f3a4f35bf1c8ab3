import type { PlanConfig } from '../engine/plan-config';
import { readValue } from './read-value';
import { DEFAULT_CONFIG, PARAMS } from './schema';

/**
 * The shareable link. Schema version 1: `v=1` plus one query parameter per input
 * (see PARAMS). The URL is untrusted input: decoding never throws, always yields a
 * valid config, and reports every value it had to change. docs/url-schema.md.
 */
export const URL_SCHEMA_VERSION = 1;

export interface UrlNotice {
  readonly param: string;
  /** What the link said, shortened; shown as text only. */
  readonly given: string;
  readonly reason: string;
  /** The value used instead (for version notices, the version read). */
  readonly used: number;
}

export interface DecodedConfig {
  readonly config: PlanConfig;
  readonly notices: readonly UrlNotice[];
}

const MAX_SHOWN_CHARS = 40;

export function encodeConfig(config: PlanConfig): string {
  const params = new URLSearchParams({ v: String(URL_SCHEMA_VERSION) });
  // Plan inputs always; assumptions only where they differ from their default (short links).
  for (const spec of PARAMS) {
    const value = config[spec.field];
    if (spec.group === 'plan' || value !== spec.defaultValue) params.set(spec.name, String(value));
  }
  return params.toString();
}

export function decodeConfig(search: string): DecodedConfig {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const notices: UrlNotice[] = [];
  const config: Record<string, number> = { ...DEFAULT_CONFIG };

  const versions = params.getAll('v');
  const version = versions[0];
  if (version !== undefined && version.trim() !== String(URL_SCHEMA_VERSION)) {
    notices.push({ param: 'v', given: shorten(version), reason: `link version is not known; read as version ${URL_SCHEMA_VERSION}`, used: URL_SCHEMA_VERSION });
  }

  for (const spec of PARAMS) {
    const given = params.getAll(spec.name);
    const first = given[0];
    if (first === undefined) continue;
    const { value, reason } = readValue(spec, first);
    config[spec.field] = value;
    const repeated = given.length > 1 ? `given ${given.length} times; the first was used` : '';
    const why = [repeated, reason].filter(Boolean).join('; ');
    if (why) notices.push({ param: spec.name, given: shorten(given.join(', ')), reason: why, used: value });
  }
  return { config: config as unknown as PlanConfig, notices };
}

function shorten(text: string): string {
  // Only the start is looked at (2 units a code point at most): Array.from over a 2 MB value takes a second.
  const chars = Array.from(text.slice(0, 2 * MAX_SHOWN_CHARS + 2));
  return chars.length <= MAX_SHOWN_CHARS ? text : `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…`;
}
