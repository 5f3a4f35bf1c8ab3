/**
 * CSV text (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed). Pure.
 * The metrics export: docs/scenarios.md "Exports".
 *
 * The metrics file, `section,name,title,value,unit,text,topic`, one value a row:
 * - `config`: every input (URL name, label, value, unit). An input each topic has for itself
 *   (rate, size, partitions, …) has one row a topic, `topic` naming it; a cluster input (brokers,
 *   zones, the assumptions) has one row, `topic` empty.
 * - `metric`: every metric of a topic (the metric catalogue's names, as data-testid="metric-<name>"),
 *   one row a topic with `topic` naming it; the value is the card's data-value when that topic is
 *   selected (cluster-wide figures such as the score repeat on each topic's rows).
 * - `cluster`: the cluster's totals (ingress, ingress at peak, egress at peak, storage, partition
 *   replicas, monthly cost, health score), `topic` empty.
 * - `cost`: each line of the monthly cost estimate, `topic` empty.
 * Rows follow the catalogue's order; a per-topic row is repeated for each topic in the plan's
 * order, one after the other. `topic` is the last column so the columns of the one-topic file
 * (before clusters) keep their places.
 */

export type CsvCell = string | number;

/** Spreadsheets run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function csvCell(cell: CsvCell): string {
  let text = typeof cell === 'number' ? String(cell) : cell;
  // Text (never a number like "-5") that a spreadsheet would run as a formula gets a leading quote.
  if (typeof cell === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One row of the metrics file: a config input, a metric, a cluster total or a cost line. */
export interface CsvRow {
  /** The URL param name (config) or the metric name (data-testid without "metric-"). */
  readonly name: string;
  /** The topic the row is about; absent or '' for the cluster's rows. */
  readonly topic?: string;
  readonly title: string;
  /** In base units; Infinity where unbounded (as the cards' data-value). */
  readonly value: number;
  readonly unit: string;
  /** As the app shows it. */
  readonly text: string;
}

export const METRICS_CSV_HEADER = ['section', 'name', 'title', 'value', 'unit', 'text', 'topic'] as const;

function csvRow(section: string, r: CsvRow): CsvCell[] {
  return [section, r.name, r.title, r.value, r.unit, r.text, r.topic ?? ''];
}

/** The plan's inputs first (section "config"), then the topics' metrics ("metric"), the cluster's totals ("cluster") and the cost lines ("cost"). */
export function metricsCsv(configRows: readonly CsvRow[], metricRows: readonly CsvRow[], clusterRows: readonly CsvRow[] = [], costRows: readonly CsvRow[] = []): string {
  return toCsv([
    [...METRICS_CSV_HEADER],
    ...configRows.map((r) => csvRow('config', r)),
    ...metricRows.map((r) => csvRow('metric', r)),
    ...clusterRows.map((r) => csvRow('cluster', r)),
    ...costRows.map((r) => csvRow('cost', r)),
  ]);
}
