import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';

// The command line (`npm run plan`, the package's `bin`): src/cli/main.ts bundled for Node ≥ 20, the
// engine and config inside it, Node's own modules left to Node. No React, no CSS: nothing of the page.
export default defineConfig({
  plugins: [
    {
      // Runnable as ./dist-cli/eventflow-planner.mjs, as npm makes a package's bin when it installs it.
      name: 'executable-bin',
      writeBundle(options, bundle) {
        for (const file of Object.keys(bundle)) chmodSync(join(options.dir ?? 'dist-cli', file), 0o755);
      },
    },
  ],
  // public/ is the page's (favicon, schema): not copied next to the command.
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'eventflow-planner.mjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true },
});
