/**
 * Bench part "sim": how fast the simulation runs, each figure beside a baseline measured in
 * the same Node process, interleaved, after a warm-up, over several rounds. Writes
 * reports/bench-parts/sim.json (scripts/bench/report.ts turns the parts into docs/benchmarks.md).
 * A benchmark, not a test: nothing here fails a build.
 */
import { DEFAULT_CONFIG } from '../../src/config/schema';
import type { PlanConfig } from '../../src/engine/plan-config';
import { EventQueue } from '../../src/sim/event-queue';
import { createRandom } from '../../src/sim/random';
import { createSimulation } from '../../src/sim/simulation';
import { median, series, startPart, type Figure } from './lib';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PENDING_EVENTS = 1_000;
const clock = startPart('sim', 'Simulation');

/** Bare event queue (the ceiling): a hold model, pop the earliest and push a successor. */
function benchHeap(operations: number): number {
  const queue = new EventQueue();
  const rng = createRandom(1);
  for (let i = 0; i < PENDING_EVENTS; i += 1) queue.push(rng.exponential(1), 1, i);
  const out = { timeMs: 0, kind: 0, a: 0, b: 0, c: 0 };
  const start = performance.now();
  for (let i = 0; i < operations; i += 1) {
    queue.pop(out);
    queue.push(out.timeMs + rng.exponential(1), 1, out.a);
  }
  return operations / ((performance.now() - start) / 1000);
}

/** Naive queue (the floor): push, sort, shift. */
function benchNaive(operations: number): number {
  const rng = createRandom(1);
  const queue: number[] = [];
  for (let i = 0; i < PENDING_EVENTS; i += 1) queue.push(rng.exponential(1));
  queue.sort((x, y) => x - y);
  const start = performance.now();
  for (let i = 0; i < operations; i += 1) {
    const t = queue.shift() as number;
    queue.push(t + rng.exponential(1));
    queue.sort((x, y) => x - y);
  }
  return operations / ((performance.now() - start) / 1000);
}

/** The full broker model: simulated events per wall-clock second and the real-time factor. */
function benchSim(config: PlanConfig, simulatedMs: number): { eventsPerSec: number; realTimeFactor: number } {
  const sim = createSimulation(config, { seed: 1 });
  const start = performance.now();
  sim.advance(simulatedMs);
  const wallMs = performance.now() - start;
  return { eventsPerSec: sim.snapshot().produced / (wallMs / 1000), realTimeFactor: simulatedMs / wallMs };
}

const LARGE: PlanConfig = { ...DEFAULT_CONFIG, eventsPerSec: 10_000_000, partitions: 1_000, consumersPerGroup: 1_000, processingMs: 0.05 };

const heap = series('Bare event queue (binary heap, 1,000 pending): the ceiling');
const naive = series('Naive queue (push, sort, shift; 1,000 pending): the floor');
const seedEvents = series('Full broker model, seed default (1,000,000 events/s, 5 partitions)');
const seedFactor = series('Seed default: simulated time ÷ wall time');
const largeEvents = series('Full broker model, 10,000,000 events/s, 1,000 partitions, 1,000 consumers');
const largeFactor = series('Large scenario: simulated time ÷ wall time');

// Warm-up: let the JIT see every path before anything is timed.
benchHeap(200_000);
benchNaive(2_000);
benchSim(DEFAULT_CONFIG, 2_000);
benchSim(LARGE, 200);

for (let round = 0; round < ROUNDS; round += 1) {
  heap.rounds.push(benchHeap(2_000_000));
  naive.rounds.push(benchNaive(20_000));
  const seed = benchSim(DEFAULT_CONFIG, 20_000);
  seedEvents.rounds.push(seed.eventsPerSec);
  seedFactor.rounds.push(seed.realTimeFactor);
  const large = benchSim(LARGE, 1_000);
  largeEvents.rounds.push(large.eventsPerSec);
  largeFactor.rounds.push(large.realTimeFactor);
}

/** A goal of at least `goal`, with how far short it is when missed. */
function atLeast(text: string, measured: number, goal: number, unit: string): { text: string; met: boolean; gap?: string } {
  return measured >= goal ? { text, met: true } : { text, met: false, gap: `${measured.toFixed(2)}${unit}, ${(goal / measured).toFixed(1)}× short` };
}

const wallClock = series('Wall-clock time (1× real time)', Array.from({ length: ROUNDS }, () => 1));
const seedMedian = median(seedFactor.rounds);
const figures: Figure[] = [
  { id: 'sim-heap', name: heap.name, unit: 'events/s', digits: 0, value: heap, baseline: naive, ratioText: '× the naive queue' },
  { id: 'sim-naive', name: naive.name, unit: 'events/s', digits: 0, value: naive, baseline: null, note: 'the floor the heap is compared with' },
  {
    id: 'sim-seed-events',
    name: seedEvents.name,
    unit: 'events/s',
    digits: 0,
    value: seedEvents,
    baseline: heap,
    ratioText: '× the bare queue',
    note: 'more than the bare queue pops, because one queue event is a record batch of up to 16 events (batch.size 16 KiB, 1 KiB events) and consumers take up to 500 events a poll',
  },
  {
    id: 'sim-seed-factor',
    name: seedFactor.name,
    unit: '× real time',
    digits: 1,
    value: seedFactor,
    baseline: wallClock,
    ratioText: '× real time',
    goal: atLeast('issue 10: the seed default at least 50× faster than real time in Node (issue 3 asked for 4×)', seedMedian, 50, '× real time'),
  },
  {
    id: 'sim-large-events',
    name: largeEvents.name,
    unit: 'events/s',
    digits: 0,
    value: largeEvents,
    baseline: heap,
    ratioText: '× the bare queue',
    goal: atLeast("issue 10: the full model's events/s at the large scenario at least 1.5× the bare event queue's", median(largeEvents.rounds) / median(heap.rounds), 1.5, '× the bare queue'),
  },
  {
    id: 'sim-large-factor',
    name: largeFactor.name,
    unit: '× real time',
    digits: 2,
    value: largeFactor,
    baseline: wallClock,
    ratioText: '× real time',
    note: 'below 1: the worker runs this scenario slower than real time and the page says so ("Running at 0.2×")',
    goal: atLeast('issue 10: 10,000,000 events/s on 1,000 partitions at least 1.5× real time in Node', median(largeFactor.rounds), 1.5, '× real time'),
  },
];

const part = clock.done(
  [
    'Simulated events are events appended to the log (each counted exactly, simulated as record batches).',
    'One core: the simulation is single-threaded. Seed default: 20 simulated seconds a round; large scenario: 1 simulated second a round.',
  ],
  figures,
  { rounds: ROUNDS },
);
console.log(`sim: ${part.seconds} s`);
