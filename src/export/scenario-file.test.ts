import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from '../config/schema';
import { decodeConfig, encodeConfig } from '../config/url-codec';
import type { PlanConfig } from '../engine/plan-config';
import { planConfig } from '../test-support/arbitraries';
import { MAX_SCENARIO_FILE_CHARS, parseScenarioFile, readConfigRecord, serializeScenarioFile, buildScenarioFile } from './scenario-file';

const SEED = 4747;

function expectValid(config: PlanConfig) {
  for (const spec of PARAMS) expect(isValidValue(spec, config[spec.field]), spec.name).toBe(true);
}

function parsed(text: string) {
  const result = parseScenarioFile(text);
  if (!result.ok) throw new Error(`expected a readable file, got: ${result.error}`);
  return result;
}

const file = (body: Record<string, unknown>) => JSON.stringify({ format: 'eventflow-planner/scenario', version: 1, ...body });

describe('scenario file, version 1', () => {
  it('writes the documented shape with every public param name', () => {
    const data = JSON.parse(serializeScenarioFile(DEFAULT_CONFIG, 'Seed')) as Record<string, unknown>;
    expect(data.format).toBe('eventflow-planner/scenario');
    expect(data.version).toBe(1);
    expect(data.name).toBe('Seed');
    expect(Object.keys(data.config as object)).toEqual(PARAMS.map((p) => p.name));
    expect((data.config as Record<string, number>).rate).toBe(1_000_000);
  });

  it('leaves out an empty name', () => {
    expect(buildScenarioFile(DEFAULT_CONFIG, '  ')).not.toHaveProperty('name');
    expect(buildScenarioFile(DEFAULT_CONFIG)).not.toHaveProperty('name');
  });

  it('reads back what it wrote, to the same config and the same link, with no notice (property)', () => {
    fc.assert(
      fc.property(planConfig, fc.string({ maxLength: 30 }), (config, name) => {
        const back = parsed(serializeScenarioFile(config, name));
        expect(back.config).toEqual(config);
        expect(encodeConfig(back.config)).toBe(encodeConfig(config));
        expect(back.notices.filter((n) => n.param !== 'name')).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('repairs values by the link rules, with the same notices the link would give', () => {
    const hostile = { rate: -5, partitions: 1e99, size: '<script>alert(1)</script>', latency: '12', consumers: 2.5, rf: null, brokers: [5], groups: true, retention: {} };
    const result = parsed(file({ config: hostile }));
    expectValid(result.config);
    const asLink = decodeConfig('?' + new URLSearchParams({ rate: '-5', partitions: '1e+99', size: '<script>alert(1)</script>', latency: '12', consumers: '2.5' }).toString());
    for (const name of ['rate', 'partitions', 'size', 'consumers'] as const) {
      const spec = PARAMS.find((p) => p.name === name)!;
      expect(result.config[spec.field], name).toBe(asLink.config[spec.field]);
      expect(result.notices.find((n) => n.param === name)?.reason, name).toBe(asLink.notices.find((n) => n.param === name)?.reason);
    }
    expect(result.config.processingMs).toBe(12);
    for (const name of ['rf', 'brokers', 'groups', 'retention']) expect(result.notices.find((n) => n.param === name)?.reason, name).toMatch(/^not a number/);
    expect(result.config.replicationFactor).toBe(DEFAULT_CONFIG.replicationFactor);
    expect(result.notices.find((n) => n.param === 'size')?.given).toBe('<script>alert(1)</script>');
  });

  it('takes defaults silently for missing params and ignores unknown keys, including __proto__', () => {
    const result = parsed('{"format":"eventflow-planner/scenario","version":1,"config":{"rate":500,"colour":"blue","__proto__":{"rate":1}}}');
    expect(result.config).toEqual({ ...DEFAULT_CONFIG, eventsPerSec: 500 });
    expect(result.notices).toEqual([]);
    expect(({} as Record<string, unknown>).rate).toBeUndefined();
  });

  it('reads another version as version 1, with a notice', () => {
    const result = parsed(JSON.stringify({ format: 'eventflow-planner/scenario', version: 2, config: { rate: 10 } }));
    expect(result.config.eventsPerSec).toBe(10);
    expect(result.notices[0]).toMatchObject({ param: 'version', given: '2' });
    expect(parsed(JSON.stringify({ format: 'eventflow-planner/scenario', config: {} })).notices).toEqual([]);
  });

  it('cleans the name and says so', () => {
    expect(parsed(file({ name: '  Peak\u0000 day\n ', config: {} })).name).toBe('Peak  day');
    const long = parsed(file({ name: 'x'.repeat(500), config: {} }));
    expect(long.name).toHaveLength(100);
    expect(long.notices[0]?.param).toBe('name');
    const bad = parsed(file({ name: 42, config: {} }));
    expect(bad.name).toBeUndefined();
    expect(bad.notices[0]).toMatchObject({ param: 'name', reason: 'not text; left out' });
  });

  it.each([
    ['', 'not JSON'],
    ['{"format":"eventflow-planner/scen', 'not JSON'],
    ['null', 'no JSON object'],
    ['[1,2]', 'no JSON object'],
    ['"text"', 'no JSON object'],
    ['{"config":{}}', 'not a scenario'],
    ['{"format":"other","config":{}}', 'not a scenario'],
    ['{"format":"eventflow-planner/scenario"}', 'no "config"'],
    ['{"format":"eventflow-planner/scenario","config":[1]}', 'no "config"'],
    ['{"format":"eventflow-planner/scenario","config":"rate=5"}', 'no "config"'],
  ])('refuses %j: %s', (text, why) => {
    const result = parseScenarioFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(why);
  });

  it('refuses an oversized file unread', () => {
    const result = parseScenarioFile(file({ config: {}, padding: 'x'.repeat(MAX_SCENARIO_FILE_CHARS) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('too large');
  });

  it('survives deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseScenarioFile(deep)).not.toThrow();
  });

  it('never throws and always yields a valid config, for any text or JSON (property)', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.dictionary(fc.constantFrom(...PARAMS.map((p) => p.name), 'x', '__proto__'), fc.jsonValue()).map((config) => file({ config })),
      fc.record({ format: fc.constantFrom('eventflow-planner/scenario', 'x'), version: fc.jsonValue(), name: fc.jsonValue(), config: fc.jsonValue() }).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseScenarioFile(text);
        if (result.ok) expectValid(result.config);
        else expect(result.error).not.toBe('');
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('readConfigRecord accepts only plain objects', () => {
    for (const value of [null, undefined, 5, 'rate=5', [1]]) expect(readConfigRecord(value)).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });
});
