import type { ClusterPlan, PlanCalibration } from '../engine/cluster-plan';
import { parseConsumerPerfTest, parseProducerPerfTest } from './perf-test';
import { paramSpec } from './schema';

/**
 * The record of a calibration as a link, a file or a saved scenario carries it (untrusted): kept
 * only when its lines still read as perf-test output and it names a topic of the plan. Apart from
 * calibration.ts (which derives values) so the page's first load reads links without it.
 */

/** The longest perf-test line the plan keeps as its record (the summary line is about 170 characters). */
export const MAX_CALIBRATION_LINE_CHARS = 400;

/** A record read from an untrusted source (a link, a file, a saved scenario): kept only when its lines still read, the test topic's partitions in range. */
export function readCalibrationRecord(record: { producer?: unknown; consumer?: unknown; testPartitions?: unknown; topic?: unknown }, plan: ClusterPlan): { calibration: PlanCalibration | undefined; problem: string } {
  const { producer, consumer, testPartitions, topic } = record;
  if (typeof producer !== 'string' || producer.length > MAX_CALIBRATION_LINE_CHARS || !parseProducerPerfTest(producer).ok) return { calibration: undefined, problem: 'not a kafka-producer-perf-test summary line' };
  if (consumer !== undefined && (typeof consumer !== 'string' || consumer.length > MAX_CALIBRATION_LINE_CHARS || !parseConsumerPerfTest(consumer).ok)) return { calibration: undefined, problem: 'the consumer line is not a kafka-consumer-perf-test line' };
  const partitions = typeof testPartitions === 'number' ? testPartitions : typeof testPartitions === 'string' ? Number(testPartitions) : Number.NaN;
  const s = paramSpec('partitions');
  if (!Number.isInteger(partitions) || partitions < s.min || partitions > s.max) return { calibration: undefined, problem: `the test topic's partitions are not a whole number from ${s.min} to ${s.max}` };
  if (typeof topic !== 'string' || !plan.topics.some((t) => t.name === topic)) return { calibration: undefined, problem: 'it names no topic of the plan' };
  return { calibration: { producer, ...(consumer !== undefined ? { consumer: consumer as string } : {}), testPartitions: partitions, topic }, problem: '' };
}
