import { defaultMinInsyncReplicas, defaultZones, repairPlan } from '../config/plan-repair';
import { readValue } from '../config/read-value';
import { DEFAULT_CONFIG, PARAMS, type ParamName } from '../config/schema';
import type { PlanConfig } from '../engine/plan-config';

/**
 * A plan as a JSON file, and back. The file is untrusted input, read by the same per-value
 * rules as the link (readValue): reading never throws and always yields a valid plan, with a
 * notice for every value that had to change. docs/scenarios.md "Scenario file".
 *
 *     { "format": "eventflow-planner/scenario", "version": 1, "name": "…",
 *       "config": { "rate": 1000000, "size": 1024, … } }
 *
 * config uses the link's public parameter names (docs/url-schema.md), never internal field names.
 */
export const SCENARIO_FILE_FORMAT = 'eventflow-planner/scenario';
export const SCENARIO_FILE_VERSION = 1;
/** A real file is under 2 KB; anything past this is refused unread. */
export const MAX_SCENARIO_FILE_CHARS = 100_000;
export const MAX_SCENARIO_NAME_CHARS = 100;
const MAX_SHOWN_CHARS = 40;

export interface ScenarioFile {
  readonly format: typeof SCENARIO_FILE_FORMAT;
  readonly version: typeof SCENARIO_FILE_VERSION;
  readonly name?: string;
  readonly config: Readonly<Record<ParamName, number>>;
}

/** One value that could not be used as given. Text only: shown, never run as HTML. */
export interface ConfigNotice {
  /** The param name (or "version", "name"). */
  readonly param: string;
  /** What the input said, shortened to 40 characters. */
  readonly given: string;
  readonly reason: string;
}

export interface ReadConfig {
  readonly config: PlanConfig;
  readonly notices: readonly ConfigNotice[];
}

export type ScenarioFileResult =
  | { readonly ok: true; readonly config: PlanConfig; readonly name: string | undefined; readonly notices: readonly ConfigNotice[] }
  | { readonly ok: false; readonly error: string };

/** The config keyed by public param names, every param, in the schema's order. */
export function configToParams(config: PlanConfig): Record<ParamName, number> {
  return Object.fromEntries(PARAMS.map((spec) => [spec.name, config[spec.field]])) as Record<ParamName, number>;
}

export function buildScenarioFile(config: PlanConfig, name?: string): ScenarioFile {
  const clean = name === undefined ? '' : cleanName(name);
  return { format: SCENARIO_FILE_FORMAT, version: SCENARIO_FILE_VERSION, ...(clean ? { name: clean } : {}), config: configToParams(config) };
}

export function serializeScenarioFile(config: PlanConfig, name?: string): string {
  return `${JSON.stringify(buildScenarioFile(config, name), null, 2)}\n`;
}

/**
 * An untrusted { <param name>: value } object → a valid config, by the link's rules: a missing
 * param takes its default silently; numbers and numeric text are read like a link's text;
 * anything else (true, null, [5], {}) is "not a number" and takes the default. Unknown keys
 * are ignored. Never throws.
 */
export function readConfigRecord(record: unknown): ReadConfig {
  const config: Record<string, number> = { ...DEFAULT_CONFIG };
  const notices: ConfigNotice[] = [];
  if (!isPlainObject(record)) return { config: config as unknown as PlanConfig, notices };
  for (const spec of PARAMS) {
    if (!Object.hasOwn(record, spec.name)) continue;
    const raw = record[spec.name];
    const text = asText(raw);
    const { value, reason } = readValue(spec, text);
    config[spec.field] = value;
    if (reason) notices.push({ param: spec.name, given: shorten(text), reason });
  }
  // A record from before min ISR and zones existed: their defaults follow rf and the brokers.
  if (!Object.hasOwn(record, 'minIsr')) config.minInsyncReplicas = defaultMinInsyncReplicas(config.replicationFactor as number);
  if (!Object.hasOwn(record, 'zones')) config.zones = defaultZones(config.brokers as number);
  const repaired = repairPlan(config as unknown as PlanConfig);
  for (const r of repaired.repairs) notices.push({ param: r.param, given: String(r.given), reason: r.reason });
  return { config: repaired.config, notices };
}

/** A scenario file's text → a valid config and name, or why the file cannot be read at all. */
export function parseScenarioFile(text: string): ScenarioFileResult {
  if (text.length > MAX_SCENARIO_FILE_CHARS) {
    return { ok: false, error: `The file is too large (${text.length.toLocaleString('en-US')} characters; a scenario file is under ${MAX_SCENARIO_FILE_CHARS.toLocaleString('en-US')}).` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON.' };
  }
  if (!isPlainObject(data)) return { ok: false, error: 'The file is not a scenario: it holds no JSON object.' };
  if (data.format !== SCENARIO_FILE_FORMAT) {
    return { ok: false, error: `The file is not a scenario: "format" is ${shorten(describe(data.format))}, not "${SCENARIO_FILE_FORMAT}".` };
  }
  if (!isPlainObject(data.config)) return { ok: false, error: 'The scenario has no "config" object.' };

  const notices: ConfigNotice[] = [];
  if (Object.hasOwn(data, 'version') && data.version !== SCENARIO_FILE_VERSION) {
    notices.push({ param: 'version', given: shorten(describe(data.version)), reason: `file version is not known; read as version ${SCENARIO_FILE_VERSION}` });
  }
  let name: string | undefined;
  if (Object.hasOwn(data, 'name')) {
    if (typeof data.name === 'string') {
      name = cleanName(data.name) || undefined;
      if (name !== data.name.trim()) notices.push({ param: 'name', given: shorten(data.name), reason: name ? `shortened to ${MAX_SCENARIO_NAME_CHARS} characters, control characters removed` : 'empty; left out' });
    } else {
      notices.push({ param: 'name', given: shorten(describe(data.name)), reason: 'not text; left out' });
    }
  }
  const read = readConfigRecord(data.config);
  return { ok: true, config: read.config, name, notices: [...notices, ...read.notices] };
}

/** A name as shown and stored: control characters removed, trimmed, at most 100 characters. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const trimmed = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim();
  // The first 100 code points lie within the first 202 UTF-16 units: no Array.from over a 5 MB name.
  return Array.from(trimmed.slice(0, 2 * MAX_SCENARIO_NAME_CHARS + 2)).slice(0, MAX_SCENARIO_NAME_CHARS).join('').trim();
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text for readValue: a string as given, a number as JavaScript writes it, anything else as JSON (never numeric). */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return describe(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

function shorten(text: string): string {
  // Only the start is looked at (2 units a code point at most): Array.from over a 2 MB value takes a second.
  const chars = Array.from(text.slice(0, 2 * MAX_SHOWN_CHARS + 2));
  return chars.length <= MAX_SHOWN_CHARS ? text : `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…`;
}
