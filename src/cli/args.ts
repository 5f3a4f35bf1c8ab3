/**
 * The command line's words → a command, its plan argument and its options, or why not. Usage
 * errors exit 2, like unreadable input: a pipeline must never read a typo as a passing plan.
 */

export const COMMANDS = ['check', 'recommend', 'export'] as const;
export type Command = (typeof COMMANDS)[number];

/** Options that take a value, and switches, by command: an option another command takes is refused, not ignored. */
const CALIBRATION_OPTIONS = ['--calibrate', '--calibrate-consumer', '--test-partitions', '--topic'] as const;
const VALUE_OPTIONS: Readonly<Record<Command, readonly string[]>> = {
  check: ['--fail-under', '--growth', ...CALIBRATION_OPTIONS],
  recommend: ['--out', '--growth', ...CALIBRATION_OPTIONS],
  export: ['--format', '--out', '--strimzi-api', '--growth', ...CALIBRATION_OPTIONS],
};
const SWITCHES: Readonly<Record<Command, readonly string[]>> = {
  check: ['--json'],
  recommend: ['--json', '--apply'],
  export: [],
};

export interface ParsedArgs {
  readonly command: Command;
  /** A plan file, `-` for standard input, or a link. */
  readonly plan: string;
  readonly options: ReadonlyMap<string, string>;
  readonly switches: ReadonlySet<string>;
}

export type ArgsResult = { readonly ok: true; readonly args: ParsedArgs } | { readonly ok: false; readonly help: boolean; readonly error: string };

export const USAGE = `Usage: eventflow-planner <command> <plan> [options]     (in this repo: npm run plan -- <command> …)

<plan> is a plan file (the page's "Download JSON"), - for standard input, or a link
(https://…?v=2&… or ?v=2&…), read exactly as the page reads it.

Commands
  check <plan>       the verdict, the binding topic and check, each check's finding, the
                     recommended counts. Exit 0 when the health score is at least --fail-under,
                     1 when below, 2 when the input cannot be read.
      --json             one JSON object on stdout instead of text
      --fail-under N     the lowest passing score, 0 – 100 (default 100)
  recommend <plan>   the recommended counts on the plan's broker type, and the cheapest type
      --apply            write the plan with those counts: back to the plan file, or to --out
      --out FILE         where --apply writes (- for standard output)
      --json             the recommendation as one JSON object
  export <plan> --format kafka-topics|strimzi|csv|plan
      --out FILE         write to FILE instead of standard output
      --strimzi-api V    kafka.strimzi.io/v1 (default) or kafka.strimzi.io/v1beta2

Options of every command
  --growth N               plan for N × today's rate (1 – 10), as the page's "Growth to plan for"
  --calibrate FILE         kafka-producer-perf-test output: sets the partition throughput limit,
                           the event size and the produce latency floor (docs/plan-file.md)
  --calibrate-consumer F   kafka-consumer-perf-test output (optional, with --calibrate)
  --test-partitions N      partitions of the topic the perf test wrote to (default 1)
  --topic NAME             the topic whose event size the perf test measured (default: the first)
`;

function usageError(error: string): ArgsResult {
  return { ok: false, help: false, error };
}

export function parseArgs(argv: readonly string[]): ArgsResult {
  const [commandWord, ...rest] = argv;
  if (commandWord === undefined || commandWord === 'help' || commandWord === '--help' || commandWord === '-h') return { ok: false, help: true, error: '' };
  if (!(COMMANDS as readonly string[]).includes(commandWord)) return usageError(`unknown command "${commandWord}" (commands: ${COMMANDS.join(', ')})`);
  const command = commandWord as Command;
  const options = new Map<string, string>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const word = rest[i] as string;
    if (word === '--help' || word === '-h') return { ok: false, help: true, error: '' };
    // "-" alone is standard input; anything else starting with "-" is an option.
    if (!word.startsWith('-') || word === '-') {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (SWITCHES[command].includes(name)) {
      if (eq > 0) return usageError(`${name} takes no value`);
      switches.add(name);
      continue;
    }
    if (!VALUE_OPTIONS[command].includes(name)) return usageError(`unknown option ${name} for ${command}`);
    const value = eq > 0 ? word.slice(eq + 1) : rest[(i += 1)];
    if (value === undefined) return usageError(`${name} needs a value`);
    if (options.has(name)) return usageError(`${name} given twice`);
    options.set(name, value);
  }
  if (positional.length === 0) return usageError(`${command} needs a plan: a plan file, - or a link`);
  if (positional.length > 1) return usageError(`${command} takes one plan; also given: ${positional.slice(1).join(' ')}`);
  if (command === 'export' && !options.has('--format')) return usageError('export needs --format kafka-topics, strimzi, csv or plan');
  return { ok: true, args: { command, plan: positional[0] as string, options, switches } };
}
