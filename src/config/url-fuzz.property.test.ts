import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicNameProblem, topicView, type ClusterPlan, type TopicField } from '../engine/cluster-plan';
import { hostileQuery, LINK_PARAM_NAMES } from '../test-support/url-fuzz';
import { TOPIC_SPECS } from './plan-assembly';
import { isValidValue, PARAMS, type ParamSpec } from './schema';
import { decodeSimRun, encodeSimRun, MAX_ACTION_AT_MS, MAX_ACTIONS, MAX_SEED, SETTING_PARAMS, SETTING_VALUES, type SimSettings } from './sim-link';
import { MAX_TOPICS } from './topic-names';
import { BROKER_PARAM, decodePlan, encodePlan } from './url-codec';

/**
 * URL fuzzing (docs/reliability.md): generated hostile query strings through both link
 * decoders. Fast variant in `npm test`; LONG=1 (npm run test:long) runs 20× as many.
 */
const LONG = process.env.LONG === '1';
const SEED = 20_261_127;
const RUNS = LONG ? 200_000 : 10_000;

/** Kinds of input the generator must produce, each counted over the run. */
const KINDS: [string, (query: string, params: URLSearchParams) => boolean][] = [
  ...LINK_PARAM_NAMES.map((name): [string, (q: string, p: URLSearchParams) => boolean] => [`param ${name}`, (_q, p) => p.has(name)]),
  ['a param given twice', (_q, p) => LINK_PARAM_NAMES.some((name) => p.getAll(name).length > 1)],
  ['5,000 digits', (q) => q.includes('9'.repeat(5000))],
  ['1e309 or 1e999', (q) => /1e(309|999)/i.test(q)],
  ['NaN or Infinity', (q) => /NaN|Infinity/.test(q)],
  ['RTL or zero-width', (q) => /[\u202E\u200B\uFEFF]|%E2%80%AE|%E2%80%8B/.test(q)],
  ['emoji', (q) => /\p{Extended_Pictographic}|%F0%9F/u.test(q)],
  ['a broken %-escape', (q) => /%(?![0-9A-Fa-f]{2})/.test(q)],
  ['script-like text', (q) => /<script|%3Cscript|onerror|onload/i.test(q)],
  ['more than 200 actions', (_q, p) => (p.get('actions') ?? '').split(',').length > 200],
  ['more than 1,000 action pieces', (_q, p) => (p.get('actions') ?? '').split(',').length > 1000],
  ['a link with topics (tN. keys)', (_q, p) => topicKeysOf(p).any],
  ['two or more topics', (_q, p) => topicKeysOf(p).positions.size >= 2],
  ['a topic index outside t0 – t49', (_q, p) => topicKeysOf(p).dropped > 0],
  ['more than 50 topics', (_q, p) => topicKeysOf(p).positions.size + topicKeysOf(p).dropped > MAX_TOPICS],
  ['a topic name Kafka refuses', (_q, p) => [...p.keys()].some((k) => k.endsWith('.name') && topicNameProblem(p.get(k)!) !== '')],
  ['one topic name asked for twice', (_q, p) => {
    const names = [...p.keys()].filter((k) => TOPIC_KEY.test(k) && k.endsWith('.name')).map((k) => p.get(k));
    return new Set(names).size < names.length;
  }],
];

const SETTING_KEYS = Object.keys(SETTING_PARAMS) as (keyof SimSettings)[];

/** A plain check: `expect` costs too much at 10,000 runs × dozens of checks each. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

// The link's topic keys, read here on their own (docs/url-schema.md), to say what the decoder must have done.
const TOPIC_KEY = /^t(\d+)\.(.*)$/s;
const TOPIC_SPEC_BY_NAME = new Map<string, ParamSpec>(TOPIC_SPECS.map((spec) => [spec.name, spec]));
const SPEC_BY_NAME = new Map<string, ParamSpec>((PARAMS as readonly ParamSpec[]).map((spec) => [spec.name, spec]));

interface LinkTopics {
  readonly any: boolean;
  /** Index text (t0 … t49) → the topic's place in the plan, gaps closed. */
  readonly positions: ReadonlyMap<string, number>;
  /** Topics outside t0 … t49. */
  readonly dropped: number;
}

const topicsCache = new WeakMap<URLSearchParams, LinkTopics>();
function topicKeysOf(params: URLSearchParams): LinkTopics {
  const cached = topicsCache.get(params);
  if (cached) return cached;
  let any = false;
  const valid = new Set<number>();
  const dropped = new Set<string>();
  for (const key of params.keys()) {
    const match = TOPIC_KEY.exec(key);
    if (!match) continue;
    any = true;
    const [, index = '', subkey = ''] = match;
    if (subkey !== 'name' && !TOPIC_SPEC_BY_NAME.has(subkey)) continue;
    if (/^(0|[1-9]\d?)$/.test(index) && Number(index) < MAX_TOPICS) valid.add(Number(index));
    else dropped.add(index);
  }
  const positions = new Map([...valid].sort((a, b) => a - b).map((index, position) => [String(index), position]));
  const result = { any, positions, dropped: dropped.size };
  topicsCache.set(params, result);
  return result;
}

