import fc from 'fast-check';
import { BROKER_TYPES, CUSTOM_BROKER_TYPE, DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { CLUSTER_SPECS, TOPIC_SPECS } from '../config/plan-assembly';
import { repairClusterPlan } from '../config/plan-repair';
import { PARAMS, type ParamSpec } from '../config/schema';
import { MAX_ACTION_AT_MS, MAX_POISON_COUNT, MAX_SEED, MAX_SPIKE_DURATION_MS, MAX_SPIKE_FACTOR, SETTING_PARAMS, SETTING_VALUES } from '../config/sim-link';
import { MAX_TOPICS } from '../config/topic-names';
import { BROKER_PARAM } from '../config/url-codec';
import { MAX_TOPIC_NAME_LENGTH, type ClusterPlan, type ClusterSettings, type TopicPlan } from '../engine/cluster-plan';
import { paramValue } from './arbitraries';

/**
 * Hostile query strings for the link decoders (decodePlan, decodeSimRun): random text,
 * boundary values, huge numbers, NaN/Infinity spellings, unicode (RTL, zero-width, emoji),
 * percent-encodings valid and broken, repeated params, script-like text, every param including
 * `seed`, the run settings (`arrivals`, `service`, `rebalance`) and `actions`; links of one topic (unprefixed) and of a cluster (`t0.rate`, `t1.name`,
 * indices past t49, illegal and repeated topic names, 60 topics). Shared by the Vitest fuzz
 * (src/config/url-fuzz.property.test.ts) and the Chromium one (e2e/url-fuzz.spec.ts).
 * docs/reliability.md. Also: valid cluster plans, for round trips.
 */

/** The run settings' names in the link: `arrivals`, `service`, `rebalance`. */
export const SETTING_PARAM_NAMES: readonly string[] = Object.values(SETTING_PARAMS);

/** Every unprefixed name the link reads: the planner's params, the version, the broker type, the simulation's run. */
export const LINK_PARAM_NAMES: readonly string[] = [...PARAMS.map((p) => p.name), 'v', BROKER_PARAM, 'seed', ...SETTING_PARAM_NAMES, 'actions'];

// ---- valid cluster plans ------------------------------------------------------------------

/** A legal Kafka topic name: mostly short, sometimes the longest allowed. */
export const legalTopicName: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[a-zA-Z0-9._-]{1,24}$/) },
    { weight: 1, arbitrary: fc.stringMatching(new RegExp(`^[a-z0-9._-]{${MAX_TOPIC_NAME_LENGTH}}$`)) },
  )
  .filter((name) => name !== '.' && name !== '..');

function valuesOf(specs: readonly ParamSpec[]): fc.Arbitrary<Record<string, number>> {
  return fc.record(Object.fromEntries(specs.map((spec) => [spec.field, paramValue(spec)])));
}

/** Any valid cluster: 1 – `maxTopics` topics with unique legal names, every value in range, the cross-input rules kept. */
export function validClusterPlan(maxTopics = 5): fc.Arbitrary<ClusterPlan> {
  const topic = fc.tuple(valuesOf(TOPIC_SPECS), legalTopicName).map(([values, name]) => ({ ...values, name }) as unknown as TopicPlan);
  return fc
    .record({
      cluster: valuesOf(CLUSTER_SPECS).map((values) => values as unknown as ClusterSettings),
      topics: fc.uniqueArray(topic, { minLength: 1, maxLength: maxTopics, selector: (t) => t.name }),
      brokerType: fc.constantFrom(DEFAULT_BROKER_TYPE, CUSTOM_BROKER_TYPE, ...BROKER_TYPES.map((t) => t.id)),
    })
    .map((plan) => repairClusterPlan(plan).plan);
}

const HUGE = [
  '1e308',
  '1.7976931348623157e308',
  '1.7976931348623159e308',
  '1e309',
  '1e999',
  '-1e999',
  '1E+999',
  '9'.repeat(5000),
  `${'9'.repeat(400)}.5`,
  `0.${'0'.repeat(5000)}1`,
  '1e-400',
  '5e-324',
  '-5e-324',
  `1${'0'.repeat(30)}`,
  '00000000000000000000000000001',
  '9007199254740993',
  '4294967296',
  '4294967295',
  '18446744073709551616',
];

