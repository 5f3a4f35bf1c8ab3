import { create } from 'zustand';
import type { PlanConfig } from '../engine/plan-config';

/** A pinned plan to compare the current one against ("Compare"): every metric shows its difference. */
export interface BaselineState {
  readonly baseline: PlanConfig | null;
  /** A name for the pinned plan ("Baseline", a preset's or saved scenario's name). */
  readonly baselineName: string;
  pin: (config: PlanConfig, name?: string) => void;
  clear: () => void;
}

export const useBaselineStore = create<BaselineState>()((set) => ({
  baseline: null,
  baselineName: '',
  pin: (config, name = 'Baseline') => set({ baseline: config, baselineName: name }),
  clear: () => set({ baseline: null, baselineName: '' }),
}));
