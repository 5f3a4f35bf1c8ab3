/**
 * Colours of the simulation drawing. The painters read only these, so light and dark are data.
 * Every colour text is written in reaches 4.5:1 against the background and the panels
 * (palette.test.ts checks it); state is never colour alone: a word or a shape goes with it.
 */
export interface SimPalette {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly panel: string;
  readonly panelBorder: string;
  /** Decade lines of the lag scale, faint. */
  readonly grid: string;
  readonly brokerUp: string;
  readonly brokerDown: string;
  /** Replica chips: a leader filled (its name in chipText), a follower outlined. */
  readonly leader: string;
  readonly follower: string;
  readonly chipText: string;
  /** No leader: nothing read or written. */
  readonly offline: string;
  /** A leader, but writes refused (below min ISR, or waiting for a down broker to be fenced). */
  readonly stalled: string;
  /** A log strip: the replicated log (up to the high watermark) filled; the tail past it outlined. */
  readonly log: string;
  readonly highWatermark: string;
  /** Each consumer group of a topic, in order: its committed-offset marker, its lines, its box. */
  readonly groupColours: readonly string[];
  readonly produce: string;
  readonly consume: string;
  readonly consumerBusy: string;
  readonly consumerWaiting: string;
  readonly consumerIdle: string;
  readonly consumerDead: string;
  readonly deadLetter: string;
  readonly deadLetterFill: string;
}

// Tailwind's slate/teal/amber/red/sky/violet/fuchsia steps, so the canvas matches the page around it.
export const LIGHT_PALETTE: SimPalette = {
  background: '#ffffff',
  text: '#0f172a',
  mutedText: '#475569',
  panel: '#f8fafc',
  panelBorder: '#cbd5e1',
  grid: '#e2e8f0',
  brokerUp: '#0f766e',
  brokerDown: '#cbd5e1',
  leader: '#0f766e',
  follower: '#0f766e',
  chipText: '#ffffff',
  offline: '#dc2626',
  stalled: '#b45309',
  log: '#94a3b8',
  highWatermark: '#0f172a',
  groupColours: ['#6d28d9', '#be185d', '#15803d', '#0369a1'],
  produce: '#0369a1',
  consume: '#7c3aed',
  consumerBusy: '#7c3aed',
  consumerWaiting: '#c4b5fd',
  consumerIdle: '#64748b',
  consumerDead: '#dc2626',
  deadLetter: '#a21caf',
  deadLetterFill: '#fdf4ff',
};

export const DARK_PALETTE: SimPalette = {
  background: '#0f172a',
  text: '#f1f5f9',
  mutedText: '#94a3b8',
  panel: '#1e293b',
  panelBorder: '#475569',
  grid: '#334155',
  brokerUp: '#2dd4bf',
  brokerDown: '#334155',
  leader: '#2dd4bf',
  follower: '#2dd4bf',
  chipText: '#0f172a',
  offline: '#f87171',
  stalled: '#fbbf24',
  log: '#64748b',
  highWatermark: '#f1f5f9',
  groupColours: ['#a78bfa', '#f472b6', '#4ade80', '#38bdf8'],
  produce: '#38bdf8',
  consume: '#a78bfa',
  consumerBusy: '#a78bfa',
  consumerWaiting: '#5b21b6',
  consumerIdle: '#94a3b8',
  consumerDead: '#f87171',
  deadLetter: '#f0abfc',
  deadLetterFill: '#4a044e',
};

/** Group `rank`'s colour: the palette's colours in turn. */
export function groupColour(palette: SimPalette, rank: number): string {
  return palette.groupColours[rank % palette.groupColours.length] as string;
}
