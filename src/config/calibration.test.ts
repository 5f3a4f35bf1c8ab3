import { describe, expect, it } from 'vitest';
import { singleTopicPlan, type ClusterPlan } from '../engine/cluster-plan';
import { computeMetrics } from '../engine/compute-metrics';
import { parseScenarioFile, serializeScenarioFile } from '../export/scenario-file';
import { resolveOptions } from '../sim/defaults';
import { calibratePlan, calibrationOf } from './calibration';
import { CLUSTER_PRESETS } from './presets';
import { DEFAULT_CONFIG } from './schema';
import { decodePlan, encodePlan } from './url-codec';

const PRODUCER = [
  '[2026-12-02 10:00:00,000] WARN some client warning (org.apache.kafka.clients.NetworkClient)',
  '3274096 records sent, 654688.3 records/sec (62.44 MB/sec), 5.6 ms avg latency, 230.0 ms max latency.',
  '5000000 records sent, 751992.780869 records/sec (71.72 MB/sec), 7.00 ms avg latency, 230.00 ms max latency, 4 ms 50th, 29 ms 95th, 53 ms 99th, 68 ms 99.9th.',
].join('\r\n');
const CONSUMER = [
  'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
  '2023-05-01 10:00:00:000, 2023-05-01 10:01:00:000, 1024.00, 17.07, 1048576, 17476.27, 20, 60000, 17.07, 17476.27',
].join('\n');
const PLAN = singleTopicPlan(DEFAULT_CONFIG, 'events', 'kafka.m5.2xlarge');

function calibrated(plan: ClusterPlan, producerText = PRODUCER, consumerText = '', testPartitions = 4, topicIndex = 0): ClusterPlan {
  const r = calibratePlan(plan, { producerText, consumerText, testPartitions, topicIndex });
  if (!r.ok) throw new Error(r.error);
  return r.plan;
}

