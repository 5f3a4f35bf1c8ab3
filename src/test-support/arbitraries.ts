import fc from 'fast-check';
import { repairPlan } from '../config/plan-repair';
import { PARAMS, type ParamSpec } from '../config/schema';
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
