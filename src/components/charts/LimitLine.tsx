import { ReferenceLine } from 'recharts';
import type { ChartTheme } from './chart-theme';

/**
 * A limit as a dotted horizontal line over the plot, on a band of the background colour so it
 * stays visible where it crosses a filled bar or area of any topic's colour. Extends the y axis
 * to the limit: a plan far under its limit shows how far.
 */
export function LimitLine({ y, color, theme }: { y: number; color: string; theme: ChartTheme }) {
  return (
    <>
      <ReferenceLine y={y} stroke={theme.background} strokeWidth={4} ifOverflow="extendDomain" />
      <ReferenceLine y={y} stroke={color} strokeWidth={2} strokeDasharray="2 3" ifOverflow="extendDomain" />
    </>
  );
}
