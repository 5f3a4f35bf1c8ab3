import { create } from 'zustand';

/**
 * Fine sliders (issue 11's precise mode): each slider spans a tenth of its positions around its
 * value, so a pixel moves it ten times less. A way of using the page, not part of the plan: it is
 * neither in the link nor saved.
 */
interface SliderModeState {
  readonly fine: boolean;
  setFine(fine: boolean): void;
}

export const useSliderModeStore = create<SliderModeState>()((set) => ({
  fine: false,
  setFine: (fine) => set({ fine }),
}));
