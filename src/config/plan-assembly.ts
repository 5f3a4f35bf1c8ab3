import { clusterOf, DEFAULT_TOPIC_NAME, singleTopicPlan, topicNameProblem, topicOf, type ClusterPlan, type ClusterSettings, type TopicField, type TopicPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';
import { brokerTypeById, CUSTOM_BROKER_TYPE, DEFAULT_BROKER_TYPE } from './broker-types';
import { defaultMinInsyncReplicas, defaultZones, repairClusterPlan } from './plan-repair';
import { DEFAULT_CONFIG, PARAMS, type ParamSpec } from './schema';
import { readTopicName, uniqueTopicName } from './topic-names';

/**
 * The steps every reader of an untrusted plan shares (the link, the scenario file, the saved
 * scenarios), once each value has been read by `readValue`: defaults for what was left out,
 * legal and unique topic names, the rules across inputs per topic, and the broker type. Each
 * change is a notice naming the param as its source spells it (`t3.rate`, `minIsr`, `broker`).
 */

export interface PlanNotice {
  readonly param: string;
  /** What the source said, shortened; shown as text only. */
  readonly given: string;
  readonly reason: string;
  /** The value used instead: a number, or the name or broker type used. */
  readonly used: number | string;
}

/** One topic as read from its source, before defaults and names are settled. */
export interface TopicInput {
  /** How this topic's params are named in notices: 't3.' (a link or file with topics) or '' (one topic). */
  readonly prefix: string;
  /** The name as given (untrusted), or undefined when there is none. */
  readonly name: string | undefined;
  /** The values given for the topic's inputs, already read (in range). */
  readonly values: Partial<Record<TopicField, number>>;
}

export interface PlanInput {
  /** The values given for the cluster's inputs, already read (in range). */
  readonly cluster: Partial<Record<keyof ClusterSettings, number>>;
  /** In order; none gives one topic with the defaults. */
  readonly topics: readonly TopicInput[];
  /** The broker type as given (untrusted), or undefined when there is none. */
  readonly brokerType: string | undefined;
  /** The param that carries the broker type in this source ('broker' in a link). */
  readonly brokerParam: string;
  /** What this kind of source meant by an input it leaves out, where that is not the default (v1 limits, offsets 0). */
  readonly absentDefaults: Partial<Record<keyof PlanConfig, number>>;
}

const SPECS: readonly ParamSpec[] = PARAMS;
/** Each topic's inputs (`scope: 'topic'`), in the schema's order. */
export const TOPIC_SPECS: readonly ParamSpec[] = SPECS.filter((spec) => spec.scope === 'topic');
/** The cluster's inputs, in the schema's order. */
export const CLUSTER_SPECS: readonly ParamSpec[] = SPECS.filter((spec) => spec.scope !== 'topic');

const MAX_SHOWN_CHARS = 40;

export function shorten(text: string): string {
  // Only the start is looked at (2 units a code point at most): Array.from over a 2 MB value takes a second.
  const chars = Array.from(text.slice(0, 2 * MAX_SHOWN_CHARS + 2));
  return chars.length <= MAX_SHOWN_CHARS ? text : `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…`;
}

/** The given values over the defaults, with the inputs whose default follows another one (min ISR, zones). */
function baseConfig(absentDefaults: PlanInput['absentDefaults']): PlanConfig {
  return { ...DEFAULT_CONFIG, ...absentDefaults } as PlanConfig;
}

function clusterSettings(input: PlanInput, base: PlanConfig): ClusterSettings {
  const cluster: Record<string, number> = { ...clusterOf(base), ...input.cluster };
  if (input.cluster.zones === undefined) cluster.zones = defaultZones(cluster.brokers as number);
  return cluster as unknown as ClusterSettings;
}

function topicValues(topic: TopicInput, base: PlanConfig, name: string): TopicPlan {
  const values: Record<string, number | string> = { ...topicOf(base, name), ...topic.values };
  if (topic.values.minInsyncReplicas === undefined) values.minInsyncReplicas = defaultMinInsyncReplicas(values.replicationFactor as number);
  return values as unknown as TopicPlan;
}

/** What a given name asks for: the name itself, its legal form, or nothing usable; and Kafka's objection to it. */
function wishedName(text: string | undefined): { wish: string | undefined; problem: string } {
  if (text === undefined) return { wish: undefined, problem: '' };
  const problem = topicNameProblem(text);
  if (!problem) return { wish: text, problem };
  // '' as the fallback: a name with nothing usable takes a free default below, like a missing one.
  return { wish: readTopicName(text, '').name || undefined, problem };
}

/**
 * Legal, unique topic names. A name Kafka accepts as given is kept by the first topic to ask for
 * it; a name made legal (`my topic` → `my-topic`) comes next; a later topic asking for a taken
 * name gets `name-2`, …; a topic with no usable name gets `events`, or the first free `events-N`.
 * One notice for each given name that changed; a missing name takes its default silently.
 */
export function settleTopicNames(topics: readonly TopicInput[], notices: PlanNotice[]): string[] {
  const wishes = topics.map((topic) => wishedName(topic.name));
  const names: (string | undefined)[] = topics.map(() => undefined);
  const taken = new Set<string>();
  const keep = (i: number, name: string) => {
    names[i] = name;
    taken.add(name);
  };
  wishes.forEach(({ wish, problem }, i) => {
    if (wish !== undefined && !problem && !taken.has(wish)) keep(i, wish);
  });
  wishes.forEach(({ wish }, i) => {
    if (wish !== undefined && names[i] === undefined) keep(i, uniqueTopicName(wish, [...taken]));
  });
  wishes.forEach((_, i) => {
    if (names[i] === undefined) keep(i, uniqueTopicName(DEFAULT_TOPIC_NAME, [...taken]));
  });
  topics.forEach((topic, i) => {
    const used = names[i] as string;
    const { problem } = wishes[i] as { problem: string };
    if (topic.name === undefined || (!problem && used === topic.name)) return;
    const reason = problem ? `not a Kafka topic name (${problem}); "${used}" was used` : `the name of an earlier topic (names are unique in a cluster); "${used}" was used`;
    notices.push({ param: `${topic.prefix}name`, given: shorten(topic.name), reason, used });
  });
  return names as string[];
}

/** A catalogue id or 'custom'; anything else is 'custom', said. Absent: the type the defaults describe. */
function settleBrokerType(input: PlanInput, notices: PlanNotice[]): string {
  const given = input.brokerType;
  if (given === undefined) return DEFAULT_BROKER_TYPE;
  if (given === CUSTOM_BROKER_TYPE || brokerTypeById(given)) return given;
  notices.push({ param: input.brokerParam, given: shorten(given), reason: `not a broker type of the catalogue; "${CUSTOM_BROKER_TYPE}" was used (the assumptions stay as given)`, used: CUSTOM_BROKER_TYPE });
  return CUSTOM_BROKER_TYPE;
}

/** Read values → a valid cluster plan, and a notice for every value that had to change. */
export function assemblePlan(input: PlanInput): { plan: ClusterPlan; notices: PlanNotice[] } {
  const notices: PlanNotice[] = [];
  const base = baseConfig(input.absentDefaults);
  const topicsIn = input.topics.length > 0 ? input.topics : [{ prefix: '', name: undefined, values: {} }];
  const names = settleTopicNames(topicsIn, notices);
  const brokerType = settleBrokerType(input, notices);
  const draft: ClusterPlan = { cluster: clusterSettings(input, base), topics: topicsIn.map((t, i) => topicValues(t, base, names[i] as string)), brokerType };
  const { plan, repairs } = repairClusterPlan(draft);
  for (const r of repairs) {
    const prefix = r.topic === null ? '' : (topicsIn[r.topic] as TopicInput).prefix;
    notices.push({ param: `${prefix}${r.param}`, given: String(r.given), reason: r.reason, used: r.used });
  }
  return { plan, notices };
}

/** A plan, or a flat config taken as a one-topic plan (topic `events`, the default broker type): what callers from before clusters pass. */
export function asClusterPlan(value: ClusterPlan | PlanConfig): ClusterPlan {
  return 'topics' in value ? value : singleTopicPlan(value, DEFAULT_TOPIC_NAME, DEFAULT_BROKER_TYPE);
}
