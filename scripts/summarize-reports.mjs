// Turns the runners' JSON reports into pass/fail/skip counts for the CI's closing line.
// Pure functions (plus one small file reader) so the counting can be checked on fake reports.
// Shapes: vitest JsonTestResults (vitest/dist/chunks/reporters.d.*.d.ts) and
// Playwright JSONReport (playwright/types/testReporter.d.ts).
import { readFileSync } from 'node:fs';

/** @typedef {{ passed: number, failed: number, skipped: number, note?: string }} Counts */

const isCount = (n) => Number.isInteger(n) && n >= 0;

/** Parsed JSON, or null if the file is missing or unparsable (callers count that as a failure). */
export function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** A step that is not a test run (type-check, lint, build...): 1 passed or 1 failed. */
export function countStep(ok) {
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

/**
 * Vitest: tests from the summary numbers, plus one failure per test file that failed
 * without a failing test in it (import/syntax error, failing beforeAll...).
 * @param {any} report parsed reports/vitest.json or null
 * @param {number | null} exitCode vitest's exit status
 * @returns {Counts}
 */
export function summarizeVitest(report, exitCode) {
  const r = report;
  if (!r || ![r.numPassedTests, r.numFailedTests, r.numPendingTests, r.numTodoTests].every(isCount) || !Array.isArray(r.testResults)) {
    return { passed: 0, failed: 1, skipped: 0, note: 'vitest report missing or unreadable' };
  }
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const counts = {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles,
    skipped: r.numPendingTests + r.numTodoTests,
  };
  if (brokenFiles) counts.note = `${brokenFiles} test file(s) failed outside any test`;
  return failIfExitDisagrees(counts, exitCode, 'vitest');
}

/**
 * Playwright: expected = passed; unexpected and flaky = failed (no retries, so flaky is
 * not a pass); each global error (web server did not start, no tests found...) = failed.
 * @param {any} report parsed reports/playwright.json or null
 * @param {number | null} exitCode playwright's exit status
 * @returns {Counts}
 */
export function summarizePlaywright(report, exitCode) {
  const s = report?.stats;
  if (!s || ![s.expected, s.unexpected, s.flaky, s.skipped].every(isCount)) {
    return { passed: 0, failed: 1, skipped: 0, note: 'playwright report missing or unreadable' };
  }
  const globalErrors = Array.isArray(report.errors) ? report.errors.length : 0;
  const counts = { passed: s.expected, failed: s.unexpected + s.flaky + globalErrors, skipped: s.skipped };
  if (globalErrors) counts.note = `${globalErrors} global error(s)`;
  return failIfExitDisagrees(counts, exitCode, 'playwright');
}

/** A runner that exits non-zero has failed even if its report shows no failing test
 *  (e.g. vitest's unhandled errors or "no test files found" are not in its JSON). */
function failIfExitDisagrees(counts, exitCode, name) {
  if (exitCode !== 0 && counts.failed === 0) {
    return { ...counts, failed: 1, note: `${name} exited with ${exitCode} but its report shows no failure` };
  }
  return counts;
}

/** Sums per-step counts. @param {Counts[]} rows */
export function total(rows) {
  return rows.reduce(
    (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** The one line the CI reads. @param {Counts} t */
export function closingLine(t) {
  return `tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}

/** Plain-text per-step table. @param {(Counts & { name: string, seconds?: number })[]} rows */
export function formatTable(rows) {
  const width = Math.max(4, ...rows.map((r) => r.name.length));
  const lines = [`${'step'.padEnd(width)}  result  passed  failed  skipped  time`];
  for (const r of rows) {
    const result = r.failed ? 'FAIL' : r.passed ? 'ok' : 'skip';
    const time = r.seconds === undefined ? '' : `${r.seconds.toFixed(1)}s`;
    lines.push(
      `${r.name.padEnd(width)}  ${result.padEnd(6)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${time.padStart(5)}${r.note ? `  (${r.note})` : ''}`,
    );
  }
  return lines.join('\n');
}
