import type { Metrics } from '../engine/compute-metrics';
import type { MetricEntry, MetricKind } from '../engine/metric-catalog';
import type { PlanConfig } from '../engine/plan-config';
import { countOf, formatByteRate, formatBytes, formatBytesIn, formatDuration, formatNumber, formatUtilization } from '../lib/format';

/** The headline text of a metric value, by the kind of its base unit. */
export function formatMetric(kind: MetricKind, value: number): string {
  switch (kind) {
    case 'events/s':
      return `${formatNumber(value, 2)} events/s`;
    case 'count':
      return formatNumber(value, 0);
    case 'ratio':
      return formatUtilization(value);
    case 'bytes/s':
      return formatByteRate(value);
    case 'bytes':
      return formatBytes(value);
    case 'seconds':
      return formatDuration(value);
    case 'score':
      return `${formatNumber(value, 0)}/100`;
  }
}

/** A second line with the context a planner asks for next. */
export function metricDetail(entry: MetricEntry, m: Metrics, config: PlanConfig): string {
  const perGroup = config.consumerGroups === 1 ? '' : ` × ${config.consumerGroups} groups = ${formatNumber(m.lagGrowthEventsPerSecAllGroups, 2)} events/s`;
  switch (entry.name) {
    case 'active-consumers':
      return `of ${formatNumber(config.consumersPerGroup, 0)} per group; ${formatNumber(m.idleConsumers, 0)} idle`;
    case 'events-per-consumer':
      return m.partitionsOfBusiestConsumer === m.partitionsOfLightestConsumer
        ? `each owns ${formatNumber(m.partitionsOfBusiestConsumer, 0)} partition${m.partitionsOfBusiestConsumer === 1 ? '' : 's'}`
        : `busiest: ${formatNumber(m.busiestConsumerEventsPerSec, 2)} events/s on ${countOf(m.partitionsOfBusiestConsumer, 'partition')}`;
    case 'group-capacity':
      return `μ = ${formatNumber(m.serviceRatePerConsumer, 3)} events/s per consumer`;
    case 'lag-growth':
      return m.lagGrowthEventsPerSecPerGroup > 0 ? `per group, and growing${perGroup}` : 'every consumer keeps up';
    case 'storage-logical':
    case 'storage':
    case 'broker-storage':
      return `= ${formatBytesIn(entry.value(m), 'GiB')} over ${formatNumber(config.retentionHours, 2)} h`;
    case 'latency':
      return m.latency.bounded
        ? `p50 ${formatDuration(m.latency.p50Seconds)}, p99 ${formatDuration(m.latency.p99Seconds)}`
        : 'lag grows without bound';
    case 'score':
      return m.health.binding.score01 < 1 ? `limited by: ${m.health.binding.label.toLowerCase()}` : 'no check limits it';
    default:
      return '';
  }
}
