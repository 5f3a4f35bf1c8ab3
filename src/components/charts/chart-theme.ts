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

/** The dash pattern of every baseline series. */
export const BASELINE_DASH = '6 4';
