// After a param is added to PARAMS, regenerate the committed schema with
//   UPDATE_PLAN_SCHEMA=1 npx vitest run src/export/plan-file-schema.test.ts
// then add its row to docs/plan-file.md (the doc test below names the row it misses).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { BROKER_TYPES, CUSTOM_BROKER_TYPE, DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { CLUSTER_SPECS, TOPIC_SPECS } from '../config/plan-assembly';
import { DEFAULT_CONFIG, PARAMS, type ParamSpec } from '../config/schema';
import { MAX_TOPICS } from '../config/topic-names';
import { singleTopicPlan, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';
import { planFileJsonSchema } from './plan-file-schema';
import { MAX_SCENARIO_FILE_CHARS, MAX_SCENARIO_NAME_CHARS, parseScenarioFile, PLAN_FILE_SCHEMA_NAME, SCENARIO_FILE_FORMAT, serializeScenarioFile } from './scenario-file';

const SCHEMA_PATH = fileURLToPath(new URL(`../../public/${PLAN_FILE_SCHEMA_NAME}`, import.meta.url));
const DOC_PATH = fileURLToPath(new URL('../../docs/plan-file.md', import.meta.url));
const GENERATED = `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`;

type Obj = Record<string, unknown>;
type Json = Record<string, Obj>;

const schema = planFileJsonSchema() as Json;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);
const errors = (file: unknown): string => (validate(file) ? '' : ajv.errorsText(validate.errors));
const fileOf = (text: string): Obj => JSON.parse(text) as Obj;
const planOf = (file: Obj): Obj => file.plan as Obj;

const PRODUCER_LINE = '1000000 records sent, 99990.0 records/sec (97.65 MB/sec), 12.34 ms avg latency, 250.00 ms max latency, 3 ms 50th, 40 ms 95th, 90 ms 99th, 200 ms 99.9th.';
const CONSUMER_LINE = '2026-01-01 00:00:00:000, 2026-01-01 00:00:10:000, 976.5625, 97.6563, 1000000, 100000.0000, 3000, 7000, 139.5089, 142857.1429';

const withEvery = (pick: (spec: ParamSpec) => number): PlanConfig => Object.fromEntries(PARAMS.map((spec) => [spec.field, pick(spec)])) as unknown as PlanConfig;

function threeTopicPlan(): ClusterPlan {
  const base = singleTopicPlan(DEFAULT_CONFIG, 'orders', DEFAULT_BROKER_TYPE);
  const first = base.topics[0] as ClusterPlan['topics'][number];
  return {
    ...base,
    cluster: { ...base.cluster, brokers: 6 },
    topics: [first, { ...first, name: 'clicks.v2', eventsPerSec: 46_300, partitions: 96 }, { ...first, name: 'audit_log-eu', retentionHours: 720, eventSizeBytes: 4096 }],
    calibration: { producer: PRODUCER_LINE, consumer: CONSUMER_LINE, testPartitions: 12, topic: 'orders' },
  };
}

describe('public/plan-file.schema.json', () => {
  it('is the generated schema (UPDATE_PLAN_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_PLAN_SCHEMA === '1') writeFileSync(SCHEMA_PATH, GENERATED);
    expect(readFileSync(SCHEMA_PATH, 'utf8'), 'stale: run UPDATE_PLAN_SCHEMA=1 npx vitest run src/export/plan-file-schema.test.ts').toBe(GENERATED);
  });

  it('is a draft 2020-12 schema that compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(PLAN_FILE_SCHEMA_NAME);
    expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
  });
});

