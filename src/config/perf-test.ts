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
  /** Absent when not printed or nonsense (a known bug prints an epoch time here and a negative fetch time). */
  readonly rebalanceMs?: number;
  readonly fetchMs?: number;
}

export type PerfResult<S> = { readonly ok: true; readonly summary: S; readonly line: string } | { readonly ok: false; readonly error: string };
export type ProducerPerfResult = PerfResult<ProducerPerfSummary>;
export type ConsumerPerfResult = PerfResult<ConsumerPerfSummary>;

/** Past this the text is not perf-test output pasted by a person: refused unread. */
export const MAX_PERF_TEXT_CHARS = 200_000;

// A number as Java's String.format prints it; a comma decimal where the JVM's locale uses one.
const NUM_TEXT = '-?\\d+(?:[.,]\\d+)?(?:[eE][+-]?\\d+)?';
const NUM = `(${NUM_TEXT})`;
const NUMBER_CELL = new RegExp(`^${NUM_TEXT}$`);
const PROGRESS = new RegExp(`^${NUM} records sent, ${NUM} records/sec \\(${NUM} MB/sec\\), ${NUM} ms avg latency, ${NUM}(?: ms)? max latency`);
const PERCENTILES = new RegExp(`, ${NUM} ms 50th, ${NUM} ms 95th, ${NUM} ms 99th, ${NUM} ms 99\\.9th\\.?$`);
/** A consumer data line starts with its start time ("2024-02-21 19:36:23:839, "). */
const DATED_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[:.,]\d{1,3}, /;

export const PRODUCER_SUMMARY_FORM =
  '"N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, P ms 50th, P ms 95th, P ms 99th, P ms 99.9th."';
export const CONSUMER_HEADER = 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';
/** The columns by position, for --hide-header (older versions stop after nMsg.sec). */
const CONSUMER_COLUMNS = CONSUMER_HEADER.split(', ');
const REQUIRED_CONSUMER_COLUMNS = ['data.consumed.in.MB', 'MB.sec', 'data.consumed.in.nMsg', 'nMsg.sec'];
/** Above this a rebalance time is an epoch timestamp (the known bug), not a duration: about three years. */
const MAX_SANE_REBALANCE_MS = 1e11;

/** Pasted text ends lines with \n, \r\n or a lone \r; trimmed, blank lines dropped. */
function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Java may print "7,00" (comma-decimal locales); Number() wants "7.00". */
function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Untrusted callers may pass anything, and a huge paste is not a person's run: refused before reading. */
function refusal(text: unknown, tool: string): string {
  if (typeof text !== 'string') return `The ${tool} output is not text.`;
  if (text.length <= MAX_PERF_TEXT_CHARS) return '';
  return `The ${tool} output is too long (${text.length.toLocaleString('en-US')} characters; at most ${MAX_PERF_TEXT_CHARS.toLocaleString('en-US')} are read).`;
}

/** Calibration needs the tool's final summary (throughput and percentiles); progress lines lack the percentiles, so only the last summary counts. */
export function parseProducerPerfTest(text: string): ProducerPerfResult {
  const refused = refusal(text, 'kafka-producer-perf-test');
  if (refused) return { ok: false, error: refused };
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
    const [records, recordsPerSec, mibPerSec, avgLatencyMs, maxLatencyMs] = head.slice(1).map(toNumber) as [number, number, number, number, number];
    const [p50LatencyMs, p95LatencyMs, p99LatencyMs, p999LatencyMs] = tail.slice(1).map(toNumber) as [number, number, number, number];
    const summary = { records, recordsPerSec, mibPerSec, avgLatencyMs, maxLatencyMs, p50LatencyMs, p95LatencyMs, p99LatencyMs, p999LatencyMs };
    const problem = producerSummaryProblem(summary);
    return problem ? { ok: false, error: problem } : { ok: true, summary, line };
  }
  return {
    ok: false,
    error: sawProgress
      ? `Only kafka-producer-perf-test's progress lines were found, not its final summary with the 50th, 95th, 99th and 99.9th percentile latencies: the run may have been stopped early. Paste the last line, of the form ${PRODUCER_SUMMARY_FORM}`
      : `No kafka-producer-perf-test summary line was found. Paste its last line, of the form ${PRODUCER_SUMMARY_FORM}`,
  };
}

