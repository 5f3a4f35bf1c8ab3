/**
 * The output of Kafka's own performance tools, as a person pastes it (untrusted text): the
 * numbers calibration needs, or a sentence naming what is missing. Formats: apache/kafka
 * ProducerPerformance (kafka-producer-perf-test) and ConsumerPerformance
 * (kafka-consumer-perf-test); their "MB" is MiB (bytes / 1024 / 1024). docs/model.md "Calibration".
 * Every pattern is linear in its input: no quantifier nests over the same characters.
 */

export interface ProducerPerfSummary {
  readonly records: number;
  readonly recordsPerSec: number;
  readonly mibPerSec: number;
  readonly avgLatencyMs: number;
  readonly maxLatencyMs: number;
  readonly p50LatencyMs: number;
  readonly p95LatencyMs: number;
  readonly p99LatencyMs: number;
  readonly p999LatencyMs: number;
}

export interface ConsumerPerfSummary {
  readonly dataMiB: number;
  readonly mibPerSec: number;
  readonly messages: number;
  readonly messagesPerSec: number;
  /** Absent when the tool printed nonsense for it (a known bug prints an epoch time and a negative fetch time). */
  readonly rebalanceMs?: number;
  readonly fetchMs?: number;
}

export type PerfResult<S> = { readonly ok: true; readonly summary: S; readonly line: string } | { readonly ok: false; readonly error: string };

/** Past this the text is not perf-test output pasted by a person: refused unread. */
export const MAX_PERF_TEXT_CHARS = 200_000;

const NUM = '(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';
const PROGRESS = new RegExp(`^${NUM} records sent, ${NUM} records/sec \\(${NUM} MB/sec\\), ${NUM} ms avg latency, ${NUM}(?: ms)? max latency`);
const PERCENTILES = new RegExp(`, ${NUM} ms 50th, ${NUM} ms 95th, ${NUM} ms 99th, ${NUM} ms 99\\.9th\\.?$`);

export const PRODUCER_SUMMARY_FORM =
  '"N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, P ms 50th, P ms 95th, P ms 99th, P ms 99.9th."';
export const CONSUMER_HEADER = 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';

/** Lines of any ending (\n, \r\n, a lone \r), trimmed, blank ones dropped. */
function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function tooLong(text: string, tool: string): string {
  return `The ${tool} output is too long (${text.length.toLocaleString('en-US')} characters; at most ${MAX_PERF_TEXT_CHARS.toLocaleString('en-US')} are read).`;
}

/** kafka-producer-perf-test's final summary line (the last, if several runs were pasted). */
export function parseProducerPerfTest(text: string): PerfResult<ProducerPerfSummary> {
  if (text.length > MAX_PERF_TEXT_CHARS) return { ok: false, error: tooLong(text, 'kafka-producer-perf-test') };
  let sawProgress = false;
  const lines = linesOf(text);
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] as string;
    const head = PROGRESS.exec(line);
    if (!head) continue;
    const tail = PERCENTILES.exec(line);
    if (!tail) {
      sawProgress = true;
      continue;
    }
    const [records, recordsPerSec, mibPerSec, avgLatencyMs, maxLatencyMs] = head.slice(1).map(Number) as [number, number, number, number, number];
    const [p50LatencyMs, p95LatencyMs, p99LatencyMs, p999LatencyMs] = tail.slice(1).map(Number) as [number, number, number, number];
    const summary = { records, recordsPerSec, mibPerSec, avgLatencyMs, maxLatencyMs, p50LatencyMs, p95LatencyMs, p99LatencyMs, p999LatencyMs };
    const problem = producerProblem(summary);
    return problem ? { ok: false, error: problem } : { ok: true, summary, line };
  }
  return {
    ok: false,
    error: sawProgress
      ? `Only kafka-producer-perf-test's progress lines were found, not its final summary with the 50th, 95th, 99th and 99.9th percentile latencies: the run may have been stopped early. Paste the last line, of the form ${PRODUCER_SUMMARY_FORM}`
      : `No kafka-producer-perf-test summary line was found. Paste its last line, of the form ${PRODUCER_SUMMARY_FORM}`,
  };
}

