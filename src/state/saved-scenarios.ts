import type { ClusterPlan } from '../engine/cluster-plan';
import { cleanName, isPlainObject, planToRecord, readOneTopicRecord, readPlanRecord, type PlanRecord, type ReadPlan } from '../export/scenario-file';

/**
 * The saved scenarios' format in localStorage, and how untrusted stored data is read back.
 * Stored data may be corrupt, truncated, from another version or oversized: reading never
 * throws, keeps every scenario it can read (repairing values by the link's rules), and names
 * what it dropped or changed. docs/scenarios.md "Saved scenarios".
 *
 *     localStorage['eventflow-planner/scenarios'] =
 *       {"state":{"scenarios":[{"id":"…","name":"…","savedAt":"2026-…Z",
 *         "plan":{"brokerType":"…","cluster":{"brokers":…},"topics":[{"name":"…","rate":…}]}}]},"version":2}
 *
 * Version 1 (before clusters) stored `"config":{"rate":…}`, one topic: such an entry is read as a
 * one-topic plan with the numbers it had, silently (a known format), and written as version 2 at
 * the next save.
 */
export const SCENARIOS_STORAGE_KEY = 'eventflow-planner/scenarios';
/** The raw text of stored data that could not be read in full, kept until it is read by a person. */
export const SCENARIOS_BACKUP_KEY = 'eventflow-planner/scenarios.backup';
export const SCENARIOS_VERSION = 2;
/** The one-topic format of the release before clusters: read as it is. */
export const ONE_TOPIC_SCENARIOS_VERSION = 1;
export const MAX_SAVED_SCENARIOS = 200;
/** 200 scenarios of 10 topics take under 1.5 M characters: stored data past this is read, and said to be unusually large. */
export const LARGE_STORED_CHARS = 2_500_000;
/**
 * Past this nothing is read. It is above what any browser's localStorage holds (about 5.2 M
 * characters a site in Chromium and Firefox), so everything a browser can store is read: a
 * refusal would lose every saved scenario at the next save when the backup copy does not fit.
 */
export const MAX_STORED_CHARS = 20_000_000;
/** A scenario of 50 topics with the longest names takes under 25,000 characters; an entry past this is said to be unusually large. */
export const LARGE_ENTRY_CHARS = 40_000;

export interface SavedScenario {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 time of the last save ('' when unknown). */
  readonly savedAt: string;
  readonly plan: ClusterPlan;
}

/** A scenario as stored: the plan keyed by the link's public param names. */
export interface StoredScenario {
  readonly id: string;
  readonly name: string;
  readonly savedAt: string;
  readonly plan: PlanRecord;
}

export interface StoredState {
  readonly scenarios: readonly StoredScenario[];
}

export interface Envelope {
  readonly state: unknown;
  readonly version: number;
}

export interface ReadScenarios {
  readonly scenarios: readonly SavedScenario[];
  /** What was dropped or changed, in words (text only). Empty when everything was read as stored. */
  readonly notices: readonly string[];
}

export function toStored(scenario: SavedScenario): StoredScenario {
  return { id: scenario.id, name: scenario.name, savedAt: scenario.savedAt, plan: planToRecord(scenario.plan) };
}

/** Versions this app reads as they are: the current one and the one-topic one before it. */
export function isKnownVersion(version: number): boolean {
  return version === SCENARIOS_VERSION || version === ONE_TOPIC_SCENARIOS_VERSION;
}

/**
 * The raw text under the storage key → the envelope persist expects, or null when there is
 * nothing (null raw) or nothing readable. A missing or non-numeric version reads as 0, so the
 * migrate step runs and says so.
 */
