import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLUSTER_PRESETS } from '../config/presets';
import type { ClusterPlan } from '../engine/cluster-plan';
import { planReport } from '../export/plan-report';
import { serializeScenarioFile } from '../export/scenario-file';

// docs/ci.md's script and job, run as written: in a repository that installed the package (its
// bin linked in node_modules/.bin, as npm links it), with the job's step as its `run:` line says.
const ROOT = new URL('../../', import.meta.url).pathname;
const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');

function blockAfter(marker: string, language: string): string {
  const at = doc.indexOf(marker);
  const start = doc.indexOf(`\`\`\`${language}\n`, at);
  if (at < 0 || start < 0) throw new Error(`docs/ci.md has no ${language} block after ${marker}`);
  const body = start + language.length + 4;
  return doc.slice(body, doc.indexOf('\n```\n', body) + 1);
}

const script = blockAfter('<!-- check-plan.sh', 'sh');
const job = blockAfter('<!-- capacity.yml', 'yaml');
const checkStep = (job.match(/- run: (bash scripts\/check-plan\.sh .*)$/m) ?? [])[1];

const repo = mkdtempSync(join(tmpdir(), 'eventflow-ci-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'team-infra', private: true, devDependencies: { 'eventflow-planner': '*' } }));
mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
symlinkSync(ROOT, join(repo, 'node_modules/eventflow-planner'), 'dir');
symlinkSync('../eventflow-planner/dist-cli/eventflow-planner.mjs', join(repo, 'node_modules/.bin/eventflow-planner'));
mkdirSync(join(repo, 'scripts'));
mkdirSync(join(repo, 'capacity'));
writeFileSync(join(repo, 'scripts/check-plan.sh'), script);

function runStep(plan: string, env: Record<string, string> = {}) {
  writeFileSync(join(repo, 'capacity/plan.json'), plan);
  const summary = join(repo, `summary-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(summary, '');
  const r = spawnSync('bash', ['-c', checkStep as string], { cwd: repo, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: summary, ...env } });
  return { code: r.status, stdout: r.stdout, summary: readFileSync(summary, 'utf8') };
}

// The preset that fails a check on purpose, and one that holds.
const FAILING = (CLUSTER_PRESETS.find((p) => p.problem !== null) as { plan: ClusterPlan }).plan;
const HOLDING = (CLUSTER_PRESETS.find((p) => p.problem === null) as { plan: ClusterPlan }).plan;

describe('docs/ci.md, run as written', () => {
  it('the job runs the script the page documents', () => {
    expect(checkStep).toBe('bash scripts/check-plan.sh capacity/plan.json');
    expect(job).toMatch(/- run: npm ci\n/);
  });

  it('a plan that no longer holds fails the step, and the job summary says why', () => {
    const report = planReport(FAILING);
    const r = runStep(serializeScenarioFile(FAILING));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${report.headline} Health ${report.score}/100.`);
    expect(r.summary).toContain('### Capacity plan `capacity/plan.json` does not hold (exit 1)');
    expect(r.summary).toContain(report.headline);
    const binding = report.checks.find((c) => c.id === report.binding?.check);
    expect(r.summary).toContain(binding?.finding);
  });

  it('a plan that holds passes, and FAIL_UNDER lowers the bar', () => {
    expect(planReport(HOLDING).score).toBe(100);
    const holds = runStep(serializeScenarioFile(HOLDING));
    expect(holds.code).toBe(0);
    expect(holds.summary).toContain('### Capacity plan `capacity/plan.json` holds');
    expect(runStep(serializeScenarioFile(FAILING), { FAIL_UNDER: '0' }).code).toBe(0);
  });

  it('an unreadable plan exits 2 with the reason in the summary', () => {
    const r = runStep('{"format": "eventflow-planner/scenario", "plan": ');
    expect(r.code).toBe(2);
    expect(r.summary).toContain('does not hold (exit 2)');
    expect(r.summary).toContain('The file is not JSON.');
  });
});
