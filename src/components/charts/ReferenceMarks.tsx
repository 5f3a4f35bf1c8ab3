import { memo } from 'react';
import { ReferenceDot, ReferenceLine } from 'recharts';
import type { ChartTheme } from './chart-theme';

/**
 * A limit as a dotted horizontal line over the plot, on a band of the background colour so it
 * stays visible where it crosses a filled bar or area of any topic's colour. Extends the y axis
 * to the limit: a plan far under its limit shows how far.
 *
 * Memoised, as every reference mark here must be: Recharts re-registers a ReferenceLine or
 * ReferenceDot in its store at every render (an effect without dependencies: two dispatches, each
 * re-running every selector of the chart), which was most of a chart's redraw while a slider moves.
 */
export const LimitLine = memo(function LimitLine({ y, color, theme }: { y: number; color: string; theme: ChartTheme }) {
  return (
    <>
      <ReferenceLine y={y} stroke={theme.background} strokeWidth={4} ifOverflow="extendDomain" />
      <ReferenceLine y={y} stroke={color} strokeWidth={2} strokeDasharray="2 3" ifOverflow="extendDomain" />
    </>
  );
});

/** A marked point (the plan's own value on a curve, the fullest disk): memoised, see LimitLine. */
export const MarkDot = memo(function MarkDot({ x, y, fill, stroke, strokeWidth }: { x: number; y: number; fill: string; stroke: string; strokeWidth?: number }) {
  return <ReferenceDot x={x} y={y} r={5} fill={fill} stroke={stroke} strokeWidth={strokeWidth} ifOverflow="extendDomain" />;
});

/** A dotted vertical line labelled "now" at the plan's value of a swept input: memoised, see LimitLine. */
export const NowLine = memo(function NowLine({ x, theme }: { x: number; theme: ChartTheme }) {
  return <ReferenceLine x={x} stroke={theme.measured} strokeDasharray="2 3" ifOverflow="hidden" label={{ value: 'now', position: 'insideTopRight', fill: theme.text, fontSize: 11 }} />;
});
