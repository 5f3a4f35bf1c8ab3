import fc from 'fast-check';
import { repairPlan } from '../config/plan-repair';
import { PARAMS, type ParamSpec } from '../config/schema';
import { clusterOf, topicOf, type ClusterPlan } from '../engine/cluster-plan';
import type { PlanConfig } from '../engine/plan-config';

/** Any value in a parameter's range: log-uniform over decades, plus the bounds themselves. */
export function paramValue(spec: ParamSpec): fc.Arbitrary<number> {
  const inRange = spec.integer
    ? fc.integer({ min: spec.min, max: spec.max })
    : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
  const logUniform = fc
    .double({ min: Math.log(spec.min), max: Math.log(spec.max), noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(Math.exp(x)) : Math.exp(x))));
  return fc.oneof(inRange, logUniform, fc.constantFrom(spec.min, spec.max, spec.defaultValue));
}

/** Any valid plan over the whole input ranges (min ISR ≤ rf and zones ≤ brokers, as every reader repairs it). */
export const planConfig: fc.Arbitrary<PlanConfig> = fc
  .record(Object.fromEntries(PARAMS.map((spec) => [spec.field, paramValue(spec)])) as Record<keyof PlanConfig, fc.Arbitrary<number>>)
  .map((config) => repairPlan(config).config);

/** Any valid cluster of 1 … `maxTopics` topics with legal, unique names; each topic's inputs over the whole ranges. */
export function clusterPlanArbitrary(maxTopics = 6): fc.Arbitrary<ClusterPlan> {
  return fc
    .tuple(planConfig, fc.array(planConfig, { minLength: 1, maxLength: maxTopics }), fc.constantFrom('kafka.m5.2xlarge', 'custom'))
    .map(([cluster, topics, brokerType]) => {
      const settings = clusterOf(cluster);
      return {
        cluster: settings,
        topics: topics.map((t, i) => topicOf(repairPlan({ ...t, ...settings }).config, `topic-${i}`)),
        brokerType,
      };
    });
}
