import type { SimSnapshot } from '../sim/types';

/**
 * The laws of src/sim/test/check-invariants.ts (conservation, then the measured figures) as a
 * plain function that returns what is broken instead of calling Vitest's expect, so a Playwright
 * spec can check the snapshots a page receives (e2e/soak.long.spec.ts). Same laws, same order; a
 * unit test keeps the two in step (sim-invariants.test.ts).
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
  problems.push(...measurementViolations(s));
  return problems;
}

/** The laws of the measured waits and latencies (check-invariants.ts expectMeasurementInvariants). */
export function measurementViolations(s: SimSnapshot): string[] {
  const problems: string[] = [];
  const m = s.measurements;
  const nowSeconds = s.timeMs / 1000;
  if (!(m.waitMaxSeconds <= m.latencyMaxSeconds)) problems.push(`max wait ${m.waitMaxSeconds} s > max latency ${m.latencyMaxSeconds} s`);
  if (!(m.latencyMaxSeconds <= nowSeconds)) problems.push(`max latency ${m.latencyMaxSeconds} s > simulated time ${nowSeconds} s`);
  if (!(m.waitMaxSeconds >= 0)) problems.push(`max wait ${m.waitMaxSeconds} s < 0`);
  for (const [name, p50, p99, mean, max] of [
    ['wait', m.waitP50Seconds, m.waitP99Seconds, m.waitMeanSeconds, m.waitMaxSeconds],
    ['latency', m.latencyP50Seconds, m.latencyP99Seconds, m.latencyMeanSeconds, m.latencyMaxSeconds],
  ] as const) {
    if (!(p50 <= p99)) problems.push(`${name} p50 ${p50} s > p99 ${p99} s`);
    if (!(p99 <= max)) problems.push(`${name} p99 ${p99} s > max ${max} s`);
    if (!(mean <= max * (1 + 1e-12))) problems.push(`${name} mean ${mean} s > max ${max} s`);
  }
  if (m.latencySamples !== m.waitSamples) problems.push(`latency samples ${m.latencySamples} ≠ wait samples ${m.waitSamples}`);
  const measuredOnce = s.groups.reduce((sum, g) => sum + g.processed - g.duplicates, 0);
  if (m.waitSamples !== measuredOnce) problems.push(`wait samples ${m.waitSamples} ≠ Σ groups (processed − duplicates) ${measuredOnce}`);
  for (const g of s.groups) {
    const once = g.processed - g.duplicates;
    if (!(once >= g.consumed)) problems.push(`group ${g.id}: processed − duplicates ${once} < consumed ${g.consumed}`);
    if (!(once <= g.consumed + g.lag + g.expired)) problems.push(`group ${g.id}: processed − duplicates ${once} > consumed + lag + expired ${g.consumed + g.lag + g.expired}`);
    if (g.consumers.length === g.consumerCount) {
      const sum = g.consumers.reduce((total, c) => total + c.processed, 0);
      if (sum !== g.processed) problems.push(`group ${g.id}: Σ consumers' processed ${sum} ≠ processed ${g.processed}`);
    }
  }
  return problems;
}
