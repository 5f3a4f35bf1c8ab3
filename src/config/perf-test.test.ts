import { describe, expect, it } from 'vitest';
import { MAX_PERF_TEXT_CHARS, parseConsumerPerfTest, parseProducerPerfTest } from './perf-test';

// Samples in the tools' own formats (apache/kafka ProducerPerformance, ConsumerPerformance;
// ../shared/reference/kafka-facts.md), with the noise a pasted run carries.
const SUMMARY = '5000000 records sent, 751992.780869 records/sec (71.72 MB/sec), 7.00 ms avg latency, 230.00 ms max latency, 4 ms 50th, 29 ms 95th, 53 ms 99th, 68 ms 99.9th.';
const FULL_RUN = [
  '[2026-12-02 10:00:00,123] WARN [Producer clientId=perf-producer-client] Error while fetching metadata with correlation id 1 : {perf=LEADER_NOT_AVAILABLE} (org.apache.kafka.clients.NetworkClient)',
  '3274096 records sent, 654688.3 records/sec (62.44 MB/sec), 5.6 ms avg latency, 230.0 ms max latency.',
  '1725904 records sent, 345180.8 records/sec (32.92 MB/sec), 9.1 ms avg latency, 101.0 ms max latency.',
  SUMMARY,
  '',
].join('\n');
const EXPECTED = { records: 5_000_000, recordsPerSec: 751992.780869, mibPerSec: 71.72, avgLatencyMs: 7, maxLatencyMs: 230, p50LatencyMs: 4, p95LatencyMs: 29, p99LatencyMs: 53, p999LatencyMs: 68 };

