import { useMemo } from 'react';
import { singleTopicPlan } from '../../engine/cluster-plan';
import { computeClusterMetrics, type Metrics } from '../../engine/compute-metrics';
import { useBaselineStore } from '../../state/baseline-store';
import { ErrorBoundary } from '../ErrorBoundary';
import { baselineLabel } from './baseline';
import type { ClusterBaseline } from './cluster-baseline';
import { ChartSlot } from './ChartSlot';
import { LagChart } from './LagChart';
import { SensitivityChart } from './SensitivityChart';
import { StorageChart } from './StorageChart';
import { TrafficChart } from './TrafficChart';
import { usePlanFollowing } from '../hooks/usePlanFollowing';
import { useKeepHashInView } from '../hooks/useKeepHashInView';

/**
 * The charts below the metrics: lag over time and sensitivity of the selected topic, traffic and
 * storage of the whole cluster (stacked by topic), with the pinned
 * baseline (Compare) dashed beside the plan. Loaded lazily (React.lazy, its own chunk with
 * Recharts) so the calculator's first screen stays small; each chart has its own error boundary.
 * The charts follow a moving plan ten times a second (usePlanFollowing), each redraw a
 * transition, and are memoised on it: a redraw at every step would be a main-thread block of
 * several to tens of milliseconds (Recharts renders and updates its own stores synchronously)
 * held against every step's numbers. While the plan moves the sensitivity sweep is coarse; the
 * full one follows once it stands still. Charts off screen redraw once the plan has stood still
 * longer (ChartSlot).
 */
export default function ChartsSection() {
  useKeepHashInView();
  const { plan: clusterPlan, selectedTopic, config, moving } = usePlanFollowing();
  // Not clusterMetricsFor: it remembers only the newest plan, and this one may lag behind on purpose.
  const clusterMetrics = useMemo(() => computeClusterMetrics(clusterPlan), [clusterPlan]);
  const metrics = (clusterMetrics.topics[selectedTopic] ?? clusterMetrics.topics[0]) as Metrics;
  const pinned = useBaselineStore((s) => s.baseline);
  const pinnedName = useBaselineStore((s) => s.baselineName);
  const baseline = useMemo<ClusterBaseline | null>(() => {
    if (!pinned) return null;
    // The pinned plan is one topic (a flat config): its cluster is that topic alone.
    const pinnedPlan = singleTopicPlan(pinned);
    const pinnedMetrics = computeClusterMetrics(pinnedPlan);
    return { config: pinned, metrics: pinnedMetrics.topics[0] as Metrics, label: baselineLabel(pinnedName), plan: pinnedPlan, clusterMetrics: pinnedMetrics };
  }, [pinned, pinnedName]);
  // The lag and sensitivity charts follow the selected topic; traffic and storage the whole cluster.
  const plan = useMemo(() => ({ config, metrics, baseline, moving }), [config, metrics, baseline, moving]);
  const cluster = useMemo(() => ({ plan: clusterPlan, metrics: clusterMetrics, baseline }), [clusterPlan, clusterMetrics, baseline]);
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
          <ChartSlot turn={1} value={plan}>{(p) => <SensitivityChart {...p} />}</ChartSlot>
        </ErrorBoundary>
        <ErrorBoundary area="The traffic chart">
          <ChartSlot turn={2} value={cluster}>{(p) => <TrafficChart {...p} />}</ChartSlot>
        </ErrorBoundary>
        <ErrorBoundary area="The storage chart">
          <ChartSlot turn={3} value={cluster}>{(p) => <StorageChart {...p} />}</ChartSlot>
        </ErrorBoundary>
      </div>
    </section>
  );
}
