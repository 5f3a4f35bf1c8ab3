// Finds a Chromium binary Playwright can drive, or returns null.
// Why: `npx playwright install` cannot download on some machines (CI here), but a
// system Chromium (e.g. Debian's /usr/bin/chromium) works via launchOptions.executablePath.
// Order: CHROMIUM_PATH, a system Chromium, then Playwright's own download.
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join, resolve } from 'node:path';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** True if `p` is an executable regular file (a bare `existsSync` would accept directories). */
function isExecutable(p) {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Like `which name`: the first executable `name` on PATH, without spawning a process. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return resolve(candidate);
  }
  return null;
}

/** Playwright's own Chromium, only if it has actually been downloaded. */
function playwrightChromium() {
  // createRequire keeps this synchronous (playwright.config.ts needs the value at load time).
  const require = createRequire(import.meta.url);
  for (const pkg of ['playwright-core', '@playwright/test']) {
    try {
      const p = require(pkg).chromium.executablePath();
      if (p && isExecutable(p)) return p;
    } catch {
      // Package missing or no registry entry for this platform: try the next one.
    }
  }
  return null;
}

/**
 * Flags for every Chromium the project launches (Playwright tests, the benchmark):
 * --disable-gpu/--disable-quic are needed for Debian's Chromium in containers; the rest keep the
 * browser from phoning home or popping first-run UI.
 */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {string | null} absolute path to a Chromium executable, or null if none is found. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    const p = resolve(fromEnv); // absolute and normalised, as promised
    if (isExecutable(p)) return p;
  }
  for (const name of SYSTEM_NAMES) {
    const p = join('/usr/bin', name);
    if (isExecutable(p)) return p;
  }
  for (const name of SYSTEM_NAMES) {
    const p = which(name);
    if (p) return p;
  }
  return playwrightChromium();
}
