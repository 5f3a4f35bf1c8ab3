import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { DEFAULT_CONFIG } from '../config/schema';
import { singleTopicPlan, topicView } from '../engine/cluster-plan';
import { parseScenarioFile, serializeScenarioFile } from '../export/scenario-file';
import { MAX_STORED_CHARS, readStoredScenarios, SCENARIOS_BACKUP_KEY, SCENARIOS_STORAGE_KEY, SCENARIOS_VERSION } from './saved-scenarios';
import { createScenarioStore } from './scenario-store';

/**
 * Saved data and scenario files that are corrupt, truncated, from another version or oversized
 * (docs/reliability.md): a notice every time, and nothing lost of the other saved scenarios —
 * on load, after a reload (a new store on the same storage) and after the next save.
 */

/** localStorage in memory with Chromium's quota: about 5.2 M characters (10 MiB of UTF-16) a site. */
class QuotaStorage implements Storage {
  readonly data = new Map<string, string>();
  constructor(private readonly quotaChars = 5_242_880) {}
  get length() {
    return this.data.size;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    let used = 0;
    for (const [k, v] of this.data) if (k !== key) used += k.length + v.length;
    if (used + key.length + value.length > this.quotaChars) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  clear() {
    this.data.clear();
  }
}

/** A page load: a new store on the storage, and what it reported. */
function load(storage: QuotaStorage) {
  const problems: string[] = [];
  const failures: string[] = [];
  const backups: boolean[] = [];
  const store = createScenarioStore(() => storage, {
    loadProblems: (items, backupKept) => {
      problems.push(...items);
      backups.push(backupKept);
    },
    writeFailed: (message) => failures.push(message),
  });
  const names = () => store.getState().scenarios.map((s) => s.name);
  return { store, problems, failures, backups, names };
}

// Entries as the release before clusters stored them (format 1, one topic): they must survive too.
const ALPHA = { id: 'alpha', name: 'Alpha', savedAt: '2026-01-02T03:04:05.000Z', config: { rate: 1111, partitions: 11 } };
const GAMMA = { id: 'gamma', name: 'Gamma', savedAt: '2026-01-02T03:04:05.000Z', config: { rate: 3333, partitions: 33 } };
const envelope = (scenarios: unknown[], version: unknown = 1) => JSON.stringify({ state: { scenarios }, version });
const planOf = (partitions: number) => singleTopicPlan({ ...DEFAULT_CONFIG, partitions }, 'events', DEFAULT_BROKER_TYPE);

function storedNames(storage: QuotaStorage): string[] {
  return (JSON.parse(storage.getItem(SCENARIOS_STORAGE_KEY) ?? 'null') as { state: { scenarios: { name: string }[] } }).state.scenarios.map((s) => s.name);
}

/** Load, reload, save "Delta", reload: the readable scenarios survive every step. */
function roundTrip(raw: string, expected: string[], storage = new QuotaStorage()) {
  storage.setItem(SCENARIOS_STORAGE_KEY, raw);
  const first = load(storage);
  expect(first.names()).toEqual(expected);
  expect(first.problems.length).toBeGreaterThan(0);
  const second = load(storage);
  expect(second.names()).toEqual(expected);
  expect(storage.getItem(SCENARIOS_STORAGE_KEY)).toBe(raw);
  expect(second.store.getState().save('Delta', planOf(44))).toMatchObject({ ok: true });
  expect(storedNames(storage)).toEqual([...expected, 'Delta']);
  const third = load(storage);
  expect(third.names()).toEqual([...expected, 'Delta']);
  expect(third.problems).toEqual([]);
  return { first, second, third, storage };
}

describe('saved data: corrupt, truncated, older-version and oversized', () => {
  it.each([
    ['config is text', { id: 'beta', name: 'Beta', config: 'rate=2222' }],
    ['entry is null', null],
    ['entry is a number', 42],
    ['entry is a list', [{ rate: 5 }]],
    ['config is a list', { id: 'beta', name: 'Beta', config: [2222] }],
  ])('one corrupt scenario of three (%s): the other two kept after a reload and after the next save', (_what, corrupt) => {
    roundTrip(envelope([ALPHA, corrupt, GAMMA]), ['Alpha', 'Gamma']);
  });

  it('one scenario of three with hostile values: repaired with a notice, all three kept', () => {
    const { first } = roundTrip(envelope([ALPHA, { id: 'beta', name: 'Beta', config: { rate: '<script>alert(1)</script>', partitions: -4, size: '9'.repeat(5000) } }, GAMMA]), ['Alpha', 'Beta', 'Gamma']);
    expect(first.problems.join('\n')).toMatch(/rate = “<script>alert\(1\)<\/script>”: not a number[\s\S]*partitions = “-4”: negative/);
  });

  it('an older (and a newer) version number: read with a notice, written back as the current version on the next save', () => {
    for (const version of [0, -1, '1', null, 3]) {
      const { first, storage } = roundTrip(envelope([ALPHA, GAMMA], version), ['Alpha', 'Gamma']);
      expect(first.problems[0]).toMatch(/older format|newer version/);
      expect(JSON.parse(storage.getItem(SCENARIOS_STORAGE_KEY)!).version).toBe(SCENARIOS_VERSION);
    }
  });

  it('version 1 (one topic, before clusters): read silently with its numbers, written as version 2 on the next save, nothing lost', () => {
    const storage = new QuotaStorage();
    const raw = envelope([ALPHA, GAMMA], 1);
    storage.setItem(SCENARIOS_STORAGE_KEY, raw);
    const first = load(storage);
    expect(first.problems).toEqual([]);
    expect(first.store.getState().scenarios.map((s) => [s.name, s.plan.topics[0]?.eventsPerSec, s.plan.topics[0]?.partitions, s.plan.cluster.offsetsTopicPartitions])).toEqual([
      ['Alpha', 1111, 11, 0],
      ['Gamma', 3333, 33, 0],
    ]);
    expect(storage.getItem(SCENARIOS_STORAGE_KEY)).toBe(raw);
    first.store.getState().save('Delta', planOf(44));
    expect(JSON.parse(storage.getItem(SCENARIOS_STORAGE_KEY)!).version).toBe(2);
    const second = load(storage);
    expect(second.problems).toEqual([]);
    expect(second.store.getState().scenarios.map((s) => s.plan)).toEqual([...first.store.getState().scenarios.map((s) => s.plan)]);
  });

  it('truncated at any point: never a throw, a notice, a backup, and the next save leaves a readable list', () => {
    const raw = envelope([ALPHA, GAMMA]);
    for (let cut = 0; cut < raw.length; cut += 1) {
      const storage = new QuotaStorage();
      storage.setItem(SCENARIOS_STORAGE_KEY, raw.slice(0, cut));
      const page = load(storage);
      expect(page.problems.join(' '), `cut at ${cut}`).toContain('not JSON');
      expect(storage.getItem(SCENARIOS_BACKUP_KEY)).toBe(raw.slice(0, cut));
      page.store.getState().save('Delta', planOf(5));
      expect(load(storage).names()).toEqual(['Delta']);
    }
  });

  it('a 5 MB stored value: read with a notice; no backup fits beside it, the save says so and keeps every scenario', () => {
    const big = { id: 'big', name: 'Big', config: { rate: 5 }, notes: 'x'.repeat(5_000_000) };
    const raw = envelope([ALPHA, big, GAMMA]);
    const { first, second } = roundTrip(raw, ['Alpha', 'Big', 'Gamma']);
    expect(first.problems.join('\n')).toContain('The saved data is unusually large (5,000,');
    expect(first.problems.join('\n')).toContain('Saved scenario 2 (“Big”) is unusually large');
    expect(first.backups).toEqual([false]);
    expect(second.failures.join(' ')).toContain('was not copied');
  });

  it('a 5 MB name or value: cut to 100 characters or repaired, quickly', () => {
    const start = performance.now();
    const read = readStoredScenarios(envelope([{ id: 'n', name: `  ${'名'.repeat(2_500_000)}`, config: { rate: '9'.repeat(2_000_000), size: `${'1'.repeat(2_000_000)}x` } }, ALPHA]), () => 'new');
    expect(performance.now() - start).toBeLessThan(3_000);
    expect(read.scenarios.map((s) => [Array.from(s.name).length, s.plan.topics[0]?.eventsPerSec, s.plan.topics[0]?.eventSizeBytes])).toEqual([
      [100, 10_000_000, DEFAULT_CONFIG.eventSizeBytes],
      [5, 1111, DEFAULT_CONFIG.eventSizeBytes],
    ]);
    expect(read.notices.join('\n')).toMatch(/unusually large[\s\S]*rate = “9{40}…”: above the maximum[\s\S]*size = “1{40}…”: not a number/);
  });

  it('past every browser quota (20 M characters): refused unread, with a notice', () => {
    const read = readStoredScenarios(`{"state":{"scenarios":[]},"pad":"${'x'.repeat(MAX_STORED_CHARS)}"}`, () => 'new');
    expect(read.scenarios).toEqual([]);
    expect(read.notices[0]).toContain('too large to read');
  });
});

describe('imported scenario files: corrupt, truncated, older-version and oversized', () => {
  const file = serializeScenarioFile({ ...DEFAULT_CONFIG, eventsPerSec: 4242, partitions: 42 }, 'From a file');

  it('truncated at any point: refused as not JSON (or, once whole, read), never a throw', () => {
    for (let cut = 0; cut <= file.length; cut += 1) {
      const result = parseScenarioFile(file.slice(0, cut));
      const whole = file.slice(0, cut).trimEnd() === file.trimEnd();
      if (whole) expect(result).toMatchObject({ ok: true, name: 'From a file' });
      else expect(result, `cut at ${cut}`).toEqual({ ok: false, error: 'The file is not JSON.' });
    }
  });

  it('an older version: read by the current rules, with a notice', () => {
    const result = parseScenarioFile(file.replace('"version": 2', '"version": 0'));
    expect(result).toMatchObject({ ok: true, notices: [{ param: 'version', given: '0' }] });
    if (result.ok) expect(result.plan.topics[0]?.partitions).toBe(42);
  });

  it('oversized: refused unread, with the size', () => {
    const result = parseScenarioFile(file.replace('"name"', `"pad": "${'x'.repeat(5_000_000)}", "name"`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^The file is too large \(5,00\d,\d{3} characters/);
  });

  it('any bytes as a file: never a throw; a readable file always gives a valid plan (property, seed 7070)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.nat({ max: file.length }).map((cut) => file.slice(0, cut)),
      fc.tuple(fc.nat({ max: file.length }), fc.string({ maxLength: 8 })).map(([at, junk]) => file.slice(0, at) + junk + file.slice(at)),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = parseScenarioFile(t);
        if (result.ok) expect(Object.keys(topicView(result.plan, 0)).length).toBe(Object.keys(DEFAULT_CONFIG).length);
        else expect(result.error.length).toBeGreaterThan(0);
      }),
      { seed: 7070, numRuns: 2_000 },
    );
  });
});
