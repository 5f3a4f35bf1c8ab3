/** Colours of the simulation drawing. The painter reads only these, so light and dark are data. */
export interface SimPalette {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly panel: string;
  readonly panelBorder: string;
  readonly brokerUp: string;
  readonly brokerDown: string;
  /** Replica cells: a leader filled, a follower outlined. */
  readonly leader: string;
  readonly follower: string;
  readonly offline: string;
  /** Lag heat: no lag → the most lag in view. Hex #rrggbb, interpolated. */
  readonly lagLow: string;
  readonly lagHigh: string;
  readonly produce: string;
  readonly consume: string;
  readonly consumerBusy: string;
  readonly consumerWaiting: string;
  readonly consumerIdle: string;
  readonly consumerDead: string;
  readonly deadLetter: string;
}

// Tailwind's slate/teal/amber/red/sky steps, so the canvas matches the page around it.
export const LIGHT_PALETTE: SimPalette = {
  background: '#ffffff',
  text: '#0f172a',
  mutedText: '#64748b',
  panel: '#f8fafc',
  panelBorder: '#cbd5e1',
  brokerUp: '#0f766e',
  brokerDown: '#94a3b8',
  leader: '#0f766e',
  follower: '#0f766e',
  offline: '#dc2626',
  lagLow: '#ccfbf1',
  lagHigh: '#b45309',
  produce: '#0369a1',
  consume: '#7c3aed',
  consumerBusy: '#7c3aed',
  consumerWaiting: '#c4b5fd',
  consumerIdle: '#94a3b8',
  consumerDead: '#dc2626',
  deadLetter: '#b91c1c',
};

export const DARK_PALETTE: SimPalette = {
  background: '#0f172a',
  text: '#f1f5f9',
  mutedText: '#94a3b8',
  panel: '#1e293b',
  panelBorder: '#475569',
  brokerUp: '#2dd4bf',
  brokerDown: '#475569',
  leader: '#2dd4bf',
  follower: '#2dd4bf',
  offline: '#f87171',
  lagLow: '#134e4a',
  lagHigh: '#fbbf24',
  produce: '#38bdf8',
  consume: '#a78bfa',
  consumerBusy: '#a78bfa',
  consumerWaiting: '#5b21b6',
  consumerIdle: '#64748b',
  consumerDead: '#f87171',
  deadLetter: '#f87171',
};

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return Number.isFinite(value) ? [(value >> 16) & 255, (value >> 8) & 255, value & 255] : [128, 128, 128];
}

/** The lag heat colour for a share 0…1 of the largest lag in view. */
export function lagColour(palette: SimPalette, share: number): string {
  const t = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const low = channels(palette.lagLow);
  const high = channels(palette.lagHigh);
  const mix = low.map((c, i) => Math.round(c + ((high[i] ?? c) - c) * t));
  return `rgb(${mix.join(',')})`;
}
