import { create } from 'zustand';
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
  /** The exact config object that was loaded: the plan is "unchanged" while the store holds it. */
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

/** Replace the plan (the link follows) and remember what was loaded. Clears the link's notices: the link is no longer the plan. */
export function loadScenario(source: Omit<LoadedScenario, 'config'>, config: PlanConfig): void {
  usePlannerStore.getState().replaceConfig(config);
  useScenarioSession.setState({ loaded: { ...source, config } });
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
