import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileQuery, LINK_PARAM_NAMES } from '../test-support/url-fuzz';
import { isValidValue, PARAMS } from './schema';
import { decodeSimRun, encodeSimRun, MAX_ACTION_AT_MS, MAX_ACTIONS, MAX_SEED } from './sim-link';
import { decodeConfig, encodeConfig } from './url-codec';

/**
 * URL fuzzing (docs/reliability.md): generated hostile query strings through both link
 * decoders. Fast variant in `npm test`; LONG=1 (npm run test:long) runs 20× as many.
 */
const LONG = process.env.LONG === '1';
const SEED = 20_261_127;
const RUNS = LONG ? 200_000 : 10_000;

/** Kinds of input the generator must produce, each counted over the run. */
const KINDS: [string, (query: string, params: URLSearchParams) => boolean][] = [
  ...LINK_PARAM_NAMES.map((name): [string, (q: string, p: URLSearchParams) => boolean] => [`param ${name}`, (_q, p) => p.has(name)]),
  ['a param given twice', (_q, p) => LINK_PARAM_NAMES.some((name) => p.getAll(name).length > 1)],
  ['5,000 digits', (q) => q.includes('9'.repeat(5000))],
  ['1e309 or 1e999', (q) => /1e(309|999)/i.test(q)],
  ['NaN or Infinity', (q) => /NaN|Infinity/.test(q)],
  ['RTL or zero-width', (q) => /[\u202E\u200B\uFEFF]|%E2%80%AE|%E2%80%8B/.test(q)],
  ['emoji', (q) => /\p{Extended_Pictographic}|%F0%9F/u.test(q)],
  ['a broken %-escape', (q) => /%(?![0-9A-Fa-f]{2})/.test(q)],
  ['script-like text', (q) => /<script|%3Cscript|onerror|onload/i.test(q)],
  ['more than 200 actions', (_q, p) => (p.get('actions') ?? '').split(',').length > 200],
  ['more than 1,000 action pieces', (_q, p) => (p.get('actions') ?? '').split(',').length > 1000],
];

