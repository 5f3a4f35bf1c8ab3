import { useMemo } from 'react';
import { formatDuration, formatNumber } from '../../lib/format';
import type { ClusterPlan } from '../../engine/cluster-plan';
import { computeClusterMetrics, computeMetrics, type Metrics } from '../../engine/compute-metrics';
import type { SimView } from '../../sim/types';
import { selectSelectedTopic, usePlannerStore } from '../../state/planner-store';
import { selectRunPlan, selectSnapshot, useSimStore } from '../../state/sim-store';
import { compareFigures, differencePercent, firstGroupOf, idleConsumersOfFirstGroup, runTopicIndex, type FigureKind } from './model-vs-sim';
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
function useRunMetrics(snapshot: SimView | null): readonly Metrics[] | null {
  const runPlan = useSimStore(selectRunPlan);
  const config = snapshot?.config;
  const matches = (plan: ClusterPlan | null): plan is ClusterPlan => plan !== null && snapshot !== null && plan.topics.length === snapshot.topics.length && plan.topics.every((t, i) => t.name === snapshot.topics[i]?.name);
  const plan = matches(runPlan) ? runPlan : null;
  return useMemo(() => (plan ? computeClusterMetrics(plan).topics : config ? [computeMetrics(config)] : null), [plan, config]);
}

/**
 * What the simulation measured for the selected topic beside what the capacity model predicts
 * for it. Each measured cell carries data-testid="sim-<name>" and data-value in base units
 * (events/s, events, seconds).
 */
export function ModelVsSim() {
  const snapshot = useSimStore(selectSnapshot);
  const selected = usePlannerStore(selectSelectedTopic);
  const allMetrics = useRunMetrics(snapshot);
  if (!snapshot || !allMetrics) return <p className="text-sm text-slate-600 dark:text-slate-300">Starting the simulation…</p>;
  const topic = runTopicIndex(snapshot, allMetrics.length > selected ? selected : 0);
  const metrics = allMetrics[topic] as Metrics;
  const figures = compareFigures(snapshot, metrics, topic);
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
                <td className="pr-3 text-right tabular-nums">{figure.settled ? formatDifference(differencePercent(figure.measured, figure.model)) : 'measuring…'}</td>
                <td className="text-xs text-slate-600 dark:text-slate-400">{figure.modelNote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Rates are measured over the last {formatDuration(measurements.windowMs / 1000)} of simulated time; waits and latencies over {formatNumber(measurements.waitSamples, 0)} processed
        events. The model is the planner&apos;s (docs/model.md): the topic&apos;s keys (even, or its hot-key share), each consumer a queue fed by the producers&apos; batches (linger, batch size), no broker time.
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
