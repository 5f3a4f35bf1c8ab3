import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { CLUSTER_SPECS, TOPIC_SPECS } from '../config/plan-assembly';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from '../config/schema';
import { MAX_TOPICS } from '../config/topic-names';
import { decodeConfig, decodePlan, encodePlan } from '../config/url-codec';
import { singleTopicPlan, topicView, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics, computeMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { planConfig } from '../test-support/arbitraries';
import { validClusterPlan } from '../test-support/url-fuzz';
import { MAX_SCENARIO_FILE_CHARS, parseScenarioFile, readConfigRecord, serializeScenarioFile, buildScenarioFile } from './scenario-file';

const SEED = 4747;

function expectValid(config: PlanConfig) {
  for (const spec of PARAMS) expect(isValidValue(spec, config[spec.field]), spec.name).toBe(true);
}

function expectValidPlan(plan: ClusterPlan) {
  expect(plan.topics.length).toBeGreaterThanOrEqual(1);
  expect(plan.topics.length).toBeLessThanOrEqual(MAX_TOPICS);
  plan.topics.forEach((_, i) => expectValid(topicView(plan, i)));
}

function parsed(text: string) {
  const result = parseScenarioFile(text);
  if (!result.ok) throw new Error(`expected a readable file, got: ${result.error}`);
  return result;
}

const file = (body: Record<string, unknown>) => JSON.stringify({ format: 'eventflow-planner/scenario', version: 2, ...body });
const oneTopicFile = (body: Record<string, unknown>) => JSON.stringify({ format: 'eventflow-planner/scenario', version: 1, ...body });

/**
 * A file exactly as the release before clusters wrote it (serializeScenarioFile, version 1): every
 * param of that release, one topic. It must open with the numbers it had.
 */
const RELEASE_1_FILE = `{
  "format": "eventflow-planner/scenario",
  "version": 1,
  "name": "Netflix microservice events",
  "config": {
    "rate": 116000,
    "size": 1024,
    "partitions": 384,
    "latency": 2,
    "consumers": 384,
    "rf": 3,
    "retention": 72,
    "groups": 4,
    "brokers": 12,
    "minIsr": 2,
    "zones": 3,
    "growth": 1,
    "replayGroups": 0,
    "compression": 1,
    "overhead": 0,
    "partitionMiBps": 10,
    "brokerNetMiBps": 298,
    "brokerDiskMiBps": 250,
    "brokerUtil": 0.8,
    "memoryGiB": 32,
    "diskGiB": 16384,
    "diskFill": 0.7,
    "replicaLimit": 2000,
    "targetUtil": 0.7,
    "headroom": 1,
    "sloMs": 0,
    "linger": 5,
    "batchBytes": 16384,
    "maxPollRecords": 500,
    "maxPollIntervalMs": 300000,
    "sessionTimeoutMs": 45000
  }
}
`;

describe('scenario file, version 2 (a cluster of topics)', () => {
  it('writes the documented shape: the broker type, every cluster param, every topic with its name and params', () => {
    const plan: ClusterPlan = { ...singleTopicPlan(DEFAULT_CONFIG, 'orders', DEFAULT_BROKER_TYPE) };
    const data = JSON.parse(serializeScenarioFile(plan, 'Seed')) as { format: string; version: number; name: string; plan: { brokerType: string; cluster: Record<string, number>; topics: Record<string, unknown>[] } };
    expect([data.format, data.version, data.name]).toEqual(['eventflow-planner/scenario', 2, 'Seed']);
    expect(data.plan.brokerType).toBe(DEFAULT_BROKER_TYPE);
    expect(Object.keys(data.plan.cluster)).toEqual(CLUSTER_SPECS.map((p) => p.name));
    expect(data.plan.topics).toHaveLength(1);
    expect(Object.keys(data.plan.topics[0]!)).toEqual(['name', ...TOPIC_SPECS.map((p) => p.name)]);
    expect(data.plan.topics[0]).toMatchObject({ name: 'orders', rate: 1_000_000 });
    expect(data.plan.cluster.brokers).toBe(3);
  });

  it('takes a flat config as a one-topic plan (topic "events", the default broker type)', () => {
    expect(buildScenarioFile(DEFAULT_CONFIG)).toEqual(buildScenarioFile(singleTopicPlan(DEFAULT_CONFIG, 'events', DEFAULT_BROKER_TYPE)));
  });

  it('leaves out an empty name', () => {
    expect(buildScenarioFile(DEFAULT_CONFIG, '  ')).not.toHaveProperty('name');
    expect(buildScenarioFile(DEFAULT_CONFIG)).not.toHaveProperty('name');
  });

  it('reads back what it wrote, to the same plan and the same link, with no notice (property, clusters of 1–5 topics)', () => {
    fc.assert(
      fc.property(validClusterPlan(5), fc.string({ maxLength: 30 }), (plan, name) => {
        const back = parsed(serializeScenarioFile(plan, name));
        expect(back.plan).toEqual(plan);
        expect(encodePlan(back.plan)).toBe(encodePlan(plan));
        expect(back.notices.filter((n) => n.param !== 'name')).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("repairs a topic's values by the link rules, with the link's notices under the same prefixed names", () => {
    const topics = [{ name: 'a' }, { name: 'b', rate: -5, partitions: 1e99, size: '<script>alert(1)</script>', latency: '12', consumers: 2.5, rf: null, groups: true, retention: {} }];
    const result = parsed(file({ plan: { cluster: { brokers: [5] }, topics } }));
    expectValidPlan(result.plan);
    const asLink = decodePlan('?' + new URLSearchParams({ 't0.name': 'a', 't1.name': 'b', 't1.rate': '-5', 't1.partitions': '1e+99', 't1.size': '<script>alert(1)</script>', 't1.latency': '12', 't1.consumers': '2.5' }).toString());
    for (const name of ['rate', 'partitions', 'size', 'consumers'] as const) {
      const spec = PARAMS.find((p) => p.name === name)!;
      expect(topicView(result.plan, 1)[spec.field], name).toBe(topicView(asLink.plan, 1)[spec.field]);
      expect(result.notices.find((n) => n.param === `t1.${name}`)?.reason, name).toBe(asLink.notices.find((n) => n.param === `t1.${name}`)?.reason);
    }
    expect(result.plan.topics[1]?.processingMs).toBe(12);
    for (const name of ['t1.rf', 'brokers', 't1.groups', 't1.retention']) expect(result.notices.find((n) => n.param === name)?.reason, name).toMatch(/^not a number/);
    expect(result.notices.find((n) => n.param === 't1.size')?.given).toBe('<script>alert(1)</script>');
  });

  it('makes names legal and unique, drops entries that are not topics, keeps at most 50, each with a notice', () => {
    const topics = [{ name: 'my topic' }, 42, { name: 'orders' }, { name: 'orders' }, { name: 7 }, null, ...Array.from({ length: 60 }, (_, i) => ({ name: `t-${i}` }))];
    const { plan, notices } = parsed(file({ plan: { topics } }));
    expect(plan.topics).toHaveLength(MAX_TOPICS - 2); // 50 entries read, 2 of them not topics
    expect(plan.topics.slice(0, 4).map((t) => t.name)).toEqual(['my-topic', 'orders', 'orders-2', 'events']);
    expect(notices.map((n) => n.param)).toEqual(['topics', 't1', 't4.name', 't5', 't0.name', 't3.name']);
    expect(notices[0]?.reason).toBe('more than 50; the first 50 were kept');
  });

  it('reads an unknown broker type as custom, a missing one as the default type, a bad cluster or topic list as defaults; each said', () => {
    expect(parsed(file({ plan: { topics: [{ name: 'a' }] } }))).toMatchObject({ plan: { brokerType: DEFAULT_BROKER_TYPE }, notices: [] });
    const odd = parsed(file({ plan: { brokerType: 'kafka.z9', cluster: 'big', topics: 'many' } }));
    expect(odd.plan).toEqual({ ...singleTopicPlan(DEFAULT_CONFIG, 'events', 'custom') });
    expect(odd.notices.map((n) => [n.param, n.reason.split(';')[0]])).toEqual([
      ['cluster', 'not an object'],
      ['topics', 'not a list'],
      ['brokerType', 'not a broker type of the catalogue'],
    ]);
  });

  it('takes defaults silently for missing params (min ISR and zones by rule) and ignores unknown keys, including __proto__', () => {
    const result = parsed('{"format":"eventflow-planner/scenario","version":2,"plan":{"cluster":{"brokers":4,"colour":"blue"},"topics":[{"name":"a","rate":500,"rf":2,"__proto__":{"rate":1}}]}}');
    expect(topicView(result.plan, 0)).toEqual({ ...DEFAULT_CONFIG, eventsPerSec: 500, brokers: 4, zones: 2, replicationFactor: 2, minInsyncReplicas: 1 });
    expect(result.notices).toEqual([]);
    expect(({} as Record<string, unknown>).rate).toBeUndefined();
  });
});

describe('scenario file, version 1 (one topic, before clusters)', () => {
  it('a file the release before clusters wrote opens as topic "events" with the numbers it had', () => {
    const result = parsed(RELEASE_1_FILE);
    expect(result.notices).toEqual([]);
    expect(result.name).toBe('Netflix microservice events');
    expect(result.plan.topics.map((t) => t.name)).toEqual(['events']);
    expect(result.plan.brokerType).toBe(DEFAULT_BROKER_TYPE);
    const values = (JSON.parse(RELEASE_1_FILE) as { config: Record<string, number> }).config;
    const expected = { ...DEFAULT_CONFIG, ...Object.fromEntries(PARAMS.filter((p) => p.name in values).map((p) => [p.field, values[p.name]])), offsetsTopicPartitions: 0 } as PlanConfig;
    expect(topicView(result.plan, 0)).toEqual(expected);
    expect(computeClusterMetrics(result.plan).topics[0]).toEqual(computeMetrics(expected));
    // Exported again, it is a version 2 file that reads back to the same plan.
    expect(parsed(serializeScenarioFile(result.plan, result.name)).plan).toEqual(result.plan);
  });

  it('repairs values by the link rules, with the same notices the link would give', () => {
    const hostile = { rate: -5, partitions: 1e99, size: '<script>alert(1)</script>', latency: '12', consumers: 2.5, rf: null, brokers: [5], groups: true, retention: {} };
    const result = parsed(oneTopicFile({ config: hostile }));
    const config = topicView(result.plan, 0);
    expectValid(config);
    const asLink = decodeConfig('?' + new URLSearchParams({ rate: '-5', partitions: '1e+99', size: '<script>alert(1)</script>', latency: '12', consumers: '2.5' }).toString());
    for (const name of ['rate', 'partitions', 'size', 'consumers'] as const) {
      const spec = PARAMS.find((p) => p.name === name)!;
      expect(config[spec.field], name).toBe(asLink.config[spec.field]);
      expect(result.notices.find((n) => n.param === name)?.reason, name).toBe(asLink.notices.find((n) => n.param === name)?.reason);
    }
    expect(config.processingMs).toBe(12);
    for (const name of ['rf', 'brokers', 'groups', 'retention']) expect(result.notices.find((n) => n.param === name)?.reason, name).toMatch(/^not a number/);
    expect(config.replicationFactor).toBe(DEFAULT_CONFIG.replicationFactor);
    expect(result.notices.find((n) => n.param === 'size')?.given).toBe('<script>alert(1)</script>');
  });

  it('takes defaults silently for missing params and ignores unknown keys, including __proto__; __consumer_offsets not counted', () => {
    const result = parsed('{"format":"eventflow-planner/scenario","version":1,"config":{"rate":500,"colour":"blue","__proto__":{"rate":1}}}');
    expect(topicView(result.plan, 0)).toEqual({ ...DEFAULT_CONFIG, eventsPerSec: 500, offsetsTopicPartitions: 0 });
    expect(result.notices).toEqual([]);
    expect(({} as Record<string, unknown>).rate).toBeUndefined();
    expect(topicView(parsed(oneTopicFile({ config: { offsetsPartitions: 50 } })).plan, 0).offsetsTopicPartitions).toBe(50);
  });

  it('round-trips any one-topic config written in version 1 to the same values (offsets as written)', () => {
    fc.assert(
      fc.property(planConfig, (config) => {
        const record = Object.fromEntries(PARAMS.map((spec) => [spec.name, config[spec.field]]));
        const back = parsed(oneTopicFile({ config: record }));
        expect(topicView(back.plan, 0)).toEqual(config);
        expect(back.notices).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });
});

describe('scenario file: versions, names, refusals', () => {
  it('reads an unknown version by the body it holds, with a notice; a known version with the other body is said too', () => {
    const unknown = parsed(JSON.stringify({ format: 'eventflow-planner/scenario', version: 3, plan: { topics: [{ name: 'a', rate: 10 }] } }));
    expect(unknown.plan.topics[0]?.eventsPerSec).toBe(10);
    expect(unknown.notices[0]).toMatchObject({ param: 'version', given: '3', reason: 'file version is not known; read as version 2' });
    const oldUnknown = parsed(JSON.stringify({ format: 'eventflow-planner/scenario', version: 9, config: { rate: 10 } }));
    expect(oldUnknown.notices[0]).toMatchObject({ param: 'version', given: '9', reason: 'file version is not known; read as version 1' });
    const mixed = parsed(JSON.stringify({ format: 'eventflow-planner/scenario', version: 2, config: { rate: 10 } }));
    expect(topicView(mixed.plan, 0).eventsPerSec).toBe(10);
    expect(mixed.notices[0]?.reason).toBe('the file holds "config", which is version 1; read as version 1');
    expect(parsed(JSON.stringify({ format: 'eventflow-planner/scenario', config: {} })).notices).toEqual([]);
    expect(parsed(JSON.stringify({ format: 'eventflow-planner/scenario', plan: { topics: [{}] } })).notices).toEqual([]);
  });

  it('cleans the name and says so', () => {
    expect(parsed(file({ name: '  Peak\u0000 day\n ', config: {} })).name).toBe('Peak  day');
    const long = parsed(file({ name: 'x'.repeat(500), config: {} }));
    expect(long.name).toHaveLength(100);
    expect(long.notices.find((n) => n.param === 'name')).toBeDefined();
    const bad = parsed(oneTopicFile({ name: 42, config: {} }));
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
    ['{"format":"eventflow-planner/scenario"}', 'no "plan"'],
    ['{"format":"eventflow-planner/scenario","config":[1]}', 'no "plan"'],
    ['{"format":"eventflow-planner/scenario","config":"rate=5"}', 'no "plan"'],
    ['{"format":"eventflow-planner/scenario","plan":[{"rate":5}]}', 'no "plan"'],
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

  it('a file of 50 topics with the longest names fits well under the size limit', () => {
    const topics = Array.from({ length: MAX_TOPICS }, (_, i) => ({ ...singleTopicPlan(DEFAULT_CONFIG).topics[0]!, name: `${i}-${'x'.repeat(240)}` }));
    const text = serializeScenarioFile({ ...singleTopicPlan(DEFAULT_CONFIG), topics }, 'Big');
    expect(text.length).toBeLessThan(MAX_SCENARIO_FILE_CHARS / 2);
    expect(parsed(text).plan.topics).toHaveLength(MAX_TOPICS);
  });

  it('survives deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseScenarioFile(deep)).not.toThrow();
  });

  it('never throws and always yields a valid plan, for any text or JSON (property)', () => {
    const names = [...PARAMS.map((p) => p.name), 'x', '__proto__', 'name'];
    const topic = fc.oneof(fc.dictionary(fc.constantFrom(...names), fc.jsonValue()), fc.jsonValue());
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.dictionary(fc.constantFrom(...names), fc.jsonValue()).map((config) => oneTopicFile({ config })),
      fc.record({ brokerType: fc.oneof(fc.jsonValue(), fc.constantFrom('custom', 'kafka.m5.large')), cluster: fc.oneof(fc.dictionary(fc.constantFrom(...names), fc.jsonValue()), fc.jsonValue()), topics: fc.oneof(fc.array(topic, { maxLength: 8 }), fc.jsonValue()) }, { requiredKeys: [] }).map((plan) => file({ plan })),
      fc.record({ format: fc.constantFrom('eventflow-planner/scenario', 'x'), version: fc.jsonValue(), name: fc.jsonValue(), config: fc.jsonValue(), plan: fc.jsonValue() }, { requiredKeys: ['format'] }).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseScenarioFile(text);
        if (result.ok) expectValidPlan(result.plan);
        else expect(result.error).not.toBe('');
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('readConfigRecord accepts only plain objects', () => {
    for (const value of [null, undefined, 5, 'rate=5', [1]]) expect(readConfigRecord(value)).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });
});
