import { useState } from 'react';
import type { Metrics } from '../engine/compute-metrics';
import { explainMetric } from '../engine/explain';
import type { MetricEntry } from '../engine/metric-catalog';
import type { PlanConfig } from '../engine/plan-config';
import { MetricDelta } from './compare/MetricDelta';
import { formatMetric, metricDetail } from '../engine/metric-text';

/**
 * One number with its explanation beside it. data-value carries the number in base
 * units ("Infinity" where unbounded) for tests and other programs: a public contract.
 */
export function MetricCard({ entry, metrics, config }: { entry: MetricEntry; metrics: Metrics; config: PlanConfig }) {
  const value = entry.value(metrics);
  const detail = metricDetail(entry, metrics, config);
  // The worked example is built only while it is open: 19 cards would otherwise rebuild it,
  // unseen, on every slider step.
  const [open, setOpen] = useState(false);
  return (
    <article
      data-testid={`metric-${entry.name}`}
      data-value={String(value)}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 className="text-sm font-medium text-slate-600 dark:text-slate-300">{entry.title}</h3>
      <p className="text-xl font-semibold tabular-nums">{formatMetric(entry.kind, value)}</p>
      <MetricDelta entry={entry} value={value} />
      {detail && <p className="text-xs text-slate-600 dark:text-slate-400">{detail}</p>}
      <details className="mt-2 text-xs" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-teal-700 dark:text-teal-300">How is this computed?</summary>
        <p className="mt-1">
          <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{entry.formula}</code>
        </p>
        <p className="mt-1">{entry.meaning}</p>
        {open && (
          <p className="mt-1 break-words" data-testid={`explain-${entry.name}`}>
            <span className="font-medium">With your numbers: </span>
            {explainMetric(entry.name, config, metrics)}
          </p>
        )}
        <p className="mt-1 text-slate-500 dark:text-slate-400">Source: {entry.source}</p>
      </details>
    </article>
  );
}
