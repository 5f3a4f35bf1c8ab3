import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from '../config/schema';
import { cleanName, configToParams } from '../export/scenario-file';
import { planConfig } from '../test-support/arbitraries';
import { MAX_SAVED_SCENARIOS, MAX_STORED_CHARS, readStoredScenarios, type StoredScenario } from './saved-scenarios';

const SEED = 5151;
let counter = 0;
const newId = () => `new-${(counter += 1)}`;

const stored = (scenarios: unknown, version: unknown = 1) => JSON.stringify({ state: { scenarios }, version });
const good = (name: string, rate = 1000): StoredScenario => ({ id: `id-${name}`, name, savedAt: '2026-01-02T03:04:05.000Z', config: configToParams({ ...DEFAULT_CONFIG, eventsPerSec: rate }) });

/** A scenario this version wrote: readable as it is. */
const validStored: fc.Arbitrary<StoredScenario> = fc.record({
  id: fc.uuid(),
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => cleanName(s) === s),
  savedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  config: planConfig.map(configToParams),
});

/** Anything but a readable scenario (no object with a config object). */
const junk = fc.jsonValue().filter((v) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>).config === 'object' && (v as Record<string, unknown>).config !== null && !Array.isArray((v as Record<string, unknown>).config)));

function expectKept(read: ReturnType<typeof readStoredScenarios>, scenarios: readonly StoredScenario[]) {
  for (const s of scenarios) {
    const found = read.scenarios.find((r) => r.id === s.id);
    expect(found, s.name).toBeDefined();
    expect(found?.name).toBe(s.name);
    expect(configToParams(found!.config)).toEqual(s.config);
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
    expect(read.scenarios.map((s) => [s.id, s.name, s.savedAt, s.config.eventsPerSec])).toEqual([
      ['id-a', 'a', '2026-01-02T03:04:05.000Z', 10],
      ['id-b', 'b', '2026-01-02T03:04:05.000Z', 20],
    ]);
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
    const list = [good('a'), null, 'text', [1], { name: 'no config' }, { name: 'bad config', config: 'rate=5' }, good('b')];
    const read = readStoredScenarios(stored(list), newId);
    expect(read.scenarios.map((s) => s.name)).toEqual(['a', 'b']);
    expect(read.notices).toEqual([
      'Saved scenario 2 was dropped: it is not a scenario (null).',
      'Saved scenario 3 was dropped: it is not a scenario (a string).',
      'Saved scenario 4 was dropped: it is not a scenario (a list).',
      'Saved scenario 5 (“no config”) was dropped: it has no config.',
      'Saved scenario 6 (“bad config”) was dropped: it has no config.',
    ]);
  });

  it('repairs values by the link rules and fills in a missing name, id and time', () => {
    const list = [{ config: { rate: -5, partitions: 1e99, size: 'abc' } }, { id: 'same', name: 'x', config: {} }, { id: 'same', name: 'y', savedAt: 'yesterday', config: {} }];
    const read = readStoredScenarios(stored(list), newId);
    const [first, second, third] = read.scenarios;
    expect(first?.name).toBe('Scenario 1');
    expect(first?.config).toEqual({ ...DEFAULT_CONFIG, partitions: 10_000 });
    expect(first?.id).toMatch(/^new-/);
    expect(second?.id).toBe('same');
    expect(third?.id).not.toBe('same');
    expect(third?.savedAt).toBe('');
    expect(read.notices.join('\n')).toMatch(/Saved scenario 1 had no name; it is now “Scenario 1”[\s\S]*rate = “-5”: negative[\s\S]*size = “abc”: not a number[\s\S]*partitions = “1e\+99”: above the maximum/);
  });

  it('reads an older or newer format with the current rules, and says so', () => {
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
          for (const spec of PARAMS) expect(isValidValue(spec, s.config[spec.field])).toBe(true);
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
      fc.oneof(fc.constant(1), fc.integer({ min: -3, max: 5 }), fc.constant('1'), fc.constant(null)),
    );
    fc.assert(
      fc.property(mixed, ([valid, junkAt, version]) => {
        const list: unknown[] = [...valid];
        for (const [at, item] of junkAt) list.splice(at % (list.length + 1), 0, item);
        const read = readStoredScenarios(stored(list, version), newId);
        expectKept(read, valid);
        expect(read.scenarios.map((s) => s.id)).toEqual(valid.map((s) => s.id));
        if (junkAt.length > 0) expect(read.notices.length).toBeGreaterThan(0);
        if (junkAt.length === 0 && version === 1) expect(read.notices).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
