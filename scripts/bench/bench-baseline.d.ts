/**
 * '@bench-baseline/compute-metrics': the engine of before c7da893 (commit 500fdeb by default),
 * which scripts/bench/run.mjs reads from git into node_modules/.cache/bench and aliases here for
 * the engine part (scripts/bench/engine-bench.ts). Nothing of it is in the working tree, so it is
 * typed loosely: only what the bench reads.
 */
declare module '@bench-baseline/compute-metrics' {
  /** The commit asked for, e.g. "500fdeb". */
  export const commit: string;
  /** Its full hash, or null when git did not find it. */
  export const hash: string | null;
  /** Why there is no baseline engine (no git, commit not in the checkout), or null when there is one. */
  export const missing: string | null;
  /** That commit's computeMetrics (its PlanConfig has `headroomOneBrokerDown`, not `plannedFailure`), or null when missing. */
  export const computeMetrics: ((config: object) => { readonly utilization: number; readonly brokerLoad: { readonly brokersCounted: number } }) | null;
}
