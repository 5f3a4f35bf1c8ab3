/**
 * The axis every log strip is drawn on: events behind the log end, on a fixed log scale. Fixed,
 * so the picture never rescales with the run's largest lag: 2 events of lag sit at the same
 * place whether the worst partition is 2 or 2,000,000 behind, and a growing lag creeps left
 * instead of every bar jumping.
 */

/** Powers of ten the strip spans: 1 event at the log end … 10G events at its far left. */
export const LAG_SCALE_DECADES = 10;

/** Written on the canvas beside the tick labels. */
export const LAG_SCALE_TITLE = 'lag, log scale';

/** Where `events` behind the log end sits: 0 at the log end, 1 at the strip's far left (and beyond, clamped). */
export function lagScaleShare(events: number): number {
  if (!(events > 0)) return 0;
  return Math.min(1, Math.log10(1 + events) / LAG_SCALE_DECADES);
}

/** The x of `events` behind the log end on a strip from `stripX`, `stripWidthPx` wide. */
export function xBehindLogEnd(stripX: number, stripWidthPx: number, events: number): number {
  return stripX + stripWidthPx * (1 - lagScaleShare(events));
}

/** One tick per decade, labelled as a person reads counts. */
export const LAG_SCALE_TICKS: readonly { readonly events: number; readonly label: string }[] = ['1', '10', '100', '1k', '10k', '100k', '1M', '10M', '100M', '1G', '10G'].map((label, decade) => ({ events: 10 ** decade, label }));
