import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { runCli, type CliIo } from './run';

// The one file of the command line that touches Node: files, streams, the exit code. Everything it
// decides is in run.ts, which is given these as plain functions.
const io: CliIo = {
  readText(path, maxChars) {
    const bytes = path === '-' ? Number.NaN : statSync(path).size;
    // A file far past the limit is refused unread (UTF-8: at most 4 bytes a character).
    if (bytes > maxChars * 4) return { tooLarge: bytes };
    return { text: readFileSync(path === '-' ? 0 : path, 'utf8') };
  },
  writeText(path, text) {
    writeFileSync(path, text, 'utf8');
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

// A reader that stops early (`| head`) closes the pipe: what is left unread is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = runCli(process.argv.slice(2), io);
