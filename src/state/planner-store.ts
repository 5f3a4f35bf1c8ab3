import { create } from 'zustand';
import { brokerTypeById, brokerTypeValues, DEFAULT_BROKER_TYPE } from '../config/broker-types';
import { repairPlan } from '../config/plan-repair';
import { sanitizeValue, DEFAULT_CONFIG, PARAMS } from '../config/schema';
import type { UrlNotice } from '../config/url-codec';
import { clusterOf, isTopicField, singleTopicPlan, topicOf, topicView, type ClusterPlan, type TopicPlan } from '../engine/cluster-plan';
import { computeClusterMetrics, type ClusterMetrics, type Metrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { MAX_TOPICS, readTopicName, uniqueTopicName } from '../config/topic-names';

/**
 * The single source of the plan — a cluster of topics — and which topic the sliders edit. The URL
 * and every view follow it. `config` is the selected topic in its cluster (topicView), kept in
 * step with `plan` on every write, so views that show one topic read one object.
 */
export interface PlannerState {
  readonly plan: ClusterPlan;
  readonly selectedTopic: number;
  readonly config: PlanConfig;
  /** What the opening link asked for that had to be changed; cleared by the user. */
  readonly urlNotices: readonly UrlNotice[];
  /** Edits the selected topic (a topic input) or the cluster (any other). */
  setValue: (field: keyof PlanConfig, value: number) => void;
  /** Replaces the selected topic and the cluster from a flat config (a one-topic scenario). */
  replaceConfig: (config: PlanConfig, notices?: readonly UrlNotice[]) => void;
  replacePlan: (plan: ClusterPlan, notices?: readonly UrlNotice[], selectedTopic?: number) => void;
  /** Sets several values at once (a recommendation, a preset), each clamped like a slider move. */
  applyValues: (values: Partial<PlanConfig>) => void;
  /** Sets values of one topic (by index), clamped; the cluster's fields among them go to the cluster. */
  applyTopicValues: (index: number, values: Partial<PlanConfig>) => void;
  /** Sets the broker type and the assumptions it defines. */
  setBrokerType: (id: string) => void;
  selectTopic: (index: number) => void;
  /** Adds a topic (a copy of `from`'s inputs, or the defaults) under a free name and selects it. */
  addTopic: (from?: number) => void;
  renameTopic: (index: number, name: string) => void;
  /** Removes a topic (never the last) and returns it with its index, for undo. */
  removeTopic: (index: number) => { topic: TopicPlan; index: number } | null;
  /** Puts a removed topic back where it was and selects it. */
  restoreTopic: (topic: TopicPlan, index: number) => void;
  dismissUrlNotices: () => void;
}

const SPEC_BY_FIELD = new Map(PARAMS.map((spec) => [spec.field as keyof PlanConfig, spec]));

export const DEFAULT_PLAN: ClusterPlan = singleTopicPlan(DEFAULT_CONFIG, undefined, DEFAULT_BROKER_TYPE);

/** Topics the rules have left as they were, with the cluster settings they were checked in: a slider step checks only the topic it moved. */
const checkedIn = new WeakMap<TopicPlan, ClusterPlan['cluster']>();

/** Clamp every value, apply the cross-field rules to each topic, and rebuild the selected view. */
function settled(plan: ClusterPlan, selectedTopic: number): Pick<PlannerState, 'plan' | 'selectedTopic' | 'config'> {
  const selected = Math.max(0, Math.min(plan.topics.length - 1, selectedTopic));
  // A topic the rules leave as it is keeps its object: the engine reuses what it computed for it.
  const topics = plan.topics.map((topic, i) => {
    if (checkedIn.get(topic) === plan.cluster) return topic;
    const { config: repaired, repairs } = repairPlan(topicView(plan, i));
    if (repairs.length > 0) return topicOf(repaired, topic.name);
    checkedIn.set(topic, plan.cluster);
    return topic;
  });
  // Zones ≤ brokers is the cluster's rule: any topic's repair carries it.
  const clusterRepair = repairPlan(topicView(plan, selected));
  const cluster = clusterRepair.repairs.some((r) => r.field === 'zones') ? clusterOf(clusterRepair.config) : plan.cluster;
  const next: ClusterPlan = { ...plan, cluster, topics };
  return { plan: next, selectedTopic: selected, config: topicView(next, selected) };
}

/** The plan with `values` set on topic `index` (topic inputs) and the cluster (the rest); what is not touched keeps its object. */
function withValues(plan: ClusterPlan, index: number, values: Partial<PlanConfig>): ClusterPlan {
  const cluster: Record<string, number> = { ...plan.cluster };
  const topic: Record<string, number | string> = { ...(plan.topics[index] as TopicPlan) };
  let clusterChanged = false;
  let topicChanged = false;
  for (const [field, value] of Object.entries(values)) {
    const spec = SPEC_BY_FIELD.get(field as keyof PlanConfig);
    if (!spec || typeof value !== 'number') continue;
    const clean = sanitizeValue(spec, value);
    if (isTopicField(field as keyof PlanConfig)) {
      topicChanged ||= topic[field] !== clean;
      topic[field] = clean;
    } else {
      clusterChanged ||= cluster[field] !== clean;
      cluster[field] = clean;
    }
  }
  const topics = topicChanged ? plan.topics.map((t, i) => (i === index ? (topic as unknown as TopicPlan) : t)) : plan.topics;
  return { ...plan, cluster: clusterChanged ? (cluster as unknown as ClusterPlan['cluster']) : plan.cluster, topics };
}

export const usePlannerStore = create<PlannerState>()((set, get) => ({
  plan: DEFAULT_PLAN,
  selectedTopic: 0,
  config: topicView(DEFAULT_PLAN, 0),
  urlNotices: [],
  setValue: (field, value) =>
    set((state) => {
      const spec = SPEC_BY_FIELD.get(field);
      // Every write is clamped again here: the store never holds an invalid plan.
      const next = spec ? sanitizeValue(spec, value) : value;
      if (next === state.config[field]) return state;
      return settled(withValues(state.plan, state.selectedTopic, { [field]: next }), state.selectedTopic);
    }),
  replaceConfig: (config, notices = []) =>
    set((state) => {
      const topics = state.plan.topics.slice();
      topics[state.selectedTopic] = topicOf(config, topics[state.selectedTopic]?.name ?? 'events');
      return { ...settled({ ...state.plan, cluster: clusterOf(config), topics }, state.selectedTopic), urlNotices: notices };
    }),
  replacePlan: (plan, notices = [], selectedTopic = 0) => set({ ...settled(plan, selectedTopic), urlNotices: notices }),
  applyValues: (values) => set((state) => settled(withValues(state.plan, state.selectedTopic, values), state.selectedTopic)),
  applyTopicValues: (index, values) =>
    set((state) => (index >= 0 && index < state.plan.topics.length ? settled(withValues(state.plan, index, values), state.selectedTopic) : state)),
  setBrokerType: (id) =>
    set((state) => {
      const type = brokerTypeById(id);
      const plan = { ...state.plan, brokerType: type ? type.id : 'custom' };
      return settled(type ? withValues(plan, state.selectedTopic, brokerTypeValues(type)) : plan, state.selectedTopic);
    }),
  // Selecting changes no value: the plan object stays, so nothing derived from it is recomputed.
  selectTopic: (index) =>
    set((state) => (index === state.selectedTopic || index < 0 || index >= state.plan.topics.length ? state : { selectedTopic: index, config: topicView(state.plan, index) })),
  addTopic: (from) =>
    set((state) => {
      if (state.plan.topics.length >= MAX_TOPICS) return state;
      const source = from === undefined ? topicOf(DEFAULT_CONFIG, 'topic') : state.plan.topics[from];
      if (!source) return state;
      const names = state.plan.topics.map((t) => t.name);
      const name = uniqueTopicName(from === undefined ? 'topic' : `${source.name}-copy`, names);
      const topics = [...state.plan.topics, { ...source, name }];
      return settled({ ...state.plan, topics }, topics.length - 1);
    }),
  renameTopic: (index, name) =>
    set((state) => {
      const topic = state.plan.topics[index];
      if (!topic) return state;
      // Kafka's rules and unique names, here too: no view can put an illegal name in the plan.
      const legal = readTopicName(name, topic.name).name;
      const unique = uniqueTopicName(legal, state.plan.topics.filter((_, i) => i !== index).map((t) => t.name));
      if (unique === topic.name) return state;
      const topics = state.plan.topics.slice();
      topics[index] = { ...topic, name: unique };
      // The calibration record names the topic it measured: it follows the rename.
      const calibration = state.plan.calibration;
      const followed = calibration?.topic === topic.name ? { calibration: { ...calibration, topic: unique } } : {};
      return settled({ ...state.plan, topics, ...followed }, state.selectedTopic);
    }),
  removeTopic: (index) => {
    const state = get();
    const topic = state.plan.topics[index];
    if (!topic || state.plan.topics.length <= 1) return null;
    const topics = state.plan.topics.filter((_, i) => i !== index);
    const selected = state.selectedTopic > index ? state.selectedTopic - 1 : Math.min(state.selectedTopic, topics.length - 1);
    // A record of the topic removed no longer stands for anything in the plan.
    const kept: ClusterPlan = { cluster: state.plan.cluster, topics, brokerType: state.plan.brokerType };
    const calibration = state.plan.calibration;
    set(settled(calibration && calibration.topic !== topic.name ? { ...kept, calibration } : kept, selected));
    return { topic, index };
  },
  restoreTopic: (topic, index) =>
    set((state) => {
      if (state.plan.topics.length >= MAX_TOPICS) return state;
      const at = Math.max(0, Math.min(index, state.plan.topics.length));
      const names = state.plan.topics.map((t) => t.name);
      const topics = [...state.plan.topics.slice(0, at), { ...topic, name: uniqueTopicName(topic.name, names) }, ...state.plan.topics.slice(at)];
      return settled({ ...state.plan, topics }, at);
    }),
  dismissUrlNotices: () => set({ urlNotices: [] }),
}));

export const selectConfig = (state: PlannerState) => state.config;
export const selectPlan = (state: PlannerState) => state.plan;
export const selectSelectedTopic = (state: PlannerState) => state.selectedTopic;
export const selectUrlNotices = (state: PlannerState) => state.urlNotices;

// Several components read the metrics per change: compute once per plan. Two plans are kept:
// while a slider moves, the answers show the newest plan and the details (usePlanInTransition)
// may still render the one before it; one entry would compute both at every step.
const kept: { plan: ClusterPlan; metrics: ClusterMetrics }[] = [];
export function clusterMetricsFor(plan: ClusterPlan): ClusterMetrics {
  const hit = kept.find((entry) => entry.plan === plan);
  if (hit) return hit.metrics;
  const metrics = computeClusterMetrics(plan);
  kept.unshift({ plan, metrics });
  kept.length = Math.min(kept.length, 2);
  return metrics;
}

/** The selected topic's metrics in its cluster. */
export function metricsOfSelected(state: Pick<PlannerState, 'plan' | 'selectedTopic'>): Metrics {
  const metrics = clusterMetricsFor(state.plan);
  return (metrics.topics[state.selectedTopic] ?? metrics.topics[0]) as Metrics;
}

export function useClusterMetrics(): ClusterMetrics {
  return clusterMetricsFor(usePlannerStore(selectPlan));
}

export function useMetrics(): Metrics {
  const plan = usePlannerStore(selectPlan);
  const selected = usePlannerStore(selectSelectedTopic);
  return metricsOfSelected({ plan, selectedTopic: selected });
}
