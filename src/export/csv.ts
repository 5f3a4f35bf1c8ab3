/**
 * CSV text (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed). Pure.
 * The metrics export: docs/scenarios.md "Exports".
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

/** One row of the metrics file: a config input or a metric. */
export interface CsvRow {
  /** The URL param name (config) or the metric name (data-testid without "metric-"). */
  readonly name: string;
  readonly title: string;
  /** In base units; Infinity where unbounded (as the cards' data-value). */
  readonly value: number;
  readonly unit: string;
  /** As the app shows it. */
  readonly text: string;
}

export const METRICS_CSV_HEADER = ['section', 'name', 'title', 'value', 'unit', 'text'] as const;

/** The plan's inputs first (section "config"), then one row per metric (section "metric"). */
export function metricsCsv(configRows: readonly CsvRow[], metricRows: readonly CsvRow[]): string {
  const row = (section: string, r: CsvRow): CsvCell[] => [section, r.name, r.title, r.value, r.unit, r.text];
  return toCsv([[...METRICS_CSV_HEADER], ...configRows.map((r) => row('config', r)), ...metricRows.map((r) => row('metric', r))]);
}
