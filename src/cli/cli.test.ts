import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibratePlan } from '../config/calibration';
import { CLUSTER_PRESETS } from '../config/presets';
import { DEFAULT_CONFIG } from '../config/schema';
import { encodePlan } from '../config/url-codec';
import { CLUSTER_METRIC_CATALOG } from '../engine/cluster-metric-catalog';
import { singleTopicPlan, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics } from '../engine/compute-metrics';
import { METRIC_CATALOG } from '../engine/metric-catalog';
import { planVerdict } from '../engine/verdict';
import { kafkaTopicsCommands } from '../export/kafka-topics';
import { planMetricsCsv, topicSpecsFor } from '../export/plan-exports';
import { planReport, recommendedPlan } from '../export/plan-report';
import { parseScenarioFile, serializeScenarioFile } from '../export/scenario-file';
import { strimziKafkaTopicsYaml } from '../export/strimzi';

// The command as a process (built by src/test-support/build-cli.global-setup.ts, as `npm run plan` builds it).
const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'dist-cli/eventflow-planner.mjs');
const dir = mkdtempSync(join(tmpdir(), 'eventflow-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const DEFAULT_PLAN = singleTopicPlan(DEFAULT_CONFIG, 'events', 'kafka.m5.2xlarge');
// A cluster preset that fails one check on purpose (LinkedIn fan-out: broker storage).
const CLUSTER = (CLUSTER_PRESETS.find((p) => p.problem !== null) as { plan: ClusterPlan }).plan;
const PRODUCER_RUN = [
  '3274096 records sent, 654688.3 records/sec (62.44 MB/sec), 5.6 ms avg latency, 230.0 ms max latency.',
  '5000000 records sent, 751992.780869 records/sec (71.72 MB/sec), 7.00 ms avg latency, 230.00 ms max latency, 4 ms 50th, 29 ms 95th, 53 ms 99th, 68 ms 99.9th.',
].join('\n');

/** What the page writes in each card's data-value (String(value)), by the card's name: the first topic's cards, then the cluster's. */
function pageValues(plan: ClusterPlan): Record<string, string> {
  const metrics = computeClusterMetrics(plan);
  const topic = metrics.topics[0];
  if (!topic) throw new Error('no topic');
  return {
    ...Object.fromEntries(METRIC_CATALOG.map((e) => [e.name, String(e.value(topic))])),
    ...Object.fromEntries(CLUSTER_METRIC_CATALOG.map((e) => [e.name, String(e.value(metrics))])),
  };
}

const asDataValues = (metrics: Record<string, unknown>) => Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, String(v)]));