/** Whether a notice may name this param: one the link reads (unprefixed) or a topic key. */
function isLinkParam(name: string, real: ReadonlySet<string>): boolean {
  const match = TOPIC_KEY.exec(name);
  return real.has(name) || (!!match && (match[2] === 'name' || TOPIC_SPEC_BY_NAME.has(match[2] ?? '')));
}

/** A valid plan: 1 – 50 topics, legal unique names, every value of every topic in range. */
function checkPlan(plan: ClusterPlan): void {
  check(plan.topics.length >= 1 && plan.topics.length <= MAX_TOPICS, `${plan.topics.length} topics`);
  check(new Set(plan.topics.map((t) => t.name)).size === plan.topics.length, 'repeated topic names');
  plan.topics.forEach((topic, i) => {
    check(topicNameProblem(topic.name) === '', `topic name "${topic.name}"`);
    const view = topicView(plan, i);
    for (const spec of PARAMS) check(isValidValue(spec, view[spec.field]), `t${i}: ${spec.name} = ${view[spec.field]} is not valid`);
    check(view.minInsyncReplicas <= view.replicationFactor && view.zones <= view.brokers, `t${i}: cross-input rules`);
  });
}

/** Each param the link gave once, with no notice about it, is in the plan exactly as given. */
function checkUnchangedWithoutNotice(params: URLSearchParams, plan: ClusterPlan, noticed: ReadonlySet<string>): void {
  const topics = topicKeysOf(params);
  for (const key of new Set(params.keys())) {
    if (noticed.has(key)) continue;
    const given = params.getAll(key);
    const text = given[0]!;
    const match = TOPIC_KEY.exec(key);
    if (match) {
      const [, index = '', subkey = ''] = match;
      const position = topics.positions.get(index);
      const spec = TOPIC_SPEC_BY_NAME.get(subkey);
      if (subkey !== 'name' && !spec) continue;
      check(position !== undefined || [...noticed].some((n) => TOPIC_KEY.test(n) && !topics.positions.has(TOPIC_KEY.exec(n)![1]!)), `${key}: a topic left out without a notice`);
      if (position === undefined) continue;
      const topic = plan.topics[position]!;
      check(given.length === 1, `${key} given twice without a notice`);
      check(subkey === 'name' ? topic.name === text : Number(text.trim()) === topic[spec!.field as TopicField], `${key}: “${text}” → changed without a notice`);
      continue;
    }
    if (key === BROKER_PARAM) {
      check(given.length === 1 && plan.brokerType === text, `broker “${text}” → ${plan.brokerType} without a notice`);
      continue;
    }
    const spec = SPEC_BY_NAME.get(key);
    if (!spec) continue;
    // In a link with topics an unprefixed topic input is ignored: that is always said.
    check(!(topics.any && spec.scope === 'topic'), `${key}: an unprefixed topic input in a link with topics, without a notice`);
    const value = topicView(plan, 0)[spec.field];
    check(given.length === 1 && Number(text.trim()) === value, `${spec.name}: “${given.join(', ')}” → ${value} without a notice`);
  }
}

