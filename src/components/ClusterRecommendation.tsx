import type { BrokerChoice, ClusterRecommendation as ClusterRecommendationResult } from '../engine/recommend-cluster';
import { formatMoney, formatNumber } from '../lib/format';
import { usePlannerStore } from '../state/planner-store';
import { CATALOGUE_OPTIONS as OPTIONS } from '../config/broker-types';
import { recommendationNow, useClusterRecommendation } from './hooks/useClusterRecommendation';
import { usePlanAtRest } from './hooks/usePlanAtRest';

/** The cluster's broker count on the chosen type beside the cheapest type and count that pass, with each topic's counts when there are several. */
export function ClusterRecommendation() {
  // Sized once the plan stands still, in a worker: every broker type is searched, too much for each slider step.
  const settled = usePlanAtRest().plan;
  const sized = useClusterRecommendation(settled, OPTIONS);
  // Only this flag follows the sliders: the table re-renders when a new answer arrives.
  const current = usePlannerStore((state) => sized !== null && state.plan === sized.plan);
  const apply = (pick: (r: ClusterRecommendationResult) => BrokerChoice | null) => {
    const state = usePlannerStore.getState();
    const choice = pick(recommendationNow(sized, state.plan, OPTIONS));
    if (choice) state.replacePlan(choice.plan, [], state.selectedTopic);
  };
  if (!sized) {
    return (
      <div className="border-t border-slate-200 pt-2 text-sm dark:border-slate-700" data-testid="recommend-cluster" aria-busy="true">
        Sizing the cluster over every broker type…
      </div>
    );
  }
  const { plan, recommendation: r } = sized;
  const several = plan.topics.length > 1;
  return (
    // aria-busy while the figures shown are for a plan the sliders have since left (they follow once it stands still).
    <div className="space-y-2 border-t border-slate-200 pt-2 text-sm dark:border-slate-700" data-testid="recommend-cluster" aria-busy={!current}>
      <h3 className="font-medium">{several ? `The cluster of ${plan.topics.length} topics` : 'Broker type and cost'}</h3>
      {several && (
        <table className="w-full">
          <caption className="sr-only">Each topic's recommended counts, at its peak and the planned growth</caption>
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-300">
              <th scope="col" className="pr-2 font-medium">Topic</th>
              <th scope="col" className="pr-2 font-medium">Partitions now → needed</th>
              <th scope="col" className="font-medium">Consumers now → needed</th>
            </tr>
          </thead>
          <tbody>
            {r.topics.map((t, i) => (
              <tr key={plan.topics[i]?.name ?? i} data-testid={`recommend-topic-${i}`} data-value={String(t.partitions.value)}>
                <th scope="row" className="pr-2 text-left font-mono font-normal">{plan.topics[i]?.name}</th>
                <td className="pr-2 tabular-nums">
                  {formatNumber(plan.topics[i]?.partitions ?? 0, 0)} → <strong>{formatNumber(t.partitions.value, 0)}</strong>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{t.partitions.drivenBy}</span>
                </td>
                <td className="tabular-nums">
                  {formatNumber(plan.topics[i]?.consumersPerGroup ?? 0, 0)} → <strong>{formatNumber(t.consumersPerGroup.value, 0)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <ChoiceCard testId="recommend-chosen-type" title={`On ${plan.brokerType}`} choice={r.onChosenType} onApply={() => apply((fresh) => fresh.onChosenType)} />
        {r.cheapest ? (
          <ChoiceCard testId="recommend-cheapest" title="Cheapest in the catalogue" choice={r.cheapest} onApply={() => apply((fresh) => fresh.cheapest)} />
        ) : (
          <p data-testid="recommend-cheapest" data-value="">
            No broker type of the catalogue passes every broker check with up to 1,000 brokers.
          </p>
        )}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Brokers: the fewest (a multiple of the zones) with which the busiest broker stays within its network, storage throughput, disk and replica
        limits after the planned failure, at every topic&apos;s peak and {formatNumber(plan.cluster.growthFactor, 2)}× growth, with the partitions
        and consumers above. Cost at today&apos;s average rates and the catalogue&apos;s prices (AWS MSK, US East); the cheapest is searched over
        every type of the catalogue.
      </p>
    </div>
  );
}

function ChoiceCard({ testId, title, choice, onApply }: { testId: string; title: string; choice: BrokerChoice; onApply: () => void }) {
  return (
    <div data-testid={testId} data-value={String(choice.brokers)} data-type={choice.brokerType} className="rounded border border-slate-200 p-2 dark:border-slate-700">
      <p className="text-slate-600 dark:text-slate-300">{title}</p>
      <p className="font-semibold tabular-nums">
        {choice.feasible ? `${formatNumber(choice.brokers, 0)} × ${choice.brokerType}` : `more than 1,000 × ${choice.brokerType}`}
      </p>
      <p className="tabular-nums">{choice.feasible ? `${formatMoney(choice.monthly)} / month` : 'no count passes'}</p>
      <button type="button" onClick={onApply} disabled={!choice.feasible} className="mt-1 rounded bg-teal-700 px-3 py-1 text-white hover:bg-teal-800 disabled:cursor-not-allowed disabled:bg-slate-400">
        Apply
      </button>
    </div>
  );
}
