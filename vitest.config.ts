import { defineConfig } from 'vitest/config';

// Only unit and property tests: e2e/*.spec.ts belong to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of plans: seconds of CPU, several times more when CI shares the
    // machine. Nothing here waits on time, so a generous limit only catches a hang.
    testTimeout: 60_000,
    // global.gc for the simulation soak (src/sim/soak.test.ts): it samples the heap after a full GC.
    execArgv: ['--expose-gc'],
    // The command line's tests run the built command (src/cli/*.test.ts): built once, first.
    globalSetup: ['src/test-support/build-cli.global-setup.ts'],
  },
});