describe(`URL fuzzing: ${RUNS.toLocaleString('en-US')} hostile query strings (fast-check seed ${SEED})`, () => {
  it('decodePlan and decodeSimRun never throw, always give a valid plan and run, name only real params, and say when they changed something', () => {
    const real = new Set(LINK_PARAM_NAMES);
    const seen = new Map<string, number>();
    let withNotices = 0;
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const { plan, notices } = decodePlan(query);
        const run = decodeSimRun(query, plan);

        checkPlan(plan);
        // A valid run: seed in range, at most 200 actions, sorted, whole ms in range.
        check(Number.isInteger(run.seed) && run.seed >= 0 && run.seed <= MAX_SEED, `seed ${run.seed}`);
        check(run.timeline.length <= MAX_ACTIONS, `${run.timeline.length} actions`);
        for (const key of SETTING_KEYS) check((SETTING_VALUES[key] as readonly string[]).includes(run.settings[key]), `${key} ${run.settings[key]}`);
        run.timeline.forEach((timed, i) => {
          check(Number.isInteger(timed.atMs) && timed.atMs >= 0 && timed.atMs <= MAX_ACTION_AT_MS, `atMs ${timed.atMs}`);
          check(i === 0 || timed.atMs >= run.timeline[i - 1]!.atMs, 'timeline not sorted');
        });

        // Notices name only params the link has, with short text.
        const all = [...notices, ...run.notices];
        for (const notice of all) {
          check(isLinkParam(notice.param, real), `a notice names "${notice.param}"`);
          check(Array.from(notice.given).length <= 41, `notice text of ${notice.given.length} characters`);
          check(notice.reason.length > 0, 'a notice without a reason');
        }
        // One each for the seed and the three settings, 5 about single actions, one summing up the rest.
        check(run.notices.length <= 1 + SETTING_KEYS.length + 5 + 1, `${run.notices.length} notices about the run`);

        // A notice whenever a value was changed: no notice for a param ⇒ it was given once, and
        // the value used is what it said. And a notice names a param the link gave.
        const params = new URLSearchParams(query);
        for (const [kind, test] of KINDS) if (test(query, params)) seen.set(kind, (seen.get(kind) ?? 0) + 1);
        const noticed = new Set(all.map((n) => n.param));
        for (const name of noticed) check(params.has(name), `a notice about "${name}", which the link does not have`);
        checkUnchangedWithoutNotice(params, plan, noticed);
        if (params.has('v') && !noticed.has('v')) check(params.get('v')!.trim() === '2', 'v changed without a notice');
        if (params.has('seed') && !noticed.has('seed')) {
          check(params.getAll('seed').length === 1 && Number(params.get('seed')!.trim()) === run.seed, 'seed changed without a notice');
        }
        for (const key of SETTING_KEYS) {
          const name = SETTING_PARAMS[key];
          if (params.has(name) && !noticed.has(name)) check(params.getAll(name).length === 1 && params.get(name)!.trim() === run.settings[key], `${name} changed without a notice`);
        }
        if (params.get('actions') && !noticed.has('actions')) {
          check(params.getAll('actions').length === 1 && params.get('actions')!.split(',').length === run.timeline.length, 'actions dropped without a notice');
        }

        // What the decoders made is canonical: written and read again, it is the same, silently.
        expect(decodePlan(encodePlan(plan))).toEqual({ plan, notices: [] });
        const runAgain = decodeSimRun(encodeSimRun(run), plan);
        expect([runAgain.seed, runAgain.timeline, runAgain.settings, runAgain.notices]).toEqual([run.seed, run.timeline, run.settings, []]);
        if (all.length > 0) withNotices += 1;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator is hostile: most strings need a notice, some do not.
    expect(withNotices).toBeGreaterThan(RUNS * 0.5);
    expect(withNotices).toBeLessThan(RUNS);
    // …and it covers every kind of input it promises (not silently narrow).
    for (const [kind] of KINDS) expect(seen.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(kind.startsWith('param ') ? 500 : 5);
  }, 600_000);

  it('a 2,000,000-character value (a link can hold 2 MB) decodes in linear time, in every param and action', () => {
    // A canary first, so a quadratic regex fails in seconds rather than hanging for minutes:
    // 50,000 digits and a letter took 1.8 s with the backtracking pattern, 0.1 ms without.
    for (const text of [`${'9'.repeat(50_000)}x`, `0:spike:${'9'.repeat(50_000)}x:10`]) {
      const start = performance.now();
      decodeSimRun(`actions=${text}`, decodePlan(`rate=${text}`).plan);
      decodePlan(`t0.rate=${text}&t1.name=${text}`);
      expect(performance.now() - start, 'canary').toBeLessThan(300);
    }
    const digits = '9'.repeat(2_000_000);
    const shapes = [`${digits}x`, `1.${digits}x`, `1e${digits}x`, `.${digits}x`, `-${digits}`, digits, '💥'.repeat(1_000_000)];
    const names = [...PARAMS.map((p) => p.name), 'v', 'seed', ...Object.values(SETTING_PARAMS), BROKER_PARAM, 't0.rate', 't0.name', 't49.partitions', 't1.minIsr'];
    const slowest = { ms: 0, query: '' };
    const decode = (query: string) => {
      const start = performance.now();
      decodeSimRun(query, decodePlan(query).plan);
      const ms = performance.now() - start;
      if (ms > slowest.ms) Object.assign(slowest, { ms, query: `${query.slice(0, 24)}…` });
    };
    for (const [i, shape] of shapes.entries()) {
      // Fast variant: every name with the first shape, each shape in one name; LONG: all pairs.
      for (const name of LONG || i === 0 ? names : [names[i % names.length]!]) decode(`${name}=${shape}`);
      for (const action of [`0:spike:${shape}:10`, `1:poison:${shape}`, `${shape}:add-group`, `2:broker-down:${shape}`]) decode(`actions=${action}`);
      // The shape as a topic index and as a key: `t999…9.rate`, `t0.999…9`.
      decode(`t${shape}.rate=1&t0.rate=2`);
      decode(`t0.${shape}=1`);
    }
    // 200,000 topic keys (2.9 MB): all but 50 left out, in one pass.
    decode(Array.from({ length: 200_000 }, (_, i) => `t${i}.rate=1`).join('&'));
    // Linear: about 50 ms each here; the backtracking pattern took minutes.
    expect(slowest.ms, slowest.query).toBeLessThan(2_000);
  }, 120_000);
});
