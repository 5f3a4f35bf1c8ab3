import { describe, expect, it } from 'vitest';
import { MAX_PERF_TEXT_CHARS, parseConsumerPerfTest, parseProducerPerfTest } from './perf-test';

// Samples in the tools' own formats (apache/kafka ProducerPerformance, ConsumerPerformance),
// with the noise a pasted run carries: log lines, --print-metrics, blank lines.
const SUMMARY = '5000000 records sent, 751992.780869 records/sec (71.72 MB/sec), 7.00 ms avg latency, 230.00 ms max latency, 4 ms 50th, 29 ms 95th, 53 ms 99th, 68 ms 99.9th.';
const FULL_RUN = [
  '[2026-12-02 10:00:00,123] WARN [Producer clientId=perf-producer-client] Error while fetching metadata with correlation id 1 : {perf=LEADER_NOT_AVAILABLE} (org.apache.kafka.clients.NetworkClient)',
  '3274096 records sent, 654688.3 records/sec (62.44 MB/sec), 5.6 ms avg latency, 230.0 ms max latency.',
  '1725904 records sent, 345180.8 records/sec (32.92 MB/sec), 9.1 ms avg latency, 101.0 ms max latency.',
  `  ${SUMMARY}  `,
  '',
  'Metric Name                                                                   Value',
  'producer-metrics:batch-size-avg:{client-id=perf-producer-client}            : 16337.456',
  'producer-metrics:record-send-rate:{client-id=perf-producer-client}          : 751980.120',
  '[2026-12-02 10:00:08,001] INFO [Producer clientId=perf-producer-client] Closing the Kafka producer with timeoutMillis = 9223372036854775807 ms. (org.apache.kafka.clients.producer.KafkaProducer)',
  '',
].join('\n');
const EXPECTED = { records: 5_000_000, recordsPerSec: 751992.780869, mibPerSec: 71.72, avgLatencyMs: 7, maxLatencyMs: 230, p50LatencyMs: 4, p95LatencyMs: 29, p99LatencyMs: 53, p999LatencyMs: 68 };

