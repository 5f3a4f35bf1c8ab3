import { useSyncExternalStore } from 'react';

/**
 * Chart colours as plain values (not CSS variables), so a chart's serialised SVG carries them
 * into its PNG. Light and dark follow prefers-color-scheme, like the rest of the page.
 */
export interface ChartTheme {
  readonly dark: boolean;
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly primary: string;
  readonly secondary: string;
  readonly tertiary: string;
  readonly measured: string;
  readonly baseline: string;
  readonly limit: string;
  readonly limitAlt: string;
  readonly tooltipBackground: string;
  /**
   * One colour a topic, by its place in the plan (src/charts/topic-groups.ts: at most 8 series,
   * the rest stacked as Others). Hues kept apart from the busiest-broker bars (primary, secondary)
   * and the limit lines (limit, limitAlt); adjacent slots differ in hue and lightness. The first
   * is `tertiary`, so a one-topic plan keeps the colour its cluster bars always had.
   */
  readonly topics: readonly string[];
  /** Others: the topics beyond the palette, stacked together. */
  readonly others: string;
}

const LIGHT: ChartTheme = {
  dark: false,
  background: '#ffffff',
  text: '#0f172a',
  muted: '#475569',
  grid: '#e2e8f0',
  primary: '#2563eb',
  secondary: '#7c3aed',
  tertiary: '#0d9488',
  measured: '#ea580c',
  baseline: '#64748b',
  limit: '#dc2626',
  limitAlt: '#b45309',
  tooltipBackground: '#ffffff',
  topics: ['#0d9488', '#ea580c', '#c026d3', '#65a30d', '#0ea5e9', '#ca8a04', '#8b5a2b', '#3730a3'],
  others: '#94a3b8',
};

const DARK: ChartTheme = {
  dark: true,
  background: '#0f172a',
  text: '#f1f5f9',
  muted: '#cbd5e1',
  grid: '#334155',
  primary: '#60a5fa',
  secondary: '#a78bfa',
  tertiary: '#2dd4bf',
  measured: '#fb923c',
  baseline: '#94a3b8',
  limit: '#f87171',
  limitAlt: '#fbbf24',
  tooltipBackground: '#1e293b',
  topics: ['#2dd4bf', '#fb923c', '#e879f9', '#a3e635', '#7dd3fc', '#fde047', '#d4a373', '#fda4af'],
  others: '#64748b',
};

const QUERY = '(prefers-color-scheme: dark)';

// One query list for the page: asking matchMedia on every render costs more than the answer.
let media: MediaQueryList | null | undefined;
const mediaList = () => (media === undefined ? (media = typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null) : media);

function subscribe(onChange: () => void) {
  const list = mediaList();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

const prefersDark = () => mediaList()?.matches ?? false;

export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, prefersDark, () => false) ? DARK : LIGHT;
}

/**
 * Recharts props shared by every axis: text in the theme's colours, and every tick shown
 * (interval 0). The axes have few ticks (5 by default, powers of ten on log axes); with
 * Recharts' default interval it measures each tick label in the DOM on every redraw.
 */
export function axisProps(theme: ChartTheme) {
  return {
    interval: 0,
    stroke: theme.muted,
    tick: { fill: theme.muted, fontSize: 12 },
    tickLine: { stroke: theme.muted },
  } as const;
}

export function tooltipProps(theme: ChartTheme) {
  return {
    isAnimationActive: false,
    contentStyle: { background: theme.tooltipBackground, border: `1px solid ${theme.grid}`, color: theme.text, fontSize: 12 },
    labelStyle: { color: theme.text, fontWeight: 600 },
    itemStyle: { color: theme.text },
  } as const;
}

/** A stacked series' colour: its palette slot, or the neutral Others colour. */
export function topicColor(theme: ChartTheme, colorSlot: number | null): string {
  if (colorSlot === null) return theme.others;
  return theme.topics[colorSlot % theme.topics.length] ?? theme.others;
}

/** The dash pattern of every baseline series. */
export const BASELINE_DASH = '6 4';
