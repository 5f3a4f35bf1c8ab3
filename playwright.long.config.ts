import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run test:long` (scripts/run-long-tests.mjs, LONG=1): the long variants of the reliability
 * suites in Chromium — 600 fuzzed links and the 10-minute simulation soak. Same browser, server
 * and settings as playwright.config.ts; one worker, so the soak has the machine to itself.
 * docs/reliability.md.
 */
const [chromium] = base.projects ?? [];
const launchOptions = chromium?.use?.launchOptions ?? {};

export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: ['url-fuzz.spec.ts', '*.long.spec.ts'],
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-long.json' }]],
  projects: [
    {
      ...chromium,
      name: 'chromium',
      use: {
        ...chromium?.use,
        // measureUserAgentSpecificMemory measures at once instead of at the next GC (up to 20 s).
        launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), '--enable-blink-features=ForceEagerMeasureMemory'] },
      },
    },
  ],
});
