import type { Health, HealthFactor, HealthFactorId } from './health';

/** Checks that belong to one topic; the rest (broker limits, zones, page cache) are the cluster's and the same for every topic. */
const TOPIC_CHECKS: ReadonlySet<HealthFactorId> = new Set(['cluster', 'availability', 'consumers', 'hot-key', 'poll-liveness', 'partition-throughput', 'latency-slo', 'redundancy', 'idle-consumers']);

export function isTopicCheck(id: HealthFactorId): boolean {
  return TOPIC_CHECKS.has(id);
}
/** Checks made at the peak rate. */
const PEAK_CHECKS: ReadonlySet<HealthFactorId> = new Set(['consumers', 'hot-key', 'partition-throughput', 'latency-slo', 'broker-network', 'broker-disk']);

/**
 * The cluster's checks from its topics': each check as the topic that does worst on it (the first
 * among equals), named after that topic when there are several ("orders: consumer capacity at
 * peak"). The score is floor(100 × the lowest), as for one topic.
 */
export function clusterHealth(topics: readonly Health[], names: readonly string[], peakFactors: readonly number[]): Health {
  const first = topics[0];
  if (!first) throw new Error('a cluster has at least one topic');
  const several = topics.length > 1;
  const anyPeak = peakFactors.some((p) => p !== 1);
  if (!several && !anyPeak) return first;
  const factors = first.factors.map((_, k): HealthFactor => {
    let worst = 0;
    for (let t = 1; t < topics.length; t += 1) {
      if (((topics[t] as Health).factors[k] as HealthFactor).score01 < ((topics[worst] as Health).factors[k] as HealthFactor).score01) worst = t;
    }
    const factor = (topics[worst] as Health).factors[k] as HealthFactor;
    // A topic is named only where it falls short: a check every topic meets is the cluster's.
    const perTopic = TOPIC_CHECKS.has(factor.id) && factor.score01 < 1;
    const atPeak = PEAK_CHECKS.has(factor.id) && (perTopic ? (peakFactors[worst] ?? 1) !== 1 : anyPeak);
    const label = `${several && perTopic ? `${names[worst]}: ` : ''}${several && perTopic ? factor.label.toLowerCase() : factor.label}${atPeak ? ' at peak' : ''}`;
    if (label === factor.label) return factor;
    return several && perTopic ? { ...factor, label, finding: `${names[worst]}: ${factor.finding}` } : { ...factor, label };
  });
  const binding = factors.reduce((lowest, factor) => (factor.score01 < lowest.score01 ? factor : lowest));
  return { score: Math.floor(100 * binding.score01 + 1e-9), binding, factors };
}