describe('parseProducerPerfTest', () => {
  it('reads the summary after progress lines, among log lines and --print-metrics', () => {
    expect(parseProducerPerfTest(FULL_RUN)).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
  });

  it('a one-line run, with or without the final period, padded', () => {
    expect(parseProducerPerfTest(`   ${SUMMARY}   `)).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
    expect(parseProducerPerfTest(SUMMARY.slice(0, -1))).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY.slice(0, -1) });
  });

  it('Windows and old Mac line ends', () => {
    expect(parseProducerPerfTest(FULL_RUN.replace(/\n/g, '\r\n'))).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
    expect(parseProducerPerfTest(FULL_RUN.replace(/\n/g, '\r'))).toEqual({ ok: true, summary: EXPECTED, line: SUMMARY });
  });

  it('older tools write "230.0 max latency" without ms; numbers without decimals', () => {
    const old = [
      '49992 records sent, 9998.4 records/sec (0.95 MB/sec), 2.1 ms avg latency, 230.0 max latency.',
      '100000 records sent, 9998 records/sec (1 MB/sec), 2 ms avg latency, 230 max latency, 2 ms 50th, 3 ms 95th, 9 ms 99th, 40 ms 99.9th.',
    ].join('\n');
    expect(parseProducerPerfTest(old)).toEqual({
      ok: true,
      line: '100000 records sent, 9998 records/sec (1 MB/sec), 2 ms avg latency, 230 max latency, 2 ms 50th, 3 ms 95th, 9 ms 99th, 40 ms 99.9th.',
      summary: { records: 100_000, recordsPerSec: 9998, mibPerSec: 1, avgLatencyMs: 2, maxLatencyMs: 230, p50LatencyMs: 2, p95LatencyMs: 3, p99LatencyMs: 9, p999LatencyMs: 40 },
    });
  });

  it('a JVM in a comma-decimal locale', () => {
    const german = '5000000 records sent, 751992,780869 records/sec (71,72 MB/sec), 7,00 ms avg latency, 230,00 ms max latency, 4 ms 50th, 29 ms 95th, 53 ms 99th, 68 ms 99.9th.';
    expect(parseProducerPerfTest(german)).toEqual({ ok: true, summary: EXPECTED, line: german });
  });

  it('two runs pasted: the last summary counts', () => {
    const second = '200 records sent, 100.0 records/sec (0.01 MB/sec), 1.00 ms avg latency, 2.00 ms max latency, 1 ms 50th, 2 ms 95th, 2 ms 99th, 2 ms 99.9th.';
    expect(parseProducerPerfTest(`${FULL_RUN}\n${second}\n`)).toEqual({
      ok: true,
      line: second,
      summary: { records: 200, recordsPerSec: 100, mibPerSec: 0.01, avgLatencyMs: 1, maxLatencyMs: 2, p50LatencyMs: 1, p95LatencyMs: 2, p99LatencyMs: 2, p999LatencyMs: 2 },
    });
  });

  it('only progress lines (a run stopped early): says the percentile summary is missing and shows its form', () => {
    const r = parseProducerPerfTest(FULL_RUN.replace(SUMMARY, ''));
    expect(r).toEqual({
      ok: false,
      error:
        'Only kafka-producer-perf-test\'s progress lines were found, not its final summary with the 50th, 95th, 99th and 99.9th percentile latencies: the run may have been stopped early. Paste the last line, of the form "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, P ms 50th, P ms 95th, P ms 99th, P ms 99.9th."',
    });
  });

  it('anything else: says no summary was found and shows its form', () => {
    for (const text of ['', '\r\n\r\n', 'hello', 'records sent', '{"a":1}', '<script>alert(1)</script>', '5000000 records sent', SUMMARY.replace('records/sec', 'rec/s')]) {
      expect(parseProducerPerfTest(text)).toEqual({
        ok: false,
        error: 'No kafka-producer-perf-test summary line was found. Paste its last line, of the form "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, P ms 50th, P ms 95th, P ms 99th, P ms 99.9th."',
      });
    }
  });

  it('no throughput, an infinite one, or a negative latency: says which', () => {
    expect(parseProducerPerfTest(SUMMARY.replace('751992.780869 records/sec', '0.0 records/sec'))).toEqual({ ok: false, error: "The summary line's records/sec (0) is 0 or not a finite number: there is no throughput to calibrate from." });
    expect(parseProducerPerfTest(SUMMARY.replace('751992.780869 records/sec', '1e999 records/sec'))).toEqual({ ok: false, error: "The summary line's records/sec (Infinity) is 0 or not a finite number: there is no throughput to calibrate from." });
    expect(parseProducerPerfTest(SUMMARY.replace('71.72 MB/sec', '0.00 MB/sec'))).toEqual({ ok: false, error: "The summary line's MB/sec (0) is 0 or not a finite number: there is no throughput to calibrate from." });
    expect(parseProducerPerfTest(SUMMARY.replace('4 ms 50th', '-4 ms 50th'))).toEqual({ ok: false, error: "The summary line's 50th latency (-4 ms) is negative." });
    expect(parseProducerPerfTest(SUMMARY.replace('7.00 ms avg', '-0.50 ms avg'))).toEqual({ ok: false, error: "The summary line's avg latency (-0.5 ms) is negative." });
    expect(parseProducerPerfTest(SUMMARY.replace('5000000 records sent', '0 records sent'))).toEqual({ ok: false, error: 'The summary line reports no records sent.' });
  });

  it('refuses huge input unread', () => {
    expect(parseProducerPerfTest(`${SUMMARY}\n${' '.repeat(MAX_PERF_TEXT_CHARS)}`)).toEqual({ ok: false, error: `The kafka-producer-perf-test output is too long (${(SUMMARY.length + 1 + MAX_PERF_TEXT_CHARS).toLocaleString('en-US')} characters; at most 200,000 are read).` });
    expect(parseProducerPerfTest('x'.repeat(MAX_PERF_TEXT_CHARS + 1))).toEqual({ ok: false, error: 'The kafka-producer-perf-test output is too long (200,001 characters; at most 200,000 are read).' });
  });

  it('200,000-character hostile lines take no time', () => {
    // Long runs of what the patterns look for, never completing a match.
    const digits = `${'1'.repeat(66_000)} records sent, ${'9'.repeat(66_000)}.${'0'.repeat(67_980)}`;
    const prefix = '1 records sent, 1 records/sec (1 MB/sec), 1 ms avg latency, 1 ms max latency';
    const commas = `${prefix}${', 1 ms 50th'.repeat((MAX_PERF_TEXT_CHARS - prefix.length) / 11)}`;
    const mixed = `${prefix}, ${'1.'.repeat(99_000)}`;
    for (const nasty of [digits, commas, mixed, ', '.repeat(100_000), '1'.repeat(MAX_PERF_TEXT_CHARS)]) {
      expect(nasty.length).toBeGreaterThan(197_000);
      expect(nasty.length).toBeLessThanOrEqual(MAX_PERF_TEXT_CHARS);
      expect(parseProducerPerfTest(nasty).ok).toBe(false);
    }
  });
});

