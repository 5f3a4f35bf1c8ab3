import { expect, type Page } from '@playwright/test';
import { PARAMS, type ParamSpec } from '../src/config/schema';

/** The number a metric card carries in base units (data-value), as a person's program reads it. */
/**
 * Waits until a metric card shows `value` in its data-value. The cards below the answers follow the
 * plan in a React transition (usePlanInTransition), a frame or two after the input: read at once,
 * they may still show the plan before it.
 */
export async function expectMetric(page: Page, name: string, value: number): Promise<void> {
  await expect.poll(() => metricValue(page, name), { message: `metric-${name}` }).toBe(value);
}

export async function metricValue(page: Page, name: string): Promise<number> {
  const raw = await page.getByTestId(`metric-${name}`).getAttribute('data-value');
  expect(raw, `metric-${name} has a data-value`).not.toBeNull();
  return Number(raw);
}

/** Fails the test on any uncaught page error or native dialog (alert/confirm from injected script). */
export function watchForBreakage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

export function queryOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/**
 * Waits until the lazily loaded sections (charts, simulation) are in place. Until then the charts'
 * chunk can arrive and grow the page by a screen or more, moving everything below it: a click on
 * an export button at that moment lands where the button was, not where it is.
 */
export async function waitForLazySections(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Charts' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeAttached();
}

const TOPIC_PARAMS = new Set<string>((PARAMS as readonly ParamSpec[]).filter((spec) => spec.scope === 'topic').map((spec) => spec.name));

/** A parameter's name in the link: topic inputs carry their topic's index (`t0.rate`), the cluster's do not (`brokers`). */
export function linkName(param: string, topic = 0): string {
  return TOPIC_PARAMS.has(param) ? `t${topic}.${param}` : param;
}
