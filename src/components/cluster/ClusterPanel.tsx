import { CLUSTER_METRIC_CATALOG, termsOf, type ClusterMetricEntry } from '../../engine/cluster-metric-catalog';
import type { ClusterPlan } from '../../engine/cluster-plan';
import type { ClusterMetrics } from '../../engine/compute-metrics';
import { formatMoney } from '../../lib/format';
import { clusterMetricsFor } from '../../state/planner-store';
import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { formatMetric } from '../../engine/metric-text';

/** A price in the catalogue's currency, two decimals (cents). */
function formatValue(entry: ClusterMetricEntry, value: number): string {
  return entry.kind === 'money' ? `${formatMoney(value)} / month` : formatMetric(entry.kind, value);
}

/** The cluster's totals: what every topic puts on the shared brokers, and what it costs. */
export function ClusterPanel() {
  const { plan } = usePlanInTransition();
  const metrics = clusterMetricsFor(plan);
  return (
    <section aria-labelledby="cluster-heading" className="space-y-2">
      <h2 id="cluster-heading" className="text-lg font-semibold">
        Cluster{plan.topics.length > 1 ? ` of ${plan.topics.length} topics` : ''}
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {CLUSTER_METRIC_CATALOG.map((entry) => (
          <ClusterMetricCard key={entry.name} entry={entry} plan={plan} metrics={metrics} />
        ))}
      </div>
    </section>
  );
}

function ClusterMetricCard({ entry, plan, metrics }: { entry: ClusterMetricEntry; plan: ClusterPlan; metrics: ClusterMetrics }) {
  const value = entry.value(metrics);
  const terms = termsOf(entry, plan, metrics);
  return (
    <article data-testid={`metric-${entry.name}`} data-value={String(value)} className="flex flex-col rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <h3 className="text-sm font-medium text-slate-600 dark:text-slate-300">{entry.title}</h3>
      <p className="text-xl font-semibold tabular-nums">{formatValue(entry, value)}</p>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-teal-700 dark:text-teal-300">How is this computed?</summary>
        <p className="mt-1">
          <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{entry.formula}</code>
        </p>
        <p className="mt-1">{entry.meaning}</p>
        {terms.length > 1 && (
          <p className="mt-1 break-words">
            <span className="font-medium">With your numbers: </span>
            {terms.map((t) => `${t.name} ${formatValue(entry, t.value)}`).join(' + ')} = {formatValue(entry, value)}
          </p>
        )}
        <p className="mt-1 text-slate-500 dark:text-slate-400">Source: {entry.source}</p>
      </details>
    </article>
  );
}