describe('parseProducerPerfTest', () => {
  it('reads the summary after warm-up progress lines and log lines', () => {
    expect(parseProducerPerfTest(FULL_RUN)).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
  });

  it('a one-line run, with or without the final period, padded', () => {
    expect(parseProducerPerfTest(`   ${SUMMARY}   `)).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
    expect(parseProducerPerfTest(SUMMARY.slice(0, -1))).toMatchObject({ ok: true, summary: EXPECTED });
  });

  it('Windows and old Mac line ends', () => {
    expect(parseProducerPerfTest(FULL_RUN.replace(/\n/g, '\r\n'))).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
    expect(parseProducerPerfTest(FULL_RUN.replace(/\n/g, '\r'))).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
  });

  it('older tools write "230.0 max latency" without ms', () => {
    const old = '100000 records sent, 9998.000400 records/sec (0.95 MB/sec), 2.01 ms avg latency, 230.00 max latency, 2 ms 50th, 3 ms 95th, 9 ms 99th, 40 ms 99.9th.';
    expect(parseProducerPerfTest(old)).toMatchObject({ ok: true, summary: { records: 100_000, mibPerSec: 0.95, maxLatencyMs: 230, p999LatencyMs: 40 } });
  });

  it('two runs pasted: the last summary counts', () => {
    const second = '200 records sent, 100.0 records/sec (0.01 MB/sec), 1.00 ms avg latency, 2.00 ms max latency, 1 ms 50th, 2 ms 95th, 2 ms 99th, 2 ms 99.9th.';
    expect(parseProducerPerfTest(`${FULL_RUN}\n${second}\n`)).toMatchObject({ ok: true, line: second, summary: { records: 200 } });
  });

  it('only progress lines (a run stopped early): says the percentiles are missing', () => {
    const r = parseProducerPerfTest(FULL_RUN.replace(SUMMARY, ''));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Only kafka-producer-perf-test's progress lines were found, not its final summary with the 50th, 95th, 99th and 99\.9th percentile latencies/);
  });

  it('anything else: says no summary was found and shows its form', () => {
    for (const text of ['', 'hello', 'records sent', '{"a":1}', '<script>alert(1)</script>']) {
      const r = parseProducerPerfTest(text);
      expect(!r.ok && r.error).toMatch(/^No kafka-producer-perf-test summary line was found\. Paste its last line, of the form "N records sent/);
    }
  });

  it('no throughput or a negative latency: says which', () => {
    expect(parseProducerPerfTest(SUMMARY.replace('751992.780869 records/sec', '0.0 records/sec'))).toEqual({ ok: false, error: "The summary line's records/sec is 0: there is no throughput to calibrate from." });
    expect(parseProducerPerfTest(SUMMARY.replace('71.72 MB/sec', '0.00 MB/sec'))).toEqual({ ok: false, error: "The summary line's MB/sec is 0: there is no throughput to calibrate from." });
    expect(parseProducerPerfTest(SUMMARY.replace('4 ms 50th', '-4 ms 50th'))).toEqual({ ok: false, error: "The summary line's 50th latency (-4 ms) is negative." });
    expect(parseProducerPerfTest(SUMMARY.replace('5000000 records sent', '0 records sent'))).toEqual({ ok: false, error: 'The summary line reports no records sent.' });
  });

  it('refuses huge input unread, and a hostile line takes no time', () => {
    expect(parseProducerPerfTest('x'.repeat(MAX_PERF_TEXT_CHARS + 1))).toEqual({ ok: false, error: expect.stringMatching(/too long \(200,001 characters; at most 200,000 are read\)/) });
    // Long runs of what the patterns look for, never completing a match.
    const nasty = `${'1'.repeat(60_000)} records sent, ${'9'.repeat(60_000)}.${'0'.repeat(60_000)}`;
    const started = performance.now();
    expect(parseProducerPerfTest(nasty).ok).toBe(false);
    expect(parseProducerPerfTest(`1 records sent, 1 records/sec (1 MB/sec), 1 ms avg latency, 1 ms max latency${', 1 ms 50th'.repeat(15_000)}`).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

const HEADER = 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';
const DATA = '2024-02-21 19:36:23:839, 2024-02-21 19:36:24:256, 0.9766, 2.3419, 1000, 2398.0815, 364, 53, 18.4257, 18867.9245';

describe('parseConsumerPerfTest', () => {
  it('the current ten columns, with the header', () => {
    expect(parseConsumerPerfTest(`${HEADER}\n${DATA}\n`)).toEqual({ ok: true, line: DATA, summary: { dataMiB: 0.9766, mibPerSec: 2.3419, messages: 1000, messagesPerSec: 2398.0815, rebalanceMs: 364, fetchMs: 53 } });
  });

  it('the older six columns, with the header', () => {
    const line = '2019-02-19 20:29:07:566, 2019-02-19 20:29:12:170, 9.5368, 2.0714, 100010, 21722.4153';
    expect(parseConsumerPerfTest(`start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec\r\n\r\n${line}\r\n`)).toEqual({ ok: true, line, summary: { dataMiB: 9.5368, mibPerSec: 2.0714, messages: 100010, messagesPerSec: 21722.4153 } });
  });

  it('--hide-header: read by position, ten or six columns', () => {
    expect(parseConsumerPerfTest(DATA)).toMatchObject({ ok: true, summary: { messagesPerSec: 2398.0815, fetchMs: 53 } });
    expect(parseConsumerPerfTest(DATA.split(', ').slice(0, 6).join(', '))).toEqual({ ok: true, line: DATA.split(', ').slice(0, 6).join(', '), summary: { dataMiB: 0.9766, mibPerSec: 2.3419, messages: 1000, messagesPerSec: 2398.0815 } });
  });

  it('a WARNING between header and data, and the known negative-fetch-time bug', () => {
    const bug = '2020-07-15 23:12:49:816, 2020-07-15 23:13:00:806, 3.4430, 0.3133, 10864, 988.5350, 1594825970051, -1594825959061, -0.0000, -0.0000';
    const text = `${HEADER}\nWARNING: Exiting before consuming the expected number of messages: timeout (10000 ms) exceeded. You can use the --timeout option to increase the timeout.\n${bug}`;
    expect(parseConsumerPerfTest(text)).toEqual({ ok: true, line: bug, summary: { dataMiB: 3.443, mibPerSec: 0.3133, messages: 10864, messagesPerSec: 988.535 } });
  });

  it('the share consumer\'s order is read by its header', () => {
    const text = 'start.time, end.time, data.consumed.in.MB, MB.sec, nMsg.sec, data.consumed.in.nMsg, fetch.time.ms\n2025-01-01 00:00:00:000, 2025-01-01 00:00:10:000, 100, 10, 5000, 50000, 9000';
    expect(parseConsumerPerfTest(text)).toMatchObject({ ok: true, summary: { messages: 50000, messagesPerSec: 5000 } });
  });

  it('what is missing is said', () => {
    expect(parseConsumerPerfTest(HEADER)).toEqual({ ok: false, error: expect.stringMatching(/^kafka-consumer-perf-test's header was found but no data line/) });
    expect(parseConsumerPerfTest('nothing here')).toEqual({ ok: false, error: expect.stringMatching(/^No kafka-consumer-perf-test line was found/) });
    expect(parseConsumerPerfTest('2024-02-21 19:36:23:839, 2024-02-21 19:36:24:256, 0.9766')).toEqual({ ok: false, error: expect.stringMatching(/data line has 3 columns; 6 or more were expected/) });
    expect(parseConsumerPerfTest(DATA.replace('2398.0815', '0.0000'))).toEqual({ ok: false, error: expect.stringMatching(/nMsg\.sec is 0 or not a number/) });
    expect(parseConsumerPerfTest('x'.repeat(MAX_PERF_TEXT_CHARS + 1)).ok).toBe(false);
  });
});
