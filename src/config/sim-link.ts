import type { ClusterPlan } from '../engine/cluster-plan';
import type { SimAction, SimOptions, TimedAction } from '../sim/types';
import type { UrlNotice } from './url-codec';

/**
 * The simulation's part of the shareable link, beside the planner's params (v=2):
 *   seed=42                      PRNG seed, whole number 0 … 2^32−1 (absent: 1)
 *   arrivals=constant            producer arrivals: poisson | constant (absent: poisson)
 *   service=constant             processing time: exponential | constant (absent: exponential)
 *   rebalance=cooperative        rebalance protocol: eager | cooperative | consumer (absent: eager)
 *   actions=1500:broker-down:1,4000:spike:5:10000
 * Each action is `atMs:name[:args]`, sorted by atMs, at most 200. Same plan + seed + settings
 * + actions ⇒ the same run. The URL is untrusted input: decoding never throws, drops every piece
 * it cannot use and says why in a notice. Grammar: docs/simulation-ui.md.
 */
export const DEFAULT_SEED = 1;
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_ACTIONS = 200;
/** Latest time an action may be scheduled at: 1e9 ms ≈ 11.6 days of simulated time. */
export const MAX_ACTION_AT_MS = 1_000_000_000;
export const MAX_SPIKE_FACTOR = 100;
export const MAX_SPIKE_DURATION_MS = 86_400_000;
export const MAX_POISON_COUNT = 100_000;

/** Pieces a hostile link can make us look at; past this we stop reading. */
const MAX_PIECES_READ = 1000;
/** Notices per link about single pieces; the rest are summed up in one. */
const MAX_PIECE_NOTICES = 5;
const MAX_SHOWN_CHARS = 40;

/** The run settings a person picks beside the seed: simulation options the link carries. */
export type SimSettings = Required<Pick<SimOptions, 'arrivals' | 'service' | 'rebalanceProtocol'>>;

/** The simulation's own defaults (resolveOptions in src/sim/defaults.ts; a test holds them equal). */
export const DEFAULT_SIM_SETTINGS: SimSettings = { arrivals: 'poisson', service: 'exponential', rebalanceProtocol: 'eager' };

/** Each setting's name in the link. Short, stable, public: never rename one. */
export const SETTING_PARAMS = { arrivals: 'arrivals', service: 'service', rebalanceProtocol: 'rebalance' } as const satisfies Record<keyof SimSettings, string>;

/** Each setting's values, written into the link as they are. Never rename one. */
export const SETTING_VALUES: { readonly [K in keyof SimSettings]: readonly SimSettings[K][] } = {
  arrivals: ['poisson', 'constant'],
  service: ['exponential', 'constant'],
  rebalanceProtocol: ['eager', 'cooperative', 'consumer'],
};

const SETTING_KEYS = Object.keys(SETTING_PARAMS) as (keyof SimSettings)[];

export interface SimRun {
  readonly seed: number;
  readonly timeline: readonly TimedAction[];
  readonly settings: SimSettings;
}

export interface DecodedSimRun extends SimRun {
  readonly notices: readonly UrlNotice[];
}

const WHOLE = /^\d{1,10}$/;
/** Linear even when it fails (see config/read-value.ts). */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Action names in the link: short, stable, public. Never rename one. */
function actionText(action: SimAction): string {
  switch (action.type) {
    case 'broker-down':
    case 'broker-up':
      return `${action.type}:${action.broker}`;
    case 'consumer-crash':
      return `consumer-crash:${action.group}:${action.consumer}`;
    case 'consumer-add':
      return `consumer-add:${action.group}`;
    case 'traffic-spike':
      return `spike:${action.factor}:${action.durationMs}`;
    case 'poison':
      return `poison:${action.count}`;
    case 'add-group':
      return action.topic ? `add-group:${action.topic}` : 'add-group';
    case 'set-idempotent':
      return `idempotent:${action.enabled ? 1 : 0}`;
  }
}

