import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

// Why: Playwright's browser download is blocked on some machines; a system Chromium
// (or CHROMIUM_PATH) works. undefined lets Playwright use its own download.
const executablePath = findChromium() ?? undefined;

// Fixed port with --strictPort so a busy port fails loudly; E2E_PORT lets two checkouts
// on one machine run side by side (under CI=true an existing server is never reused).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // Long variants (the Chromium soak) run only under `npm run test:long` (playwright.long.config.ts).
  testIgnore: '**/*.long.spec.ts',
  // A stray test.only must fail CI rather than silently run one test.
  forbidOnly: !!process.env.CI,
  // No retries, in CI too: a test that only passes on a second try is reported as failing.
  retries: 0,
  // Generous waits, no retries: on a loaded 2-core machine the lazy sections take seconds to
  // appear; a wait that times out still fails the test.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One worker in CI: the simulation tests are CPU-heavy and the web server shares the 2 cores.
  workers: process.env.CI ? 1 : 2,
  reporter: [
    ['list'],
    // Not under test-results/: Playwright empties that directory at start.
    ['json', { outputFile: 'reports/playwright.json' }],
  ],
  use: {
    baseURL: BASE_URL,
    headless: true,
    // The app has a "Copy link" button.
    permissions: ['clipboard-read', 'clipboard-write'],
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: [...CHROMIUM_ARGS] },
      },
    },
  ],
  webServer: {
    // Serves dist/: `vite build` must have run first (npm test does that).
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    // Locally reuse a running preview; in CI always start our own.
    reuseExistingServer: !process.env.CI,
    // Node answers 431 to a request line over 16 KiB; Chromium opens links up to 2 MiB, and the
    // URL fuzz generates some that long (docs/reliability.md). A host's own limit is not the app's.
    env: { NODE_OPTIONS: '--max-http-header-size=4194304' },
  },
});
