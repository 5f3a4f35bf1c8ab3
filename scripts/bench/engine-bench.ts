/**
 * Bench part "engine": computeMetrics calls per second and the charts' sensitivity sweep
 * (src/charts/sensitivity.ts `sweep`), each beside JSON.stringify of the same config in the
 * same Node process, interleaved, after a warm-up, over several rounds.
 *
 * Why JSON.stringify(config) as the baseline: it reads every field of the same plan and builds
 * a string, a fixed, well-known amount of work that V8 cannot optimise away or fold into a
 * constant, and that scales with the machine the way computeMetrics does (property reads,
 * number formatting, allocation). A trivial pure function (say the sum of the fields) costs a
 * few nanoseconds after the JIT inlines it, so its ratio would mostly measure loop overhead and
 * timer noise. The ratio reads "computeMetrics costs as much as N JSON.stringify calls".
 *
 * Then computeMetrics at the largest plan the sliders reach (10,000 partitions, 1,000 brokers,
 * 10,000 consumers) beside the engine of before c7da893's rewrite (commit 500fdeb, read from git by
 * scripts/bench/run.mjs; '@bench-baseline/compute-metrics') on the same plans: that rewrite places
 * every replica (src/engine/placement.ts, O(P·R)) and finds the busiest broker after every failure
 * case (src/engine/broker-limits.ts). placement.ts keeps the last placement, so two ways a slider
 * moves are measured: the event rate changing call to call (placement reused) and partitions
 * alternating 10,000 / 9,999 (placed afresh every call).
 */
import { DEFAULT_CONFIG, PARAMS } from '../../src/config/schema';
import { PRESETS } from '../../src/config/presets';
import { clusterOf, singleTopicPlan, topicOf, type ClusterPlan } from '../../src/engine/cluster-plan';
import { computeClusterMetrics, computeMetrics } from '../../src/engine/compute-metrics';
import type { PlanConfig } from '../../src/engine/plan-config';
import { sweep, sweepValues, type SweepInput } from '../../src/charts/sensitivity';
import * as baselineEngine from '@bench-baseline/compute-metrics';
import { median, series, startPart, type Figure, type Series } from './lib';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Wall time each variant runs for in one round. */
const SLICE_MS = Number(process.env.BENCH_ENGINE_SLICE_MS ?? 300);
const clock = startPart('engine', 'Engine');

// Every preset (the seed default first): the JIT sees varied plans, as the app does.
const CONFIGS: readonly PlanConfig[] = PRESETS.map((p) => p.config);
const PARTITIONS = PARAMS.find((p) => p.name === 'partitions') as SweepInput;
// The sensitivity chart's default view: utilization against partitions, every other input as now.
const utilization = (m: ReturnType<typeof computeMetrics>) => m.utilization;
const POINTS = sweepValues(PARTITIONS, DEFAULT_CONFIG).length;

let sink = 0;

/** Calls `fn` on the configs in turn for about `sliceMs`; returns calls per second. */
function rate(fn: (config: PlanConfig) => number, sliceMs = SLICE_MS, batch = 64): number {
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < sliceMs) {
    // Check the clock every `batch` calls: performance.now() is not free next to a 1 µs call.
    for (let i = 0; i < batch; i += 1) sink += fn(CONFIGS[(calls + i) % CONFIGS.length] as PlanConfig);
    calls += batch;
    now = performance.now();
  }
  return calls / ((now - start) / 1000);
}

const stringify = (config: PlanConfig) => JSON.stringify(config).length;
const metrics = (config: PlanConfig) => computeMetrics(config).utilization;
/** One whole sweep on the seed default (the chart's default view), counted as one call. */
const sweepOnce = () => {
  const points = sweep(DEFAULT_CONFIG, PARTITIONS, utilization);
  return points.length + (points[0]?.y ?? 0);
};
/** The baseline of a sweep: as many JSON.stringify calls as the sweep has points. */
const stringifyBatch = (config: PlanConfig) => {
  let n = 0;
  for (let i = 0; i < POINTS; i += 1) n += JSON.stringify(config).length;
  return n;
};

const stringifyRate = series('JSON.stringify(config) calls per second');
const metricsRate = series('computeMetrics calls per second (the 8 presets in turn)');
const sweepRate = series(`Sensitivity sweeps per second (utilization against partitions, ${POINTS} points, seed default)`);
const batchRate = series(`Batches of ${POINTS} JSON.stringify(config) calls per second`);

