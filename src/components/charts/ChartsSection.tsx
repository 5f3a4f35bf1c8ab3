import { useMemo } from 'react';
import { computeMetrics } from '../../engine/compute-metrics';
import { useBaselineStore } from '../../state/baseline-store';
import { selectConfig, usePlannerStore } from '../../state/planner-store';
import { ErrorBoundary } from '../ErrorBoundary';
import { baselineLabel, type BaselinePlan } from './baseline';
import { ChartSlot } from './ChartSlot';
import { LagChart } from './LagChart';
import { SensitivityChart } from './SensitivityChart';
import { StorageChart } from './StorageChart';
import { TrafficChart } from './TrafficChart';
import { useThrottledValue } from './useThrottledValue';

/** While a slider is dragged the charts redraw at most this often (about 6 a second). */
const REDRAW_MS = 160;

/**
 * The charts below the metrics: lag over time, traffic, storage and sensitivity, with the pinned
 * baseline (Compare) dashed beside the plan. Loaded lazily (React.lazy, its own chunk with
 * Recharts) so the calculator's first screen stays small; each chart has its own error boundary.
 * The charts follow a throttled copy of the plan (a transition, so input goes first) and are
 * memoised on it: a dragged slider answers at once and the charts on screen follow a few times
 * a second; those off screen redraw once the plan stands still (ChartSlot).
 */
export default function ChartsSection() {
  const liveConfig = usePlannerStore(selectConfig);
  const config = useThrottledValue(liveConfig, REDRAW_MS);
  // Not metricsFor: it remembers only the newest plan, and this one may lag behind on purpose.
  const metrics = useMemo(() => computeMetrics(config), [config]);
  const pinned = useBaselineStore((s) => s.baseline);
  const pinnedName = useBaselineStore((s) => s.baselineName);
  const baseline = useMemo<BaselinePlan | null>(
    () => (pinned ? { config: pinned, metrics: computeMetrics(pinned), label: baselineLabel(pinnedName) } : null),
    [pinned, pinnedName],
  );
  const plan = useMemo(() => ({ config, metrics, baseline }), [config, metrics, baseline]);
  return (
    <section aria-labelledby="charts-heading" className="space-y-3">
      <div>
        <h2 id="charts-heading" className="text-lg font-semibold">
          Charts
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          The same model over time and across each input{baseline ? `, with ${baseline.label.toLowerCase()} dashed` : ''}. Byte units are binary (1 MiB = 1,024 KiB).
        </p>
      </div>
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
        <ErrorBoundary area="The lag chart">
          <ChartSlot value={plan}>{(p) => <LagChart {...p} />}</ChartSlot>
        </ErrorBoundary>
        <ErrorBoundary area="The sensitivity chart">
          <ChartSlot value={plan}>{(p) => <SensitivityChart {...p} />}</ChartSlot>
        </ErrorBoundary>
        <ErrorBoundary area="The traffic chart">
          <ChartSlot value={plan}>{(p) => <TrafficChart {...p} />}</ChartSlot>
        </ErrorBoundary>
        <ErrorBoundary area="The storage chart">
          <ChartSlot value={plan}>{(p) => <StorageChart {...p} />}</ChartSlot>
        </ErrorBoundary>
      </div>
    </section>
  );
}
