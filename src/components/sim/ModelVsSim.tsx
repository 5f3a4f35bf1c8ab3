import { useEffect, useMemo } from 'react';
import { formatDuration, formatNumber } from '../../lib/format';
import { topicView, type ClusterPlan } from '../../engine/cluster-plan';
import { computeClusterMetrics, computeMetrics, type Metrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';
import type { SimView } from '../../sim/types';
import { startMeasurementHistory, useMeasurementHistoryStore } from './measurement-history-store';
import { selectSelectedTopic, usePlannerStore } from '../../state/planner-store';
import { selectRunPlan, selectSnapshot, useSimStore } from '../../state/sim-store';
import { differencePercent, firstGroupOf, idleConsumersOfFirstGroup, judgeFigures, runTopicIndex, type FigureKind, type JudgedFigure } from './model-vs-sim';
import { PartitionLeaders } from './PartitionLeaders';

function formatFigure(kind: FigureKind, value: number): string {
  if (kind === 'seconds') return formatDuration(value);
  if (kind === 'rate') return `${formatNumber(value, 1)} events/s`;
  return `${formatNumber(value, 0)} events`;
}

function formatDifference(percent: number | null): string {
  if (percent === null) return '—';
  return `${percent > 0 ? '+' : ''}${formatNumber(percent, 1)} %`;
}

/**
 * The model's figures for each topic of the plan this run simulates (the run follows the plan
 * once it stands still), not of the plan on the sliders: the page never compares two different
 * plans. Until the new run's first snapshot arrives, the shown one is the old run's: then its
 * own first topic's config is the model (a one-topic run names it whole).
 */
function useRunMetrics(snapshot: SimView | null): { metrics: readonly Metrics[]; plans: readonly PlanConfig[] } | null {
  const runPlan = useSimStore(selectRunPlan);
  const config = snapshot?.config;
  const matches = (plan: ClusterPlan | null): plan is ClusterPlan => plan !== null && snapshot !== null && plan.topics.length === snapshot.topics.length && plan.topics.every((t, i) => t.name === snapshot.topics[i]?.name);
  const plan = matches(runPlan) ? runPlan : null;
  return useMemo(
    () => (plan ? { metrics: computeClusterMetrics(plan).topics, plans: plan.topics.map((_, i) => topicView(plan, i)) } : config ? { metrics: [computeMetrics(config)], plans: [config] } : null),
    [plan, config],
  );
}

/** The verdict in words under the difference: never colour alone. */
function Verdict({ figure }: { figure: JudgedFigure }) {
  const error = figure.halfWidth !== null && figure.halfWidth > 0 ? ` (± ${formatFigure(figure.kind, figure.halfWidth)})` : '';
  if (figure.verdict === 'agrees') return <span className="block text-xs text-slate-600 dark:text-slate-400">agrees{error}</span>;
  if (figure.verdict === 'differs') {
    return (
      <span className="block text-left text-xs font-semibold text-amber-800 dark:text-amber-300">
        differs{figure.reasons.length > 0 ? `: ${figure.reasons.join('. ')}` : `, beyond the run's error${error}`}
      </span>
    );
  }
  if (figure.verdict === 'measuring' && figure.settled) return <span className="block text-xs text-slate-600 dark:text-slate-400">measuring the error…</span>;
  return null;
}

/**
 * What the simulation measured for the selected topic beside what the capacity model predicts
 * for it. Each measured cell carries data-testid="sim-<name>" and data-value in base units
 * (events/s, events, seconds).
 */
export function ModelVsSim() {
  const snapshot = useSimStore(selectSnapshot);
  const selected = usePlannerStore(selectSelectedTopic);
  const run = useRunMetrics(snapshot);
  const history = useMeasurementHistoryStore();
  useEffect(() => startMeasurementHistory(), []);
  if (!snapshot || !run) return <p className="text-sm text-slate-600 dark:text-slate-300">Starting the simulation…</p>;
  const topic = runTopicIndex(snapshot, run.metrics.length > selected ? selected : 0);
  const metrics = run.metrics[topic] as Metrics;
  const figures = judgeFigures(snapshot, metrics, topic, history, run.plans[topic]);
  const idle = idleConsumersOfFirstGroup(snapshot, topic);
  const topicSnapshot = snapshot.topics[topic];
  const measurements = topicSnapshot?.measurements ?? snapshot.measurements;
  const first = topicSnapshot?.firstPartition ?? 0;
  const leaders = Array.from({ length: topicSnapshot?.partitionCount ?? snapshot.partitions.length }, (_, i) => snapshot.partitions.leader(first + i));
  const cluster = snapshot.topics.length > 1;
  return (
    <section aria-labelledby="model-vs-sim-heading" className="space-y-2">
      <h3 id="model-vs-sim-heading" className="font-semibold">
        Model vs simulation{cluster && topicSnapshot ? <span data-testid="sim-compared-topic">: topic “{topicSnapshot.name}”</span> : null}
      </h3>
      {cluster && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The run is the whole cluster: all {snapshot.topics.length} topics on the same brokers. These figures are the selected topic&apos;s; select another topic to compare it.
        </p>
      )}
      {/* Scrolls sideways on a phone: focusable, so the keyboard can scroll it too (axe scrollable-region-focusable). */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="The measured and predicted figures, side by side">
        <table className="w-full text-sm">
          <caption className="sr-only">Measured in the simulation beside the capacity model&apos;s prediction</caption>
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-300">
              <th scope="col" className="pr-3 font-medium">Figure</th>
              <th scope="col" className="pr-3 text-right font-medium">Simulation</th>
              <th scope="col" className="pr-3 text-right font-medium">Model</th>
              <th scope="col" className="pr-3 text-right font-medium">Difference</th>
              <th scope="col" className="font-medium">Model formula</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((figure) => (
              <tr key={figure.name} className="border-t border-slate-200 align-top dark:border-slate-800">
                <th scope="row" className="pr-3 text-left font-normal">{figure.label}</th>
                <td data-testid={`sim-${figure.name}`} data-value={String(figure.measured)} className="pr-3 text-right tabular-nums">
                  {formatFigure(figure.kind, figure.measured)}
                </td>
                <td className="pr-3 text-right tabular-nums">{figure.model === null ? '—' : formatFigure(figure.kind, figure.model)}</td>
                <td data-testid={`sim-diff-${figure.name}`} data-state={figure.verdict ?? undefined} data-half-width={figure.halfWidth === null ? undefined : String(figure.halfWidth)} className="pr-3 text-right tabular-nums">
                  {figure.settled ? formatDifference(differencePercent(figure.measured, figure.model)) : 'measuring…'}
                  <Verdict figure={figure} />
                </td>
                <td className="text-xs text-slate-600 dark:text-slate-400">{figure.modelNote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Rates are measured over the last {formatDuration(measurements.windowMs / 1000)} of simulated time; waits and latencies over {formatNumber(measurements.waitSamples, 0)} processed
        events. ± is the run&apos;s own ~95 % error (batch means over its successive stretches, docs/simulation-ui.md); a figure differs when the model is further off than that plus the
        model&apos;s tolerance. The model is the planner&apos;s (docs/model.md): the topic&apos;s keys (even, or its hot-key share), each consumer a queue fed by the producers&apos; batches (linger, batch size), no broker time.
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt>Idle consumers in group {firstGroupOf(snapshot, topic)?.id ?? 0}</dt>
        <dd data-testid="sim-idle-consumers" data-value={idle === null ? '' : String(idle)} className="tabular-nums">
          {idle === null ? 'rebalancing…' : formatNumber(idle, 0)}
        </dd>
        <dt>Partition leaders</dt>
        <PartitionLeaders leaders={leaders} />
      </dl>
    </section>
  );
}