/** Earliest first; equal times keep their order (Array.prototype.sort is stable). */
export function sortTimeline(timeline: readonly TimedAction[]): TimedAction[] {
  return [...timeline].sort((a, b) => a.atMs - b.atMs);
}

export function encodeTimeline(timeline: readonly TimedAction[]): string {
  return sortTimeline(timeline)
    .map((timed) => `${timed.atMs}:${actionText(timed.action)}`)
    .join(',');
}

/**
 * `seed=…&arrivals=…&service=…&rebalance=…&actions=…`, each only when it differs from a fresh
 * run, so the default link stays the planner's canonical one and a link made before the settings
 * is written back unchanged. Every character written is URL-safe (digits, a–z, : , . -).
 */
export function encodeSimRun(run: SimRun): string {
  const parts: string[] = [];
  if (run.seed !== DEFAULT_SEED) parts.push(`seed=${run.seed}`);
  for (const key of SETTING_KEYS) {
    if (run.settings[key] !== DEFAULT_SIM_SETTINGS[key]) parts.push(`${SETTING_PARAMS[key]}=${run.settings[key]}`);
  }
  if (run.timeline.length > 0) parts.push(`actions=${encodeTimeline(run.timeline.slice(0, MAX_ACTIONS))}`);
  return parts.join('&');
}