/** A plain check: `expect` costs too much at 10,000 runs × dozens of checks each. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

describe(`URL fuzzing: ${RUNS.toLocaleString('en-US')} hostile query strings (fast-check seed ${SEED})`, () => {
  it('decodeConfig and decodeSimRun never throw, always give a valid plan and run, name only real params, and say when they changed something', () => {
    const real = new Set(LINK_PARAM_NAMES);
    const seen = new Map<string, number>();
    let withNotices = 0;
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const { config, notices } = decodeConfig(query);
        const run = decodeSimRun(query, config);

        // A valid plan: every parameter in range, whole where it must be.
        for (const spec of PARAMS) check(isValidValue(spec, config[spec.field]), `${spec.name} = ${config[spec.field]} is not valid`);
        // A valid run: seed in range, at most 200 actions, sorted, whole ms in range.
        check(Number.isInteger(run.seed) && run.seed >= 0 && run.seed <= MAX_SEED, `seed ${run.seed}`);
        check(run.timeline.length <= MAX_ACTIONS, `${run.timeline.length} actions`);
        run.timeline.forEach((timed, i) => {
          check(Number.isInteger(timed.atMs) && timed.atMs >= 0 && timed.atMs <= MAX_ACTION_AT_MS, `atMs ${timed.atMs}`);
          check(i === 0 || timed.atMs >= run.timeline[i - 1]!.atMs, 'timeline not sorted');
        });

        // Notices name only params the link has, with short text.
        const all = [...notices, ...run.notices];
        for (const notice of all) {
          check(real.has(notice.param), `a notice names "${notice.param}"`);
          check(Array.from(notice.given).length <= 41, `notice text of ${notice.given.length} characters`);
          check(notice.reason.length > 0, 'a notice without a reason');
        }
        check(run.notices.length <= 1 + 5 + 1, `${run.notices.length} notices about the run`);

        // A notice whenever a value was changed: no notice for a param ⇒ it was given once, and
        // the value used is the number it said. And a notice names a param the link gave.
        const params = new URLSearchParams(query);
        for (const [kind, test] of KINDS) if (test(query, params)) seen.set(kind, (seen.get(kind) ?? 0) + 1);
        const noticed = new Set(all.map((n) => n.param));
        for (const name of noticed) check(params.has(name), `a notice about "${name}", which the link does not have`);
        for (const spec of PARAMS) {
          const given = params.getAll(spec.name);
          if (given.length === 0 || noticed.has(spec.name)) continue;
          check(given.length === 1 && Number(given[0]!.trim()) === config[spec.field], `${spec.name}: “${given.join(', ')}” → ${config[spec.field]} without a notice`);
        }
        if (params.has('v') && !noticed.has('v')) check(params.get('v')!.trim() === '2', 'v changed without a notice');
        if (params.has('seed') && !noticed.has('seed')) {
          check(params.getAll('seed').length === 1 && Number(params.get('seed')!.trim()) === run.seed, 'seed changed without a notice');
        }
        if (params.get('actions') && !noticed.has('actions')) {
          check(params.getAll('actions').length === 1 && params.get('actions')!.split(',').length === run.timeline.length, 'actions dropped without a notice');
        }

        // What the decoders made is canonical: written and read again, it is the same, silently.
        const again = decodeConfig(encodeConfig(config));
        expect(again.config).toEqual(config);
        expect(again.notices).toEqual([]);
        const runAgain = decodeSimRun(encodeSimRun(run), config);
        expect([runAgain.seed, runAgain.timeline, runAgain.notices]).toEqual([run.seed, run.timeline, []]);
        if (all.length > 0) withNotices += 1;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator is hostile: most strings need a notice, some do not.
    expect(withNotices).toBeGreaterThan(RUNS * 0.5);
    expect(withNotices).toBeLessThan(RUNS);
    // …and it covers every kind of input it promises (not silently narrow).
    for (const [kind] of KINDS) expect(seen.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(kind.startsWith('param ') ? 500 : 5);
  }, 600_000);

  it('a 2,000,000-character value (a link can hold 2 MB) decodes in linear time, in every param and action', () => {
    // A canary first, so a quadratic regex fails in seconds rather than hanging for minutes:
    // 50,000 digits and a letter took 1.8 s with the backtracking pattern, 0.1 ms without.
    for (const text of [`${'9'.repeat(50_000)}x`, `0:spike:${'9'.repeat(50_000)}x:10`]) {
      const start = performance.now();
      decodeSimRun(`actions=${text}`, decodeConfig(`rate=${text}`).config);
      expect(performance.now() - start, 'canary').toBeLessThan(300);
    }
    const digits = '9'.repeat(2_000_000);
    const shapes = [`${digits}x`, `1.${digits}x`, `1e${digits}x`, `.${digits}x`, `-${digits}`, digits, '💥'.repeat(1_000_000)];
    const names = [...PARAMS.map((p) => p.name), 'v', 'seed'];
    const slowest = { ms: 0, query: '' };
    const decode = (query: string) => {
      const start = performance.now();
      decodeSimRun(query, decodeConfig(query).config);
      const ms = performance.now() - start;
      if (ms > slowest.ms) Object.assign(slowest, { ms, query: `${query.slice(0, 24)}…` });
    };
    for (const [i, shape] of shapes.entries()) {
      // Fast variant: every name with the first shape, each shape in one name; LONG: all pairs.
      for (const name of LONG || i === 0 ? names : [names[i % names.length]!]) decode(`${name}=${shape}`);
      for (const action of [`0:spike:${shape}:10`, `1:poison:${shape}`, `${shape}:add-group`, `2:broker-down:${shape}`]) decode(`actions=${action}`);
    }
    // Linear: about 50 ms each here; the backtracking pattern took minutes.
    expect(slowest.ms, slowest.query).toBeLessThan(2_000);
  }, 120_000);
});
