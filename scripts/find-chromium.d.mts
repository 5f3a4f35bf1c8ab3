// Types for find-chromium.mjs, so playwright.config.ts type-checks without allowJs.
/** Absolute path to a Chromium executable (CHROMIUM_PATH, system, Playwright's own), or null. */
export declare function findChromium(): string | null;
/** Flags for every Chromium the project launches. */
export declare const CHROMIUM_ARGS: readonly string[];
