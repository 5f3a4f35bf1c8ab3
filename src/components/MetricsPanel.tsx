import { METRIC_CATALOG, type MetricEntry } from '../engine/metric-catalog';
import { metricsOfSelected } from '../state/planner-store';
import { usePlanInTransition } from './hooks/usePlanInTransition';
import { MetricCard } from './MetricCard';

const GROUPS: readonly { title: string; names: readonly string[] }[] = [
  { title: 'Consumers and lag', names: ['total-events', 'active-consumers', 'events-per-consumer', 'hot-partition-events', 'group-capacity', 'utilization', 'lag-growth', 'latency', 'replay-time'] },
  { title: 'Network', names: ['ingress', 'partition-ingress', 'replication', 'egress', 'broker-network-in', 'broker-network-out'] },
  { title: 'Storage and brokers', names: ['storage-logical', 'storage', 'broker-storage', 'broker-replicas'] },
  {
    title: 'Busiest broker, from the placement',
    names: ['broker-network-in-max', 'broker-network-out-max', 'broker-disk-write-max', 'broker-storage-max', 'storage-on-disk-max'],
  },
  { title: 'After the planned failure', names: ['failover-network-in-max', 'failover-network-out-max', 'failover-disk-io-max', 'failover-storage-max'] },
  { title: 'Reads and clients', names: ['disk-reads', 'page-cache-window', 'poll-batch-time', 'rebalance-time'] },
];

const BY_NAME = new Map(METRIC_CATALOG.map((entry) => [entry.name, entry]));
const entriesFor = (names: readonly string[]) => names.map((name) => BY_NAME.get(name)).filter((e): e is MetricEntry => !!e);

export function MetricsPanel() {
  const shown = usePlanInTransition();
  const { config, plan, selectedTopic: selected } = shown;
  const metrics = metricsOfSelected(shown);
  // With several topics the cards are the selected topic's; broker figures are always the cluster's.
  const topic = plan.topics.length > 1 ? `${plan.topics[selected]?.name}: ` : '';
  return (
    <>
      {plan.topics.length > 1 && (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="metrics-topic">
          The cards below are topic “{plan.topics[selected]?.name}” (select another in Topics); busiest-broker and failover figures are the whole cluster’s.
        </p>
      )}
      {GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title} className="space-y-2">
          <h2 className="text-lg font-semibold">
            {group.title.startsWith('Busiest') || group.title.startsWith('After') ? group.title : `${topic}${group.title}`}
          </h2>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {entriesFor(group.names).map((entry) => (
              <MetricCard key={entry.name} entry={entry} metrics={metrics} config={config} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