function producerProblem(s: ProducerPerfSummary): string {
  if (!(s.records > 0)) return 'The summary line reports no records sent.';
  if (!(s.recordsPerSec > 0) || !Number.isFinite(s.recordsPerSec)) return 'The summary line\'s records/sec is 0: there is no throughput to calibrate from.';
  if (!(s.mibPerSec > 0) || !Number.isFinite(s.mibPerSec)) return 'The summary line\'s MB/sec is 0: there is no throughput to calibrate from.';
  const latencies: [string, number][] = [['avg', s.avgLatencyMs], ['max', s.maxLatencyMs], ['50th', s.p50LatencyMs], ['95th', s.p95LatencyMs], ['99th', s.p99LatencyMs], ['99.9th', s.p999LatencyMs]];
  const bad = latencies.find(([, ms]) => !(ms >= 0) || !Number.isFinite(ms));
  return bad ? `The summary line's ${bad[0]} latency (${bad[1]} ms) is negative.` : '';
}

/** The columns of kafka-consumer-perf-test by position (current versions; older ones stop after nMsg.sec). */
const CONSUMER_COLUMNS = CONSUMER_HEADER.split(', ');
const REQUIRED_COLUMNS = ['data.consumed.in.MB', 'MB.sec', 'data.consumed.in.nMsg', 'nMsg.sec'];

function isHeader(cells: readonly string[]): boolean {
  return cells.includes('start.time') || cells.includes('MB.sec');
}

/** A data line: starts with a date and time ("2024-02-21 19:36:23:839"), then numbers. */
const DATA_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[:.]\d{1,3}, /;

/** kafka-consumer-perf-test's CSV: the header (if printed) names the columns, else they are read by position; the last data line counts. */
export function parseConsumerPerfTest(text: string): PerfResult<ConsumerPerfSummary> {
  if (text.length > MAX_PERF_TEXT_CHARS) return { ok: false, error: tooLong(text, 'kafka-consumer-perf-test') };
  let columns = CONSUMER_COLUMNS;
  let sawHeader = false;
  let data: { cells: string[]; line: string } | null = null;
  for (const line of linesOf(text)) {
    const cells = line.split(',').map((c) => c.trim());
    if (isHeader(cells)) {
      columns = cells;
      sawHeader = true;
    } else if (DATA_LINE.test(line)) data = { cells, line };
  }
  if (!data) {
    return {
      ok: false,
      error: sawHeader
        ? 'kafka-consumer-perf-test\'s header was found but no data line after it (a line starting with the start time, e.g. "2024-02-21 19:36:23:839, …"): the run may have consumed nothing.'
        : `No kafka-consumer-perf-test line was found. Paste its CSV header and data line: "${CONSUMER_HEADER}" then the line of numbers.`,
    };
  }
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) return { ok: false, error: `kafka-consumer-perf-test's header has no ${missing.join(', ')} column.` };
  const cells = data.cells;
  const at = (name: string): number => {
    const index = columns.indexOf(name);
    const cell = index < 0 ? undefined : cells[index];
    return cell === undefined || cell === '' || !/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(cell) ? Number.NaN : Number(cell);
  };
  const summary = { dataMiB: at('data.consumed.in.MB'), mibPerSec: at('MB.sec'), messages: at('data.consumed.in.nMsg'), messagesPerSec: at('nMsg.sec') };
  if (cells.length < columns.indexOf('nMsg.sec') + 1) return { ok: false, error: `kafka-consumer-perf-test's data line has ${cells.length} columns; ${columns.indexOf('nMsg.sec') + 1} or more were expected (through nMsg.sec).` };
  if (!(summary.messagesPerSec > 0) || !Number.isFinite(summary.messagesPerSec)) return { ok: false, error: 'kafka-consumer-perf-test\'s nMsg.sec is 0 or not a number: there is no consumption rate to calibrate from.' };
  if (!(summary.mibPerSec > 0) || !Number.isFinite(summary.mibPerSec)) return { ok: false, error: 'kafka-consumer-perf-test\'s MB.sec is 0 or not a number: there is no consumption rate to calibrate from.' };
  const rebalanceMs = at('rebalance.time.ms');
  const fetchMs = at('fetch.time.ms');
  // The known bug: rebalance.time.ms an epoch (about 1.6e12) and fetch.time.ms negative. Neither is used then.
  const sane = fetchMs >= 0 && rebalanceMs >= 0 && rebalanceMs < 1e11;
  return { ok: true, summary: { ...summary, ...(sane ? { rebalanceMs, fetchMs } : {}) }, line: data.line };
}
