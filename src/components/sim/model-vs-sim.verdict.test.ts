import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/schema';
import { computeMetrics } from '../../engine/compute-metrics';
import type { PlanConfig } from '../../engine/plan-config';
import { createSimulation } from '../../sim/simulation';
import { viewOf } from '../../sim/snapshot-view';
import type { SimAction } from '../../sim/types';
import { makeSnapshot } from '../../test-support/sim-snapshot';
import { explainDifference } from './explain-difference';
import { EMPTY_MEASUREMENT_HISTORY, recordMeasurements, type MeasurementHistory } from './measurement-history';
import { judgeFigures, type JudgedFigure } from './model-vs-sim';

/** A real run, its history fed a snapshot every 100 ms of simulated time as the page would at 1× (20 a second: 50 ms; 100 keeps the test quick). */
function run(overrides: Partial<PlanConfig>, seed: number) {
  const config: PlanConfig = { ...DEFAULT_CONFIG, ...overrides };
  const metrics = computeMetrics(config);
  const sim = createSimulation(config, { seed });
  let history: MeasurementHistory = EMPTY_MEASUREMENT_HISTORY;
  const view = () => viewOf(sim.shape(), sim.frame());
  history = recordMeasurements(history, view());
  return {
    to(ms: number) {
      while (sim.timeMs < ms) {
        sim.advance(100);
        history = recordMeasurements(history, view());
      }
      return this;
    },
    apply(action: SimAction) {
      sim.apply(action);
      return this;
    },
    figures(): Record<string, JudgedFigure> {
      return Object.fromEntries(judgeFigures(view(), metrics, 0, history, config).map((f) => [f.name, f]));
    },
  };
}

const verdicts = (figures: Record<string, JudgedFigure>) => Object.fromEntries(Object.values(figures).map((f) => [f.name, f.verdict]));

/** ρ = 0.7 with 20 ms events: latencies near 75 ms, so the 1 ms of replication the model leaves out is inside its tolerance. */
const STEADY = { eventsPerSec: 140, partitions: 4, consumersPerGroup: 4, processingMs: 20 };
/** ρ = 0.5 with 1 ms events: latencies near 7 ms, where that 1 ms shows. */
const FAST = { eventsPerSec: 2000, partitions: 4, consumersPerGroup: 4, processingMs: 1 };

