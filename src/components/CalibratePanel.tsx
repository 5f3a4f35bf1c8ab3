import { useId, useState } from 'react';
import { calibratePlan, calibrationOf, type CalibrationStep } from '../config/calibration';
import { usePlannerStore } from '../state/planner-store';

type Outcome = { readonly ok: true; readonly steps: readonly CalibrationStep[] } | { readonly ok: false; readonly error: string };

const FIELD = 'mt-1 w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950';

function StepList({ steps, testId }: { steps: readonly CalibrationStep[]; testId: string }) {
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid={testId}>
      {steps.map((s) => (
        <li key={s.param} data-param={s.param} data-value={String(s.value)}>
          {s.label}: <strong className="font-medium">{s.valueText}</strong> — from {s.from}
        </li>
      ))}
    </ul>
  );
}

/** What the plan was calibrated from, and which of the values it set have been changed since. */
function CalibrationRecord() {
  // Only a calibrated plan re-renders this at each slider step (an uncalibrated one selects null throughout).
  const plan = usePlannerStore((state) => (state.plan.calibration ? state.plan : null));
  const record = plan?.calibration;
  const read = plan && calibrationOf(plan);
  if (!record || !read) return null;
  return (
    <div data-testid="calibration-record" className="mt-2 rounded bg-slate-50 p-2 text-sm dark:bg-slate-800">
      <p>
        This plan is calibrated from kafka-producer-perf-test{record.consumer ? ' and kafka-consumer-perf-test' : ''} (a test topic of {record.testPartitions}{' '}
        partition{record.testPartitions === 1 ? '' : 's'}; it set the event size of topic “{record.topic}”):
      </p>
      <p className="mt-1 break-all font-mono text-xs">{record.producer}</p>
      {record.consumer && <p className="mt-1 break-all font-mono text-xs">{record.consumer}</p>}
      <StepList steps={read.steps} testId="calibration-steps" />
      {read.changed.length > 0 && <p data-testid="calibration-changed">Changed by hand since: {read.changed.map((s) => s.label.toLowerCase()).join(', ')}.</p>}
    </div>
  );
}

/**
 * Calibrate from the team's own brokers: paste kafka-producer-perf-test's output (and, optionally,
 * kafka-consumer-perf-test's); the event size, partition limit and produce latency floor follow,
 * each shown with the numbers it came from. Output that does not read changes nothing, said.
 */
export function CalibratePanel() {
  const id = useId();
  const [producerText, setProducerText] = useState('');
  const [consumerText, setConsumerText] = useState('');
  const [partitionsText, setPartitionsText] = useState('1');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const topicName = usePlannerStore((state) => state.plan.topics[state.selectedTopic]?.name ?? '');

  const calibrate = () => {
    const testPartitions = Number(partitionsText.trim());
    if (!Number.isInteger(testPartitions) || testPartitions < 1 || testPartitions > 10_000) {
      setOutcome({ ok: false, error: `The test topic's partitions must be a whole number from 1 to 10,000 (given “${partitionsText.slice(0, 20)}”). Nothing was changed.` });
      return;
    }
    const state = usePlannerStore.getState();
    const result = calibratePlan(state.plan, { producerText, consumerText, testPartitions, topicIndex: state.selectedTopic });
    if (!result.ok) {
      setOutcome({ ok: false, error: `${result.error} Nothing was changed.` });
      return;
    }
    state.replacePlan(result.plan, [], state.selectedTopic);
    setOutcome({ ok: true, steps: result.steps });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-700">
      <h3 id={`${id}-title`} className="font-medium">
        Calibrate from your own brokers
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Run <code>kafka-producer-perf-test --throughput -1</code> with your event size against a test topic, paste its output: the last line gives the
        partition throughput limit (MiB/s over the test topic&apos;s partitions), the event size of “{topicName}” and the produce latency floor (its p50).
      </p>
      <label className="mt-2 block text-sm" htmlFor={`${id}-producer`}>
        kafka-producer-perf-test output
      </label>
      <textarea id={`${id}-producer`} data-testid="calibrate-producer" rows={3} className={FIELD} value={producerText} onChange={(e) => setProducerText(e.target.value)} />
      <label className="mt-2 block text-sm" htmlFor={`${id}-consumer`}>
        kafka-consumer-perf-test output (optional: a floor under the processing time)
      </label>
      <textarea id={`${id}-consumer`} data-testid="calibrate-consumer" rows={2} className={FIELD} value={consumerText} onChange={(e) => setConsumerText(e.target.value)} />
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <label className="text-sm" htmlFor={`${id}-partitions`}>
          Partitions of the test topic
          <input
            id={`${id}-partitions`}
            data-testid="calibrate-partitions"
            inputMode="numeric"
            className="ml-2 w-24 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
            value={partitionsText}
            onChange={(e) => setPartitionsText(e.target.value)}
          />
        </label>
        <button type="button" data-testid="calibrate-apply" onClick={calibrate} className="min-h-6 rounded bg-teal-700 px-3 py-1 text-sm font-medium text-white hover:bg-teal-800">
          Calibrate
        </button>
      </div>
      <div aria-live="polite">
        {outcome &&
          (outcome.ok ? (
            <p data-testid="calibration-message" data-ok="true" className="mt-2 text-sm">
              Calibrated: {outcome.steps.map((s) => s.label.toLowerCase()).join(', ')} set, each from the numbers below.
            </p>
          ) : (
            <p data-testid="calibration-message" data-ok="false" className="mt-2 text-sm text-red-700 dark:text-red-300">
              {outcome.error}
            </p>
          ))}
      </div>
      <CalibrationRecord />
    </section>
  );
}