describe('the plan file schema', () => {
  const properties = schema.properties as Record<string, Obj>;
  const planProps = (properties.plan as Obj).properties as Record<string, Obj>;
  const clusterProps = (planProps.cluster as Obj).properties as Record<string, Obj>;
  const topicItems = (planProps.topics as Obj).items as Obj;
  const topicProps = topicItems.properties as Record<string, Obj>;

  it('has every param with its type, range and default, cluster and topic apart', () => {
    for (const spec of PARAMS as readonly ParamSpec[]) {
      const own = spec.scope === 'topic' ? topicProps : clusterProps;
      const other = spec.scope === 'topic' ? clusterProps : topicProps;
      expect(own[spec.name], spec.name).toMatchObject({ type: spec.integer ? 'integer' : 'number', minimum: spec.min, maximum: spec.max, default: spec.defaultValue });
      expect(own[spec.name]?.description, spec.name).toContain(`${spec.label} — ${spec.description} (${spec.unit}).`);
      expect(other[spec.name], spec.name).toBeUndefined();
      if (spec.toggle) expect(own[spec.name]?.enum, spec.name).toEqual([0, 1]);
      for (const choice of spec.choices ?? []) expect(own[spec.name]?.description, spec.name).toContain(choice);
    }
    expect(Object.keys(clusterProps)).toEqual(CLUSTER_SPECS.map((s) => s.name));
    expect(Object.keys(topicProps)).toEqual(['name', ...TOPIC_SPECS.map((s) => s.name)]);
    expect(clusterProps.brokers?.description).toBe('Brokers — Brokers in the cluster (brokers). Default 3.');
  });

  it('lists every broker type of the catalogue and custom', () => {
    expect(planProps.brokerType?.enum).toEqual([...BROKER_TYPES.map((t) => t.id), CUSTOM_BROKER_TYPE]);
  });

  it('forbids unknown keys only where every key is known', () => {
    expect((planProps.cluster as Obj).additionalProperties).toBe(false);
    expect(topicItems.additionalProperties).toBe(false);
    expect((planProps.calibration as Obj).additionalProperties).toBe(false);
    expect(schema.additionalProperties).toBeUndefined();
    expect((properties.plan as Obj).additionalProperties).toBeUndefined();
  });

  it('accepts what the planner writes', () => {
    expect(errors(fileOf(serializeScenarioFile(DEFAULT_CONFIG)))).toBe('');
    expect(errors(fileOf(serializeScenarioFile(threeTopicPlan(), 'E-commerce cluster', PLAN_FILE_SCHEMA_NAME)))).toBe('');
    expect(errors(fileOf(serializeScenarioFile(withEvery((s) => s.min), 'all at min')))).toBe('');
    expect(errors(fileOf(serializeScenarioFile(withEvery((s) => s.max), 'all at max')))).toBe('');
    const custom = { ...singleTopicPlan(DEFAULT_CONFIG, 'events', CUSTOM_BROKER_TYPE) };
    expect(errors(fileOf(serializeScenarioFile(custom)))).toBe('');
  });

  it('accepts keys it does not know at the top level and in plan, and a file of only topics', () => {
    const file = fileOf(serializeScenarioFile(DEFAULT_CONFIG));
    expect(errors({ ...file, comment: 'kept in git', plan: { ...planOf(file), note: 1 } })).toBe('');
    expect(errors({ format: 'eventflow-planner/scenario', version: 2, plan: { topics: [{}] } })).toBe('');
  });

  describe('refuses', () => {
    const good = (): Obj => fileOf(serializeScenarioFile(threeTopicPlan(), 'plan'));
    const edit = (change: (plan: Obj) => Obj): Obj => {
      const file = good();
      return { ...file, plan: change(planOf(file)) };
    };
    const topics = (plan: Obj): Obj[] => plan.topics as Obj[];
    const cases: [string, () => unknown, string][] = [
      ['a cluster typo key', () => edit((p) => ({ ...p, cluster: { ...(p.cluster as Obj), brokerz: 3 } })), 'must NOT have additional properties'],
      ['a topic typo key', () => edit((p) => ({ ...p, topics: [{ ...topics(p)[0], partition: 3 }] })), 'must NOT have additional properties'],
      ['a value over its max', () => edit((p) => ({ ...p, cluster: { ...(p.cluster as Obj), brokers: 1001 } })), 'must be <= 1000'],
      ['a value under its min', () => edit((p) => ({ ...p, topics: [{ ...topics(p)[0], rate: 0 }] })), 'must be >= 1'],
      ['a fractional count', () => edit((p) => ({ ...p, topics: [{ ...topics(p)[0], partitions: 2.5 }] })), 'must be integer'],
      ['numeric text', () => edit((p) => ({ ...p, cluster: { ...(p.cluster as Obj), brokers: '3' } })), 'must be integer'],
      ['a toggle that is not 0 or 1', () => edit((p) => ({ ...p, cluster: { ...(p.cluster as Obj), nearestReplica: 2 } })), 'must be equal to one of the allowed values'],
      ['a topic with an illegal name', () => edit((p) => ({ ...p, topics: [{ ...topics(p)[0], name: 'orders!' }] })), 'must match pattern'],
      ['a topic named ".."', () => edit((p) => ({ ...p, topics: [{ ...topics(p)[0], name: '..' }] })), 'must NOT be valid'],
      ['a topic name too long', () => edit((p) => ({ ...p, topics: [{ ...topics(p)[0], name: 'a'.repeat(250) }] })), 'must NOT have more than 249 characters'],
      [`${MAX_TOPICS + 1} topics`, () => edit((p) => ({ ...p, topics: Array.from({ length: MAX_TOPICS + 1 }, (_, i) => ({ name: `t${i}` })) })), `must NOT have more than ${MAX_TOPICS} items`],
      ['no topics', () => edit((p) => ({ ...p, topics: [] })), 'must NOT have fewer than 1 items'],
      ['an unknown broker type', () => edit((p) => ({ ...p, brokerType: 'kafka.t3.small' })), 'must be equal to one of the allowed values'],
      ['a calibration typo key', () => edit((p) => ({ ...p, calibration: { ...(p.calibration as Obj), testPartition: 12 } })), 'must NOT have additional properties'],
      ['a calibration of 0 test partitions', () => edit((p) => ({ ...p, calibration: { ...(p.calibration as Obj), testPartitions: 0 } })), 'must be >= 1'],
      ['a calibration line too long', () => edit((p) => ({ ...p, calibration: { ...(p.calibration as Obj), producer: 'x'.repeat(401) } })), 'must NOT have more than 400 characters'],
      ['a wrong format string', () => ({ ...good(), format: 'eventflow-planner/plan' }), 'must be equal to constant'],
      ['version 1', () => ({ ...good(), version: 1 }), 'must be equal to constant'],
      ['a name too long', () => ({ ...good(), name: 'n'.repeat(101) }), 'must NOT have more than 100 characters'],
      ['no plan', () => ({ format: 'eventflow-planner/scenario', version: 2, config: {} }), "must have required property 'plan'"],
    ];
    it.each(cases)('%s', (_, make, message) => {
      expect(errors(make())).toContain(message);
    });
  });
});

