import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { singleTopicPlan, type ClusterPlan } from '../engine/cluster-plan';
import type { SimAction, TimedAction } from '../sim/types';
import { resolveOptions } from '../sim/defaults';
import { DEFAULT_CONFIG } from './schema';
import { DEFAULT_SEED, DEFAULT_SIM_SETTINGS, MAX_ACTIONS, MAX_SEED, SETTING_VALUES, decodeSimRun, encodeSimRun, encodeTimeline, fitTimeline, type SimSettings } from './sim-link';

const SEED = 3131;
const PLAN: ClusterPlan = singleTopicPlan(DEFAULT_CONFIG); // 3 brokers, 1 topic, 1 group of 10 consumers

const at = (atMs: number, action: SimAction): TimedAction => ({ atMs, action });
const settings = DEFAULT_SIM_SETTINGS;

describe('sim link: seed and actions', () => {
  it('writes nothing for a fresh run, so the planner link stays canonical', () => {
    expect(encodeSimRun({ seed: DEFAULT_SEED, timeline: [], settings })).toBe('');
  });

  it('writes the compact, sorted form of the brief', () => {
    const timeline = [at(4000, { type: 'traffic-spike', factor: 5, durationMs: 10_000 }), at(1500, { type: 'broker-down', broker: 1 }), at(3000, { type: 'broker-up', broker: 1 })];
    expect(encodeSimRun({ seed: 42, timeline, settings })).toBe('seed=42&actions=1500:broker-down:1,3000:broker-up:1,4000:spike:5:10000');
  });

  it('reads every action kind back', () => {
    const text = '0:broker-down:2,10:broker-up:2,20:consumer-crash:0:9,30:consumer-add:0,40:spike:2.5:1000,50:poison:10,60:add-group,70:consumer-crash:1:9,80:consumer-add:1,90:idempotent:1,95:idempotent:0';
    const { timeline, notices } = decodeSimRun(`?actions=${text}`, PLAN);
    expect(notices).toEqual([]);
    expect(timeline.map((t) => t.action.type)).toEqual(['broker-down', 'broker-up', 'consumer-crash', 'consumer-add', 'traffic-spike', 'poison', 'add-group', 'consumer-crash', 'consumer-add', 'set-idempotent', 'set-idempotent']);
    expect(encodeTimeline(timeline)).toBe(text);
  });

  it('reads the seed, and repairs a bad one with a notice', () => {
    expect(decodeSimRun('?seed=4294967295', PLAN).seed).toBe(MAX_SEED);
    for (const bad of ['-1', '4294967296', '1.5', 'abc', '', '1e3', '0x10']) {
      const { seed, notices } = decodeSimRun(`?seed=${encodeURIComponent(bad)}`, PLAN);
      expect(seed, bad).toBe(DEFAULT_SEED);
      expect(notices.map((n) => n.param), bad).toEqual(['seed']);
    }
    const twice = decodeSimRun('?seed=7&seed=8', PLAN);
    expect(twice.seed).toBe(7);
    expect(twice.notices[0]?.reason).toContain('given 2 times');
  });

  it('drops pieces it cannot read and names each, keeping the rest', () => {
    const { timeline, notices } = decodeSimRun('?actions=100:broker-down:1,x:broker-up:1,200:explode,300:spike:0:10,400:poison:-3,500:broker-up:1', PLAN);
    expect(encodeTimeline(timeline)).toBe('100:broker-down:1,500:broker-up:1');
    expect(notices).toHaveLength(4);
    expect(notices.every((n) => n.param === 'actions' && n.reason.endsWith('dropped') && n.used === 2)).toBe(true);
    expect(notices[1]?.reason).toContain('unknown action');
  });

  it('drops actions that do not fit the plan: a broker or consumer that does not exist', () => {
    const { timeline, notices } = decodeSimRun('?actions=1:broker-down:3,2:consumer-crash:0:10,3:consumer-add:1,4:consumer-add:0,5:consumer-crash:0:10', PLAN);
    // consumer 10 exists only after consumer-add:0 at 4 ms.
    expect(encodeTimeline(timeline)).toBe('4:consumer-add:0,5:consumer-crash:0:10');
    expect(notices.map((n) => n.reason)).toEqual([
      'the plan has brokers 0 – 2; dropped',
      'group 0 has consumers 0 – 9 at that time; dropped',
      'the run has groups 0 – 0 at that time; dropped',
    ]);
  });

  it('sorts actions given out of order, and says so', () => {
    const { timeline, notices } = decodeSimRun('?actions=300:poison:1,100:poison:2', PLAN);
    expect(timeline.map((t) => t.atMs)).toEqual([100, 300]);
    expect(notices[0]?.reason).toContain('not in time order');
  });

  it(`keeps at most ${MAX_ACTIONS} actions and caps the notices`, () => {
    const many = Array.from({ length: 250 }, (_, i) => `${i}:poison:1`).join(',');
    const { timeline, notices } = decodeSimRun(`?actions=${many}`, PLAN);
    expect(timeline).toHaveLength(MAX_ACTIONS);
    expect(notices.length).toBeLessThanOrEqual(6);
    expect(notices.at(-1)?.reason).toContain(`${MAX_ACTIONS} actions kept`);
  });

  it('shows at most 40 characters of what the link said', () => {
    const { notices } = decodeSimRun(`?actions=1:${'x'.repeat(5000)}`, PLAN);
    expect(Array.from(notices[0]?.given ?? '').length).toBeLessThanOrEqual(41);
  });

  it('a cluster: groups are numbered across its topics, add-group names a topic, and actions beyond the plan are dropped with a reason', () => {
    const cluster: ClusterPlan = { ...PLAN, topics: [PLAN.topics[0]!, { ...PLAN.topics[0]!, name: 'clicks', consumerGroups: 2, consumersPerGroup: 3 }] };
    // Groups 0 (events, 10 consumers), 1 and 2 (clicks, 3 each); add-group:1 makes group 3 on clicks with 3.
    const text = '10:consumer-crash:0:9,20:consumer-crash:2:2,30:add-group:1,40:consumer-crash:3:2,50:add-group:0,60:add-group:2,70:consumer-crash:3:3,80:add-group:1:2';
    const { timeline, notices } = decodeSimRun(`?actions=${text}`, cluster);
    expect(timeline.map((t) => t.atMs)).toEqual([10, 20, 30, 40, 50]);
    expect(timeline[2]?.action).toEqual({ type: 'add-group', topic: 1 });
    expect(timeline[4]?.action).toEqual({ type: 'add-group' }); // topic 0 is written the way links before clusters wrote it
    expect(notices.map((n) => [n.given, n.reason])).toEqual([
      ['80:add-group:1:2', 'add-group takes at most 1 value; dropped'],
      ['60:add-group:2', 'the plan has topics 0 – 1; dropped'],
      ['70:consumer-crash:3:3', 'group 3 has consumers 0 – 2 at that time; dropped'],
    ]);
    expect(encodeTimeline(timeline)).toBe('10:consumer-crash:0:9,20:consumer-crash:2:2,30:add-group:1,40:consumer-crash:3:2,50:add-group');
  });

  it('fitTimeline keeps an already valid timeline as it is', () => {
    const timeline = [at(0, { type: 'add-group' }), at(5, { type: 'consumer-add', group: 1 })];
    expect(fitTimeline(timeline, PLAN)).toEqual({ timeline, dropped: [] });
  });

  const validAction: fc.Arbitrary<SimAction> = fc.oneof(
    fc.record({ type: fc.constantFrom('broker-down' as const, 'broker-up' as const), broker: fc.integer({ min: 0, max: DEFAULT_CONFIG.brokers - 1 }) }),
    fc.record({ type: fc.constant('consumer-crash' as const), group: fc.constant(0), consumer: fc.integer({ min: 0, max: DEFAULT_CONFIG.consumersPerGroup - 1 }) }),
    fc.record({ type: fc.constant('consumer-add' as const), group: fc.constant(0) }),
    fc.record({
      type: fc.constant('traffic-spike' as const),
      factor: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.001, max: 100, noNaN: true })),
      durationMs: fc.integer({ min: 1, max: 86_400_000 }),
    }),
    fc.record({ type: fc.constant('poison' as const), count: fc.integer({ min: 1, max: 100_000 }) }),
    fc.constant({ type: 'add-group' as const }),
    fc.record({ type: fc.constant('set-idempotent' as const), enabled: fc.boolean() }),
  );
  const validSettings: fc.Arbitrary<SimSettings> = fc.record({
    arrivals: fc.constantFrom(...SETTING_VALUES.arrivals),
    service: fc.constantFrom(...SETTING_VALUES.service),
    rebalanceProtocol: fc.constantFrom(...SETTING_VALUES.rebalanceProtocol),
  });
  const validTimeline = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1_000_000_000 }), validAction), { maxLength: MAX_ACTIONS })
    .map((pairs) => pairs.map(([atMs, action]) => at(atMs, action)).sort((a, b) => a.atMs - b.atMs));

  it(`encode → decode is the identity on valid runs (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), validTimeline, validSettings, (seed, timeline, settings) => {
        const decoded = decodeSimRun('?v=1&' + encodeSimRun({ seed, timeline, settings }), PLAN);
        expect(decoded.notices).toEqual([]);
        expect(decoded.seed).toBe(seed);
        expect(decoded.timeline).toEqual(timeline);
        expect(decoded.settings).toEqual(settings);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it(`decode never throws and yields a sorted, fitting run on any string (seed ${SEED + 1})`, () => {
    const piece = fc.oneof(
      fc.string(),
      fc.tuple(fc.oneof(fc.nat().map(String), fc.string()), fc.constantFrom('broker-down', 'broker-up', 'consumer-crash', 'consumer-add', 'spike', 'poison', 'add-group', 'idempotent', ''), fc.array(fc.oneof(fc.nat().map(String), fc.double().map(String), fc.string()), { maxLength: 3 })).map(([t, name, args]) => [t, name, ...args].join(':')),
    );
    const settingText = fc.oneof(fc.constantFrom(...Object.values(SETTING_VALUES).flat(), 'Constant', ' eager ', 'range', ''), fc.string());
    const structured = fc
      .tuple(fc.array(piece, { maxLength: 30 }), fc.oneof(fc.nat().map(String), fc.string()), settingText, settingText, settingText)
      .map(([pieces, seed, arrivals, service, rebalance]) => `?seed=${seed}&arrivals=${arrivals}&service=${service}&rebalance=${rebalance}&actions=${pieces.join(',')}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), structured), (search) => {
        const { seed, timeline, settings } = decodeSimRun(search, PLAN);
        expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
        expect(timeline.length).toBeLessThanOrEqual(MAX_ACTIONS);
        expect(SETTING_VALUES.arrivals).toContain(settings.arrivals);
        expect(SETTING_VALUES.service).toContain(settings.service);
        expect(SETTING_VALUES.rebalanceProtocol).toContain(settings.rebalanceProtocol);
        expect(fitTimeline(timeline, PLAN).dropped).toEqual([]);
        // What we read, written back and read again, is the same run.
        expect(decodeSimRun('?' + encodeSimRun({ seed, timeline, settings }), PLAN)).toEqual({ seed, timeline, settings, notices: [] });
      }),
      { seed: SEED + 1, numRuns: 3000 },
    );
  });
});

