import { DEFAULT_TOPIC_NAME, singleTopicPlan, topicView, type ClusterPlan, type TopicField } from '../engine/cluster-plan';
import { computeClusterMetrics } from '../engine/compute-metrics';
import type { HealthFactorId } from '../engine/health';
import type { PlanConfig } from '../engine/plan-config';
import { DEFAULT_BROKER_TYPE } from './broker-types';
import { readCalibrationRecord } from './calibration-record';
import { assemblePlan, CLUSTER_SPECS, shorten, TOPIC_SPECS, type PlanNotice, type TopicInput } from './plan-assembly';
import { BEFORE_CLUSTERS_DEFAULTS, V1_ASSUMPTION_DEFAULTS } from './plan-repair';
import { readValue } from './read-value';
import { PARAMS, type ParamSpec } from './schema';
import { MAX_TOPICS } from './topic-names';

/**
 * The shareable link. Schema version 2: `v=2`, the cluster's inputs by their names (`brokers`),
 * and each topic's inputs prefixed by its index (`t0.name`, `t0.rate`, `t1.rate`, …). The URL is
 * untrusted input: decoding never throws, always yields a valid plan, and reports every value it
 * had to change. Links made before clusters (no `tN.` keys: version 1, the one-topic version 2)
 * open as one topic with the numbers they had. docs/url-schema.md.
 */
export const URL_SCHEMA_VERSION = 2;
/** The link's broker type param: a catalogue id (src/config/broker-types.ts) or 'custom'. */
export const BROKER_PARAM = 'broker';
const TOPIC_NAME_FIELD = 'name';

/** Checks added with version 2: a version 1 link is told what they found. */
const NEW_CHECKS: readonly HealthFactorId[] = ['availability', 'poll-liveness', 'zone-balance', 'broker-network', 'broker-disk', 'broker-storage', 'broker-replicas'];

export type UrlNotice = PlanNotice;

export interface DecodedPlan {
  readonly plan: ClusterPlan;
  readonly notices: readonly UrlNotice[];
}

export interface DecodedConfig {
  readonly config: PlanConfig;
  readonly notices: readonly UrlNotice[];
}

/** `t0.rate`: the link name of a topic's input. */
export function topicParamName(index: number, name: string): string {
  return `t${index}.${name}`;
}

/** Plan inputs always (but those added later, `writtenWhenChanged`); assumptions only where they differ from their default (short links). */
function written(spec: ParamSpec, value: number): boolean {
  return (spec.group === 'plan' && !spec.writtenWhenChanged) || value !== spec.defaultValue;
}

export function encodePlan(plan: ClusterPlan): string {
  const params = new URLSearchParams({ v: String(URL_SCHEMA_VERSION) });
  for (const spec of CLUSTER_SPECS) {
    const value = plan.cluster[spec.field as keyof ClusterPlan['cluster']];
    if (written(spec, value)) params.set(spec.name, String(value));
  }
  if (plan.brokerType !== DEFAULT_BROKER_TYPE) params.set(BROKER_PARAM, plan.brokerType);
  plan.topics.forEach((topic, index) => {
    params.set(topicParamName(index, TOPIC_NAME_FIELD), topic.name);
    for (const spec of TOPIC_SPECS) {
      const value = topic[spec.field as TopicField];
      if (written(spec, value)) params.set(topicParamName(index, spec.name), String(value));
    }
  });
  const calibration = plan.calibration;
  if (calibration) {
    params.set(CAL_PARAMS.producer, calibration.producer);
    if (calibration.consumer !== undefined) params.set(CAL_PARAMS.consumer, calibration.consumer);
    params.set(CAL_PARAMS.testPartitions, String(calibration.testPartitions));
    params.set(CAL_PARAMS.topic, calibration.topic);
  }
  return params.toString();
}

/** The record of a calibration in the link: the perf-test lines, the test topic's partitions, the topic it measured (docs/url-schema.md). */
export const CAL_PARAMS = { producer: 'cal.producer', consumer: 'cal.consumer', testPartitions: 'cal.partitions', topic: 'cal.topic' } as const;

/** The link's calibration record, kept only when it still reads; otherwise left out, said (the values it set are the link's own params). */
function readCalibrationLink(query: Query, plan: ClusterPlan, notices: UrlNotice[]): ClusterPlan {
  const keys = Object.values(CAL_PARAMS);
  if (!keys.some((key) => query.has(key))) return plan;
  const first = (key: string) => query.get(key)?.[0];
  const { calibration, problem } = readCalibrationRecord(
    { producer: first(CAL_PARAMS.producer), consumer: first(CAL_PARAMS.consumer), testPartitions: first(CAL_PARAMS.testPartitions), topic: first(CAL_PARAMS.topic) },
    plan,
  );
  if (calibration) return { ...plan, calibration };
  notices.push({ param: CAL_PARAMS.producer, given: shorten(first(CAL_PARAMS.producer) ?? 'missing'), reason: `${problem}; the record of the calibration was left out (the values it set stay as the link gives them)`, used: 'left out' });
  return plan;
}

