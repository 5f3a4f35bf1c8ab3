import { build } from 'vite';

/**
 * Vitest's global setup: the command line is bundled once (dist-cli/, as `npm run plan` does)
 * before any test runs it as a process, so no two tests build it at once.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: new URL('../../vite.cli.config.ts', import.meta.url).pathname, logLevel: 'error' });
}
