import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { DEFAULT_CONFIG } from '../config/schema';
import { singleTopicPlan, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';
import { planToRecord } from '../export/scenario-file';
import { SCENARIOS_BACKUP_KEY, SCENARIOS_STORAGE_KEY, type StoredScenario } from './saved-scenarios';
import { createScenarioStore } from './scenario-store';

const SEED = 6262;

/** localStorage in memory, with an optional size limit and failure switches. */
class MemoryStorage implements Storage {
  readonly data = new Map<string, string>();
  writes = 0;
  failReads = false;
  constructor(private readonly quotaChars = Infinity) {}
  get length() {
    return this.data.size;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string) {
    if (this.failReads) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.data].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quotaChars) throw new DOMException('quota', 'QuotaExceededError');
    this.writes += 1;
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  clear() {
    this.data.clear();
  }
}

function setup(raw: string | null, storage = new MemoryStorage()) {
  if (raw !== null) storage.data.set(SCENARIOS_STORAGE_KEY, raw);
  const problems: string[][] = [];
  const backups: boolean[] = [];
  const failures: string[] = [];
  const store = createScenarioStore(() => storage, {
    loadProblems: (items, backupKept) => {
      problems.push([...items]);
      backups.push(backupKept);
    },
    writeFailed: (message) => failures.push(message),
  });
  return { store, storage, problems, backups, failures };
}

/** A one-topic plan of the config's values. */
const planOf = (config: PlanConfig): ClusterPlan => singleTopicPlan(config, 'events', DEFAULT_BROKER_TYPE);
const DEFAULT_PLAN = planOf(DEFAULT_CONFIG);
const good = (name: string, rate = 1000): StoredScenario => ({ id: `id-${name}`, name, savedAt: '2026-01-02T03:04:05.000Z', plan: planToRecord(planOf({ ...DEFAULT_CONFIG, eventsPerSec: rate })) });
const envelope = (scenarios: unknown, version: unknown = 2) => JSON.stringify({ state: { scenarios }, version });