/** A one-topic plan's link (the topic `events`, the default broker type). */
export function encodeConfig(config: PlanConfig): string {
  return encodePlan(singleTopicPlan(config, DEFAULT_TOPIC_NAME, DEFAULT_BROKER_TYPE));
}

// ---- reading ------------------------------------------------------------------------------

/** Every value of every key, in one pass: a 2 MB query holds up to a million pairs. */
type Query = ReadonlyMap<string, readonly string[]>;

function parseQuery(search: string): Query {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const query = new Map<string, string[]>();
  for (const [key, value] of params) {
    const values = query.get(key);
    if (values) values.push(value);
    else query.set(key, [value]);
  }
  return query;
}

/** The first value given; a repeat is said. */
function firstOf(query: Query, key: string, notices: UrlNotice[], used: (first: string) => number | string): string | undefined {
  const given = query.get(key);
  const first = given?.[0];
  if (given === undefined || first === undefined) return undefined;
  if (given.length > 1) notices.push({ param: key, given: shorten(given.join(', ')), reason: `given ${given.length} times; the first was used`, used: used(first) });
  return first;
}

/** One number param by the per-value rules (readValue), under the name the link gave it. */
function readNumber(query: Query, key: string, spec: ParamSpec, notices: UrlNotice[]): number | undefined {
  const given = query.get(key);
  const first = given?.[0];
  if (given === undefined || first === undefined) return undefined;
  const { value, reason } = readValue(spec, first);
  const repeated = given.length > 1 ? `given ${given.length} times; the first was used` : '';
  const why = [repeated, reason].filter(Boolean).join('; ');
  if (why) notices.push({ param: key, given: shorten(given.join(', ')), reason: why, used: value });
  return value;
}

/** Whether the link is version 1; an unknown version is read as the current one, said. */
function isVersion1(query: Query, notices: UrlNotice[]): boolean {
  const version = query.get('v')?.[0];
  const versionText = version?.trim();
  // Every link an earlier version wrote carries v=1; a link without v is read as the current version.
  const legacy = versionText === '1';
  if (version !== undefined && !legacy && versionText !== String(URL_SCHEMA_VERSION)) {
    notices.push({ param: 'v', given: shorten(version), reason: `link version is not known; read as version ${URL_SCHEMA_VERSION}`, used: URL_SCHEMA_VERSION });
  }
  return legacy;
}

const TOPIC_KEY = /^t(\d+)\.(.*)$/s;
/** t0 … t49, written without leading zeros: the only indices a link holds. */
const TOPIC_INDEX = /^(?:0|[1-9]\d?)$/;
const TOPIC_SPEC_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(TOPIC_SPECS.map((spec) => [spec.name, spec]));

function isTopicSubkey(name: string): boolean {
  return name === TOPIC_NAME_FIELD || TOPIC_SPEC_BY_NAME.has(name);
}

interface TopicKeys {
  /** Whether the link has any `tN.` key: the cluster format. */
  readonly any: boolean;
  /** Usable indices, ascending, each with the link's keys of that topic. */
  readonly topics: readonly { readonly index: number; readonly prefix: string }[];
  /** `tN` prefixes with a topic input that are not t0 … t49, in link order. */
  readonly dropped: readonly string[];
  /** The first key of a dropped topic (the notice names it). */
  readonly firstDroppedKey: string;
}

/** Groups the `tN.<input>` keys by topic; a topic exists when it has a name or an input the link knows. */
function topicKeys(query: Query): TopicKeys {
  let any = false;
  const indices = new Set<number>();
  const dropped = new Set<string>();
  let firstDroppedKey = '';
  for (const key of query.keys()) {
    const match = TOPIC_KEY.exec(key);
    if (!match) continue;
    any = true;
    const [, indexText = '', subkey = ''] = match;
    if (!isTopicSubkey(subkey)) continue;
    if (TOPIC_INDEX.test(indexText) && Number(indexText) < MAX_TOPICS) {
      indices.add(Number(indexText));
      continue;
    }
    if (!firstDroppedKey) firstDroppedKey = key;
    dropped.add(`t${indexText}`);
  }
  const topics = [...indices].sort((a, b) => a - b).map((index) => ({ index, prefix: `t${index}.` }));
  return { any, topics, dropped: [...dropped], firstDroppedKey };
}

function droppedTopicsNotice(keys: TopicKeys): UrlNotice {
  const count = keys.dropped.length;
  return {
    param: keys.firstDroppedKey,
    given: shorten(keys.dropped.slice(0, 8).join(', ')),
    reason: `${count} topic${count === 1 ? '' : 's'} outside t0 – t${MAX_TOPICS - 1} left out (a link holds at most ${MAX_TOPICS} topics)`,
    used: count,
  };
}

