import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from '../config/schema';
import { singleTopicPlan, topicView, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics, computeMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { cleanName, planToRecord } from '../export/scenario-file';
import { validClusterPlan } from '../test-support/url-fuzz';
import { MAX_SAVED_SCENARIOS, MAX_STORED_CHARS, readStoredScenarios, type StoredScenario } from './saved-scenarios';

const SEED = 5151;
let counter = 0;
const newId = () => `new-${(counter += 1)}`;

const stored = (scenarios: unknown, version: unknown = 2) => JSON.stringify({ state: { scenarios }, version });
const onePlan = (rate: number): ClusterPlan => singleTopicPlan({ ...DEFAULT_CONFIG, eventsPerSec: rate }, 'events', DEFAULT_BROKER_TYPE);
const good = (name: string, rate = 1000): StoredScenario => ({ id: `id-${name}`, name, savedAt: '2026-01-02T03:04:05.000Z', plan: planToRecord(onePlan(rate)) });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scenario this version wrote: readable as it is. */
const validStored: fc.Arbitrary<StoredScenario> = fc.record({
  id: fc.uuid(),
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => cleanName(s) === s),
  savedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  plan: validClusterPlan(3).map(planToRecord),
});

/** Anything but a readable scenario (no object with a plan object or a version 1 config object). */
const junk = fc.jsonValue().filter((v) => !(isObject(v) && (isObject(v.plan) || isObject(v.config))));

/**
 * What the release before clusters stored (format 1, one topic, every param of that release),
 * copied from its localStorage: it must open with the numbers it had.
 */
const RELEASE_1_STORED =
  '{"state":{"scenarios":[' +
  '{"id":"6f1c2a9e-4b1d-4c55-9a51-0b7a52c1e001","name":"Peak day","savedAt":"2026-11-27T13:44:21.000Z","config":{"rate":116000,"size":1024,"partitions":384,"latency":2,"consumers":384,"rf":3,"retention":72,"groups":4,"brokers":12,"minIsr":2,"zones":3,"growth":1,"replayGroups":0,"compression":1,"overhead":0,"partitionMiBps":10,"brokerNetMiBps":298,"brokerDiskMiBps":250,"brokerUtil":0.8,"memoryGiB":32,"diskGiB":16384,"diskFill":0.7,"replicaLimit":2000,"targetUtil":0.7,"headroom":1,"sloMs":0,"linger":5,"batchBytes":16384,"maxPollRecords":500,"maxPollIntervalMs":300000,"sessionTimeoutMs":45000}},' +
  '{"id":"6f1c2a9e-4b1d-4c55-9a51-0b7a52c1e002","name":"Logs","savedAt":"2026-11-28T08:00:00.000Z","config":{"rate":200000,"size":500,"partitions":192,"latency":0.5,"consumers":192,"rf":2,"retention":24,"groups":2,"brokers":4,"minIsr":2,"zones":2,"growth":1,"replayGroups":0,"compression":4,"overhead":0,"partitionMiBps":10,"brokerNetMiBps":298,"brokerDiskMiBps":250,"brokerUtil":0.8,"memoryGiB":32,"diskGiB":16384,"diskFill":0.7,"replicaLimit":2000,"targetUtil":0.7,"headroom":1,"sloMs":0,"linger":5,"batchBytes":16384,"maxPollRecords":500,"maxPollIntervalMs":300000,"sessionTimeoutMs":45000}}' +
  ']},"version":1}';

/** The config a version 1 record meant: its values over the defaults, __consumer_offsets not counted. */
function oneTopicConfig(record: Record<string, number>): PlanConfig {
  return { ...DEFAULT_CONFIG, ...Object.fromEntries(PARAMS.filter((p) => p.name in record).map((p) => [p.field, record[p.name]])), offsetsTopicPartitions: 0 } as PlanConfig;
}

function expectKept(read: ReturnType<typeof readStoredScenarios>, scenarios: readonly StoredScenario[]) {
  for (const s of scenarios) {
    const found = read.scenarios.find((r) => r.id === s.id);
    expect(found, s.name).toBeDefined();
    expect(found?.name).toBe(s.name);
    expect(planToRecord(found!.plan)).toEqual(s.plan);
  }
}

