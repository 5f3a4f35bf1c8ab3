import { asClusterPlan, assemblePlan, CLUSTER_SPECS, TOPIC_SPECS, type TopicInput } from '../config/plan-assembly';
import { BEFORE_CLUSTERS_DEFAULTS, defaultMinInsyncReplicas, defaultZones, repairPlan } from '../config/plan-repair';
import { readCalibrationRecord } from '../config/calibration-record';
import { readValue } from '../config/read-value';
import { DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { DEFAULT_CONFIG, PARAMS, type ParamName, type ParamSpec } from '../config/schema';
import { MAX_TOPICS } from '../config/topic-names';
import { DEFAULT_TOPIC_NAME, singleTopicPlan, type ClusterPlan, type PlanCalibration, type TopicField } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';

/**
 * A plan — a cluster of topics — as a JSON file, and back. The file is untrusted input, read by
 * the same per-value rules as the link (readValue): reading never throws and always yields a
 * valid plan, with a notice for every value that had to change. docs/scenarios.md "Scenario file".
 *
 *     { "format": "eventflow-planner/scenario", "version": 2, "name": "…",
 *       "plan": { "brokerType": "kafka.m5.2xlarge",
 *                 "cluster": { "brokers": 3, "zones": 3, … },
 *                 "topics": [ { "name": "orders", "rate": 5000, … }, … ] } }
 *
 * Values are keyed by the link's public parameter names (docs/url-schema.md), never internal
 * field names. Version 1 files (`"config": { "rate": …, "brokers": … }`, one topic) are read as a
 * one-topic plan with the numbers they had (`__consumer_offsets` not counted unless they set it).
 */
export const SCENARIO_FILE_FORMAT = 'eventflow-planner/scenario';
export const SCENARIO_FILE_VERSION = 2;
/** The one-topic format of the release before clusters: still read. */
export const ONE_TOPIC_FILE_VERSION = 1;
/** A file of 50 topics is under 40,000 characters; anything past this is refused unread. */
export const MAX_SCENARIO_FILE_CHARS = 100_000;
export const MAX_SCENARIO_NAME_CHARS = 100;
const MAX_SHOWN_CHARS = 40;
/** The key of the broker type in a plan record. */
const BROKER_TYPE_KEY = 'brokerType';
/** The key of the calibration record in a plan record. */
const CALIBRATION_KEY = 'calibration';

/** One topic: its name and its inputs by public name. */
export type TopicRecord = { readonly name: string } & Readonly<Record<string, number | string>>;

/** A cluster plan keyed by public param names: the body of a file (version 2) and of a saved scenario. */
export interface PlanRecord {
  readonly brokerType: string;
  readonly cluster: Readonly<Record<string, number>>;
  readonly topics: readonly TopicRecord[];
  /** What the assumptions were calibrated from, if they were (docs/plan-file.md "plan.calibration"). */
  readonly calibration?: PlanCalibration;
}

/** The schema's file name: the app serves it at its root (public/), the package ships it. */
export const PLAN_FILE_SCHEMA_NAME = 'plan-file.schema.json';
/** A `$schema` longer than this is not kept (it is only a pointer for editors). */
const MAX_SCHEMA_REF_CHARS = 500;

export interface ScenarioFile {
  /** Where editors find the JSON Schema (public/plan-file.schema.json); the reader ignores it. */
  readonly $schema?: string;
  readonly format: typeof SCENARIO_FILE_FORMAT;
  readonly version: typeof SCENARIO_FILE_VERSION;
  readonly name?: string;
  readonly plan: PlanRecord;
}

/** One value that could not be used as given. Text only: shown, never run as HTML. */
export interface ConfigNotice {
  /** The param name (`brokers`, `t0.rate` for a topic's, `minIsr` in a version 1 file), or "version", "name", "topics". */
  readonly param: string;
  /** What the input said, shortened to 40 characters. */
  readonly given: string;
  readonly reason: string;
}

export interface ReadConfig {
  readonly config: PlanConfig;
  readonly notices: readonly ConfigNotice[];
}

export interface ReadPlan {
  readonly plan: ClusterPlan;
  readonly notices: readonly ConfigNotice[];
}

export type ScenarioFileResult =
  | { readonly ok: true; readonly plan: ClusterPlan; readonly name: string | undefined; readonly schemaRef: string | undefined; readonly notices: readonly ConfigNotice[] }
  | { readonly ok: false; readonly error: string };

/** A one-topic config keyed by public param names, every param, in the schema's order: the version 1 shape. */
export function configToParams(config: PlanConfig): Record<ParamName, number> {
  return Object.fromEntries(PARAMS.map((spec) => [spec.name, config[spec.field]])) as Record<ParamName, number>;
}

/** The plan keyed by public param names, every param, in the schema's order. */
export function planToRecord(plan: ClusterPlan): PlanRecord {
  const cluster = Object.fromEntries(CLUSTER_SPECS.map((spec) => [spec.name, plan.cluster[spec.field as keyof ClusterPlan['cluster']]]));
  const topics = plan.topics.map((topic) => ({ name: topic.name, ...Object.fromEntries(TOPIC_SPECS.map((spec) => [spec.name, topic[spec.field as TopicField]])) }));
  return { brokerType: plan.brokerType, cluster, topics, ...(plan.calibration ? { calibration: plan.calibration } : {}) };
}

/** A flat config is taken as a one-topic plan (callers from before clusters). `schemaRef`: the file's `$schema`, written first. */
export function buildScenarioFile(plan: ClusterPlan | PlanConfig, name?: string, schemaRef?: string): ScenarioFile {
  const clean = name === undefined ? '' : cleanName(name);
  return { ...(schemaRef ? { $schema: schemaRef } : {}), format: SCENARIO_FILE_FORMAT, version: SCENARIO_FILE_VERSION, ...(clean ? { name: clean } : {}), plan: planToRecord(asClusterPlan(plan)) };
}

export function serializeScenarioFile(plan: ClusterPlan | PlanConfig, name?: string, schemaRef?: string): string {
  return `${JSON.stringify(buildScenarioFile(plan, name, schemaRef), null, 2)}\n`;
}

/**
 * An untrusted { <param name>: value } object → a valid config, by the link's rules: a missing
 * param takes its default silently; numbers and numeric text are read like a link's text;
 * anything else (true, null, [5], {}) is "not a number" and takes the default. Unknown keys
 * are ignored. Never throws.
 */
export function readConfigRecord(record: unknown, absentDefaults: Partial<Record<keyof PlanConfig, number>> = {}): ReadConfig {
  const config: Record<string, number> = { ...DEFAULT_CONFIG, ...absentDefaults };
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

/**
 * A version 1 record (one topic, every input unprefixed) → a one-topic plan with the numbers it
 * had: `__consumer_offsets` was not counted then, so 0 partitions of it unless the record sets it.
 */
export function readOneTopicRecord(record: unknown): ReadPlan {
  const { config, notices } = readConfigRecord(record, BEFORE_CLUSTERS_DEFAULTS);
  return { plan: singleTopicPlan(config, DEFAULT_TOPIC_NAME, DEFAULT_BROKER_TYPE), notices };
}

/** The values of `specs` an untrusted object gives, read like a link's text; a notice (param `prefix` + name) for each changed one. */
function readValues(record: Record<string, unknown>, specs: readonly ParamSpec[], prefix: string, notices: ConfigNotice[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const spec of specs) {
    if (!Object.hasOwn(record, spec.name)) continue;
    const text = asText(record[spec.name]);
    const { value, reason } = readValue(spec, text);
    values[spec.field] = value;
    if (reason) notices.push({ param: `${prefix}${spec.name}`, given: shorten(text), reason });
  }
  return values;
}

function readClusterRecord(record: Record<string, unknown>, notices: ConfigNotice[]): Record<string, number> {
  if (!Object.hasOwn(record, 'cluster')) return {};
  if (!isPlainObject(record.cluster)) {
    notices.push({ param: 'cluster', given: shorten(describe(record.cluster)), reason: 'not an object; every cluster input took its default' });
    return {};
  }
  return readValues(record.cluster, CLUSTER_SPECS, '', notices);
}

function readTopicRecord(entry: unknown, index: number, notices: ConfigNotice[]): TopicInput | null {
  const prefix = `t${index}.`;
  if (!isPlainObject(entry)) {
    notices.push({ param: `t${index}`, given: shorten(describe(entry)), reason: 'not a topic; left out' });
    return null;
  }
  let name: string | undefined;
  if (Object.hasOwn(entry, 'name')) {
    if (typeof entry.name === 'string') name = entry.name;
    else notices.push({ param: `${prefix}name`, given: shorten(describe(entry.name)), reason: 'not text; a default name was used' });
  }
  return { prefix, name, values: readValues(entry, TOPIC_SPECS, prefix, notices) };
}

function readTopicList(record: Record<string, unknown>, notices: ConfigNotice[]): TopicInput[] {
  const list = record.topics;
  if (!Array.isArray(list) || list.length === 0) {
    notices.push({ param: 'topics', given: shorten(describe(list)), reason: `${Array.isArray(list) ? 'empty' : 'not a list'}; one topic with the defaults was used` });
    return [];
  }
  if (list.length > MAX_TOPICS) notices.push({ param: 'topics', given: `${list.length.toLocaleString('en-US')} topics`, reason: `more than ${MAX_TOPICS}; the first ${MAX_TOPICS} were kept` });
  const topics: TopicInput[] = [];
  for (let i = 0; i < Math.min(list.length, MAX_TOPICS); i += 1) {
    const topic = readTopicRecord(list[i], i, notices);
    if (topic) topics.push(topic);
  }
  return topics;
}

/**
 * An untrusted plan record ({ brokerType, cluster, topics }) → a valid plan, by the link's rules:
 * a missing input takes its default silently, every value is read like a link's text, names are
 * made legal and unique, at most 50 topics; each change is a notice. Never throws.
 */
export function readPlanRecord(record: unknown): ReadPlan {
  const notices: ConfigNotice[] = [];
  const body = isPlainObject(record) ? record : {};
  const cluster = readClusterRecord(body, notices);
  const topics = readTopicList(body, notices);
  const given = body[BROKER_TYPE_KEY];
  const brokerType = given === undefined ? undefined : typeof given === 'string' ? given : describe(given);
  const assembled = assemblePlan({ cluster, topics, brokerType, brokerParam: BROKER_TYPE_KEY, absentDefaults: {} });
  for (const n of assembled.notices) notices.push({ param: n.param, given: n.given, reason: n.reason });
  if (!Object.hasOwn(body, CALIBRATION_KEY)) return { plan: assembled.plan, notices };
  const calibrationGiven = body[CALIBRATION_KEY];
  const { calibration, problem } = isPlainObject(calibrationGiven) ? readCalibrationRecord(calibrationGiven, assembled.plan) : { calibration: undefined, problem: 'not an object' };
  if (!calibration) {
    notices.push({ param: CALIBRATION_KEY, given: shorten(describe(calibrationGiven)), reason: `${problem}; the record of the calibration was left out (the values it set stay as the file gives them)` });
    return { plan: assembled.plan, notices };
  }
  return { plan: { ...assembled.plan, calibration }, notices };
}

/** Which body a file holds: `plan` (version 2) or `config` (version 1, one topic); null for neither. */
function fileShape(data: Record<string, unknown>): typeof SCENARIO_FILE_VERSION | typeof ONE_TOPIC_FILE_VERSION | null {
  if (isPlainObject(data.plan)) return SCENARIO_FILE_VERSION;
  if (isPlainObject(data.config)) return ONE_TOPIC_FILE_VERSION;
  return null;
}

function versionNotice(data: Record<string, unknown>, shape: number): ConfigNotice | null {
  if (!Object.hasOwn(data, 'version') || data.version === shape) return null;
  const known = data.version === SCENARIO_FILE_VERSION || data.version === ONE_TOPIC_FILE_VERSION;
  const body = shape === SCENARIO_FILE_VERSION ? '"plan"' : '"config"';
  const reason = known ? `the file holds ${body}, which is version ${shape}; read as version ${shape}` : `file version is not known; read as version ${shape}`;
  return { param: 'version', given: shorten(describe(data.version)), reason };
}

/** A scenario file's text → a valid plan and name, or why the file cannot be read at all. */
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
  const shape = fileShape(data);
  if (shape === null) return { ok: false, error: 'The scenario has no "plan" object (nor a "config" object, as version 1 files have).' };

  const notices: ConfigNotice[] = [];
  const version = versionNotice(data, shape);
  if (version) notices.push(version);
  let name: string | undefined;
  if (Object.hasOwn(data, 'name')) {
    if (typeof data.name === 'string') {
      name = cleanName(data.name) || undefined;
      if (name !== data.name.trim()) notices.push({ param: 'name', given: shorten(data.name), reason: name ? `shortened to ${MAX_SCENARIO_NAME_CHARS} characters, control characters removed` : 'empty; left out' });
    } else {
      notices.push({ param: 'name', given: shorten(describe(data.name)), reason: 'not text; left out' });
    }
  }
  const read = shape === SCENARIO_FILE_VERSION ? readPlanRecord(data.plan) : readOneTopicRecord(data.config);
  const ref = data.$schema;
  // Kept only as a plain pointer: short, no control characters (it is written back as it was).
  const schemaRef = typeof ref === 'string' && ref.length <= MAX_SCHEMA_REF_CHARS && !Array.from(ref).some((c) => c.charCodeAt(0) < 0x20) ? ref : undefined;
  return { ok: true, plan: read.plan, name, schemaRef, notices: [...notices, ...read.notices] };
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