const NOT_NUMBERS = [
  'NaN', 'nan', 'NAN', '-NaN', '+NaN', 'Infinity', '+Infinity', '-Infinity', 'infinity', 'INFINITY', 'inf', '-inf', 'Inf',
  '∞', '-∞', '1/0', '0/0', 'undefined', 'null', 'true', 'false', '[]', '{}', '[5]', '{"a":1}', '0x10', '0X1F', '0b101',
  '0o17', '1_000', '1,000', '1 000', '1.000,5', '١٢٣', '１２３', '۱۲۳', '1e', 'e5', '.', '-', '+', '--5', '5-', '.e1',
  '1..2', '1e5.5', '1e+', '', ' ', '\t', '-0', '+0', '0', '-0.0', '0e0', '.0', '0.', '00', '-00',
];

const UNICODE = [
  '\u202E5001', // right-to-left override
  '1\u200B0', // zero-width space inside
  '\u200B', '\u200D', '\u2060', '\uFEFF12', '12\uFEFF', '\u00A0\u00A03\u00A0', '\u2028', '\u2029', '\u180E5',
  '\u061C42', // Arabic letter mark
  '\u200F\u05D0\u05D1', // RTL mark and Hebrew
  'مرحبا', 'שלום', '💥', '👨‍👩‍👧‍👦', '🇺🇳', 'e\u0301', '\u0301', 'Z̤̈a̴̗l̵͚g̶o', '\uD800', '\uDFFF', '\uD83D', '\u0000', '\u0007',
  '\u001b[31mred', '𝟙𝟚𝟛', 'Ⅻ', '½', '²', '٫5',
];

const PERCENT = [
  '%31%30%30', '%2B5', '%2D5', '%35%30', '%20', '%20%2012%20', '%', '%%', '%2', '%zz', '%G1', '%E2%82', '%C0%AF', '%00', '%0A',
  '%0D%0A', '%FF', '%FE%FF', '%u0031', '%2526', '%25', '%ED%A0%80', '%F0%9F%92%A5', '%E2%80%AE', '%3D', '%26', '%23', '%3F',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '+', '++', '1+2', '%2B', '%0',
];

const SCRIPT_LIKE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  'javascript:alert(1)',
  '<a href=javascript:alert(1)>x</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  "';alert(1);//",
  '<img src=x onerror=alert(document.domain)>',
  '<body onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>">',
  '<embed src=javascript:alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '__proto__',
  'constructor',
  '1<script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
];

/** A number written in a few legal and illegal ways. */
const spelled = (x: number): fc.Arbitrary<string> =>
  fc.constantFrom(
    String(x),
    Number.isFinite(x) ? x.toExponential() : String(x),
    Number.isFinite(x) ? x.toExponential().toUpperCase() : String(x),
    Number.isFinite(x) && Math.abs(x) < 1e21 ? x.toFixed(12) : String(x),
    `+${x}`,
    `000${x}`,
    `${x}.`,
    ` ${x} `,
    `\t${x}\n`,
    `${x}e0`,
    `${x}%`,
    `${x}px`,
  );

/** min, max, min−ε, max+ε, 0 and −0 for one parameter, each spelled in several ways. */
function boundary(spec: ParamSpec): fc.Arbitrary<string> {
  const eps = [Number.EPSILON * Math.max(1, Math.abs(spec.min)), 1e-9, 0.5, 1];
  const points = [
    spec.min,
    spec.max,
    spec.defaultValue,
    0,
    -0,
    ...eps.map((e) => spec.min - e),
    ...eps.map((e) => spec.max + e),
    ...eps.map((e) => spec.max * (1 + e)),
  ];
  return fc.constantFrom(...points).chain(spelled);
}

const anyParamSpec = fc.constantFrom(...PARAMS);

/** Anything a number parameter (or seed) might say. */
const numberish: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: anyParamSpec.chain(boundary) },
  { weight: 3, arbitrary: anyParamSpec.chain((spec) => paramValue(spec)).chain(spelled) },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 2, arbitrary: fc.constantFrom(...NOT_NUMBERS) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
);

const seedText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: MAX_SEED }).map(String),
  fc.constantFrom('0', '1', String(MAX_SEED), String(MAX_SEED + 1), '-1', '1.5', '007', ' 42 ', '99999999999', '1e3', '0x1F', ''),
  numberish,
);

/** A run setting's value: every valid one, near misses (case, spaces, a neighbour's value, Kafka's own names), hostile text. */
const settingText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...Object.values(SETTING_VALUES).flat()) },
  { weight: 1, arbitrary: fc.constantFrom('Poisson', 'CONSTANT', ' constant ', 'constant\u200B', 'classic', 'range', 'sticky', 'cooperative-sticky', 'KIP-848', '0', '1', '') },
);

// ---- actions ------------------------------------------------------------------------------