describe('calibratePlan', () => {
  it('sets the event size, the partition limit and the produce latency floor from the summary line, each with its numbers', () => {
    const r = calibratePlan(PLAN, { producerText: PRODUCER, consumerText: '', testPartitions: 4, topicIndex: 0 });
    if (!r.ok) throw new Error(r.error);
    // 71.72 MiB/s × 1,048,576 / 751,992.78 records/s = 100.006 B; 71.72 / 4 = 17.93 MiB/s; p50 4 ms.
    expect(r.plan.topics[0]?.eventSizeBytes).toBe(100);
    expect(r.plan.cluster.partitionLimitMiBPerSec).toBe(17.93);
    expect(r.plan.cluster.produceLatencyFloorMs).toBe(4);
    expect(r.steps.map((s) => [s.param, s.from])).toEqual([
      ['size', '71.72 MiB/s × 1,048,576 B/MiB ÷ 751,992.78 records/s'],
      ['partitionMiBps', '71.72 MiB/s ÷ 4 partitions of the test topic'],
      ['produceMs', 'the p50 latency of 5,000,000 records (send → acknowledgement)'],
    ]);
    expect(r.plan.calibration).toEqual({ producer: PRODUCER.split('\r\n')[2], testPartitions: 4, topic: 'events' });
    // Nothing else moves.
    expect({ ...r.plan.topics[0], eventSizeBytes: 0 }).toEqual({ ...PLAN.topics[0], eventSizeBytes: 0 });
  });

  it('the consumer line is a floor under the processing time: raised only when the plan is faster than a consumer fetches', () => {
    const keeps = calibratePlan(PLAN, { producerText: PRODUCER, consumerText: CONSUMER, testPartitions: 1, topicIndex: 0 });
    if (!keeps.ok) throw new Error(keeps.error);
    expect(keeps.plan.topics[0]?.processingMs).toBe(100);
    expect(keeps.steps[3]?.from).toMatch(/below the plan's own: unchanged/);
    const fast = singleTopicPlan({ ...DEFAULT_CONFIG, processingMs: 0.01 }, 'events', 'kafka.m5.2xlarge');
    // 1,000 ms / 17,476.27 events/s = 0.0572 ms.
    expect(calibrated(fast, PRODUCER, CONSUMER, 1).topics[0]?.processingMs).toBe(0.0572);
  });

  it('sets the chosen topic of a cluster, the limit and floor for the cluster', () => {
    const cluster = (CLUSTER_PRESETS[0] as { plan: ClusterPlan }).plan;
    const plan = calibrated(cluster, PRODUCER, '', 2, 2);
    expect(plan.topics.map((t) => t.eventSizeBytes)).toEqual(cluster.topics.map((t, i) => (i === 2 ? 100 : t.eventSizeBytes)));
    expect(plan.calibration?.topic).toBe(cluster.topics[2]?.name);
    expect(plan.cluster.partitionLimitMiBPerSec).toBe(35.86);
  });

  it('a value past its input\'s range is clamped, and says so', () => {
    const line = '100 records sent, 1000.0 records/sec (2000.00 MB/sec), 1.00 ms avg latency, 2.00 ms max latency, 1 ms 50th, 2 ms 95th, 2 ms 99th, 2 ms 99.9th.';
    const r = calibratePlan(PLAN, { producerText: line, consumerText: '', testPartitions: 1, topicIndex: 0 });
    if (!r.ok) throw new Error(r.error);
    expect(r.plan.cluster.partitionLimitMiBPerSec).toBe(1000);
    expect(r.plan.topics[0]?.eventSizeBytes).toBe(1_048_576);
    expect(r.steps[1]?.from).toMatch(/the planner's range is 0\.1 – 1,000 MiB\/s/);
  });

  it('output that does not read changes nothing and says what was missing', () => {
    const partial = calibratePlan(PLAN, { producerText: PRODUCER.split('\r\n').slice(0, 2).join('\n'), consumerText: '', testPartitions: 1, topicIndex: 0 });
    expect(partial).toEqual({ ok: false, error: expect.stringMatching(/progress lines .* 50th, 95th, 99th and 99\.9th/) });
    const badConsumer = calibratePlan(PLAN, { producerText: PRODUCER, consumerText: 'hello', testPartitions: 1, topicIndex: 0 });
    expect(badConsumer).toEqual({ ok: false, error: expect.stringMatching(/^kafka-consumer-perf-test: No kafka-consumer-perf-test line/) });
  });
});

describe('the record travels with the plan', () => {
  const plan = calibrated(PLAN, PRODUCER, CONSUMER, 4);

  it('in the link and in the file, with the same numbers', () => {
    const fromLink = decodePlan(encodePlan(plan));
    expect(fromLink.notices).toEqual([]);
    expect(fromLink.plan).toEqual(plan);
    const fromFile = parseScenarioFile(serializeScenarioFile(plan));
    expect(fromFile.ok && fromFile.plan).toEqual(plan);
  });

  it('calibrationOf names the values changed by hand since', () => {
    expect(calibrationOf(plan)?.changed).toEqual([]);
    const edited: ClusterPlan = { ...plan, topics: [{ ...(plan.topics[0] as ClusterPlan['topics'][number]), eventSizeBytes: 2048 }] };
    expect(calibrationOf(edited)?.changed.map((s) => s.param)).toEqual(['size']);
  });

  it('a link whose record does not read opens with the same numbers, the record left out and said', () => {
    const link = encodePlan(plan).replace(/cal\.producer=[^&]*/, 'cal.producer=%3Cimg+src%3Dx%3E');
    const read = decodePlan(link);
    expect(read.plan).toEqual({ cluster: plan.cluster, topics: plan.topics, brokerType: plan.brokerType });
    expect(read.notices).toEqual([expect.objectContaining({ param: 'cal.producer', reason: expect.stringMatching(/not a kafka-producer-perf-test summary line; the record of the calibration was left out/) })]);
  });

  it('a file whose record names no topic of the plan, or is not an object: left out, said', () => {
    const file = JSON.parse(serializeScenarioFile(plan));
    file.plan.calibration.topic = 'nope';
    const read = parseScenarioFile(JSON.stringify(file));
    expect(read.ok && read.plan.calibration).toBeUndefined();
    expect(read.ok && read.notices.map((n) => n.reason)).toEqual([expect.stringMatching(/^it names no topic of the plan/)]);
    file.plan.calibration = 'x';
    const notObject = parseScenarioFile(JSON.stringify(file));
    expect(notObject.ok && notObject.notices.map((n) => n.reason)).toEqual([expect.stringMatching(/^not an object/)]);
  });
});

describe('the produce latency floor in the model and the simulation', () => {
  it('adds t_p to every latency figure, exactly', () => {
    const base = computeMetrics(DEFAULT_CONFIG).latency;
    const floored = computeMetrics({ ...DEFAULT_CONFIG, produceLatencyFloorMs: 4 }).latency;
    const config = { ...DEFAULT_CONFIG, eventsPerSec: 50_000, processingMs: 1, partitions: 100, consumersPerGroup: 100 };
    const a = computeMetrics(config).latency;
    const b = computeMetrics({ ...config, produceLatencyFloorMs: 4 }).latency;
    expect(base.meanSeconds).toBe(Infinity);
    expect(floored.meanSeconds).toBe(Infinity);
    expect(b.meanSeconds - a.meanSeconds).toBeCloseTo(0.004, 12);
    expect(b.p50Seconds - a.p50Seconds).toBeCloseTo(0.004, 12);
    expect(b.p99Seconds - a.p99Seconds).toBeCloseTo(0.004, 12);
    expect(b.meanWaitSeconds).toBe(a.meanWaitSeconds);
  });

  it('the simulation makes a batch readable t_p after it is sent when t_p is set, else 1 ms', () => {
    expect(resolveOptions(DEFAULT_CONFIG).replicationDelayMs).toBe(1);
    expect(resolveOptions({ ...DEFAULT_CONFIG, produceLatencyFloorMs: 4 }).replicationDelayMs).toBe(4);
    expect(resolveOptions({ ...DEFAULT_CONFIG, produceLatencyFloorMs: 4 }, { replicationDelayMs: 2 }).replicationDelayMs).toBe(2);
  });
});
