// Makes sure a Chromium for the e2e tests exists; installs one if not.
// Why: Playwright's download is blocked on some machines, while Debian's chromium
// package works; on a laptop `npx playwright install chromium` is the usual way.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findChromium } from './find-chromium.mjs';

/** Runs a command with inherited stdio (so install progress is visible); true on exit 0. */
function run(cmd, args, env = process.env) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.error) console.error(`ensure-chromium: could not run ${cmd}: ${r.error.message}`);
  return r.status === 0;
}

/** True if `cmd` can be started (used to detect apt-get). */
function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

if (process.env.CHROMIUM_PATH && findChromium() !== resolve(process.env.CHROMIUM_PATH)) {
  // Say so rather than silently using another browser than the one asked for.
  console.warn(`ensure-chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file; ignoring it.`);
}

let found = findChromium();
if (found) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}

console.log('ensure-chromium: no Chromium found (CHROMIUM_PATH, /usr/bin/chromium*, google-chrome*, PATH, Playwright cache).');
if (process.getuid?.() === 0 && hasCommand('apt-get')) {
  // Root on Debian/Ubuntu: the distro package works where Playwright's download is blocked.
  console.log('ensure-chromium: installing the system package with apt-get (takes about a minute)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], env)) run('apt-get', ['install', '-y', 'chromium'], env);
} else {
  console.log("ensure-chromium: downloading Playwright's Chromium with `npx playwright install chromium`...");
  run('npx', ['playwright', 'install', 'chromium']);
}

found = findChromium();
if (found) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}
console.error(
  'ensure-chromium: still no Chromium. Install Chromium or Chrome yourself, then point the tests at it:\n' +
    '  CHROMIUM_PATH=/path/to/chromium npm test',
);
process.exit(1);