describe('saved scenarios store (persist to localStorage)', () => {
  it('starts empty with nothing stored, writes nothing, reports nothing', () => {
    const { store, storage, problems } = setup(null);
    expect(store.getState().scenarios).toEqual([]);
    expect(storage.writes).toBe(0);
    expect(problems).toEqual([]);
  });

  it('saves, replaces by name, renames, deletes and restores; every change is written', () => {
    const { store, storage } = setup(null);
    const a = planOf({ ...DEFAULT_CONFIG, partitions: 50 });
    const two: ClusterPlan = { ...a, topics: [...a.topics, { ...a.topics[0]!, name: 'clicks', partitions: 7 }] };
    expect(store.getState().save('  Peak  ', a)).toEqual({ ok: true, replaced: false, name: 'Peak' });
    expect(store.getState().save('Quiet', DEFAULT_PLAN)).toMatchObject({ ok: true, replaced: false });
    expect(store.getState().save('Peak', two)).toMatchObject({ ok: true, replaced: true });
    expect(store.getState().scenarios.map((s) => [s.name, s.plan.topics.map((t) => t.partitions)])).toEqual([
      ['Peak', [50, 7]],
      ['Quiet', [5]],
    ]);
    const written = JSON.parse(storage.data.get(SCENARIOS_STORAGE_KEY)!) as { version: number; state: { scenarios: StoredScenario[] } };
    expect(written.version).toBe(2);
    expect(written.state.scenarios[0]?.plan.topics.map((t) => [t.name, t.partitions])).toEqual([
      ['events', 50],
      ['clicks', 7],
    ]);
    expect(Object.keys(written.state)).toEqual(['scenarios']);

    const peak = store.getState().scenarios[0]!;
    expect(store.getState().save('   ', a)).toMatchObject({ ok: false });
    expect(store.getState().rename(peak.id, 'Quiet')).toMatchObject({ ok: false });
    expect(store.getState().rename(peak.id, 'Busy')).toMatchObject({ ok: true, name: 'Busy' });
    const removed = store.getState().remove(peak.id);
    expect(removed?.index).toBe(0);
    expect(store.getState().scenarios.map((s) => s.name)).toEqual(['Quiet']);
    store.getState().restore(removed!.scenario, removed!.index);
    expect(store.getState().scenarios.map((s) => s.name)).toEqual(['Busy', 'Quiet']);
    expect(JSON.parse(storage.data.get(SCENARIOS_STORAGE_KEY)!).state.scenarios).toHaveLength(2);
  });

  it('survives a reload: a new store reads what the last one wrote', () => {
    const first = setup(null);
    first.store.getState().save('Kept', planOf({ ...DEFAULT_CONFIG, brokers: 9 }));
    const second = setup(null, first.storage);
    expect(second.store.getState().scenarios.map((s) => [s.name, s.plan.cluster.brokers])).toEqual([['Kept', 9]]);
    expect(second.problems).toEqual([]);
  });

  it('corrupt data: a notice, a backup copy, and the stored text left alone until the next save', () => {
    const raw = '{"state":{"scenarios":[{"id":"a","name":"A","config":{"rate":5}},{"id":"b","na';
    const { store, storage, problems, backups } = setup(raw);
    expect(store.getState().scenarios).toEqual([]);
    expect(problems[0]?.join(' ')).toContain('not JSON');
    expect(backups).toEqual([true]);
    expect(storage.data.get(SCENARIOS_BACKUP_KEY)).toBe(raw);
    expect(storage.data.get(SCENARIOS_STORAGE_KEY)).toBe(raw);
    store.getState().save('New', DEFAULT_PLAN);
    expect(JSON.parse(storage.data.get(SCENARIOS_STORAGE_KEY)!).state.scenarios.map((s: StoredScenario) => s.name)).toEqual(['New']);
    expect(storage.data.get(SCENARIOS_BACKUP_KEY)).toBe(raw);
  });

  it('partly broken data: the valid scenarios are kept, and kept when the person saves again', () => {
    const raw = envelope([good('a', 10), { name: 'broken' }, 17, good('b', 20)]);
    const { store, storage, problems } = setup(raw);
    expect(store.getState().scenarios.map((s) => s.name)).toEqual(['a', 'b']);
    expect(problems[0]).toHaveLength(2);
    expect(storage.data.get(SCENARIOS_STORAGE_KEY)).toBe(raw);
    store.getState().save('c', DEFAULT_PLAN);
    const names = JSON.parse(storage.data.get(SCENARIOS_STORAGE_KEY)!).state.scenarios.map((s: StoredScenario) => s.name);
    expect(names).toEqual(['a', 'b', 'c']);
  });

  it('older-version data is migrated in memory but not written back on load', () => {
    const raw = envelope([good('old')], 0);
    const { store, storage, problems } = setup(raw);
    expect(store.getState().scenarios.map((s) => s.name)).toEqual(['old']);
    expect(problems[0]?.[0]).toContain('older format (0)');
    expect(storage.data.get(SCENARIOS_STORAGE_KEY)).toBe(raw);
    expect(storage.data.get(SCENARIOS_BACKUP_KEY)).toBe(raw);
  });

  it('version 1 data (one topic, before clusters) loads silently, stays as stored, and the next save writes it as version 2 with the same values', () => {
    // As the release before clusters stored it (every param of that release).
    const raw =
      '{"state":{"scenarios":[{"id":"old-1","name":"Before clusters","savedAt":"2026-11-27T13:44:21.000Z","config":{"rate":4321,"size":512,"partitions":7,"latency":3,"consumers":7,"rf":2,"retention":48,"groups":2,"brokers":4,"minIsr":1,"zones":2,"growth":1,"replayGroups":0,"compression":1,"overhead":0,"partitionMiBps":10,"brokerNetMiBps":298,"brokerDiskMiBps":250,"brokerUtil":0.8,"memoryGiB":32,"diskGiB":16384,"diskFill":0.7,"replicaLimit":2000,"targetUtil":0.7,"headroom":1,"sloMs":0,"linger":5,"batchBytes":16384,"maxPollRecords":500,"maxPollIntervalMs":300000,"sessionTimeoutMs":45000}}]},"version":1}';
    const { store, storage, problems } = setup(raw);
    const [old] = store.getState().scenarios;
    expect(problems).toEqual([]);
    expect(storage.data.get(SCENARIOS_STORAGE_KEY)).toBe(raw);
    expect(storage.data.has(SCENARIOS_BACKUP_KEY)).toBe(false);
    expect(old?.plan.topics.map((t) => [t.name, t.eventsPerSec, t.partitions, t.replicationFactor])).toEqual([['events', 4321, 7, 2]]);
    expect([old?.plan.cluster.brokers, old?.plan.cluster.offsetsTopicPartitions]).toEqual([4, 0]);

    store.getState().save('New', DEFAULT_PLAN);
    const written = JSON.parse(storage.data.get(SCENARIOS_STORAGE_KEY)!) as { version: number; state: { scenarios: StoredScenario[] } };
    expect(written.version).toBe(2);
    expect(written.state.scenarios.map((s) => s.name)).toEqual(['Before clusters', 'New']);
    const reloaded = setup(null, storage);
    expect(reloaded.problems).toEqual([]);
    expect(reloaded.store.getState().scenarios[0]?.plan).toEqual(old?.plan);
  });

  it('unreadable storage (SecurityError) and a full disk: notices, never a throw', () => {
    const locked = new MemoryStorage();
    locked.failReads = true;
    const { store, problems } = setup(null, locked);
    expect(store.getState().scenarios).toEqual([]);
    expect(problems[0]?.[0]).toContain('SecurityError');

    const full = setup(null, new MemoryStorage(100));
    expect(full.store.getState().save('Too big', DEFAULT_PLAN)).toMatchObject({ ok: true });
    expect(full.store.getState().scenarios).toHaveLength(1);
    expect(full.failures[0]).toContain('QuotaExceededError');

    const none = createScenarioStore(
      () => {
        throw new Error('no storage here');
      },
      { loadProblems: () => {}, writeFailed: () => {} },
    );
    expect(() => none.getState().save('x', DEFAULT_PLAN)).not.toThrow();
  });

  it('a backup that does not fit is tried again before the first save, and said', () => {
    const raw = 'x'.repeat(60);
    const storage = new MemoryStorage(150);
    const { store, backups, failures } = setup(raw, storage);
    expect(backups).toEqual([false]);
    store.getState().save('n', DEFAULT_PLAN);
    expect(failures.join(' ')).toContain('not copied');
  });

  it('any string as stored data: no throw, no write on load, and every valid scenario kept (property)', () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.tuple(fc.array(fc.jsonValue(), { maxLength: 4 }), fc.jsonValue()).map(([junk, version]) => envelope([good('keep-1', 11), ...junk, good('keep-2', 22)], version)),
    );
    fc.assert(
      fc.property(raw, (text) => {
        const { store, storage } = setup(text);
        expect(storage.data.get(SCENARIOS_STORAGE_KEY)).toBe(text);
        expect(storage.data.has(SCENARIOS_BACKUP_KEY) ? storage.data.get(SCENARIOS_BACKUP_KEY) : text).toBe(text);
        if (text.includes('keep-1')) {
          try {
            JSON.parse(text);
          } catch {
            return;
          }
          const kept = store.getState().scenarios.map((s) => [s.id, s.plan.topics[0]?.eventsPerSec]);
          expect(kept).toContainEqual(['id-keep-1', 11]);
          expect(kept).toContainEqual(['id-keep-2', 22]);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