const atMs = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', String(MAX_ACTION_AT_MS), String(MAX_ACTION_AT_MS + 1), '-1', '1.5', '1e3', '', ' 5', '99999999999', 'NaN') },
);
const small = fc.oneof(fc.integer({ min: 0, max: 12 }).map(String), fc.constantFrom('-1', '1.5', '', 'x', '1e2', '9999999999999'));
const actionBody: fc.Arbitrary<string> = fc.oneof(
  small.map((b) => `broker-down:${b}`),
  small.map((b) => `broker-up:${b}`),
  fc.tuple(small, small).map(([g, c]) => `consumer-crash:${g}:${c}`),
  small.map((g) => `consumer-add:${g}`),
  fc
    .tuple(
      fc.oneof(fc.constantFrom('0', '0.5', '1', '5', String(MAX_SPIKE_FACTOR), String(MAX_SPIKE_FACTOR + 0.001), '-2', 'NaN', '.5', '5.', '1e1'), fc.double({ min: 0, max: 200, noNaN: true }).map(String)),
      fc.oneof(fc.integer({ min: 0, max: MAX_SPIKE_DURATION_MS + 1 }).map(String), fc.constantFrom('0', '1', '1.5', '')),
    )
    .map(([f, d]) => `spike:${f}:${d}`),
  fc.oneof(fc.integer({ min: 0, max: MAX_POISON_COUNT + 1 }).map(String), fc.constantFrom('-1', '0', '1.5', '')).map((n) => `poison:${n}`),
  fc.constant('add-group'),
  fc.constantFrom('0', '1', '2', '', 'true').map((f) => `idempotent:${f}`),
  // Wrong arity, unknown names, hostile names.
  fc.constantFrom('broker-down', 'broker-down:1:2', 'add-group:1', 'spike:5', 'explode', 'BROKER-DOWN:1', '<script>alert(1)</script>', '__proto__:1', 'constructor', ''),
  fc.string({ maxLength: 20 }),
);
const actionPiece = fc.tuple(atMs, actionBody).map(([t, body]) => `${t}:${body}`);

const actionsText: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.array(actionPiece, { maxLength: 12 }).map((pieces) => pieces.join(',')) },
  { weight: 1, arbitrary: fc.array(actionPiece, { maxLength: 6 }).map((pieces) => pieces.join(' , ')) },
  { weight: 1, arbitrary: fc.array(actionPiece, { maxLength: 6 }).map((pieces) => `,${pieces.join(',,')},`) },
  // Past the 200-action and 1,000-piece limits.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  // Past the 200-action and 1,000-piece limits (rarer: each is 2–15 KB of text). Weight 2: with
  // the run settings and more plan params in the pool, `actions` is drawn less often.
  { weight: 2, arbitrary: fc.constantFrom(190, 201, 999, 1_001, 1_500).map((n) => Array.from({ length: n }, (_, i) => `${i}:poison:1`).join(',')) },
);

// ---- values, pairs, whole queries ---------------------------------------------------------

const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
);