function readTopicInput(query: Query, prefix: string, notices: UrlNotice[]): TopicInput {
  const values: Partial<Record<TopicField, number>> = {};
  const nameKey = `${prefix}${TOPIC_NAME_FIELD}`;
  const name = firstOf(query, nameKey, notices, (first) => first);
  for (const spec of TOPIC_SPECS) {
    const value = readNumber(query, `${prefix}${spec.name}`, spec, notices);
    if (value !== undefined) values[spec.field as TopicField] = value;
  }
  return { prefix, name, values };
}

/** A link made before clusters: every input unprefixed, in the schema's order, the topic inputs one topic's. */
function readOneTopicLink(query: Query, notices: UrlNotice[]): { cluster: Record<string, number>; topics: TopicInput[] } {
  const cluster: Record<string, number> = {};
  const values: Record<string, number> = {};
  for (const spec of PARAMS as readonly ParamSpec[]) {
    const value = readNumber(query, spec.name, spec, notices);
    if (value === undefined) continue;
    if (spec.scope === 'topic') values[spec.field] = value;
    else cluster[spec.field] = value;
  }
  return { cluster, topics: [{ prefix: '', name: undefined, values }] };
}

/** A link with topics: the cluster's inputs unprefixed, each topic's under `tN.`; an unprefixed topic input is ignored, said. */
function readClusterLink(query: Query, keys: TopicKeys, notices: UrlNotice[]): { cluster: Record<string, number>; topics: TopicInput[] } {
  const cluster: Record<string, number> = {};
  for (const spec of CLUSTER_SPECS) {
    const value = readNumber(query, spec.name, spec, notices);
    if (value !== undefined) cluster[spec.field] = value;
  }
  for (const spec of TOPIC_SPECS) {
    const given = query.get(spec.name);
    if (given === undefined) continue;
    notices.push({ param: spec.name, given: shorten(given.join(', ')), reason: `a link with topics gives it for each topic (${topicParamName(0, spec.name)}, ${topicParamName(1, spec.name)}, …); ignored`, used: 'ignored' });
  }
  const topics = keys.topics.map((topic) => readTopicInput(query, topic.prefix, notices));
  if (keys.dropped.length > 0) notices.push(droppedTopicsNotice(keys));
  return { cluster, topics };
}

/** Whether the link carries a plan at all (else it is a fresh start: every default). */
function hasPlanParams(query: Query): boolean {
  return query.has('v') || query.has(BROKER_PARAM) || PARAMS.some((spec) => query.has(spec.name));
}

export function decodePlan(search: string): DecodedPlan {
  const query = parseQuery(search);
  const notices: UrlNotice[] = [];
  const legacy = isVersion1(query, notices);
  const keys = topicKeys(query);
  const { cluster, topics } = keys.any ? readClusterLink(query, keys, notices) : readOneTopicLink(query, notices);
  // A link from before clusters did not count __consumer_offsets: it keeps its numbers with 0 partitions of it.
  const beforeClusters = legacy || (!keys.any && hasPlanParams(query));
  const brokerType = firstOf(query, BROKER_PARAM, notices, (first) => first);
  const assembled = assemblePlan({
    cluster,
    topics,
    brokerType,
    brokerParam: BROKER_PARAM,
    absentDefaults: { ...(beforeClusters ? BEFORE_CLUSTERS_DEFAULTS : {}), ...(legacy ? V1_ASSUMPTION_DEFAULTS : {}) },
  });
  notices.push(...assembled.notices);
  if (legacy) notices.push(legacyNotice(assembled.plan));
  return { plan: readCalibrationLink(query, assembled.plan, notices), notices };
}

/** A link read as its first topic (a one-topic view of any link). */
export function decodeConfig(search: string): DecodedConfig {
  const { plan, notices } = decodePlan(search);
  return { config: topicView(plan, 0), notices };
}

/** What a version 1 link is told: the values it gets for the new inputs, and what the new checks found. */
function legacyNotice(plan: ClusterPlan): UrlNotice {
  const config = topicView(plan, 0);
  const failing = computeClusterMetrics(plan)
    .health.factors.filter((f) => NEW_CHECKS.includes(f.id) && f.score01 < 1)
    .map((f) => f.label.toLowerCase());
  const found = failing.length === 0 ? 'they all pass' : `not met: ${failing.join(', ')}`;
  return {
    param: 'v',
    given: '1',
    reason:
      `a link from before availability and failover checks: min ISR ${config.minInsyncReplicas}, ${config.zones} zone${config.zones === 1 ? '' : 's'} and the broker limits of that version were used, so its numbers are unchanged; ` +
      `the new checks (writes through the planned failure, the busiest broker, max.poll.interval.ms, zones): ${found}`,
    used: 1,
  };
}