describe('reading saved scenarios', () => {
  it('reads nothing from nothing, silently', () => {
    expect(readStoredScenarios(null, newId)).toEqual({ scenarios: [], notices: [] });
  });

  it('reads what this version wrote, as written', () => {
    const list = [good('a', 10), good('b', 20)];
    const read = readStoredScenarios(stored(list), newId);
    expect(read.notices).toEqual([]);
    expect(read.scenarios.map((s) => [s.id, s.name, s.savedAt, s.plan.topics[0]?.eventsPerSec])).toEqual([
      ['id-a', 'a', '2026-01-02T03:04:05.000Z', 10],
      ['id-b', 'b', '2026-01-02T03:04:05.000Z', 20],
    ]);
  });

  it('reads what the release before clusters stored (format 1) as one-topic plans with the numbers they had, silently', () => {
    const read = readStoredScenarios(RELEASE_1_STORED, newId);
    expect(read.notices).toEqual([]);
    const records = (JSON.parse(RELEASE_1_STORED) as { state: { scenarios: { config: Record<string, number> }[] } }).state.scenarios;
    expect(read.scenarios.map((s) => [s.id, s.name, s.savedAt, s.plan.brokerType, s.plan.topics.map((t) => t.name)])).toEqual([
      ['6f1c2a9e-4b1d-4c55-9a51-0b7a52c1e001', 'Peak day', '2026-11-27T13:44:21.000Z', DEFAULT_BROKER_TYPE, ['events']],
      ['6f1c2a9e-4b1d-4c55-9a51-0b7a52c1e002', 'Logs', '2026-11-28T08:00:00.000Z', DEFAULT_BROKER_TYPE, ['events']],
    ]);
    read.scenarios.forEach((scenario, i) => {
      const expected = oneTopicConfig(records[i]!.config);
      expect(topicView(scenario.plan, 0)).toEqual(expected);
      expect(computeClusterMetrics(scenario.plan).topics[0]).toEqual(computeMetrics(expected));
    });
  });

  it('reads a format 2 entry saved before the hot-key share with even keys (0), silently', () => {
    const before = Object.fromEntries(Object.entries(planToRecord(onePlan(5000)).topics[0]!).filter(([name]) => name !== 'hotKeyShare'));
    const read = readStoredScenarios(stored([{ ...good('before'), plan: { ...good('before').plan, topics: [before] } }]), newId);
    expect(read.notices).toEqual([]);
    expect(read.scenarios[0]?.plan).toEqual(onePlan(5000));
    expect(read.scenarios[0]?.plan.topics[0]?.hotKeyShare).toBe(0);
  });

  it.each([
    ['not JSON', '{"state":{"scenarios":[{"id":"x","na', 'not JSON'],
    ['empty', '', 'not JSON'],
    ['a number', '42', 'no JSON object'],
    ['null', 'null', 'no JSON object'],
    ['no list', '{"state":{"scenarios":"lots"},"version":1}', 'no list'],
    ['no state', '{"version":1}', 'no list'],
  ])('%s: nothing read, a notice', (_what, raw, why) => {
    const read = readStoredScenarios(raw, newId);
    expect(read.scenarios).toEqual([]);
    expect(read.notices.join(' ')).toContain(why);
  });

  it('keeps the readable scenarios among broken ones and names what it dropped', () => {
    const list = [good('a'), null, 'text', [1], { name: 'no config' }, { name: 'bad config', config: 'rate=5' }, { name: 'bad plan', plan: [1] }, good('b')];
    const read = readStoredScenarios(stored(list), newId);
    expect(read.scenarios.map((s) => s.name)).toEqual(['a', 'b']);
    expect(read.notices).toEqual([
      'Saved scenario 2 was dropped: it is not a scenario (null).',
      'Saved scenario 3 was dropped: it is not a scenario (a string).',
      'Saved scenario 4 was dropped: it is not a scenario (a list).',
      'Saved scenario 5 (“no config”) was dropped: it has no plan.',
      'Saved scenario 6 (“bad config”) was dropped: it has no plan.',
      'Saved scenario 7 (“bad plan”) was dropped: it has no plan.',
    ]);
  });

  it('repairs values by the link rules and fills in a missing name, id and time', () => {
    const list = [{ config: { rate: -5, partitions: 1e99, size: 'abc' } }, { id: 'same', name: 'x', config: {} }, { id: 'same', name: 'y', savedAt: 'yesterday', config: {} }];
    const read = readStoredScenarios(stored(list), newId);
    const [first, second, third] = read.scenarios;
    expect(first?.name).toBe('Scenario 1');
    // A version 1 entry: one topic, __consumer_offsets not counted.
    expect(topicView(first!.plan, 0)).toEqual({ ...DEFAULT_CONFIG, partitions: 10_000, offsetsTopicPartitions: 0 });
    expect(first?.id).toMatch(/^new-/);
    expect(second?.id).toBe('same');
    expect(third?.id).not.toBe('same');
    expect(third?.savedAt).toBe('');
    expect(read.notices.join('\n')).toMatch(/Saved scenario 1 had no name; it is now “Scenario 1”[\s\S]*rate = “-5”: negative[\s\S]*size = “abc”: not a number[\s\S]*partitions = “1e\+99”: above the maximum/);
  });

  it("repairs a version 2 entry's topics by the link rules, naming each topic's param", () => {
    const list = [{ id: 'c', name: 'Cluster', plan: { cluster: { brokers: 0 }, topics: [{ name: 'orders', rate: -5 }, { name: 'orders', partitions: 'abc' }] } }];
    const read = readStoredScenarios(stored(list), newId);
    expect(read.scenarios[0]?.plan.topics.map((t) => [t.name, t.eventsPerSec, t.partitions])).toEqual([
      ['orders', DEFAULT_CONFIG.eventsPerSec, 5],
      ['orders-2', DEFAULT_CONFIG.eventsPerSec, 5],
    ]);
    expect(read.scenarios[0]?.plan.cluster.brokers).toBe(1);
    expect(read.notices).toEqual([
      'Saved scenario 1 (“Cluster”): brokers = “0”: below the minimum; 1 broker was used.',
      'Saved scenario 1 (“Cluster”): t0.rate = “-5”: negative; the default 1000000 events/s was used.',
      'Saved scenario 1 (“Cluster”): t1.partitions = “abc”: not a number; the default 5 partitions was used.',
      'Saved scenario 1 (“Cluster”): t1.name = “orders”: the name of an earlier topic (names are unique in a cluster); "orders-2" was used.',
    ]);
  });

  it('reads an older or newer format with the current rules, and says so', () => {
    expect(readStoredScenarios(stored([good('a')], 1), newId).notices).toEqual([]);
    const older = readStoredScenarios(stored([good('a')], 0), newId);
    expect(older.scenarios.map((s) => s.name)).toEqual(['a']);
    expect(older.notices[0]).toContain('older format (0)');
    const unversioned = readStoredScenarios(JSON.stringify({ state: { scenarios: [good('a')] } }), newId);
    expect(unversioned.notices[0]).toContain('older format');
    const newer = readStoredScenarios(stored([good('a')], 3), newId);
    expect(newer.scenarios).toHaveLength(1);
    expect(newer.notices[0]).toContain('newer version');
  });

  it('refuses oversized data unread, and keeps at most the cap', () => {
    const huge = readStoredScenarios('x'.repeat(MAX_STORED_CHARS + 1), newId);
    expect(huge.scenarios).toEqual([]);
    expect(huge.notices[0]).toContain('too large');
    const many = Array.from({ length: MAX_SAVED_SCENARIOS + 5 }, (_, i) => good(`s${i}`));
    const capped = readStoredScenarios(stored(many), newId);
    expect(capped.scenarios).toHaveLength(MAX_SAVED_SCENARIOS);
    expect(capped.notices).toEqual([`More than ${MAX_SAVED_SCENARIOS} saved scenarios: the first ${MAX_SAVED_SCENARIOS} were kept, the 5 entries after them dropped.`]);
  });

  it('never throws for any stored string, and what it returns is valid (property)', () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify({ state: v, version: 1 })),
      fc.array(fc.oneof(validStored, fc.jsonValue()), { maxLength: 6 }).map((list) => stored(list)),
      fc.tuple(fc.array(validStored, { minLength: 1, maxLength: 4 }), fc.nat()).map(([list, cut]) => {
        const text = stored(list);
        return text.slice(0, cut % text.length);
      }),
    );
    fc.assert(
      fc.property(raw, (text) => {
        const read = readStoredScenarios(text, newId);
        for (const s of read.scenarios) {
          s.plan.topics.forEach((_, i) => {
            const view = topicView(s.plan, i);
            for (const spec of PARAMS) expect(isValidValue(spec, view[spec.field])).toBe(true);
          });
          expect(s.name).not.toBe('');
        }
        expect(new Set(read.scenarios.map((s) => s.id)).size).toBe(read.scenarios.length);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('keeps every valid scenario, in order, whatever junk surrounds it and whatever version it claims (property)', () => {
    const mixed = fc.tuple(
      fc.uniqueArray(validStored, { selector: (s) => s.id, maxLength: 8 }),
      fc.array(fc.tuple(fc.nat(), junk), { maxLength: 8 }),
      fc.oneof(fc.constant(2), fc.constant(1), fc.integer({ min: -3, max: 5 }), fc.constant('2'), fc.constant(null)),
    );
    fc.assert(
      fc.property(mixed, ([valid, junkAt, version]) => {
        const list: unknown[] = [...valid];
        for (const [at, item] of junkAt) list.splice(at % (list.length + 1), 0, item);
        const read = readStoredScenarios(stored(list, version), newId);
        expectKept(read, valid);
        expect(read.scenarios.map((s) => s.id)).toEqual(valid.map((s) => s.id));
        if (junkAt.length > 0) expect(read.notices.length).toBeGreaterThan(0);
        if (junkAt.length === 0 && (version === 1 || version === 2)) expect(read.notices).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
