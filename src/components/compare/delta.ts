import type { MetricKind } from '../../engine/metric-catalog';
import { formatNumber } from '../../lib/format';
import { formatMetric } from '../../engine/metric-text';

const MINUS = '−';

export interface DeltaText {
  /** The baseline's value as the card would show it. */
  readonly baseline: string;
  /** The absolute difference with its sign, in the metric's units ("no change" when equal). */
  readonly change: string;
  /** The relative difference with its sign; '' when it has no meaning (baseline 0 or unbounded). */
  readonly percent: string;
}

/**
 * Current against baseline, as text. Uses formatMetric for the units, except two kinds whose
 * headline text would mislead as a difference: a ratio's difference is in percentage points
 * (50 % → 60 % is +10 percentage points, +20 %), a score's in points.
 */
export function describeDelta(kind: MetricKind, current: number, baseline: number): DeltaText {
  const baselineText = formatMetric(kind, baseline);
  if (current === baseline || (Number.isNaN(current) && Number.isNaN(baseline))) return { baseline: baselineText, change: 'no change', percent: '' };
  if (!Number.isFinite(current) || !Number.isFinite(baseline)) {
    return { baseline: baselineText, change: !Number.isFinite(current) ? 'now unbounded' : 'was unbounded', percent: '' };
  }
  const diff = current - baseline;
  const sign = diff > 0 ? '+' : MINUS;
  const abs = Math.abs(diff);
  const change =
    kind === 'ratio'
      ? `${sign}${formatNumber(abs * 100, 1)} percentage points`
      : kind === 'score'
        ? `${sign}${formatNumber(abs, 0)} point${abs === 1 ? '' : 's'}`
        : `${sign}${formatMetric(kind, abs)}`;
  return { baseline: baselineText, change, percent: baseline === 0 ? '' : percentText(sign, (abs / Math.abs(baseline)) * 100) };
}

function percentText(sign: string, pct: number): string {
  if (pct < 0.05) return `${sign}<0.1 %`;
  return `${sign}${formatNumber(pct, pct < 10 ? 1 : 0)} %`;
}