// Warm-up: every path, then timed rounds with the variants interleaved.
for (let i = 0; i < 2; i += 1) {
  rate(stringify, 100);
  rate(metrics, 100);
  rate(() => sweepOnce(), 100, 1);
  rate(stringifyBatch, 100, 1);
}
for (let round = 0; round < ROUNDS; round += 1) {
  stringifyRate.rounds.push(rate(stringify));
  metricsRate.rounds.push(rate(metrics));
  batchRate.rounds.push(rate(stringifyBatch, SLICE_MS, 1));
  sweepRate.rounds.push(rate(() => sweepOnce(), SLICE_MS, 1));
}

// computeMetrics at the largest plan, beside the 500fdeb engine.
const SLIDER_STEP_MS = 16;
/** The plan as both engines read it: today's fields and 500fdeb's `headroomOneBrokerDown` (1 = one broker down). */
type BothPlans = PlanConfig & { readonly headroomOneBrokerDown: number };
const LARGEST: BothPlans = {
  ...DEFAULT_CONFIG,
  partitions: 10_000,
  brokers: 1_000,
  zones: 3,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  consumersPerGroup: 10_000,
  plannedFailure: 1,
  headroomOneBrokerDown: 1,
};
const LARGE_PLANS = [
  { key: 'broker', label: 'rf 3, one broker down', plan: LARGEST },
  // 500fdeb knows no zones: its closest check is one broker down (headroomOneBrokerDown 1).
  { key: 'zone', label: 'rf 3, one zone down', plan: { ...LARGEST, plannedFailure: 2 } },
  { key: 'rf7', label: 'rf 7, one broker down', plan: { ...LARGEST, replicationFactor: 7 } },
] as const;
/** Calls in a row never see the same plan: the event rate steps by 0.1 % (a slider moving the rate). */
const VARIANTS = 16;
const rateVarying = (plan: BothPlans): BothPlans[] =>
  Array.from({ length: VARIANTS }, (_, i) => ({ ...plan, eventsPerSec: plan.eventsPerSec * (1 + i / 1000) }));
/** …and also partitions alternating 10,000 / 9,999 (a slider moving partitions: placed afresh every call). */
const partitionsAlternating = (plan: BothPlans): BothPlans[] =>
  rateVarying(plan).map((p, i) => ({ ...p, partitions: i % 2 ? plan.partitions - 1 : plan.partitions }));
const baselineMetrics = baselineEngine.computeMetrics;
const newCall = (config: BothPlans) => {
  const m = computeMetrics(config);
  return m.utilization + m.brokerLoad.brokersCounted;
};
const baselineCall = baselineMetrics
  ? (config: BothPlans) => {
      const m = baselineMetrics(config);
      return m.utilization + m.brokerLoad.brokersCounted;
    }
  : null;

/**
 * Calls `fn` on `plans` in turn for about `sliceMs`, one call per clock read; ms per call, and the
 * slowest call. One untimed call on the last plan first, so the first timed call finds the
 * placement cache as every later one does (the previous variant left another placement there).
 */
function msPerCall(fn: (config: BothPlans) => number, plans: readonly BothPlans[], sliceMs = SLICE_MS): { mean: number; max: number; calls: number } {
  sink += fn(plans[plans.length - 1] as BothPlans);
  let calls = 0;
  let max = 0;
  const start = performance.now();
  let now = start;
  while (now - start < sliceMs) {
    sink += fn(plans[calls % plans.length] as BothPlans);
    calls += 1;
    const t = performance.now();
    max = Math.max(max, t - now);
    now = t;
  }
  return { mean: (now - start) / calls, max, calls };
}

