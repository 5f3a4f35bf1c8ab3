import { defineConfig } from 'vitest/config';

// Only unit and property tests: e2e/*.spec.ts belong to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // global.gc for the simulation soak (src/sim/soak.test.ts): it samples the heap after a full GC.
    execArgv: ['--expose-gc'],
  },
});
