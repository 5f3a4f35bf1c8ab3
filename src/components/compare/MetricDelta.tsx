import type { MetricEntry } from '../../engine/metric-catalog';
import { useBaselineStore } from '../../state/baseline-store';
import { baselineMetricsFor } from './baseline-metrics';
import { describeDelta } from './delta';

/**
 * Under a metric's value while a baseline is pinned: the baseline's value and the difference.
 * data-baseline carries the baseline's value in base units, like the card's data-value.
 */
export function MetricDelta({ entry, value }: { entry: MetricEntry; value: number }) {
  const baseline = useBaselineStore((state) => state.baseline);
  const baselineName = useBaselineStore((state) => state.baselineName);
  if (!baseline) return null;
  const base = entry.value(baselineMetricsFor(baseline));
  const delta = describeDelta(entry.kind, value, base);
  return (
    <p data-testid={`metric-delta-${entry.name}`} data-baseline={String(base)} className="text-xs text-slate-700 dark:text-slate-300">
      <span className="text-slate-500 dark:text-slate-400" title={baselineName}>
        Baseline:{' '}
      </span>
      <span className="tabular-nums">{delta.baseline}</span>
      <span aria-hidden="true"> · </span>
      <span className="sr-only">, change: </span>
      <span className="font-medium tabular-nums">{delta.change}</span>
      {delta.percent && <span className="tabular-nums"> ({delta.percent})</span>}
    </p>
  );
}