describe('check', () => {
  it('--json: one object whose metrics are the page data-values, verdict and score, for a one-topic plan and a cluster', () => {
    for (const plan of [DEFAULT_PLAN, CLUSTER]) {
      const r = run(['check', file('plan.json', serializeScenarioFile(plan, 'p')), '--json', '--fail-under', '0']);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(asDataValues(report.metrics)).toEqual(pageValues(plan));
      const metrics = computeClusterMetrics(plan);
      expect(report.score).toBe(metrics.health.score);
      expect(report.headline).toBe(planVerdict(plan, metrics).headline);
      expect(report.checks.map((c: { id: string }) => c.id)).toEqual(metrics.health.factors.map((f) => f.id));
      expect(report.topics).toHaveLength(plan.topics.length);
      expect(report.recommendation.brokers).toBe(recommendedPlan(plan).cluster.brokers);
    }
  });

  it('an unbounded figure is "Infinity", as the page writes it', () => {
    const overloaded = singleTopicPlan({ ...DEFAULT_CONFIG, consumersPerGroup: 1, partitions: 1 }, 'events', 'kafka.m5.2xlarge');
    const r = run(['check', file('overloaded.json', serializeScenarioFile(overloaded)), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.metrics.latency).toBe('Infinity');
    expect(report.verdict).toBe('overloaded');
    expect(report.binding).toEqual({ check: 'consumers', name: 'Consumer capacity', topic: 'events' });
  });

  it('text: the headline, the binding check, every finding and the recommended counts; exits 1 below --fail-under, 0 at or above it', () => {
    const report = planReport(CLUSTER);
    const path = file('cluster.json', serializeScenarioFile(CLUSTER));
    const r = run(['check', path]);
    expect(report.score).toBeLessThan(100);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${report.headline} Health ${report.score}/100.`);
    for (const check of report.checks) expect(r.stdout).toContain(`${check.name}: ${check.finding}`);
    for (const t of report.recommendation.topics) expect(r.stdout).toContain(`${t.name}: ${t.partitions} partitions`);
    expect(r.stdout).toContain(`FAIL: health ${report.score}/100 < 100`);
    expect(run(['check', path, '--fail-under', String(report.score)]).code).toBe(0);
    expect(run(['check', path, '--fail-under', String(report.score + 1)]).code).toBe(1);
  });

  it('reads a link exactly as the page does, and standard input', () => {
    const fromFile = JSON.parse(run(['check', file('c.json', serializeScenarioFile(CLUSTER)), '--json']).stdout);
    const fromLink = JSON.parse(run(['check', `https://planner.example/?${encodePlan(CLUSTER)}`, '--json']).stdout);
    const fromQuery = JSON.parse(run(['check', `?${encodePlan(CLUSTER)}`, '--json']).stdout);
    const fromStdin = JSON.parse(run(['check', '-', '--json'], serializeScenarioFile(CLUSTER)).stdout);
    expect(fromLink).toEqual(fromFile);
    expect(fromQuery).toEqual(fromFile);
    expect(fromStdin).toEqual(fromFile);
  });

  it('--growth plans for that many times today\'s rate, as the page\'s growth input', () => {
    const grown: ClusterPlan = { ...CLUSTER, cluster: { ...CLUSTER.cluster, growthFactor: 3 } };
    const r = run(['check', file('g.json', serializeScenarioFile(CLUSTER)), '--json', '--growth', '3']);
    expect(JSON.parse(r.stdout).recommendation).toEqual(JSON.parse(JSON.stringify(planReport(grown).recommendation)));
  });
});

describe('unreadable input exits 2 with the reason on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['no such file', ['check', 'missing.json'], /cannot read the plan file "missing.json": no such file/],
    ['not JSON', ['check', 'TEXT:{"format":'], /not JSON/],
    ['not a scenario', ['check', 'TEXT:{"format":"something-else","plan":{}}'], /"format" is "something-else"/],
    ['no plan', ['check', 'TEXT:{"format":"eventflow-planner/scenario"}'], /no "plan" object/],
    ['an array', ['check', 'TEXT:[1,2,3]'], /holds no JSON object/],
    ['unknown command', ['chek', 'x.json'], /unknown command "chek"/],
    ['unknown option', ['check', 'x.json', '--jsn'], /unknown option --jsn for check/],
    ['no plan given', ['check', '--json'], /check needs a plan/],
    ['a bad --fail-under', ['check', 'x.json', '--fail-under', 'high'], /--fail-under high: a whole number from 0 to 100/],
    ['a --growth out of range', ['check', 'x.json', '--growth', '50'], /--growth 50: above the maximum \(1 – 10\)/],
    ['an unknown export format', ['export', 'x.json', '--format', 'yaml'], /--format yaml: one of kafka-topics, strimzi, csv, plan/],
    ['a link that is not a URL', ['check', 'https://exa mple.com/?v=2'], /is not a valid link/],
  ];
  for (const [what, args, reason] of cases) {
    it(what, () => {
      file('x.json', serializeScenarioFile(DEFAULT_PLAN));
      const resolved = args.map((a) => (a.startsWith('TEXT:') ? file('bad.json', a.slice(5)) : a));
      const r = run(resolved);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(reason);
      expect(r.stdout).toBe('');
    });
  }

  it('a huge file is refused unread', () => {
    const r = run(['check', file('huge.json', `{"format":"eventflow-planner/scenario","name":"${'x'.repeat(2_000_000)}"}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too large \(2,000,\d+ bytes; at most 100,000 characters are read\)/);
  });

  it('a truncated file', () => {
    const text = serializeScenarioFile(CLUSTER);
    const r = run(['check', file('cut.json', text.slice(0, text.length / 2))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not JSON/);
  });
});

describe('hostile files are read by the link\'s rules', () => {
  it('wrong types and values out of range: each change named on stderr, the numbers the page would show', () => {
    const text = JSON.stringify({
      format: 'eventflow-planner/scenario',
      version: 2,
      plan: { brokerType: 'kafka.m5.2xlarge', cluster: { brokers: '6', zones: true }, topics: [{ name: 'orders', rate: [5], partitions: 1e9, size: '2 KiB' }] },
    });
    const r = run(['check', file('types.json', text), '--json', '--fail-under', '0']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/zones: true — not a number/);
    expect(r.stderr).toMatch(/t0\.rate: \[5\] — not a number/);
    expect(r.stderr).toMatch(/t0\.partitions: 1000000000 — above the maximum/);
    const read = parseScenarioFile(text);
    if (!read.ok) throw new Error(read.error);
    expect(asDataValues(JSON.parse(r.stdout).metrics)).toEqual(pageValues(read.plan));
  });

  it('__proto__ and constructor keys are plain unknown keys: no prototype is touched, the plan reads as without them', () => {
    const text = `{"format":"eventflow-planner/scenario","__proto__":{"plan":{}},"plan":{"__proto__":{"brokerType":"custom"},"constructor":{"prototype":{"x":1}},"cluster":{"__proto__":{"brokers":1},"brokers":6},"topics":[{"__proto__":{"rate":1},"name":"orders","rate":5000}]}}`;
    const clean = `{"format":"eventflow-planner/scenario","plan":{"cluster":{"brokers":6},"topics":[{"name":"orders","rate":5000}]}}`;
    const hostile = run(['check', file('proto.json', text), '--json', '--fail-under', '0']);
    const plain = run(['check', file('clean.json', clean), '--json', '--fail-under', '0']);
    expect(hostile.code).toBe(0);
    expect(JSON.parse(hostile.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(hostile.stdout).metrics['cluster-partition-replicas']).toBe(JSON.parse(plain.stdout).metrics['cluster-partition-replicas']);
  });
});

describe('recommend and export', () => {
  it('recommend --apply --out writes the plan the page\'s Apply sets; the file reads back to the same numbers', () => {
    const out = join(dir, 'applied.json');
    const r = run(['recommend', file('in.json', serializeScenarioFile(CLUSTER, 'shop')), '--apply', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote the plan with the recommended counts to ${out}.`);
    const read = parseScenarioFile(readFileSync(out, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    expect(read.name).toBe('shop');
    expect(read.notices).toEqual([]);
    expect(read.plan).toEqual(recommendedPlan(CLUSTER));
    const checked = JSON.parse(run(['check', out, '--json', '--fail-under', '0']).stdout);
    expect(checked.score).toBe(planReport(CLUSTER).recommendation.score);
  });

  it('recommend --apply without --out writes back to the plan file; with a link, to stdout (the summary to stderr)', () => {
    const path = file('back.json', serializeScenarioFile(CLUSTER));
    expect(run(['recommend', path, '--apply']).code).toBe(0);
    const read = parseScenarioFile(readFileSync(path, 'utf8'));
    expect(read.ok && read.plan).toEqual(recommendedPlan(CLUSTER));
    const r = run(['recommend', `?${encodePlan(CLUSTER)}`, '--apply']);
    const fromLink = parseScenarioFile(r.stdout);
    expect(fromLink.ok && fromLink.plan).toEqual(recommendedPlan(CLUSTER));
    expect(r.stderr).toContain('Recommended on');
  });

  it('export writes what the page\'s Export section writes', () => {
    const path = file('e.json', serializeScenarioFile(CLUSTER));
    const metrics = computeClusterMetrics(CLUSTER);
    const specs = topicSpecsFor(CLUSTER, metrics);
    const withNewline = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
    expect(run(['export', path, '--format', 'kafka-topics']).stdout).toBe(withNewline(kafkaTopicsCommands(specs)));
    expect(run(['export', path, '--format', 'strimzi']).stdout).toBe(withNewline(strimziKafkaTopicsYaml(specs, undefined, 'kafka.strimzi.io/v1')));
    expect(run(['export', path, '--format', 'strimzi', '--strimzi-api', 'kafka.strimzi.io/v1beta2']).stdout).toBe(withNewline(strimziKafkaTopicsYaml(specs, undefined, 'kafka.strimzi.io/v1beta2')));
    expect(run(['export', path, '--format', 'csv']).stdout).toBe(withNewline(planMetricsCsv(CLUSTER, metrics)));
    const asFile = parseScenarioFile(run(['export', `?${encodePlan(CLUSTER)}`, '--format', 'plan']).stdout);
    expect(asFile.ok && asFile.plan).toEqual(CLUSTER);
  });
});

describe('calibration on the command line', () => {
  it('--calibrate sets what the page\'s Calibrate sets, and records it in the plan written', () => {
    const path = file('cal-in.json', serializeScenarioFile(DEFAULT_PLAN));
    const perf = file('perf.txt', PRODUCER_RUN);
    const expected = calibratePlan(DEFAULT_PLAN, { producerText: PRODUCER_RUN, consumerText: '', testPartitions: 4, topicIndex: 0 });
    if (!expected.ok) throw new Error(expected.error);
    const r = run(['check', path, '--json', '--fail-under', '0', '--calibrate', perf, '--test-partitions', '4']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/calibrated: Event size 100 B/);
    expect(asDataValues(JSON.parse(r.stdout).metrics)).toEqual(pageValues(expected.plan));
    const written = run(['export', path, '--format', 'plan', '--calibrate', perf, '--test-partitions', '4']);
    const read = parseScenarioFile(written.stdout);
    expect(read.ok && read.plan).toEqual(expected.plan);
    expect(read.ok && read.plan.calibration?.testPartitions).toBe(4);
  });

  it('output that is not a perf-test summary changes nothing and exits 2, naming what was missing', () => {
    const path = file('cal2.json', serializeScenarioFile(DEFAULT_PLAN));
    const partial = file('partial.txt', '3274096 records sent, 654688.3 records/sec (62.44 MB/sec), 5.6 ms avg latency, 230.0 ms max latency.\n');
    const r = run(['check', path, '--calibrate', partial]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/50th/);
    expect(r.stderr).toMatch(/Nothing was changed\./);
    expect(r.stdout).toBe('');
  });
});

describe('pipes', () => {
  it('a reader that stops early (| head -1, | true) ends the command quietly, with its own exit code', () => {
    const path = file('pipe.json', serializeScenarioFile(CLUSTER));
    const head = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" check "${path}" | head -1`], { encoding: 'utf8' });
    expect(head.stdout).toBe(`${planReport(CLUSTER).headline} Health ${planReport(CLUSTER).score}/100.\n`);
    // `true` reads nothing and is gone before the command writes: every write meets a closed pipe.
    const closed = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" check "${path}" | true`], { encoding: 'utf8' });
    for (const r of [head, closed]) {
      expect(r.stderr).not.toMatch(/EPIPE|Error/);
      expect(r.status).toBe(1);
    }
  });
});

describe('the npm script and the package', () => {
  it('`npm run -s plan -- check … --json` builds the command and prints one JSON object', () => {
    const path = file('npm.json', serializeScenarioFile(DEFAULT_PLAN));
    const r = spawnSync('npm', ['run', '-s', 'plan', '--', 'check', path, '--json', '--fail-under', '0'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).score).toBe(computeClusterMetrics(DEFAULT_PLAN).health.score);
  }, 120_000);

  it('package.json\'s bin is the built command, runnable as a script', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(join(ROOT, pkg.bin['eventflow-planner'])).toBe(CLI);
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: eventflow-planner <command> <plan>/);
  });
});
