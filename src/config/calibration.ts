import type { ClusterPlan, PlanCalibration } from '../engine/cluster-plan';
import { formatNumber } from '../lib/format';
import { parseConsumerPerfTest, parseProducerPerfTest, type ConsumerPerfSummary, type ProducerPerfSummary } from './perf-test';
import { MAX_CALIBRATION_LINE_CHARS } from './calibration-record';
import { repairClusterPlan } from './plan-repair';
import { paramSpec, sanitizeValue } from './schema';

/**
 * The plan's assumptions from the team's own measurements (docs/model.md "Calibration"): from
 * kafka-producer-perf-test's summary line the event size, the partition throughput limit and the
 * produce latency floor; from kafka-consumer-perf-test's line, optionally, a floor under each
 * event's processing time (a consumer cannot process an event faster than it fetches one). The
 * page (Assumptions, "Calibrate") and the command line (--calibrate) share this one function.
 */

/** Bytes in a MiB: perf-test's "MB" is 1024 × 1024 bytes (apache/kafka ProducerPerformance). */
const BYTES_PER_MIB = 1024 * 1024;

/** One value derived, with the numbers it came from. */
export interface CalibrationStep {
  /** The link name of the input it sets (`size` is the topic's, the rest the cluster's). */
  readonly param: 'size' | 'partitionMiBps' | 'produceMs' | 'latency';
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  /** How it was derived, with the measured numbers. */
  readonly from: string;
}

export interface CalibrationInput {
  /** What the person pasted or the file held: the whole output, progress lines and all. */
  readonly producerText: string;
  /** Optional: '' when there is none. */
  readonly consumerText: string;
  readonly testPartitions: number;
  /** The topic whose event size the test measured. */
  readonly topicIndex: number;
}

export type CalibrationResult =
  | { readonly ok: true; readonly plan: ClusterPlan; readonly steps: readonly CalibrationStep[] }
  | { readonly ok: false; readonly error: string };

function step(param: CalibrationStep['param'], raw: number, unit: string, from: string, digits: number): CalibrationStep {
  const s = paramSpec(param);
  const value = sanitizeValue(s, Number(raw.toFixed(digits)));
  const clamped = value !== Number(raw.toFixed(digits)) ? ` (the planner's range is ${formatNumber(s.min, 3)} – ${formatNumber(s.max, 3)} ${s.unit})` : '';
  return { param, label: s.label, value, valueText: `${formatNumber(value, digits)} ${unit}`, from: `${from}${clamped}` };
}

/** What each measurement sets, and from which of its numbers. */
export function deriveCalibration(producer: ProducerPerfSummary, consumer: ConsumerPerfSummary | null, testPartitions: number, processingMs: number): CalibrationStep[] {
  const rate = formatNumber(producer.recordsPerSec, 2);
  const mib = formatNumber(producer.mibPerSec, 2);
  const steps = [
    step('size', (producer.mibPerSec * BYTES_PER_MIB) / producer.recordsPerSec, 'B', `${mib} MiB/s × 1,048,576 B/MiB ÷ ${rate} records/s`, 0),
    step('partitionMiBps', producer.mibPerSec / testPartitions, 'MiB/s', `${mib} MiB/s ÷ ${testPartitions} partition${testPartitions === 1 ? '' : 's'} of the test topic`, 2),
    step('produceMs', producer.p50LatencyMs, 'ms', `the p50 latency of ${formatNumber(producer.records, 0)} records (send → acknowledgement)`, 2),
  ];
  if (consumer) {
    const floorMs = 1000 / consumer.messagesPerSec;
    const fetched = `1,000 ms ÷ ${formatNumber(consumer.messagesPerSec, 2)} events/s one consumer fetched`;
    // Only a floor: a plan that already spends longer per event keeps its own processing time.
    const below = floorMs <= processingMs;
    steps.push(step('latency', below ? processingMs : floorMs, 'ms', below ? `${fetched} = ${formatNumber(floorMs, 4)} ms, below the plan's own: unchanged` : fetched, 4));
  }
  return steps;
}