/** Text for any parameter: mostly number-like, and every kind of hostile text. */
const anyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: numberish },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...PERCENT) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPT_LIKE) },
  { weight: 2, arbitrary: randomText },
  // Hostile text glued to a number: "12<script>", "\u202E12".
  { weight: 1, arbitrary: fc.tuple(numberish, fc.constantFrom(...UNICODE, ...SCRIPT_LIKE, ...PERCENT)).map(([n, s]) => `${n}${s}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...UNICODE, ...PERCENT), numberish).map(([s, n]) => `${s}${n}`) },
);

const UNKNOWN_NAMES = ['RATE', 'Rate', 'rate ', ' rate', 'r%61te', 'rate[]', 'rate.0', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'foo', '', '%', 'v2', 'seed%00', 'actions[]', '<script>', 'name', 'T0.rate', 't.rate', 't-1.rate', 'tx.rate'];
const paramName: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...LINK_PARAM_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** What a topic's key says after `tN.`: its name, one of its inputs, or something the link does not know. */
const TOPIC_SUBKEYS: readonly string[] = ['name', ...TOPIC_SPECS.map((spec) => spec.name)];
/** Indices a topic key carries: mostly the first few, and every kind a link must refuse (past t49, leading zeros, huge). */
const topicIndexText: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 3 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: MAX_TOPICS - 1 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom(String(MAX_TOPICS - 1), String(MAX_TOPICS), '99', '00', '01', '007', '1000', '9'.repeat(30)) },
);
/** A topic key: `t0.rate`, `t1.name`, `t50.rate`, `t01.size`, `t2.colour`. */
export const topicParamKey: fc.Arbitrary<string> = fc
  .tuple(topicIndexText, fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...TOPIC_SUBKEYS) }, { weight: 1, arbitrary: fc.constantFrom('colour', '', 'Name', 'rate ', '__proto__') }))
  .map(([index, subkey]) => `t${index}.${subkey}`);

const topicNameText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('orders', 'clicks', 'events', 'events-2', 'payments.v1', 'a_b', 'x') },
  { weight: 2, arbitrary: legalTopicName },
  // Kafka refuses these: spaces, '.', '..', empty, too long, unicode, markup.
  { weight: 2, arbitrary: fc.constantFrom('a b', '.', '..', '', ' ', 'ünïcode', 'x'.repeat(MAX_TOPIC_NAME_LENGTH + 1), '-', '--', 'a/b', '💥', '<script>alert(1)</script>', '__proto__', 'orders\u0000') },
  { weight: 1, arbitrary: anyValue },
);

const brokerText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(DEFAULT_BROKER_TYPE, CUSTOM_BROKER_TYPE, ...BROKER_TYPES.map((t) => t.id)) },
  { weight: 1, arbitrary: fc.constantFrom('kafka.m5.3xlarge', 'KAFKA.M5.LARGE', ' kafka.m5.large', 'Custom', '', 'm5.large') },
  { weight: 1, arbitrary: anyValue },
);

function valueFor(name: string): fc.Arbitrary<string> {
  if (name === 'seed') return fc.oneof(seedText, anyValue);
  if (SETTING_PARAM_NAMES.includes(name)) return fc.oneof({ weight: 2, arbitrary: settingText }, { weight: 1, arbitrary: anyValue });
  if (name === 'actions') return fc.oneof({ weight: 4, arbitrary: actionsText }, { weight: 1, arbitrary: anyValue });
  if (name === 'v') return fc.oneof(fc.constantFrom('1', '2', '0', '1.0', ' 1 ', '01', '-1'), anyValue);
  if (name === BROKER_PARAM) return brokerText;
  if (name.endsWith('.name')) return topicNameText;
  return anyValue;
}

/** encodeURIComponent, or undefined for text it refuses (lone surrogates). */
function tryEncode(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** How a value is written into the query: raw (so & = # % + break it up), escaped, form-escaped, half-escaped. */
const encoded = (text: string): fc.Arbitrary<string> =>
  fc.constantFrom('raw', 'component', 'form', 'partial').map((how) => {
    if (how === 'raw') return text;
    const component = tryEncode(text) ?? text;
    if (how === 'component') return component;
    if (how === 'form') return component.replace(/%20/g, '+');
    return Array.from(text)
      .map((ch, i) => (i % 2 === 0 ? (tryEncode(ch) ?? ch) : ch))
      .join('');
  });

const pairOf = (names: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  names.chain((name) =>
    fc
      .tuple(encoded(name), valueFor(name).chain(encoded), fc.constantFrom('=', '=', '=', '=', '', '==', '=%3D'))
      .map(([n, value, eq]) => (eq === '' ? n : `${n}${eq}${value}`)),
  );

/** A link of one topic (every name unprefixed, as links were before clusters). */
const oneTopicPair = pairOf(paramName);
/** A link of a cluster: unprefixed cluster params (and stray topic ones) beside `tN.` keys. */
const clusterPair = pairOf(fc.oneof({ weight: 1, arbitrary: paramName }, { weight: 1, arbitrary: topicParamKey }));

/** 60 named topics, t0 … t59, the first with a rate: 10 past what a link holds. */
const sixtyTopics: fc.Arbitrary<string> = fc.constantFrom(55, 60).map((n) => Array.from({ length: n }, (_, i) => `t${i}.name=topic-${i}`).join('&') + '&t0.rate=5');

function joined(pairs: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc
    .tuple(pairs, fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom('&', '&', '&', '&', '&&', ';', '&amp;'), fc.constantFrom('', '?', '?', '??'))
    .map(([list, repeats, separator, prefix]) => {
      // Repeat some pairs verbatim: "given N times".
      const all = [...list];
      for (const r of repeats) if (list.length > 0) all.splice(r % (all.length + 1), 0, list[r % list.length]!);
      return `${prefix}${all.join(separator)}`;
    });
}

/** A whole query string (with or without the leading "?"), including repeated params: one topic or a cluster. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: joined(fc.array(oneTopicPair, { maxLength: 14, size: 'medium' })) },
  { weight: 8, arbitrary: joined(fc.array(clusterPair, { maxLength: 14 })) },
  { weight: 1, arbitrary: fc.tuple(sixtyTopics, joined(fc.array(clusterPair, { maxLength: 4 }))).map(([topics, rest]) => `${topics}&${rest.replace(/^\?+/, '')}`) },
);
