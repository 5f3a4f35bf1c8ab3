import { computeMetrics } from '../engine/compute-metrics';
import type { HealthFactorId } from '../engine/health';
import type { PlanConfig } from '../engine/plan-config';
import { defaultMinInsyncReplicas, defaultZones, repairPlan, V1_ASSUMPTION_DEFAULTS } from './plan-repair';
import { readValue } from './read-value';
import { DEFAULT_CONFIG, PARAMS } from './schema';

/**
 * The shareable link. Schema version 2: `v=2` plus one query parameter per input
 * (see PARAMS). The URL is untrusted input: decoding never throws, always yields a
 * valid config, and reports every value it had to change. Version 1 links open with the
 * same numbers: an assumption they leave out takes its version 1 default.
 * docs/url-schema.md.
 */
export const URL_SCHEMA_VERSION = 2;

/** Checks added with version 2: a version 1 link is told what they found. */
const NEW_CHECKS: readonly HealthFactorId[] = ['availability', 'poll-liveness', 'zone-balance', 'broker-network', 'broker-disk', 'broker-storage', 'broker-replicas'];

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
  const versionText = version?.trim();
  // Every link an earlier version wrote carries v=1; a link without v is read as the current version.
  const legacy = versionText === '1';
  if (version !== undefined && !legacy && versionText !== String(URL_SCHEMA_VERSION)) {
    notices.push({ param: 'v', given: shorten(version), reason: `link version is not known; read as version ${URL_SCHEMA_VERSION}`, used: URL_SCHEMA_VERSION });
  }
  if (legacy) Object.assign(config, V1_ASSUMPTION_DEFAULTS);

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
  // Inputs a link leaves out whose default follows another input.
  if (!params.has('minIsr')) config.minInsyncReplicas = defaultMinInsyncReplicas(config.replicationFactor as number);
  if (!params.has('zones')) config.zones = defaultZones(config.brokers as number);
  const repaired = repairPlan(config as unknown as PlanConfig);
  for (const r of repaired.repairs) notices.push({ param: r.param, given: String(r.given), reason: r.reason, used: r.used });
  if (legacy) notices.push(legacyNotice(repaired.config));
  return { config: repaired.config, notices };
}

/** What a version 1 link is told: the values it gets for the new inputs, and what the new checks found. */
function legacyNotice(config: PlanConfig): UrlNotice {
  const failing = computeMetrics(config)
    .health.factors.filter((f) => NEW_CHECKS.includes(f.id) && f.score01 < 1)
    .map((f) => f.label.toLowerCase());
  const found = failing.length === 0 ? 'they all pass' : `not met: ${failing.join(', ')}`;
  return {
    param: 'v',
    given: '1',
    reason:
      `a link from before availability and failover checks: min ISR ${config.minInsyncReplicas}, ${config.zones} zone${config.zones === 1 ? '' : 's'} and the broker limits of that version were used, so its numbers are unchanged; ` +
      `the new checks (writes through the planned failure, the busiest broker, max.poll.interval.ms, zones): ${found}`,
    used: 1,
  };
}

function shorten(text: string): string {
  // Only the start is looked at (2 units a code point at most): Array.from over a 2 MB value takes a second.
  const chars = Array.from(text.slice(0, 2 * MAX_SHOWN_CHARS + 2));
  return chars.length <= MAX_SHOWN_CHARS ? text : `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…`;
}
