// Types for find-chromium.mjs, so playwright.config.ts type-checks without allowJs.
/** Absolute path to a Chromium executable (CHROMIUM_PATH, system, Playwright's own), or null. */
export declare function findChromium(): string | null;
