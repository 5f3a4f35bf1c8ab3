import { calibratePlan, type CalibrationResult } from '../config/calibration';
import { readValue } from '../config/read-value';
import { paramSpec, type ParamSpec } from '../config/schema';
import { decodePlan } from '../config/url-codec';
import type { ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics } from '../engine/compute-metrics';
import { kafkaTopicsCommands } from '../export/kafka-topics';
import { planMetricsCsv, topicSpecsFor } from '../export/plan-exports';
import { planReport, planReportText, recommendationText, sizePlan } from '../export/plan-report';
import { MAX_SCENARIO_FILE_CHARS, parseScenarioFile, serializeScenarioFile, type ConfigNotice } from '../export/scenario-file';
import { STRIMZI_API_VERSIONS, strimziKafkaTopicsYaml, type StrimziApiVersion } from '../export/strimzi';
import { parseArgs, USAGE, type ParsedArgs } from './args';

/**
 * The command line, given its I/O as plain functions (main.ts passes Node's): what it prints,
 * writes and exits with. Exit codes: 0 passes (or done), 1 the plan scores below --fail-under,
 * 2 the input, an option or a file cannot be used — with the reason on stderr.
 */
export interface CliIo {
  /** A file's text (`-`: standard input), or its size when it is far past `maxChars`; throws when it cannot be read. */
  readText(path: string, maxChars: number): { readonly text: string } | { readonly tooLarge: number };
  writeText(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_PASS = 0;
export const EXIT_BELOW = 1;
export const EXIT_UNREADABLE = 2;

/** Where a file written without one points editors for its schema: the package's copy, beside the plan in a repo that installed it. */
export const CLI_SCHEMA_REF = './node_modules/eventflow-planner/public/plan-file.schema.json';
const MAX_PERF_OUTPUT_CHARS = 200_000;

class CliError extends Error {}

interface LoadedPlan {
  readonly plan: ClusterPlan;
  /** The file it came from (undefined for a link or standard input): where --apply writes back. */
  readonly path: string | undefined;
  readonly name: string | undefined;
  readonly schemaRef: string | undefined;
}

function readFileText(io: CliIo, path: string, maxChars: number, what: string): string {
  let read: ReturnType<CliIo['readText']>;
  try {
    read = io.readText(path, maxChars);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(`cannot read the ${what} ${path === '-' ? 'from standard input' : `"${path}"`}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
  if ('tooLarge' in read) throw new CliError(`the ${what} "${path}" is too large (${read.tooLarge.toLocaleString('en-US')} bytes; at most ${maxChars.toLocaleString('en-US')} characters are read)`);
  return read.text;
}

/** A link as the page's address bar holds it, or its query alone; null when the argument is not a link. */
function linkQuery(argument: string): string | null {
  if (argument.startsWith('?')) return argument;
  if (!/^https?:\/\//i.test(argument)) return null;
  try {
    return new URL(argument).search;
  } catch {
    throw new CliError(`"${argument.slice(0, 80)}" is not a valid link`);
  }
}

function noticeLines(source: string, notices: readonly Pick<ConfigNotice, 'param' | 'given' | 'reason'>[]): string {
  return notices.map((n) => `${source}: ${n.param}: ${n.given} — ${n.reason}\n`).join('');
}

/** The plan a file, standard input or link holds, read by the page's rules; every value changed is said on stderr. */
function loadPlan(io: CliIo, argument: string): LoadedPlan {
  const query = linkQuery(argument);
  if (query !== null) {
    const { plan, notices } = decodePlan(query);
    io.stderr(noticeLines('link', notices));
    return { plan, path: undefined, name: undefined, schemaRef: undefined };
  }
  const text = readFileText(io, argument, MAX_SCENARIO_FILE_CHARS, 'plan file');
  const source = argument === '-' ? 'stdin' : argument;
  const read = parseScenarioFile(text);
  if (!read.ok) throw new CliError(`${source}: ${read.error}`);
  io.stderr(noticeLines(source, read.notices));
  return { plan: read.plan, path: argument === '-' ? undefined : argument, name: read.name, schemaRef: read.schemaRef };
}

/** An option's number by the link's rules, but strict: a value the page would have to change is refused. */
function numberOption(args: ParsedArgs, option: string, param: ParamSpec): number | undefined {
  const text = args.options.get(option);
  if (text === undefined) return undefined;
  const { value, reason } = readValue(param, text);
  if (reason) throw new CliError(`${option} ${text}: ${reason.replace(/; .*$/, '')} (${param.min} – ${param.max}${param.integer ? ', whole' : ''})`);
  return value;
}

function failUnder(args: ParsedArgs): number {
  const text = args.options.get('--fail-under');
  if (text === undefined) return 100;
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) throw new CliError(`--fail-under ${text}: a whole number from 0 to 100`);
  return value;
}

function withGrowth(plan: ClusterPlan, args: ParsedArgs): ClusterPlan {
  const growth = numberOption(args, '--growth', paramSpec('growth'));
  return growth === undefined ? plan : { ...plan, cluster: { ...plan.cluster, growthFactor: growth } };
}

function withCalibration(io: CliIo, plan: ClusterPlan, args: ParsedArgs): ClusterPlan {
  const producerPath = args.options.get('--calibrate');
  const consumerPath = args.options.get('--calibrate-consumer');
  if (producerPath === undefined) {
    if (consumerPath !== undefined || args.options.has('--test-partitions') || args.options.has('--topic')) throw new CliError('--calibrate-consumer, --test-partitions and --topic go with --calibrate');
    return plan;
  }
  const testPartitions = numberOption(args, '--test-partitions', paramSpec('partitions')) ?? 1;
  const topicName = args.options.get('--topic');
  const topicIndex = topicName === undefined ? 0 : plan.topics.findIndex((t) => t.name === topicName);
  if (topicIndex < 0) throw new CliError(`--topic ${topicName}: the plan has no such topic (topics: ${plan.topics.map((t) => t.name).join(', ')})`);
  const result: CalibrationResult = calibratePlan(plan, {
    producerText: readFileText(io, producerPath, MAX_PERF_OUTPUT_CHARS, 'producer perf-test output'),
    consumerText: consumerPath === undefined ? '' : readFileText(io, consumerPath, MAX_PERF_OUTPUT_CHARS, 'consumer perf-test output'),
    testPartitions,
    topicIndex,
  });
  if (!result.ok) throw new CliError(`--calibrate: ${result.error} Nothing was changed.`);
  io.stderr(`calibrated: ${result.steps.map((s) => `${s.label} ${s.valueText} (${s.from})`).join('; ')}\n`);
  return result.plan;
}

function write(io: CliIo, out: string | undefined, text: string): void {
  if (out === undefined || out === '-') {
    io.stdout(text);
    return;
  }
  try {
    io.writeText(out, text);
  } catch (error) {
    throw new CliError(`cannot write "${out}": ${(error as Error).message}`);
  }
}

function check(io: CliIo, plan: ClusterPlan, args: ParsedArgs): number {
  const threshold = failUnder(args);
  const report = planReport(plan);
  io.stdout(args.switches.has('--json') ? `${JSON.stringify(report, null, 2)}\n` : planReportText(report, plan));
  const passes = report.score >= threshold;
  if (!args.switches.has('--json')) io.stdout(`\n${passes ? 'PASS' : 'FAIL'}: health ${report.score}/100 ${passes ? '≥' : '<'} ${threshold} (--fail-under).\n`);
  return passes ? EXIT_PASS : EXIT_BELOW;
}

function recommend(io: CliIo, loaded: LoadedPlan, plan: ClusterPlan, args: ParsedArgs): number {
  // Sized once: the report's counts and the plan --apply writes are the same search's.
  const sized = sizePlan(plan);
  const r = planReport(plan, sized).recommendation;
  const toStdout = args.switches.has('--apply') && (args.options.get('--out') === '-' || (args.options.get('--out') === undefined && loaded.path === undefined));
  // When the plan file goes to stdout, what would be said there goes to stderr.
  const say = toStdout ? io.stderr : io.stdout;
  say(args.switches.has('--json') ? `${JSON.stringify(r, null, 2)}\n` : recommendationText(r));
  if (!args.switches.has('--apply')) return EXIT_PASS;
  if (!r.feasible) throw new CliError(`no count of ${plan.brokerType} brokers passes every broker check; nothing was written (choose a larger broker type)`);
  const out = args.options.get('--out') ?? loaded.path ?? '-';
  write(io, out, serializeScenarioFile(sized.onChosenType.plan, loaded.name, loaded.schemaRef ?? CLI_SCHEMA_REF));
  if (out !== '-') say(`Wrote the plan with the recommended counts to ${out}.\n`);
  return EXIT_PASS;
}

const FORMATS = ['kafka-topics', 'strimzi', 'csv', 'plan'] as const;

function exportPlan(io: CliIo, loaded: LoadedPlan, plan: ClusterPlan, args: ParsedArgs): number {
  const format = args.options.get('--format') as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`--format ${format}: one of ${FORMATS.join(', ')}`);
  const api = args.options.get('--strimzi-api') ?? STRIMZI_API_VERSIONS[0];
  if (!(STRIMZI_API_VERSIONS as readonly string[]).includes(api)) throw new CliError(`--strimzi-api ${api}: one of ${STRIMZI_API_VERSIONS.join(', ')}`);
  const metrics = computeClusterMetrics(plan);
  const text =
    format === 'kafka-topics'
      ? kafkaTopicsCommands(topicSpecsFor(plan, metrics))
      : format === 'strimzi'
        ? strimziKafkaTopicsYaml(topicSpecsFor(plan, metrics), undefined, api as StrimziApiVersion)
        : format === 'csv'
          ? planMetricsCsv(plan, metrics)
          : serializeScenarioFile(plan, loaded.name, loaded.schemaRef ?? CLI_SCHEMA_REF);
  write(io, args.options.get('--out'), text.endsWith('\n') ? text : `${text}\n`);
  return EXIT_PASS;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(USAGE);
      return EXIT_PASS;
    }
    io.stderr(`eventflow-planner: ${parsed.error}\n\n${USAGE}`);
    return EXIT_UNREADABLE;
  }
  const { args } = parsed;
  try {
    const loaded = loadPlan(io, args.plan);
    const plan = withCalibration(io, withGrowth(loaded.plan, args), args);
    if (args.command === 'check') return check(io, plan, args);
    if (args.command === 'recommend') return recommend(io, loaded, plan, args);
    return exportPlan(io, loaded, plan, args);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`eventflow-planner: ${error.message}\n`);
    return EXIT_UNREADABLE;
  }
}
