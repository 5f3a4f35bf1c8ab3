import type { Health, HealthFactor } from './health';
import type { ClusterPlan } from './cluster-plan';
import type { ClusterMetrics } from './compute-metrics';

/**
 * The headline, from the checks by one rule: it says the plan holds only when every check is
 * fully met (score 100); otherwise it names what falls short, worst first. Never "works" beside
 * a failing check.
 */
export interface Verdict {
  readonly kind: 'holds' | 'invalid' | 'overloaded' | 'fails' | 'falls-short';
  readonly headline: string;
  /** Checks not fully met, worst first (stable: the order of the health factors among equals). */
  readonly problems: readonly HealthFactor[];
}

/** `overloadedTopic`: in a cluster, the topic whose consumers cannot keep up (named in the headline). */
export function verdict(health: Health, utilization: number, overloadedTopic = ''): Verdict {
  const problems = health.factors.filter((f) => f.score01 < 1).sort((a, b) => a.score01 - b.score01);
  const worst = problems[0];
  if (!worst) return { kind: 'holds', headline: 'This plan holds its traffic.', problems };
  if (worst.id === 'cluster') return { kind: 'invalid', headline: 'This cluster is invalid.', problems };
  if (utilization >= 1) {
    const who = overloadedTopic ? `the consumers of ${overloadedTopic}` : 'consumers';
    return { kind: 'overloaded', headline: `This plan is overloaded: ${who} cannot keep up.`, problems };
  }
  const labels = problems.map((f) => f.label.toLowerCase());
  const list = labels.length <= 3 ? labels.join(', ') : `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`;
  return worst.score01 === 0
    ? { kind: 'fails', headline: `This plan fails: ${list}.`, problems }
    : { kind: 'falls-short', headline: `This plan falls short: ${list}.`, problems };
}

/**
 * The plan's headline as the page shows it: the cluster's checks, and the topic whose busiest
 * consumer is most loaded (the one named when a cluster of several topics is overloaded).
 */
export function planVerdict(plan: ClusterPlan, metrics: ClusterMetrics): Verdict {
  const topics = metrics.topics;
  let worst = 0;
  topics.forEach((m, i) => {
    if (m.utilization > (topics[worst]?.utilization ?? 0)) worst = i;
  });
  const utilization = topics[worst]?.utilization ?? 0;
  return verdict(metrics.health, utilization, topics.length > 1 ? (plan.topics[worst]?.name ?? '') : '');
}