describe('sim link: run settings (arrivals, service, rebalance)', () => {
  it('writes a setting only when it differs from the default, beside the seed and before the actions', () => {
    expect(encodeSimRun({ seed: DEFAULT_SEED, timeline: [], settings: { ...DEFAULT_SIM_SETTINGS, arrivals: 'constant' } })).toBe('arrivals=constant');
    const all: SimSettings = { arrivals: 'constant', service: 'constant', rebalanceProtocol: 'cooperative' };
    expect(encodeSimRun({ seed: 9, timeline: [at(5, { type: 'add-group' })], settings: all })).toBe('seed=9&arrivals=constant&service=constant&rebalance=cooperative&actions=5:add-group');
    expect(encodeSimRun({ seed: DEFAULT_SEED, timeline: [], settings: { ...DEFAULT_SIM_SETTINGS, rebalanceProtocol: 'consumer' } })).toBe('rebalance=consumer');
  });

  it('reads every value back, and a link without them (made before the settings) gets the defaults silently', () => {
    for (const arrivals of SETTING_VALUES.arrivals) expect(decodeSimRun(`?arrivals=${arrivals}`, PLAN).settings.arrivals).toBe(arrivals);
    for (const service of SETTING_VALUES.service) expect(decodeSimRun(`?service=${service}`, PLAN).settings.service).toBe(service);
    for (const protocol of SETTING_VALUES.rebalanceProtocol) expect(decodeSimRun(`?rebalance=${protocol}`, PLAN).settings.rebalanceProtocol).toBe(protocol);
    expect(decodeSimRun('?seed=42&actions=1500:broker-down:1', PLAN)).toMatchObject({ settings: DEFAULT_SIM_SETTINGS, notices: [] });
  });

  it('the defaults are the simulation’s own (resolveOptions)', () => {
    const resolved = resolveOptions(DEFAULT_CONFIG);
    expect({ arrivals: resolved.arrivals, service: resolved.service, rebalanceProtocol: resolved.rebalanceProtocol }).toEqual(DEFAULT_SIM_SETTINGS);
  });

  it('repairs an unknown, misspelt or repeated value to the default with a notice naming the param, what was given and what was used', () => {
    const banana = decodeSimRun('?arrivals=banana', PLAN);
    expect(banana.settings).toEqual(DEFAULT_SIM_SETTINGS);
    expect(banana.notices).toEqual([{ param: 'arrivals', given: 'banana', reason: 'not one of poisson, constant; the default poisson was used', used: 'poisson' }]);
    for (const [param, bad] of [['service', 'Constant'], ['service', ''], ['rebalance', 'range'], ['rebalance', '__proto__'], ['arrivals', '<script>alert(1)</script>'], ['rebalance', 'x'.repeat(5000)]] as const) {
      const { settings, notices } = decodeSimRun(`?${param}=${encodeURIComponent(bad)}`, PLAN);
      expect(settings, `${param}=${bad}`).toEqual(DEFAULT_SIM_SETTINGS);
      expect(notices.map((n) => n.param), `${param}=${bad}`).toEqual([param]);
      expect(Array.from(notices[0]?.given ?? '').length).toBeLessThanOrEqual(41);
    }
    const twice = decodeSimRun('?rebalance=consumer&rebalance=eager', PLAN);
    expect(twice.settings.rebalanceProtocol).toBe('consumer');
    expect(twice.notices).toEqual([{ param: 'rebalance', given: 'consumer, eager', reason: 'given 2 times; the first was used', used: 'consumer' }]);
  });

  it('a bad setting leaves the seed, the other settings and the actions as they were', () => {
    const run = decodeSimRun('?seed=7&arrivals=banana&service=constant&actions=100:poison:1', PLAN);
    expect(run).toMatchObject({ seed: 7, settings: { arrivals: 'poisson', service: 'constant', rebalanceProtocol: 'eager' } });
    expect(run.timeline).toHaveLength(1);
    expect(run.notices.map((n) => n.param)).toEqual(['arrivals']);
  });
});