/** A summary that parses can still be useless to calibrate from (no throughput) or impossible (negative latency); '' when sound. */
function producerSummaryProblem(s: ProducerPerfSummary): string {
  if (!(s.records > 0) || !Number.isFinite(s.records)) return 'The summary line reports no records sent.';
  if (!(s.recordsPerSec > 0) || !Number.isFinite(s.recordsPerSec)) return `The summary line's records/sec (${s.recordsPerSec}) is 0 or not a finite number: there is no throughput to calibrate from.`;
  if (!(s.mibPerSec > 0) || !Number.isFinite(s.mibPerSec)) return `The summary line's MB/sec (${s.mibPerSec}) is 0 or not a finite number: there is no throughput to calibrate from.`;
  const latenciesMs: [string, number][] = [['avg', s.avgLatencyMs], ['max', s.maxLatencyMs], ['50th', s.p50LatencyMs], ['95th', s.p95LatencyMs], ['99th', s.p99LatencyMs], ['99.9th', s.p999LatencyMs]];
  const bad = latenciesMs.find(([, ms]) => !(ms >= 0) || !Number.isFinite(ms));
  if (!bad) return '';
  return `The summary line's ${bad[0]} latency (${bad[1]} ms) is ${bad[1] < 0 ? 'negative' : 'not a finite number'}.`;
}

/** Kafka joins cells with ", "; splitting on that keeps comma decimals ("0,9766") whole. */
function cellsOf(line: string): string[] {
  return (line.includes(', ') ? line.split(', ') : line.split(',')).map((cell) => cell.trim());
}

/** A data line begins with its start time; with a custom --date-format, cells 3 to 6 are still numbers. */
function isConsumerDataLine(line: string, cells: readonly string[]): boolean {
  return DATED_LINE.test(line) || (cells.length >= 6 && cells.slice(2, 6).every((cell) => NUMBER_CELL.test(cell)));
}

/** Calibration needs the whole run's MB.sec and nMsg.sec; the header, when printed, names the columns (else they go by position), and the last data line counts. */
export function parseConsumerPerfTest(text: string): ConsumerPerfResult {
  const refused = refusal(text, 'kafka-consumer-perf-test');
  if (refused) return { ok: false, error: refused };
  let columns: readonly string[] = CONSUMER_COLUMNS;
  let sawHeader = false;
  let data: { cells: string[]; columns: readonly string[]; line: string } | null = null;
  for (const line of linesOf(text)) {
    const cells = cellsOf(line);
    if (cells.includes('start.time') || cells.includes('MB.sec')) {
      columns = cells;
      sawHeader = true;
    } else if (isConsumerDataLine(line, cells)) data = { cells, columns, line };
  }
  if (!data) {
    return {
      ok: false,
      error: sawHeader
        ? 'kafka-consumer-perf-test\'s header was found but no data line after it (a line starting with the start time, e.g. "2024-02-21 19:36:23:839, …"): the run may have consumed nothing.'
        : `No kafka-consumer-perf-test line was found. Paste its CSV header and data line: "${CONSUMER_HEADER}" then the line of numbers.`,
    };
  }
  const { cells, line } = data;
  const cols = data.columns;
  const missing = REQUIRED_CONSUMER_COLUMNS.filter((name) => !cols.includes(name));
  if (missing.length > 0) return { ok: false, error: `kafka-consumer-perf-test's header has no ${missing.join(', ')} column.` };
  const neededCells = Math.max(...REQUIRED_CONSUMER_COLUMNS.map((name) => cols.indexOf(name))) + 1;
  if (cells.length < neededCells) return { ok: false, error: `kafka-consumer-perf-test's data line has ${cells.length} columns; ${neededCells} or more were expected (through nMsg.sec).` };
  const at = (name: string): number => {
    const cell = cells[cols.indexOf(name)];
    return cell !== undefined && NUMBER_CELL.test(cell) ? toNumber(cell) : Number.NaN;
  };
  const summary = { dataMiB: at('data.consumed.in.MB'), mibPerSec: at('MB.sec'), messages: at('data.consumed.in.nMsg'), messagesPerSec: at('nMsg.sec') };
  if (!(summary.mibPerSec > 0) || !Number.isFinite(summary.mibPerSec)) return { ok: false, error: 'kafka-consumer-perf-test\'s MB.sec is 0 or not a number: there is no consumption rate to calibrate from.' };
  if (!(summary.messagesPerSec > 0) || !Number.isFinite(summary.messagesPerSec)) return { ok: false, error: 'kafka-consumer-perf-test\'s nMsg.sec is 0 or not a number: there is no consumption rate to calibrate from.' };
  if (!(summary.messages >= 0) || !(summary.dataMiB >= 0)) return { ok: false, error: 'kafka-consumer-perf-test\'s data.consumed.in.MB or data.consumed.in.nMsg is negative or not a number.' };
  const rebalanceMs = at('rebalance.time.ms');
  const fetchMs = at('fetch.time.ms');
  // The known bug: rebalance.time.ms an epoch time and fetch.time.ms (the run less it) negative; neither means anything then.
  const fetchSane = fetchMs >= 0 && Number.isFinite(fetchMs);
  const rebalanceSane = rebalanceMs >= 0 && rebalanceMs < MAX_SANE_REBALANCE_MS && !(fetchMs < 0);
  return { ok: true, summary: { ...summary, ...(rebalanceSane ? { rebalanceMs } : {}), ...(fetchSane ? { fetchMs } : {}) }, line };
}
