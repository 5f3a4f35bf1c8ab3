import { create } from 'zustand';
import { TOPIC_FIELDS, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';
import { usePlannerStore } from './planner-store';

/**
 * What the Scenarios toolbar shows beside the plan: which preset, saved scenario or file was
 * loaded (until the plan changes), and notices about scenarios (bad saved data, a repaired
 * import, a failed save). Not persisted, not in the link.
 */
export interface LoadedScenario {
  readonly kind: 'preset' | 'saved' | 'file';
  readonly name: string;
  /** The plan as the store holds it since the load (set by loadScenario; without it, selecting another topic counts as a change). */
  readonly plan?: ClusterPlan;
  /**
   * The store's selected-topic view of that plan: the plan is "unchanged" while the store's
   * `config` is this object (kept in step when only another topic is selected).
   */
  readonly config: PlanConfig;
  readonly presetId?: string;
}

export interface ScenarioNotice {
  readonly id: number;
  readonly tone: 'warning' | 'info';
  readonly title: string;
  /** One line each; text only. */
  readonly items: readonly string[];
}

interface ScenarioSessionState {
  readonly loaded: LoadedScenario | null;
  readonly notices: readonly ScenarioNotice[];
}

export const useScenarioSession = create<ScenarioSessionState>()(() => ({ loaded: null, notices: [] }));

let nextNoticeId = 1;

/**
 * Replace the plan (the link follows) and remember what was loaded. A whole plan (a saved
 * scenario, a file) replaces every topic; a flat config (a one-topic preset) replaces the
 * selected topic and the cluster. Clears the link's notices: the link is no longer the plan.
 */
export function loadScenario(source: Omit<LoadedScenario, 'config' | 'plan'>, plan: ClusterPlan | PlanConfig): void {
  const store = usePlannerStore.getState();
  if ('topics' in plan) store.replacePlan(plan);
  else store.replaceConfig(plan);
  const state = usePlannerStore.getState();
  useScenarioSession.setState({ loaded: { ...source, plan: state.plan, config: state.config } });
}

export function pushScenarioNotice(notice: Omit<ScenarioNotice, 'id'>): void {
  const id = nextNoticeId;
  nextNoticeId += 1;
  useScenarioSession.setState((state) => ({ notices: [...state.notices, { ...notice, id }] }));
}

export function dismissScenarioNotice(id: number): void {
  useScenarioSession.setState((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
}

/** The loaded scenario while the plan is exactly what was loaded; null once anything changed. */
export function loadedIfUnchanged(loaded: LoadedScenario | null, config: PlanConfig): LoadedScenario | null {
  return loaded && loaded.config === config ? loaded : null;
}

/** Same values everywhere (the store rebuilds the plan object on every write, a topic selection included). */
export function samePlan(a: ClusterPlan, b: ClusterPlan): boolean {
  if (a === b) return true;
  if (a.brokerType !== b.brokerType || a.topics.length !== b.topics.length) return false;
  const cluster = Object.keys(a.cluster) as (keyof ClusterPlan['cluster'])[];
  if (cluster.some((field) => a.cluster[field] !== b.cluster[field])) return false;
  return a.topics.every((topic, i) => {
    const other = b.topics[i];
    return !!other && topic.name === other.name && TOPIC_FIELDS.every((field) => topic[field] === other[field]);
  });
}

// Selecting another topic gives the store a new view (and plan object) of the same plan: the
// loaded scenario follows it, so the toolbar keeps saying "Loaded …" until a value changes.
usePlannerStore.subscribe((state) => {
  const { loaded } = useScenarioSession.getState();
  if (!loaded?.plan || loaded.config === state.config || !samePlan(loaded.plan, state.plan)) return;
  useScenarioSession.setState({ loaded: { ...loaded, plan: state.plan, config: state.config } });
});