function readMeasurements(producerText: string, consumerText: string): { producer: { summary: ProducerPerfSummary; line: string }; consumer: { summary: ConsumerPerfSummary; line: string } | null } | { error: string } {
  const producer = parseProducerPerfTest(producerText);
  if (!producer.ok) return { error: producer.error };
  if (consumerText.trim() === '') return { producer, consumer: null };
  const consumer = parseConsumerPerfTest(consumerText);
  if (!consumer.ok) return { error: `kafka-consumer-perf-test: ${consumer.error}` };
  return { producer, consumer };
}

/** A record's lines read once: the record object is kept across plan changes, and the panel asks at every slider step. */
const MEASURED = new WeakMap<PlanCalibration, ReturnType<typeof readMeasurements>>();
function measurementsOf(record: PlanCalibration): ReturnType<typeof readMeasurements> {
  let read = MEASURED.get(record);
  if (!read) {
    read = readMeasurements(record.producer, record.consumer ?? '');
    MEASURED.set(record, read);
  }
  return read;
}

/** The plan with the measured values and the record of what they came from; or why nothing changes. */
export function calibratePlan(plan: ClusterPlan, input: CalibrationInput): CalibrationResult {
  const read = readMeasurements(input.producerText, input.consumerText);
  if ('error' in read) return { ok: false, error: read.error };
  const topic = plan.topics[input.topicIndex];
  if (!topic) return { ok: false, error: `the plan has no topic ${input.topicIndex + 1}.` };
  const testPartitions = sanitizeValue(paramSpec('partitions'), input.testPartitions);
  const steps = deriveCalibration(read.producer.summary, read.consumer?.summary ?? null, testPartitions, topic.processingMs);
  const value = (param: CalibrationStep['param']) => steps.find((s) => s.param === param)?.value;
  const calibration: PlanCalibration = {
    producer: read.producer.line.slice(0, MAX_CALIBRATION_LINE_CHARS),
    ...(read.consumer ? { consumer: read.consumer.line.slice(0, MAX_CALIBRATION_LINE_CHARS) } : {}),
    testPartitions,
    topic: topic.name,
  };
  const draft: ClusterPlan = {
    ...plan,
    cluster: { ...plan.cluster, partitionLimitMiBPerSec: value('partitionMiBps') as number, produceLatencyFloorMs: value('produceMs') as number },
    topics: plan.topics.map((t, i) => (i === input.topicIndex ? { ...t, eventSizeBytes: value('size') as number, processingMs: value('latency') ?? t.processingMs } : t)),
    calibration,
  };
  return { ok: true, plan: { ...repairClusterPlan(draft).plan, calibration }, steps };
}

/** The steps a plan's record stands for, and which of the values it set have since been changed; null when the record no longer reads. */
export function calibrationOf(plan: ClusterPlan): { readonly steps: readonly CalibrationStep[]; readonly changed: readonly CalibrationStep[] } | null {
  const record = plan.calibration;
  if (!record) return null;
  const read = measurementsOf(record);
  const topic = plan.topics.find((t) => t.name === record.topic);
  if ('error' in read || !topic) return null;
  // Re-derived with no processing time of its own (0): the floor itself, which the topic's time must not be under.
  const steps = deriveCalibration(read.producer.summary, read.consumer?.summary ?? null, record.testPartitions, read.consumer ? 0 : topic.processingMs);
  const current: Record<CalibrationStep['param'], number> = {
    size: topic.eventSizeBytes,
    partitionMiBps: plan.cluster.partitionLimitMiBPerSec,
    produceMs: plan.cluster.produceLatencyFloorMs,
    latency: topic.processingMs,
  };
  const changed = steps.filter((s) => (s.param === 'latency' ? current.latency < s.value : current[s.param] !== s.value));
  return { steps, changed };
}
