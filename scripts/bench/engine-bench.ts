/**
 * Bench part "engine": computeMetrics calls per second and the charts' sensitivity sweep
 * (src/lib/charts/sensitivity.ts `sweep`), each beside JSON.stringify of the same config in the
 * same Node process, interleaved, after a warm-up, over several rounds.
 *
 * Why JSON.stringify(config) as the baseline: it reads every field of the same plan and builds
 * a string, a fixed, well-known amount of work that V8 cannot optimise away or fold into a
 * constant, and that scales with the machine the way computeMetrics does (property reads,
 * number formatting, allocation). A trivial pure function (say the sum of the fields) costs a
 * few nanoseconds after the JIT inlines it, so its ratio would mostly measure loop overhead and
 * timer noise. The ratio reads "computeMetrics costs as much as N JSON.stringify calls".
 */
import { DEFAULT_CONFIG, PARAMS } from '../../src/config/schema';
import { PRESETS } from '../../src/config/presets';
import { computeMetrics } from '../../src/engine/compute-metrics';
import type { PlanConfig } from '../../src/engine/plan-config';
import { sweep, sweepValues, type SweepInput } from '../../src/lib/charts/sensitivity';
import { median, series, startPart, type Figure } from './lib';

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
];

const part = clock.done(
  [
    `Each round runs every variant for about ${SLICE_MS} ms of wall time, interleaved; results feed a sink so nothing is optimised away.`,
    'Baseline: JSON.stringify of the same config (see scripts/bench/engine-bench.ts for why), in the same process.',
  ],
  figures,
  { rounds: ROUNDS, sweepPoints: POINTS, sink: sink % 1000 },
);
console.log(`engine: ${part.seconds} s`);