interface LargeCase {
  readonly id: string;
  readonly name: string;
  readonly plans: readonly BothPlans[];
  readonly value: Series;
  readonly baseline: Series;
  readonly maxMs: number[];
  readonly calls: number[];
}
const largeCases: LargeCase[] = LARGE_PLANS.flatMap(({ key, label, plan }) =>
  [
    { cached: true, what: 'event rate varying (placement reused)', plans: rateVarying(plan) },
    { cached: false, what: 'partitions alternating 10,000 / 9,999 (placed every call)', plans: partitionsAlternating(plan) },
  ].map(({ cached, what, plans }) => {
    const name = `computeMetrics at the largest plan (10,000 partitions, 1,000 brokers, 3 zones, ${label}, min ISR 2, 10,000 consumers), ${what}, ms per call`;
    return {
      id: `engine-largest-${key}-${cached ? 'rate' : 'partitions'}-ms`,
      name,
      plans,
      value: series(name),
      baseline: series(`The ${baselineEngine.commit} engine's computeMetrics on the same plans, ms per call`),
      maxMs: [],
      calls: [],
    };
  }),
);
for (let i = 0; i < 2; i += 1) {
  for (const c of largeCases) {
    msPerCall(newCall, c.plans, 100);
    if (baselineCall) msPerCall(baselineCall, c.plans, 100);
  }
}
for (let round = 0; round < ROUNDS; round += 1) {
  for (const c of largeCases) {
    // Interleaved, the order swapped every round so neither engine always runs first.
    const runNew = () => {
      const r = msPerCall(newCall, c.plans);
      c.value.rounds.push(r.mean);
      c.maxMs.push(r.max);
      c.calls.push(r.calls);
    };
    const runBaseline = () => {
      if (baselineCall) c.baseline.rounds.push(msPerCall(baselineCall, c.plans).mean);
    };
    if (round % 2) {
      runBaseline();
      runNew();
    } else {
      runNew();
      runBaseline();
    }
  }
}
// A 50-topic cluster of 10,000 partitions in all beside one topic of 10,000 on the same brokers.
const CLUSTER_TOPICS = 50;
const oneTopicPlans = rateVarying(LARGEST).map((config) => singleTopicPlan(config));
const fiftyTopicPlans = rateVarying(LARGEST).map((config) => ({
  cluster: clusterOf(config),
  topics: Array.from({ length: CLUSTER_TOPICS }, (_, i) =>
    topicOf({ ...config, partitions: config.partitions / CLUSTER_TOPICS, consumersPerGroup: config.consumersPerGroup / CLUSTER_TOPICS, eventsPerSec: config.eventsPerSec / CLUSTER_TOPICS }, `topic-${i}`),
  ),
  brokerType: 'custom',
}));
const clusterCall = (plan: ClusterPlan) => {
  const m = computeClusterMetrics(plan);
  return m.health.score + m.brokerLoad.brokersCounted;
};
const clusterMs = (plans: readonly ClusterPlan[]) => msPerCall((config) => clusterCall(config as unknown as ClusterPlan), plans as unknown as BothPlans[]).mean;
const oneTopicSeries = series(`computeClusterMetrics, one topic of 10,000 partitions (the largest plan), ms per call`);
const fiftyTopicSeries = series(`computeClusterMetrics, a 50-topic cluster of 10,000 partitions in all (200 each, the largest plan's rate shared), ms per call`);
clusterMs(oneTopicPlans);
clusterMs(fiftyTopicPlans);
for (let round = 0; round < ROUNDS; round += 1) {
  const one = () => oneTopicSeries.rounds.push(clusterMs(oneTopicPlans));
  const fifty = () => fiftyTopicSeries.rounds.push(clusterMs(fiftyTopicPlans));
  if (round % 2) {
    fifty();
    one();
  } else {
    one();
    fifty();
  }
}
const fiftyRatio = median(fiftyTopicSeries.rounds) / median(oneTopicSeries.rounds);

const goalAtMost = (text: string, value: number, limit: number, unit: string): Figure['goal'] =>
  value <= limit ? { text, met: true } : { text, met: false, gap: `${(value - limit).toFixed(1)} ${unit} over (${(value / limit).toFixed(1)}× the limit)` };
const largeFigures: Figure[] = largeCases.map((c) => {
  const ms = median(c.value.rounds);
  return {
    id: c.id,
    name: c.name,
    unit: 'ms',
    digits: 3,
    value: c.value,
    baseline: baselineCall ? c.baseline : null,
    ratioText: `× the ${baselineEngine.commit} engine`,
    goal: goalAtMost(`≤ ${SLIDER_STEP_MS} ms (a slider step)`, ms, SLIDER_STEP_MS, 'ms'),
    note: [
      `${median(c.calls)} calls a round (median); the slowest single call ${Math.max(...c.maxMs).toFixed(1)} ms over all rounds`,
      baselineCall ? null : `no baseline: ${baselineEngine.missing}`,
    ]
      .filter(Boolean)
      .join('; '),
  };
});

