import { useMemo } from 'react';
import type { Sized } from '../engine/recommend';
import { recommendTopic } from '../engine/recommend-cluster';
import { formatNumber } from '../lib/format';
import { usePlannerStore } from '../state/planner-store';
import { ClusterRecommendation } from './ClusterRecommendation';
import { useApplyRecommendation, type AppliedField } from './hooks/useApplyRecommendation';
import { usePlanAtRest } from './hooks/usePlanAtRest';

/** "What do I need": the smallest counts that meet every check, the limit behind each, and Apply. */
export function RecommendationsPanel() {
  // Sized once the plan stands still: each sizing is a search over counts (a main-thread block
  // of several milliseconds on a large cluster) that a moving slider would redo at its next step.
  const { config } = usePlanAtRest();
  const topicCount = usePlannerStore((state) => state.plan.topics.length);
  // With several topics the brokers are the cluster's (below); this table is the selected topic's own counts.
  const several = topicCount > 1;
  const { r, unchanged, apply } = useApplyRecommendation();
  // What twice the planned growth would need, beside it: partitions cannot be reduced later.
  const doubledGrowth = Math.min(20, config.growthFactor * 2);
  const doubled = useMemo(() => recommendTopic({ ...config, growthFactor: doubledGrowth }), [config, doubledGrowth]);
  const rows: { label: string; field: AppliedField; sized: Sized; doubled: Sized }[] = [
    { label: 'Partitions', field: 'partitions', sized: r.partitions, doubled: doubled.partitions },
    { label: 'Consumers per group', field: 'consumersPerGroup', sized: r.consumersPerGroup, doubled: doubled.consumersPerGroup },
    ...(several ? [] : [{ label: 'Brokers', field: 'brokers' as const, sized: r.brokers, doubled: doubled.brokers }]),
    { label: 'Replication factor', field: 'replicationFactor', sized: r.replicationFactor, doubled: doubled.replicationFactor },
    { label: 'Min in-sync replicas', field: 'minInsyncReplicas', sized: r.minInsyncReplicas, doubled: doubled.minInsyncReplicas },
    { label: 'Availability zones', field: 'zones', sized: r.zones, doubled: doubled.zones },
  ];

  return (
    <section aria-labelledby="recommend-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="recommend-heading" className="text-lg font-semibold">
          What this traffic needs
        </h2>
        {several && <p className="w-full text-sm text-slate-600 dark:text-slate-300">The table is the selected topic; the brokers below are the cluster&apos;s.</p>}
        <button
          type="button"
          onClick={apply}
          disabled={!r.feasible || unchanged}
          className="rounded bg-teal-700 px-4 py-1.5 font-medium text-white hover:bg-teal-800 disabled:cursor-not-allowed disabled:bg-slate-400"
        >
          Apply recommendation
        </button>
      </div>
      {!r.feasible && r.problems.length > 0 && (
        <div data-testid="recommendation-problems" className="rounded border-l-4 border-red-600 bg-red-50 p-2 text-sm dark:bg-red-950">
          <p className="font-semibold">No count of partitions, consumers or brokers meets the targets:</p>
          <ul className="list-disc pl-5">
            {r.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {r.feasible && unchanged && <p className="text-sm text-emerald-700 dark:text-emerald-300">The plan already uses the smallest counts that meet every check.</p>}
      <table className="w-full text-sm">
        <caption className="sr-only">Recommended counts and the limit that drives each</caption>
        <thead>
          <tr className="text-left text-slate-600 dark:text-slate-300">
            <th scope="col" className="pr-2 font-medium">Count</th>
            <th scope="col" className="pr-2 font-medium">Now</th>
            <th scope="col" className="pr-2 font-medium">Needed{config.growthFactor > 1 ? ` at ${formatNumber(config.growthFactor, 2)}×` : ''}</th>
            <th scope="col" className="pr-2 font-medium">At {formatNumber(doubledGrowth, 2)}× growth</th>
            <th scope="col" className="font-medium">Driven by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-testid={`recommend-${row.field}`} data-value={String(row.sized.value)} className="align-top">
              <th scope="row" className="pr-2 text-left font-normal">{row.label}</th>
              <td className="pr-2 tabular-nums">{formatNumber(config[row.field], 0)}</td>
              <td className="pr-2 font-semibold tabular-nums">{formatNumber(row.sized.value, 0)}</td>
              <td data-testid={`recommend-doubled-${row.field}`} data-value={String(row.doubled.value)} className="pr-2 tabular-nums">
                {formatNumber(row.doubled.value, 0)}
              </td>
              <td className="text-slate-600 dark:text-slate-300">
                {row.sized.drivenBy}
                {row.sized.note ? <span className="block text-xs">{row.sized.note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.config.maxPollRecords !== config.maxPollRecords && (
        <p data-testid="recommend-poll" className="text-sm">
          Set max.poll.records to {formatNumber(r.config.maxPollRecords, 0)}
          {r.config.maxPollIntervalMs !== config.maxPollIntervalMs ? ` and max.poll.interval.ms to ${formatNumber(r.config.maxPollIntervalMs, 0)}` : ''} so a poll ends
          within max.poll.interval.ms.
        </p>
      )}
      {r.alternatives.length > 0 && (
        <div data-testid="recommend-alternatives" className="text-sm">
          <p className="font-medium">Cheaper than more brokers:</p>
          <ul className="list-disc pl-5">
            {r.alternatives.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <ClusterRecommendation />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Counts that keep the busiest consumer under the target utilization, the busiest broker under its network, storage throughput,
        disk and replica limits{config.plannedFailure >= 2 ? ' with one zone down' : config.plannedFailure >= 1 ? ' with one broker down' : ''},
        each partition under its throughput limit{config.latencySloMs > 0 ? ', p99 latency under the target' : ''} and acks=all writes going
        through the planned failure — sized for {formatNumber(config.growthFactor, 2)}× today&apos;s rate. Partitions are a multiple of the
        brokers and never fewer than the topic has; brokers a multiple of the zones. Limits are in the Assumptions panel; formulas in
        docs/model.md.
      </p>
    </section>
  );
}
