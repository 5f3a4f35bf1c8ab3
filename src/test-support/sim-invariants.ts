import type { SimSnapshot } from '../sim/types';

/**
 * The conservation laws of src/sim/test/check-invariants.ts as a plain function that returns
 * what is broken instead of calling Vitest's expect, so a Playwright spec can check the
 * snapshots a page receives (e2e/soak.long.spec.ts). Same laws, same order; a unit test keeps
 * the two in step (sim-invariants.test.ts).
 */
export function invariantViolations(s: SimSnapshot): string[] {
  const problems: string[] = [];
  const logEnds = s.partitions.reduce((sum, p) => sum + p.logEndOffset, 0);
  if (logEnds !== s.produced) problems.push(`Σ logEndOffset ${logEnds} ≠ produced ${s.produced}`);
  for (const p of s.partitions) {
    if (!(p.highWatermark <= p.logEndOffset)) problems.push(`partition ${p.id}: hw ${p.highWatermark} > leo ${p.logEndOffset}`);
    if (!(p.logStartOffset <= p.highWatermark)) problems.push(`partition ${p.id}: log start ${p.logStartOffset} > hw ${p.highWatermark}`);
  }
  for (const g of s.groups) {
    if (!(g.lag >= 0)) problems.push(`group ${g.id}: lag ${g.lag} < 0`);
    const sum = g.consumed + g.lag + g.deadLettered + g.expired;
    if (sum !== s.produced) problems.push(`group ${g.id}: consumed + lag + deadLettered + expired = ${sum} ≠ produced ${s.produced}`);
    g.partitionLag.forEach((lag, i) => {
      if (!(lag >= 0)) problems.push(`group ${g.id} partition ${i}: lag ${lag} < 0`);
    });
  }
  const dlq = s.groups.reduce((sum, g) => sum + g.deadLettered, 0);
  if (s.deadLetterQueue !== dlq) problems.push(`dead-letter queue ${s.deadLetterQueue} ≠ Σ deadLettered ${dlq}`);
  return problems;
}
