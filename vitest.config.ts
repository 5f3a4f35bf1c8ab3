import { defineConfig } from 'vitest/config';

// Only unit and property tests: e2e/*.spec.ts belong to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