const HEADER = 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';
const DATA = '2024-02-21 19:36:23:839, 2024-02-21 19:36:24:256, 0.9766, 2.3419, 1000, 2398.0815, 364, 53, 18.4257, 18867.9245';
const DATA_SUMMARY = { dataMiB: 0.9766, mibPerSec: 2.3419, messages: 1000, messagesPerSec: 2398.0815, rebalanceMs: 364, fetchMs: 53 };
const OLD_HEADER = 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec';
const OLD_DATA = '2019-02-19 20:29:07:566, 2019-02-19 20:29:12:170, 9.5368, 2.0714, 100010, 21722.4153';
const OLD_SUMMARY = { dataMiB: 9.5368, mibPerSec: 2.0714, messages: 100010, messagesPerSec: 21722.4153 };

describe('parseConsumerPerfTest', () => {
  it('the current ten columns, with the header and log lines', () => {
    const text = `[2024-02-21 19:36:23,500] INFO Kafka version: 3.7.0 (org.apache.kafka.common.utils.AppInfoParser)\n${HEADER}\n${DATA}\n`;
    expect(parseConsumerPerfTest(text)).toEqual({ ok: true, line: DATA, summary: DATA_SUMMARY });
  });

  it('the older six columns, with the header, CRLF and CR line ends', () => {
    expect(parseConsumerPerfTest(`${OLD_HEADER}\r\n\r\n  ${OLD_DATA}  \r\n`)).toEqual({ ok: true, line: OLD_DATA, summary: OLD_SUMMARY });
    expect(parseConsumerPerfTest(`${HEADER}\r${DATA}\r`)).toEqual({ ok: true, line: DATA, summary: DATA_SUMMARY });
  });

  it('--hide-header: read by position, ten or six columns', () => {
    expect(parseConsumerPerfTest(DATA)).toEqual({ ok: true, line: DATA, summary: DATA_SUMMARY });
    expect(parseConsumerPerfTest(`\n${OLD_DATA}\n`)).toEqual({ ok: true, line: OLD_DATA, summary: OLD_SUMMARY });
  });

  it('a WARNING between header and data, and the known negative-fetch-time bug', () => {
    const bug = '2020-07-15 23:12:49:816, 2020-07-15 23:13:00:806, 3.4430, 0.3133, 10864, 988.5350, 1594825970051, -1594825959061, -0.0000, -0.0000';
    const text = `${HEADER}\nWARNING: Exiting before consuming the expected number of messages: timeout (10000 ms) exceeded. You can use the --timeout option to increase the timeout.\n${bug}`;
    expect(parseConsumerPerfTest(text)).toEqual({ ok: true, line: bug, summary: { dataMiB: 3.443, mibPerSec: 0.3133, messages: 10864, messagesPerSec: 988.535 } });
  });

  it('several runs pasted: the last data line counts, read by its own header', () => {
    expect(parseConsumerPerfTest(`${HEADER}\n${DATA}\n\n${OLD_HEADER}\n${OLD_DATA}\n`)).toEqual({ ok: true, line: OLD_DATA, summary: OLD_SUMMARY });
    expect(parseConsumerPerfTest(`${OLD_DATA}\n${DATA}`)).toEqual({ ok: true, line: DATA, summary: DATA_SUMMARY });
  });

  it('a header in another order is read by name; a custom --date-format and comma decimals still read', () => {
    const reordered = 'start.time, end.time, data.consumed.in.MB, MB.sec, nMsg.sec, data.consumed.in.nMsg, fetch.time.ms\n2025-01-01 00:00:00:000, 2025-01-01 00:00:10:000, 100, 10, 5000, 50000, 9000';
    expect(parseConsumerPerfTest(reordered)).toEqual({ ok: true, line: '2025-01-01 00:00:00:000, 2025-01-01 00:00:10:000, 100, 10, 5000, 50000, 9000', summary: { dataMiB: 100, mibPerSec: 10, messages: 50000, messagesPerSec: 5000, fetchMs: 9000 } });
    const customDate = '21/02/2024 19:36, 21/02/2024 19:36, 0,9766, 2,3419, 1000, 2398,0815, 364, 53, 18,4257, 18867,9245';
    expect(parseConsumerPerfTest(customDate)).toEqual({ ok: true, line: customDate, summary: DATA_SUMMARY });
  });

  it('what is missing is said', () => {
    expect(parseConsumerPerfTest(HEADER)).toEqual({
      ok: false,
      error: 'kafka-consumer-perf-test\'s header was found but no data line after it (a line starting with the start time, e.g. "2024-02-21 19:36:23:839, …"): the run may have consumed nothing.',
    });
    expect(parseConsumerPerfTest(`${HEADER}\r\nWARNING: Exiting before consuming the expected number of messages: timeout (10000 ms) exceeded.\r\n`)).toMatchObject({ ok: false, error: expect.stringMatching(/^kafka-consumer-perf-test's header was found but no data line/) });
    expect(parseConsumerPerfTest('nothing here')).toEqual({ ok: false, error: `No kafka-consumer-perf-test line was found. Paste its CSV header and data line: "${HEADER}" then the line of numbers.` });
    expect(parseConsumerPerfTest('2024-02-21 19:36:23:839, 2024-02-21 19:36:24:256, 0.9766')).toEqual({ ok: false, error: "kafka-consumer-perf-test's data line has 3 columns; 6 or more were expected (through nMsg.sec)." });
    expect(parseConsumerPerfTest(`start.time, end.time, MB.sec\n${DATA}`)).toEqual({ ok: false, error: "kafka-consumer-perf-test's header has no data.consumed.in.MB, data.consumed.in.nMsg, nMsg.sec column." });
    expect(parseConsumerPerfTest(DATA.replace('2398.0815', '0.0000'))).toEqual({ ok: false, error: "kafka-consumer-perf-test's nMsg.sec is 0 or not a number: there is no consumption rate to calibrate from." });
    expect(parseConsumerPerfTest(DATA.replace('2.3419', 'NaN'))).toEqual({ ok: false, error: "kafka-consumer-perf-test's MB.sec is 0 or not a number: there is no consumption rate to calibrate from." });
  });

  it('refuses huge input unread; hostile lines take no time', () => {
    expect(parseConsumerPerfTest(`${HEADER}\n${DATA}\n${' '.repeat(MAX_PERF_TEXT_CHARS)}`)).toEqual({ ok: false, error: `The kafka-consumer-perf-test output is too long (${(HEADER.length + DATA.length + 2 + MAX_PERF_TEXT_CHARS).toLocaleString('en-US')} characters; at most 200,000 are read).` });
    const nasties = [`2024-02-21 19:36:23:839, ${'-1, '.repeat(49_000)}`, `${'1'.repeat(100_000)}.${'1'.repeat(99_999)}`, ','.repeat(MAX_PERF_TEXT_CHARS), `2024-02-21 19:36:23:839, ${'9'.repeat(199_970)}`];
    for (const nasty of nasties) {
      expect(nasty.length).toBeLessThanOrEqual(MAX_PERF_TEXT_CHARS);
      expect(parseConsumerPerfTest(nasty).ok).toBe(false);
    }
  });
});