describe('docs/plan-file.md', () => {
  const doc = readFileSync(DOC_PATH, 'utf8');
  const section = (heading: string): string => {
    const start = doc.indexOf(`\n## ${heading}\n`);
    expect(start, `docs/plan-file.md has no "## ${heading}"`).toBeGreaterThan(-1);
    const end = doc.indexOf('\n## ', start + 1);
    return doc.slice(start, end === -1 ? undefined : end);
  };
  /** The cells of each table row naming a field: name → [meaning, unit, range, default]. */
  const rows = (text: string): Map<string, string[]> =>
    new Map(
      text
        .split('\n')
        .filter((line) => /^\| `[^`]+` \|/.test(line))
        .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim()))
        .map(([name, ...cells]) => [(name as string).replace(/`/g, ''), cells]),
    );
  const tables: [string, readonly ParamSpec[]][] = [
    ['Cluster fields', CLUSTER_SPECS],
    ['Topic fields', TOPIC_SPECS],
  ];

  it.each(tables)('"%s" has a row of every param with its unit, range and default, and no other', (heading, specs) => {
    const table = rows(section(heading));
    for (const spec of specs) {
      const cells = table.get(spec.name);
      expect(cells, `docs/plan-file.md "${heading}" has no row | \`${spec.name}\` | … |`).toBeDefined();
      const [meaning, unit, range, defaultCell] = cells as string[];
      expect(meaning?.replace(/`/g, ''), spec.name).toContain(spec.label);
      expect(unit, spec.name).toBe(spec.unit);
      expect(range, spec.name).toBe(`${spec.min} – ${spec.max}`);
      expect(defaultCell, spec.name).toBe(String(spec.defaultValue));
      for (const choice of spec.choices ?? []) expect(meaning, spec.name).toContain(choice);
    }
    expect([...table.keys()].filter((name) => name !== 'name').sort()).toEqual(specs.map((s) => s.name).sort());
  });

  it('has an example that the schema accepts and the planner reads unchanged', () => {
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] as string;
    expect(example).toBeDefined();
    expect(errors(JSON.parse(example))).toBe('');
    const read = parseScenarioFile(example);
    expect(read.ok && read.notices).toEqual([]);
  });

  it('states the reader\'s limits as the code has them', () => {
    expect(doc).toContain(`over ${MAX_SCENARIO_FILE_CHARS.toLocaleString('en-US')} characters`);
    expect(doc).toContain(`\`${SCENARIO_FILE_FORMAT}\``);
    expect(doc).toContain(`at most ${MAX_SCENARIO_NAME_CHARS} characters`);
    expect(doc).toContain(`1 – ${MAX_TOPICS} topics`);
  });
});