function whole(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !WHOLE.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** One `name[:args]` → an action, or why not. Counts and indices are checked against the plan later. */
function parseAction(name: string, args: readonly string[]): SimAction | string {
  const arity = (n: number) => (args.length === n ? '' : `${name} takes ${n} value${n === 1 ? '' : 's'}`);
  switch (name) {
    case 'broker-down':
    case 'broker-up': {
      const broker = whole(args[0], 0, Number.MAX_SAFE_INTEGER);
      return arity(1) || (broker === undefined ? 'broker is not a whole number' : { type: name, broker });
    }
    case 'consumer-crash': {
      const group = whole(args[0], 0, Number.MAX_SAFE_INTEGER);
      const consumer = whole(args[1], 0, Number.MAX_SAFE_INTEGER);
      if (arity(2)) return arity(2);
      return group === undefined || consumer === undefined ? 'group and consumer must be whole numbers' : { type: name, group, consumer };
    }
    case 'consumer-add': {
      const group = whole(args[0], 0, Number.MAX_SAFE_INTEGER);
      return arity(1) || (group === undefined ? 'group is not a whole number' : { type: name, group });
    }
    case 'spike': {
      if (arity(2)) return arity(2);
      const factorText = args[0] ?? '';
      const factor = DECIMAL.test(factorText) ? Number(factorText) : NaN;
      if (!(factor > 0 && factor <= MAX_SPIKE_FACTOR)) return `spike factor must be above 0 and at most ${MAX_SPIKE_FACTOR}`;
      const durationMs = whole(args[1], 1, MAX_SPIKE_DURATION_MS);
      return durationMs === undefined ? `spike duration must be 1 – ${MAX_SPIKE_DURATION_MS} ms` : { type: 'traffic-spike', factor, durationMs };
    }
    case 'poison': {
      const count = whole(args[0], 1, MAX_POISON_COUNT);
      return arity(1) || (count === undefined ? `poison count must be 1 – ${MAX_POISON_COUNT}` : { type: 'poison', count });
    }
    case 'add-group': {
      // `add-group` (topic 0, as links before clusters wrote it) or `add-group:T`.
      if (args.length === 0) return { type: 'add-group' };
      const topic = whole(args[0], 0, Number.MAX_SAFE_INTEGER);
      if (args.length > 1) return 'add-group takes at most 1 value';
      return topic === undefined ? 'topic is not a whole number' : topic === 0 ? { type: 'add-group' } : { type: 'add-group', topic };
    }
    case 'idempotent': {
      const flag = args[0];
      return arity(1) || (flag === '0' || flag === '1' ? { type: 'set-idempotent', enabled: flag === '1' } : 'idempotent takes 0 or 1');
    }
    default:
      return 'unknown action';
  }
}

function parsePiece(piece: string): TimedAction | string {
  const [atText, name = '', ...args] = piece.split(':');
  const atMs = whole(atText, 0, MAX_ACTION_AT_MS);
  if (atMs === undefined) return `time must be a whole number of ms, 0 – ${MAX_ACTION_AT_MS}`;
  const action = parseAction(name, args);
  return typeof action === 'string' ? action : { atMs, action };
}

/**
 * Why an action cannot happen in this plan at its place in the (sorted) timeline, or ''.
 * Groups and consumers that earlier actions added count: `add-group` then `consumer-add:1`.
 * Groups are numbered across the cluster: each topic's in turn, then the added ones.
 */
function misfit(action: SimAction, plan: ClusterPlan, groupSizes: number[]): string {
  switch (action.type) {
    case 'broker-down':
    case 'broker-up':
      return action.broker < plan.cluster.brokers ? '' : `the plan has brokers 0 – ${plan.cluster.brokers - 1}`;
    case 'add-group':
      return (action.topic ?? 0) < plan.topics.length ? '' : `the plan has topics 0 – ${plan.topics.length - 1}`;
    case 'consumer-add':
      return action.group < groupSizes.length ? '' : `the run has groups 0 – ${groupSizes.length - 1} at that time`;
    case 'consumer-crash': {
      const size = groupSizes[action.group];
      if (size === undefined) return `the run has groups 0 – ${groupSizes.length - 1} at that time`;
      return action.consumer < size ? '' : `group ${action.group} has consumers 0 – ${size - 1} at that time`;
    }
    default:
      return '';
  }
}

function noteGroups(action: SimAction, plan: ClusterPlan, groupSizes: number[]): void {
  if (action.type === 'add-group') groupSizes.push(plan.topics[action.topic ?? 0]?.consumersPerGroup ?? 0);
  if (action.type === 'consumer-add') groupSizes[action.group] = (groupSizes[action.group] ?? 0) + 1;
}

/** Keeps the actions that fit the plan, in time order, at most MAX_ACTIONS; says why of the rest. */
export function fitTimeline(timeline: readonly TimedAction[], plan: ClusterPlan): { timeline: TimedAction[]; dropped: { timed: TimedAction; reason: string }[] } {
  const groupSizes = plan.topics.flatMap((topic) => Array.from({ length: topic.consumerGroups }, () => topic.consumersPerGroup));
  const kept: TimedAction[] = [];
  const dropped: { timed: TimedAction; reason: string }[] = [];
  for (const timed of sortTimeline(timeline)) {
    const reason = kept.length >= MAX_ACTIONS ? `more than ${MAX_ACTIONS} actions` : misfit(timed.action, plan, groupSizes);
    if (reason) {
      dropped.push({ timed, reason });
      continue;
    }
    noteGroups(timed.action, plan, groupSizes);
    kept.push(timed);
  }
  return { timeline: kept, dropped };
}

function shorten(text: string): string {
  // Only the start is looked at (2 units a code point at most): Array.from over a 2 MB value takes a second.
  const chars = Array.from(text.slice(0, 2 * MAX_SHOWN_CHARS + 2));
  return chars.length <= MAX_SHOWN_CHARS ? text : `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…`;
}

/**
 * A single-valued param: its first value read by `parse`, else `fallback`; one notice when it
 * was repeated or unreadable, naming what was given and what was used.
 */
function decodeSingle<T extends number | string>(
  params: URLSearchParams,
  name: string,
  parse: (text: string) => T | undefined,
  fallback: T,
  expected: string,
  notices: UrlNotice[],
): T {
  const given = params.getAll(name);
  const first = given[0];
  if (first === undefined) return fallback;
  const parsed = parse(first.trim());
  const value = parsed ?? fallback;
  const reasons = [
    given.length > 1 ? `given ${given.length} times; the first was used` : '',
    parsed === undefined ? `not ${expected}; the default ${fallback} was used` : '',
  ].filter(Boolean);
  if (reasons.length > 0) notices.push({ param: name, given: shorten(given.join(', ')), reason: reasons.join('; '), used: value });
  return value;
}

function decodeSeed(params: URLSearchParams, notices: UrlNotice[]): number {
  return decodeSingle(params, 'seed', (text) => whole(text, 0, MAX_SEED), DEFAULT_SEED, `a whole number 0 – ${MAX_SEED}`, notices);
}

function decodeSetting<K extends keyof SimSettings>(params: URLSearchParams, key: K, notices: UrlNotice[]): SimSettings[K] {
  const values = SETTING_VALUES[key];
  // Exact spelling only: the link writes these names, and a look-alike should be said.
  const parse = (text: string) => values.find((value) => value === text);
  return decodeSingle(params, SETTING_PARAMS[key], parse, DEFAULT_SIM_SETTINGS[key], `one of ${values.join(', ')}`, notices);
}

function decodeSettings(params: URLSearchParams, notices: UrlNotice[]): SimSettings {
  return {
    arrivals: decodeSetting(params, 'arrivals', notices),
    service: decodeSetting(params, 'service', notices),
    rebalanceProtocol: decodeSetting(params, 'rebalanceProtocol', notices),
  };
}

function decodeActions(params: URLSearchParams, plan: ClusterPlan, notices: UrlNotice[]): TimedAction[] {
  const given = params.getAll('actions');
  const first = given[0];
  if (first === undefined || first === '') return [];
  const problems: { piece: string; reason: string }[] = [];
  if (given.length > 1) problems.push({ piece: shorten(given.join(', ')), reason: `given ${given.length} times; the first was used` });

  const pieces = first.split(',', MAX_PIECES_READ + 1);
  if (pieces.length > MAX_PIECES_READ) {
    pieces.length = MAX_PIECES_READ;
    problems.push({ piece: shorten(first.slice(-MAX_SHOWN_CHARS)), reason: `more than ${MAX_PIECES_READ} pieces; the rest were not read` });
  }
  const parsed: TimedAction[] = [];
  let previousAtMs = -1;
  let sorted = true;
  for (const piece of pieces) {
    const result = parsePiece(piece.trim());
    if (typeof result === 'string') {
      problems.push({ piece, reason: `${result}; dropped` });
      continue;
    }
    if (result.atMs < previousAtMs) sorted = false;
    previousAtMs = result.atMs;
    parsed.push(result);
  }
  if (!sorted) problems.push({ piece: shorten(first), reason: 'not in time order; sorted' });
  const { timeline, dropped } = fitTimeline(parsed, plan);
  for (const { timed, reason } of dropped) problems.push({ piece: `${timed.atMs}:${actionText(timed.action)}`, reason: `${reason}; dropped` });

  for (const problem of problems.slice(0, MAX_PIECE_NOTICES)) {
    notices.push({ param: 'actions', given: shorten(problem.piece), reason: problem.reason, used: timeline.length });
  }
  if (problems.length > MAX_PIECE_NOTICES) {
    notices.push({ param: 'actions', given: '…', reason: `${problems.length - MAX_PIECE_NOTICES} more problems; ${timeline.length} actions kept`, used: timeline.length });
  }
  return timeline;
}

/** Reads seed, settings and actions from a query string. Never throws; `plan` is the plan the link decoded to (every topic). */
export function decodeSimRun(search: string, plan: ClusterPlan): DecodedSimRun {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const notices: UrlNotice[] = [];
  const seed = decodeSeed(params, notices);
  const settings = decodeSettings(params, notices);
  const timeline = decodeActions(params, plan, notices);
  return { seed, timeline, settings, notices };
}