export function parseEnvelope(raw: string | null): { envelope: Envelope | null; notices: string[] } {
  if (raw === null) return { envelope: null, notices: [] };
  if (raw.length > MAX_STORED_CHARS) {
    return { envelope: null, notices: [`The saved scenarios are too large to read (${raw.length.toLocaleString('en-US')} characters, at most ${MAX_STORED_CHARS.toLocaleString('en-US')}); none were loaded.`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { envelope: null, notices: ['The saved scenarios are corrupt or cut off (not JSON); none could be read.'] };
  }
  if (!isPlainObject(data)) return { envelope: null, notices: ['The saved scenarios are not in a known format (no JSON object); none could be read.'] };
  const version = typeof data.version === 'number' && Number.isFinite(data.version) ? data.version : 0;
  const notices =
    raw.length > LARGE_STORED_CHARS
      ? [`The saved data is unusually large (${raw.length.toLocaleString('en-US')} characters; 200 scenarios of 10 topics take under 1,500,000). It was read; the next save keeps only each scenario's name, time and plan.`]
      : [];
  // A missing state is not "nothing stored": null makes the reader say the list is missing.
  return { envelope: { state: data.state ?? null, version }, notices };
}

/** What migrate says about data written by a version it does not know (it is then read with this version's rules). */
export function versionNotice(version: number): string {
  return version > SCENARIOS_VERSION
    ? `The saved scenarios were written by a newer version of the app (format ${version}); what this version understands was read.`
    : `The saved scenarios are in an older format (${version}); they were read with the rules of format ${SCENARIOS_VERSION}.`;
}

/** An entry's plan: `plan` (version 2), else `config` (version 1, one topic, migrated); null when it has neither. */
function readEntryPlan(entry: Record<string, unknown>): ReadPlan | null {
  if (isPlainObject(entry.plan)) return readPlanRecord(entry.plan);
  if (isPlainObject(entry.config)) return readOneTopicRecord(entry.config);
  return null;
}

/**
 * The persisted state (untrusted) → valid scenarios. Each entry is kept when it is an object
 * with a plan (or a version 1 config) object; its values are read by the link's rules (repaired, with a notice); a
 * missing or bad name becomes "Scenario N", a bad or repeated id a new one. Everything else is
 * dropped with a notice. undefined (nothing stored) gives no scenarios and no notice.
 */
export function readScenarioState(state: unknown, newId: () => string): ReadScenarios {
  if (state === undefined) return { scenarios: [], notices: [] };
  if (!isPlainObject(state) || !Array.isArray(state.scenarios)) {
    return { scenarios: [], notices: ['The saved data holds no list of scenarios; nothing could be read.'] };
  }
  const scenarios: SavedScenario[] = [];
  const notices: string[] = [];
  const ids = new Set<string>();
  const list: readonly unknown[] = state.scenarios;
  let overCap = 0;
  list.forEach((entry, index) => {
    const label = `Saved scenario ${index + 1}${isPlainObject(entry) && typeof entry.name === 'string' && cleanName(entry.name) ? ` (“${cleanName(entry.name)}”)` : ''}`;
    if (scenarios.length >= MAX_SAVED_SCENARIOS) {
      overCap += 1;
      return;
    }
    if (!isPlainObject(entry)) {
      notices.push(`${label} was dropped: it is not a scenario (${typeName(entry)}).`);
      return;
    }
    const read = readEntryPlan(entry);
    if (!read) {
      notices.push(`${label} was dropped: it has no plan.`);
      return;
    }
    const name = typeof entry.name === 'string' ? cleanName(entry.name) : '';
    let id = typeof entry.id === 'string' && /^[\w-]{1,64}$/.test(entry.id) ? entry.id : '';
    if (!id || ids.has(id)) id = newId();
    ids.add(id);
    const savedAt = typeof entry.savedAt === 'string' && !Number.isNaN(Date.parse(entry.savedAt)) ? entry.savedAt : '';
    const finalName = name || `Scenario ${index + 1}`;
    if (!name) notices.push(`${label} had no name; it is now “${finalName}”.`);
    const size = storedSize(entry);
    if (size > LARGE_ENTRY_CHARS) notices.push(`${label} is unusually large (${size.toLocaleString('en-US')} characters; a scenario of 50 topics takes under 25,000): its plan, time and name (at most 100 characters) were kept; the rest is left out.`);
    for (const n of read.notices) notices.push(`${label}: ${n.param} = “${n.given}”: ${n.reason}.`);
    scenarios.push({ id, name: finalName, savedAt, plan: read.plan });
  });
  if (overCap > 0) notices.push(`More than ${MAX_SAVED_SCENARIOS} saved scenarios: the first ${MAX_SAVED_SCENARIOS} were kept, the ${overCap} entries after them dropped.`);
  return { scenarios, notices };
}

/** Characters the entry takes as JSON (it came from JSON.parse, so it has no cycles). */
function storedSize(entry: Record<string, unknown>): number {
  try {
    return JSON.stringify(entry)?.length ?? 0;
  } catch {
    return 0;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** The whole read, raw text to scenarios: what the store does on load, as one pure function (tests). */
export function readStoredScenarios(raw: string | null, newId: () => string): ReadScenarios {
  const { envelope, notices } = parseEnvelope(raw);
  if (!envelope) return { scenarios: [], notices };
  const versionNotes = isKnownVersion(envelope.version) ? [] : [versionNotice(envelope.version)];
  const read = readScenarioState(envelope.state, newId);
  return { scenarios: read.scenarios, notices: [...versionNotes, ...read.notices] };
}