const msPer = (s: { name: string; rounds: number[] }, name: string) => series(name, s.rounds.map((r) => 1000 / r));
const sweepMs = msPer(sweepRate, `Sensitivity sweep, ms per sweep (${POINTS} points)`);
const batchMs = msPer(batchRate, `${POINTS} JSON.stringify(config) calls, ms`);
const metricsUs = series('computeMetrics, µs per call', metricsRate.rounds.map((r) => 1e6 / r));
const stringifyUs = series('JSON.stringify(config), µs per call', stringifyRate.rounds.map((r) => 1e6 / r));

const figures: Figure[] = [
  { id: 'engine-metrics-rate', name: metricsRate.name, unit: 'calls/s', digits: 0, value: metricsRate, baseline: stringifyRate, ratioText: '× the JSON.stringify rate' },
  { id: 'engine-metrics-us', name: metricsUs.name, unit: 'µs', digits: 2, value: metricsUs, baseline: stringifyUs, ratioText: '× a JSON.stringify call' },
  { id: 'engine-sweep-rate', name: sweepRate.name, unit: 'sweeps/s', digits: 0, value: sweepRate, baseline: batchRate, ratioText: `× the rate of ${POINTS}-call JSON.stringify batches` },
  {
    id: 'engine-sweep-ms',
    name: sweepMs.name,
    unit: 'ms',
    digits: 2,
    value: sweepMs,
    baseline: batchMs,
    ratioText: `× ${POINTS} JSON.stringify calls`,
    note: `the chart computes the same points in 6 ms slices once the plan has stood still for 400 ms (src/components/charts/useSweep.ts), so a sweep of ${median(sweepMs.rounds).toFixed(1)} ms is ${Math.ceil(median(sweepMs.rounds) / 6)} slice(s)`,
  },
  ...largeFigures,
  {
    id: 'engine-cluster-50-topics-ms',
    name: fiftyTopicSeries.name,
    unit: 'ms',
    digits: 3,
    value: fiftyTopicSeries,
    baseline: oneTopicSeries,
    ratioText: '× one topic of the same 10,000 partitions',
    goal: fiftyRatio <= 5 ? { text: '≤ 5× the one-topic plan', met: true } : { text: '≤ 5× the one-topic plan', met: false, gap: `${fiftyRatio.toFixed(2)}×, ${(fiftyRatio - 5).toFixed(2)} over` },
    note: `1,000 brokers over 3 zones, rf 3, one broker down; the event rate steps by 0.1 % call to call; ${median(fiftyTopicSeries.rounds) <= SLIDER_STEP_MS ? 'within' : 'over'} one slider step (${SLIDER_STEP_MS} ms)`,
  },
];
const baselineText = baselineCall
  ? `the engine of commit ${baselineEngine.commit} (${baselineEngine.hash?.slice(0, 12)})${baselineEngine.commit === '500fdeb' ? ", before c7da893's rewrite" : ''}: its src/engine read from git by scripts/bench/run.mjs into node_modules/.cache/bench and bundled beside today's, in the same process`
  : `missing in this run (${baselineEngine.missing}), so those figures have no ratio`;

const part = clock.done(
  [
    `Each round runs every variant for about ${SLICE_MS} ms of wall time, interleaved; results feed a sink so nothing is optimised away.`,
    'Baseline: JSON.stringify of the same config (see scripts/bench/engine-bench.ts for why), in the same process.',
    `computeMetrics at the largest plan the sliders reach (10,000 partitions, 1,000 brokers over 3 zones, min ISR 2, 10,000 consumers per group, every other input the seed default): rf 3 with one broker down, rf 3 with one zone down, rf 7 with one broker down; each plan as today's fields plus 500fdeb's headroomOneBrokerDown 1 (that engine knows no zones, so one broker down is its check for the zone case too). The event rate steps by 0.1 % call to call, so no two calls in a row see the same plan; src/engine/placement.ts keeps the last placement, so a slider moving the rate reuses it while one moving partitions does not: measured both ways, the second with partitions alternating 10,000 / 9,999. One call per clock read (after one untimed call, so the cache is as a moving slider finds it), for about ${SLICE_MS} ms a variant, today's engine and the baseline interleaved (the order swapped every round), after a warm-up; the goal is one slider step, ${SLIDER_STEP_MS} ms.`,
    `Baseline of those: ${baselineText}.`,
  ],
  figures,
  { rounds: ROUNDS, sweepPoints: POINTS, sink: sink % 1000, baselineEngine: { commit: baselineEngine.commit, hash: baselineEngine.hash, missing: baselineEngine.missing } },
);
console.log(`engine: ${part.seconds} s`);