describe('model vs simulation: the run’s error and a verdict per figure', () => {
  it('an agreeing steady run agrees on every figure the model predicts, each within its error plus the tolerance (seed 7)', () => {
    const figures = run(STEADY, 7).to(120_000).figures();
    expect(verdicts(figures)).toEqual({
      time: null,
      'produced-rate': 'agrees',
      'consumed-rate': 'agrees',
      lag: null, // the model says the group keeps up: no figure to compare
      'lag-growth': 'agrees',
      'wait-mean': 'agrees',
      'wait-p50': 'agrees',
      'wait-p99': 'agrees',
      'latency-mean': 'agrees',
      'latency-p50': 'agrees',
      'latency-p99': 'agrees',
      'dead-lettered': 'agrees',
      duplicates: 'agrees',
    });
    for (const f of Object.values(figures)) {
      if (f.verdict !== 'agrees' || f.model === null) continue;
      expect(Math.abs(f.measured - f.model), f.name).toBeLessThanOrEqual((f.halfWidth ?? 0) + f.tolerance);
      expect(f.reasons).toEqual([]);
    }
    // Not vacuous: the errors are a few % of the figures, not wide enough to agree with anything.
    const produced = figures['produced-rate'] as JudgedFigure;
    expect(produced.halfWidth).toBeGreaterThan(1);
    expect((produced.halfWidth ?? Infinity) / 140).toBeLessThan(0.1);
    expect(((figures['wait-mean'] as JudgedFigure).halfWidth ?? Infinity) / 0.047).toBeLessThan(0.2);
  }, 30_000);

  it('with 1 ms events the latencies differ by the replication the model leaves out, and say so; the rest agrees (seed 7)', () => {
    const figures = run(FAST, 7).to(30_000).figures();
    for (const name of ['produced-rate', 'consumed-rate', 'lag-growth', 'wait-mean', 'wait-p50', 'wait-p99']) expect(figures[name]?.verdict, name).toBe('agrees');
    expect(figures['latency-mean']).toMatchObject({ verdict: 'differs', reasons: [expect.stringMatching(/^the run's latency includes replication \(1 ms here/)] });
    expect(figures['latency-mean']?.reasons).toHaveLength(1);
  }, 30_000);

  it('a broker killed: the produced rate differs, with the broker down and the refused writes as the reasons (seed 7)', () => {
    const r = run(FAST, 7).to(30_000);
    expect(r.figures()['produced-rate']?.verdict).toBe('agrees');
    const figures = r.apply({ type: 'broker-down', broker: 0 }).to(35_000).figures();
    const produced = figures['produced-rate'] as JudgedFigure;
    expect(produced.verdict).toBe('differs');
    expect(produced.reasons[0]).toBe('broker 0 is down; the model assumes every broker up');
    expect(produced.reasons.join(' ')).toMatch(/partitions refuse writes .*; the model assumes every partition takes writes/);
    expect(produced.reasons.join(' ')).toMatch(/producers hold back [\d,]+ events their partitions refuse; the model never holds events back/);
  }, 30_000);

  it('a consumer crashed: the consumed rate and the lag growth differ, because of the crash; the produced rate still agrees (seed 7)', () => {
    const figures = run(FAST, 7).to(30_000).apply({ type: 'consumer-crash', group: 0, consumer: 1 }).to(40_000).figures();
    expect(figures['produced-rate']?.verdict).toBe('agrees');
    for (const name of ['consumed-rate', 'lag-growth']) {
      expect(figures[name]?.verdict, name).toBe('differs');
      expect(figures[name]?.reasons, name).toEqual(['consumer 1 of group 0 crashed; the model assumes every consumer alive']);
    }
    expect(figures['lag-growth']?.measured).toBeGreaterThan(300); // the crashed consumer's partition: λ/P = 500 events/s, stalled
  }, 30_000);

  it('the error shrinks as the run grows: mean wait and latency, and the rates while their window fills (seed 3)', () => {
    const r = run(FAST, 3);
    const at = (ms: number) => r.to(ms).figures();
    const early = at(8_000);
    const later = at(30_000);
    const long = at(120_000);
    for (const name of ['wait-mean', 'latency-mean', 'wait-p99']) {
      const [a, b, c] = [early, later, long].map((f) => f[name]?.halfWidth ?? NaN);
      expect(b, name).toBeLessThan(a as number);
      expect(c, name).toBeLessThan(b as number);
      expect(c, `${name}: about 1/√t`).toBeLessThan((a as number) / 2);
    }
  }, 60_000);

  it('measuring before there is data, and until there are enough batches to know the error', () => {
    const r = run(FAST, 5);
    const fresh = r.figures();
    for (const name of ['produced-rate', 'consumed-rate', 'lag-growth', 'wait-mean', 'latency-p99']) expect(fresh[name]?.verdict, name).toBe('measuring');
    const soon = r.to(2_000).figures(); // two 1 s batches: the rates are settled, their error not known yet
    expect(soon['produced-rate']).toMatchObject({ settled: true, verdict: 'measuring', halfWidth: null });
    const later = r.to(6_000).figures();
    expect(later['produced-rate']?.verdict).toBe('agrees');
  });

  it('a group that falls behind: the unbounded model waits differ at once; the consumed rate waits for batches as long as its 50 s polls', () => {
    const r = run({}, 2).to(30_000); // the seed plan: polls of 500 events at 100 ms
    const figures = r.figures();
    expect(figures['wait-mean']).toMatchObject({ verdict: 'differs', model: Infinity });
    expect(figures['wait-mean']?.reasons.join(' ')).toMatch(/unbounded/);
    expect(figures['consumed-rate']?.verdict).toBe('measuring');
    expect(figures['lag-growth']?.verdict).toBe('measuring');
    expect(figures['produced-rate']?.verdict).toBe('agrees');
  }, 30_000);
});

describe('explainDifference: the cause in the run that the model leaves out', () => {
  const metrics = computeMetrics(DEFAULT_CONFIG);
  const figure = (name: string, measured = 10, model: number | null = 20) => ({ name, measured, model, halfWidth: 1, tolerance: 0 });

  it('names a broker down, the refused writes, the buffered events and a spike', () => {
    const view = { ...makeSnapshot({ downBrokers: [1] }), producerBuffered: 1234, spikeFactor: 3 };
    const reasons = explainDifference(figure('produced-rate'), view, { topic: 0, metrics });
    expect(reasons).toContain('broker 1 is down; the model assumes every broker up');
    expect(reasons).toContain('producers hold back 1,234 events their partitions refuse; the model never holds events back');
    expect(reasons).toContain('a traffic spike: producers send 3× the planned rate; the model uses the planned rate');
  });

  it("a rebalance and a crash explain the first group's figures; the produced rate is not theirs", () => {
    const view = makeSnapshot({ groups: [{ rebalancing: true, consumerCount: 10, aliveConsumers: 9 }] });
    const consumed = explainDifference(figure('consumed-rate'), view, { topic: 0, metrics });
    expect(consumed).toContain('group 0 is rebalancing (it consumes nothing meanwhile); the model has no rebalances');
    expect(consumed).toContain('1 consumer of group 0 crashed; the model assumes every consumer alive');
    expect(explainDifference(figure('produced-rate'), view, { topic: 0, metrics })).toEqual([]);
  });

  it('poison events explain the dead-lettered row, duplicates theirs, a replay group the waits', () => {
    const view = makeSnapshot({ groups: [{ deadLettered: 4, failedAttempts: 12, duplicates: 30 }, { kind: 'replay', topic: 0 }] });
    expect(explainDifference(figure('dead-lettered', 4, 0), view, { topic: 0, metrics })).toEqual(['poison events failed processing 12 times, 4 dead-lettered; the model assumes every event is processed once']);
    expect(explainDifference(figure('duplicates', 30, 0), view, { topic: 0, metrics })).toContain('30 events processed again after a rebalance or crash (at least once); the model counts each event once');
    expect(explainDifference(figure('wait-mean', 5, 1), view, { topic: 0, metrics }).join(' ')).toMatch(/replay group 1 reads the log from offset 0/);
  });

  it('a cause that has passed counts within the rate window, and for the whole run for the waits', () => {
    const down = makeSnapshot({ downBrokers: [2], timeMs: 10_000 });
    let history = recordMeasurements(EMPTY_MEASUREMENT_HISTORY, down);
    const upAgain = (timeMs: number) => makeSnapshot({ timeMs, measurements: { windowMs: 10_000 } });
    history = recordMeasurements(history, upAgain(15_000));
    const context = { topic: 0, metrics, history: history.topics[0] };
    expect(explainDifference(figure('produced-rate'), upAgain(15_000), context)).toEqual(['broker 2 was down 5 s ago, within the 10 s the rate is measured over; the model assumes every broker up']);
    expect(explainDifference(figure('produced-rate'), upAgain(30_000), context)).toEqual([]);
    expect(explainDifference(figure('wait-mean', 2, 1), upAgain(30_000), context)).toEqual([
      'broker 2 was down at 10 s into the run; the model assumes every broker up',
      // The hand-made snapshot's group has rebalanced once by its first snapshot: sometime between the start and then.
      'group 0 rebalanced from the start to 10 s into the run; the model has no rebalances',
    ]);
  });

  it('a run with nothing the model leaves out has no reason to give', () => {
    expect(explainDifference(figure('produced-rate'), makeSnapshot(), { topic: 0, metrics })).toEqual([]);
  });
});
