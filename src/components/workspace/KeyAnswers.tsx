import type { ReactNode } from 'react';
import { formatBytes, formatMoney, formatNumber, formatUtilization } from '../../lib/format';
import { selectPlan, selectSelectedTopic, useClusterMetrics, usePlannerStore } from '../../state/planner-store';
import { CATALOGUE_OPTIONS } from '../../config/broker-types';
import { useClusterRecommendation } from '../hooks/useClusterRecommendation';
import { usePlanAtRest } from '../hooks/usePlanAtRest';

/**
 * The answers a planner came for, in one strip beside the live simulation: what the selected
 * topic needs (partitions, consumers), what the cluster needs (brokers on its type, the cheapest
 * type), how loaded it is at peak, how fast lag grows, the fullest broker's disk and the monthly
 * cost. Each carries data-testid="answer-<name>" and data-value in base units (events/s, bytes,
 * USD a month, a ratio); the details are one click away, in the sections below.
 */
export function KeyAnswers() {
  const plan = usePlannerStore(selectPlan);
  const selected = usePlannerStore(selectSelectedTopic);
  const { topics, brokerLoad, cost } = useClusterMetrics();
  // The counts needed are a search (in a worker): sized once the plan stands still.
  const sized = useClusterRecommendation(usePlanAtRest().plan, CATALOGUE_OPTIONS);
  const current = sized !== null && sized.plan === plan;
  const topicNeeds = sized?.recommendation.topics[selected];
  const topic = plan.topics[selected];
  const metrics = topics[selected];
  let worst = 0;
  topics.forEach((m, i) => {
    if (m.utilization > (topics[worst]?.utilization ?? 0)) worst = i;
  });
  const utilization = topics[worst]?.utilization ?? 0;
  const several = plan.topics.length > 1;
  const onType = sized?.recommendation.onChosenType;
  const cheapest = sized?.recommendation.cheapest;
  const disk = plan.cluster.diskPerBrokerGiB * 2 ** 30;
  const stored = brokerLoad.busiest.storageBytes;
  const whose = several ? ` (${topic?.name ?? ''})` : '';

  return (
    <section aria-labelledby="answers-heading" id="answers" tabIndex={-1} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="answers-heading" className="sr-only">
        Answers
      </h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4 md:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" aria-busy={!current}>
        <Answer name="partitions" label={`Partitions${whose}`} value={topicNeeds?.partitions.value ?? null}>
          {topic ? formatNumber(topic.partitions, 0) : '—'} → <strong>{topicNeeds ? formatNumber(topicNeeds.partitions.value, 0) : '…'}</strong> needed
        </Answer>
        <Answer name="consumers" label={`Consumers per group${whose}`} value={topicNeeds?.consumersPerGroup.value ?? null}>
          {topic ? formatNumber(topic.consumersPerGroup, 0) : '—'} → <strong>{topicNeeds ? formatNumber(topicNeeds.consumersPerGroup.value, 0) : '…'}</strong> needed
        </Answer>
        <Answer name="brokers" label={`Brokers (${plan.brokerType})`} value={onType?.feasible ? onType.brokers : null}>
          {formatNumber(plan.cluster.brokers, 0)} → <strong>{onType ? (onType.feasible ? formatNumber(onType.brokers, 0) : 'none enough') : '…'}</strong>
          {cheapest && cheapest.brokerType !== plan.brokerType && (
            <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
              cheapest: {formatNumber(cheapest.brokers, 0)} × {cheapest.brokerType}
            </span>
          )}
        </Answer>
        <Answer name="utilization" label="Utilization at peak" value={utilization}>
          <strong className={utilization > 1 ? 'text-red-700 dark:text-red-300' : undefined}>{formatUtilization(utilization)}</strong>
          {/* Under the figure, not in the label: a label this long was cut off before the topic's name. */}
          {several && (
            <span data-testid="answer-utilization-topic" className="block truncate text-xs text-slate-600 dark:text-slate-400">
              busiest topic: {plan.topics[worst]?.name}
            </span>
          )}
        </Answer>
        <Answer name="lag-growth" label={`Lag growth per group${whose}`} value={metrics?.lagGrowthEventsPerSecPerGroup ?? 0}>
          <strong>{formatNumber(metrics?.lagGrowthEventsPerSecPerGroup ?? 0, 0)}</strong> events/s
        </Answer>
        <Answer name="storage-per-broker" label="Fullest broker's disk" value={stored}>
          <strong>{formatBytes(stored)}</strong> of {formatBytes(disk)}
        </Answer>
        <Answer name="monthly-cost" label="Monthly cost (estimate)" value={cost.monthly}>
          <strong>{formatMoney(cost.monthly)}</strong>
        </Answer>
      </dl>
    </section>
  );
}

function Answer({ name, label, value, children }: { name: string; label: string; value: number | null; children: ReactNode }) {
  return (
    <div data-testid={`answer-${name}`} data-value={value === null ? '' : String(value)} className="min-w-0">
      <dt className="truncate text-xs text-slate-600 dark:text-slate-400" title={label}>
        {label}
      </dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}
