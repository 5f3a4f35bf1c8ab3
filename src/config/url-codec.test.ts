import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { singleTopicPlan, topicView, type ClusterPlan } from '../engine/cluster-plan';
import { computeClusterMetrics, computeMetrics } from '../engine/compute-metrics';
import type { PlanConfig } from '../engine/plan-config';
import { planConfig } from '../test-support/arbitraries';
import { legalTopicName, topicParamKey, validClusterPlan } from '../test-support/url-fuzz';
import { DEFAULT_BROKER_TYPE } from './broker-types';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from './schema';
import { MAX_TOPICS } from './topic-names';
import { decodeConfig, decodePlan, encodeConfig, encodePlan } from './url-codec';

const SEED = 4242;

function expectValid(config: Record<string, number>) {
  for (const spec of PARAMS) expect(isValidValue(spec, config[spec.field] ?? NaN), spec.name).toBe(true);
}

const DEFAULT_PLAN: ClusterPlan = singleTopicPlan(DEFAULT_CONFIG, undefined, DEFAULT_BROKER_TYPE);

function expectValidPlan(plan: ClusterPlan) {
  expect(plan.topics.length).toBeGreaterThanOrEqual(1);
  expect(plan.topics.length).toBeLessThanOrEqual(MAX_TOPICS);
  expect(new Set(plan.topics.map((t) => t.name)).size).toBe(plan.topics.length);
  plan.topics.forEach((_, i) => expectValid(topicView(plan, i) as unknown as Record<string, number>));
}

describe('URL codec, schema v2', () => {
  it('writes v=2, the cluster plan parameters, then every plan parameter of each topic under t<index>.', () => {
    const query = encodeConfig(DEFAULT_CONFIG);
    expect(query).toBe('v=2&brokers=3&zones=3&growth=1&t0.name=events&t0.rate=1000000&t0.size=1024&t0.partitions=5&t0.latency=100&t0.consumers=10&t0.rf=3&t0.retention=168&t0.groups=1&t0.minIsr=2&t0.replayGroups=0&t0.peak=1');
    expect(encodePlan(DEFAULT_PLAN)).toBe(query);
  });

  it('opens a version 1 link with the numbers it had then: the old broker limits, min ISR and zones by rule, and a notice of the new checks', () => {
    const { config, notices } = decodeConfig('?v=1&rate=1000&size=1024&partitions=6&latency=1&consumers=6&rf=2&retention=24&groups=1&brokers=2');
    expect(config.brokerNetworkMiBPerSec).toBe(1192);
    expect(config.brokerDiskMiBPerSec).toBe(1000);
    expect(config.replicasPerBrokerLimit).toBe(4000);
    expect(config.minInsyncReplicas).toBe(1); // rf 2 → 1
    expect(config.zones).toBe(2); // the largest of 3, 2, 1 dividing 2 brokers
    expect(notices).toHaveLength(1);
    expect(notices[0]?.param).toBe('v');
    expect(notices[0]?.reason).toMatch(/numbers are unchanged/);
    // A v1 link that names a limit keeps it.
    expect(decodeConfig('?v=1&brokerNetMiBps=500').config.brokerNetworkMiBPerSec).toBe(500);
    // …and is one topic, without __consumer_offsets (not counted then): its numbers are unchanged.
    const { plan } = decodePlan('?v=1&rate=1000&size=1024&partitions=6&latency=1&consumers=6&rf=2&retention=24&groups=1&brokers=2');
    expect(plan.topics.map((t) => t.name)).toEqual(['events']);
    expect(config.offsetsTopicPartitions).toBe(0);
    expect(computeClusterMetrics(plan).topics[0]).toEqual(computeMetrics(config));
  });

  it('repairs min ISR above rf and zones above brokers, each with a notice', () => {
    const { config, notices } = decodeConfig('?v=2&rf=2&minIsr=3&brokers=2&zones=5');
    expect(config.minInsyncReplicas).toBe(2);
    expect(config.zones).toBe(2);
    expect(notices.map((n) => n.param)).toEqual(['minIsr', 'zones']);
    expect(notices[0]?.reason).toMatch(/above the replication factor 2/);
  });

  it('reads a link it wrote back to the same config, with no notice', () => {
    const decoded = decodeConfig('?' + encodeConfig(DEFAULT_CONFIG));
    expect(decoded.config).toEqual(DEFAULT_CONFIG);
    expect(decoded.notices).toEqual([]);
    expect(decodePlan(encodePlan(DEFAULT_PLAN))).toEqual({ plan: DEFAULT_PLAN, notices: [] });
  });

  it('uses defaults for missing params and ignores unknown ones without a notice', () => {
    const decoded = decodeConfig('?rate=500&colour=blue&__proto__=1');
    // A link without topic prefixes was made before clusters: __consumer_offsets is not counted (0).
    expect(decoded.config).toEqual({ ...DEFAULT_CONFIG, eventsPerSec: 500, offsetsTopicPartitions: 0 });
    expect(decoded.notices).toEqual([]);
  });

  it('opens a link without any plan param (the bare address, a run only) as the default plan, offsets counted', () => {
    for (const search of ['', '?', '?seed=5', '?colour=blue', '?actions=1:add-group']) expect(decodePlan(search), search).toEqual({ plan: DEFAULT_PLAN, notices: [] });
  });

  it('repairs the hostile example and names each param and why', () => {
    const { config, notices } = decodeConfig('?rate=-5&partitions=1e99&size=<script>alert(1)</script>');
    expect(config.eventsPerSec).toBe(DEFAULT_CONFIG.eventsPerSec);
    expect(config.partitions).toBe(10_000);
    expect(config.eventSizeBytes).toBe(DEFAULT_CONFIG.eventSizeBytes);
    expect(notices.map((n) => [n.param, n.reason.split(';')[0]])).toEqual([
      ['rate', 'negative'],
      ['size', 'not a number'],
      ['partitions', 'above the maximum'],
    ]);
    expect(notices.find((n) => n.param === 'size')?.given).toBe('<script>alert(1)</script>');
  });

  it.each([
    ['NaN', 'not a number'],
    ['Infinity', 'not a number'],
    ['0x10', 'not a number'],
    ['1,000', 'not a number'],
    ['', 'not a number'],
    ['2.5', 'not a whole number'],
    ['0', 'below the minimum'],
    ['1e400', 'above the maximum'],
    ['99999', 'above the maximum'],
  ])('partitions=%s → notice "%s" and a valid value', (given, reason) => {
    const { config, notices } = decodeConfig(`?partitions=${encodeURIComponent(given)}`);
    expectValid(config as unknown as Record<string, number>);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.param).toBe('partitions');
    expect(notices[0]?.reason).toContain(reason);
  });

  it('keeps fractional values where the unit allows them (rate, latency, retention)', () => {
    const { config, notices } = decodeConfig('?rate=2.5&latency=0.001&retention=1.5');
    expect([config.eventsPerSec, config.processingMs, config.retentionHours]).toEqual([2.5, 0.001, 1.5]);
    expect(notices).toEqual([]);
  });

  it('uses the first of repeated params, and says so', () => {
    const { config, notices } = decodeConfig('?brokers=4&brokers=9');
    expect(config.brokers).toBe(4);
    expect(notices[0]?.reason).toContain('given 2 times');
  });

  it('reads an unknown version as v1 with a notice', () => {
    const { notices } = decodeConfig('?v=7&rate=10');
    expect(notices[0]?.param).toBe('v');
  });

  it('shortens very long given text in notices', () => {
    const { notices } = decodeConfig('?rate=' + 'x'.repeat(10_000));
    expect(Array.from(notices[0]?.given ?? '').length).toBeLessThanOrEqual(41);
  });

  it(`encode → decode is the identity on valid configs (seed ${SEED})`, () => {
    fc.assert(
      fc.property(planConfig, (config) => {
        const decoded = decodeConfig(encodeConfig(config));
        expect(decoded.config).toEqual(config);
        expect(decoded.notices).toEqual([]);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it(`decode never throws and always yields a valid config, on any string (seed ${SEED + 1})`, () => {
    const paramName = fc.constantFrom(...PARAMS.map((p) => p.name), 'v', 'x', '');
    const value = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.double().map(String), fc.integer().map(String), fc.constantFrom('NaN', '-0', '1e309', '%', '%zz', '<img src=x onerror=alert(1)>'));
    const structured = fc.array(fc.tuple(paramName, value), { maxLength: 12 }).map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), structured), (search) => {
        const { config } = decodeConfig(search);
        expectValid(config as unknown as Record<string, number>);
      }),
      { seed: SEED + 1, numRuns: 5000 },
    );
  });
});

/** The one-topic config a link made before clusters meant: its values over the defaults, min ISR and zones by rule, no offsets topic. */
function oneTopicConfig(values: Partial<PlanConfig>): PlanConfig {
  return { ...DEFAULT_CONFIG, ...values, offsetsTopicPartitions: 0 };
}

describe('links made before clusters (one topic, unprefixed)', () => {
  it.each([
    ['the default plan of the one-topic release', '?v=2&rate=1000000&size=1024&partitions=5&latency=100&consumers=10&rf=3&retention=168&groups=1&brokers=3&minIsr=2&zones=3&growth=1&replayGroups=0', {}],
    [
      'a changed plan with an assumption',
      '?v=2&rate=50000&size=512&partitions=24&latency=5&consumers=24&rf=3&retention=72&groups=3&brokers=6&minIsr=2&zones=3&growth=1.5&replayGroups=1&compression=2',
      { eventsPerSec: 50_000, eventSizeBytes: 512, partitions: 24, processingMs: 5, consumersPerGroup: 24, retentionHours: 72, consumerGroups: 3, brokers: 6, growthFactor: 1.5, replayGroups: 1, compressionRatio: 2 },
    ],
  ])('%s: topic "events" with the numbers computeMetrics gave it (offsets 0), no notice, and the rewritten link keeps them', (_what, search, values) => {
    const { plan, notices } = decodePlan(search);
    expect(notices).toEqual([]);
    expect(plan.topics.map((t) => t.name)).toEqual(['events']);
    expect(plan.brokerType).toBe(DEFAULT_BROKER_TYPE);
    const expected = computeMetrics(oneTopicConfig(values));
    expect(computeClusterMetrics(plan).topics[0]).toEqual(expected);
    // url-sync writes it back in the cluster format: reading that gives the same plan, silently.
    const rewritten = encodePlan(plan);
    expect(rewritten).toContain('t0.name=events');
    expect(rewritten).toContain('offsetsPartitions=0');
    expect(decodePlan(rewritten)).toEqual({ plan, notices: [] });
    expect(computeClusterMetrics(decodePlan(rewritten).plan).topics[0]).toEqual(expected);
  });

  it('a one-topic link that sets offsetsPartitions keeps it', () => {
    expect(decodeConfig('?rate=10&offsetsPartitions=50').config.offsetsTopicPartitions).toBe(50);
    expect(decodeConfig('?v=1&offsetsPartitions=12').config.offsetsTopicPartitions).toBe(12);
  });
});

describe('cluster links (t<index>.<param>)', () => {
  const TWO = '?v=2&brokers=6&zones=3&growth=1&broker=kafka.m5.4xlarge&t0.name=orders&t0.rate=5000&t0.size=2048&t0.partitions=24&t0.rf=3&t1.name=clicks&t1.rate=200000&t1.rf=2&t1.compression=3';

  it('reads two topics with their own values, the cluster once, the broker type, and writes the same link back', () => {
    const { plan, notices } = decodePlan(TWO);
    expect(notices).toEqual([]);
    expect(plan.brokerType).toBe('kafka.m5.4xlarge');
    expect(plan.cluster.brokers).toBe(6);
    expect(plan.cluster.offsetsTopicPartitions).toBe(DEFAULT_CONFIG.offsetsTopicPartitions);
    expect(plan.topics.map((t) => [t.name, t.eventsPerSec, t.replicationFactor, t.minInsyncReplicas, t.compressionRatio])).toEqual([
      ['orders', 5000, 3, 2, 1],
      ['clicks', 200_000, 2, 1, 3], // min ISR by rule from each topic's rf
    ]);
    expect(decodePlan(encodePlan(plan))).toEqual({ plan, notices: [] });
    expect(encodePlan(plan)).toBe(
      'v=2&brokers=6&zones=3&growth=1&broker=kafka.m5.4xlarge' +
        '&t0.name=orders&t0.rate=5000&t0.size=2048&t0.partitions=24&t0.latency=100&t0.consumers=10&t0.rf=3&t0.retention=168&t0.groups=1&t0.minIsr=2&t0.replayGroups=0&t0.peak=1' +
        '&t1.name=clicks&t1.rate=200000&t1.size=1024&t1.partitions=5&t1.latency=100&t1.consumers=10&t1.rf=2&t1.retention=168&t1.groups=1&t1.minIsr=1&t1.replayGroups=0&t1.peak=1&t1.compression=3',
    );
  });

  it('names the prefixed param and why for every value it changes', () => {
    const { plan, notices } = decodePlan('?t0.name=a&t0.rate=-5&t3.name=b&t3.rate=abc&t3.partitions=2.5&t3.rf=2&t3.minIsr=3');
    expect(plan.topics.map((t) => [t.name, t.eventsPerSec, t.partitions, t.minInsyncReplicas])).toEqual([
      ['a', DEFAULT_CONFIG.eventsPerSec, 5, 2],
      ['b', DEFAULT_CONFIG.eventsPerSec, 3, 2],
    ]);
    expect(notices.map((n) => [n.param, n.reason.split(';')[0]])).toEqual([
      ['t0.rate', 'negative'],
      ['t3.rate', 'not a number'],
      ['t3.partitions', 'not a whole number'],
      ['t3.minIsr', 'above the replication factor 2'],
    ]);
    expect(notices.find((n) => n.param === 't3.rate')?.given).toBe('abc');
  });

  it('compacts gaps in index order and gives a topic present only by its name the defaults', () => {
    const { plan, notices } = decodePlan('?t7.name=late&t2.rate=10&t0.name=first');
    expect(notices).toEqual([]);
    expect(plan.topics.map((t) => [t.name, t.eventsPerSec])).toEqual([
      ['first', DEFAULT_CONFIG.eventsPerSec],
      ['events', 10], // t2 has no name: the default
      ['late', DEFAULT_CONFIG.eventsPerSec],
    ]);
    expect(topicView(plan, 2)).toEqual({ ...DEFAULT_CONFIG });
  });

  it('drops topics outside t0 … t49 with one notice saying how many, and keeps 50 of 60', () => {
    const dropped = decodePlan('?t0.rate=10&t99.rate=5&t01.rate=7');
    expect(dropped.plan.topics.map((t) => t.eventsPerSec)).toEqual([10]);
    expect(dropped.notices).toHaveLength(1);
    expect(dropped.notices[0]).toMatchObject({ param: 't99.rate', given: 't99, t01', used: 2 });
    expect(dropped.notices[0]?.reason).toMatch(/^2 topics outside t0 – t49 left out/);

    const sixty = Array.from({ length: 60 }, (_, i) => `t${i}.name=topic-${i}&t${i}.rate=${i + 1}`).join('&');
    const { plan, notices } = decodePlan(`?${sixty}`);
    expect(plan.topics).toHaveLength(MAX_TOPICS);
    expect(plan.topics.at(-1)).toMatchObject({ name: 'topic-49', eventsPerSec: 50 });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.param).toBe('t50.name');
    expect(notices[0]?.reason).toMatch(/^10 topics outside t0 – t49 left out \(a link holds at most 50 topics\)/);
  });

  it('makes illegal names legal and repeated names unique, each with a notice; a topic without a name takes a free default', () => {
    const { plan, notices } = decodePlan(`?t0.name=${encodeURIComponent('my topic')}&t1.name=orders&t2.name=orders&t3.name=..&t4.name=&t5.rate=1&t6.name=events`);
    expect(plan.topics.map((t) => t.name)).toEqual(['my-topic', 'orders', 'orders-2', 'events-2', 'events-3', 'events-4', 'events']);
    expect(notices.map((n) => [n.param, n.given, n.used])).toEqual([
      ['t0.name', 'my topic', 'my-topic'],
      ['t2.name', 'orders', 'orders-2'],
      ['t3.name', '..', 'events-2'],
      ['t4.name', '', 'events-3'],
    ]);
    expect(notices[0]?.reason).toBe('not a Kafka topic name (only letters, digits, \'.\', \'_\' and \'-\' are allowed); "my-topic" was used');
    expect(notices[1]?.reason).toMatch(/^the name of an earlier topic/);
    // A name Kafka takes as given is kept before one made legal: `a b` → `a-b` yields to `a-b`.
    expect(decodePlan('?t0.name=a%20b&t1.name=a-b').plan.topics.map((t) => t.name)).toEqual(['a-b-2', 'a-b']);
  });

  it('ignores an unprefixed topic input in a link with topics, and says so; cluster inputs stay unprefixed', () => {
    const { plan, notices } = decodePlan('?rate=7&brokers=6&t0.name=a');
    expect(plan.topics[0]?.eventsPerSec).toBe(DEFAULT_CONFIG.eventsPerSec);
    expect(plan.cluster.brokers).toBe(6);
    expect(notices.map((n) => n.param)).toEqual(['rate']);
    expect(notices[0]?.reason).toMatch(/t0\.rate, t1\.rate, …\); ignored$/);
  });

  it('reads the first of a repeated topic param, and says so', () => {
    const { plan, notices } = decodePlan('?t0.rate=4&t0.rate=9&t0.name=a&t0.name=b');
    expect([plan.topics[0]?.eventsPerSec, plan.topics[0]?.name]).toEqual([4, 'a']);
    expect(notices.map((n) => [n.param, n.reason])).toEqual([
      ['t0.name', 'given 2 times; the first was used'],
      ['t0.rate', 'given 2 times; the first was used'],
    ]);
  });

  it('reads a broker type of the catalogue or custom; anything else is custom, with a notice', () => {
    expect(decodePlan('?t0.name=a&broker=kafka.m7g.large').plan.brokerType).toBe('kafka.m7g.large');
    expect(decodePlan('?t0.name=a&broker=custom')).toMatchObject({ plan: { brokerType: 'custom' }, notices: [] });
    const { plan, notices } = decodePlan('?t0.name=a&broker=<b>big</b>');
    expect(plan.brokerType).toBe('custom');
    expect(notices).toEqual([expect.objectContaining({ param: 'broker', given: '<b>big</b>', used: 'custom' })]);
  });

  it('a link with topics but no usable one gets one topic with the defaults', () => {
    const { plan, notices } = decodePlan('?t0.colour=blue&brokers=4');
    expect(plan.topics.map((t) => t.name)).toEqual(['events']);
    expect(plan.cluster.brokers).toBe(4);
    expect(plan.cluster.offsetsTopicPartitions).toBe(DEFAULT_CONFIG.offsetsTopicPartitions);
    expect(notices).toEqual([]);
  });

  it(`encode → decode is the identity on valid clusters of 1–5 topics (seed ${SEED + 2})`, () => {
    fc.assert(
      fc.property(validClusterPlan(5), (plan) => {
        expect(decodePlan(encodePlan(plan))).toEqual({ plan, notices: [] });
      }),
      { seed: SEED + 2, numRuns: 1000 },
    );
  });

  it(`decode never throws and always yields a valid plan, on prefixed keys with any value (seed ${SEED + 3})`, () => {
    const key = fc.oneof(topicParamKey, fc.constantFrom(...PARAMS.map((p) => p.name), 'v', 'broker'));
    const value = fc.oneof(fc.string(), legalTopicName, fc.double().map(String), fc.integer().map(String), fc.constantFrom('NaN', '1e309', '%zz', '<img src=x onerror=alert(1)>', '..'));
    const search = fc.array(fc.tuple(key, value), { maxLength: 20 }).map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    fc.assert(
      fc.property(search, (s) => {
        const { plan } = decodePlan(s);
        expectValidPlan(plan);
        expect(decodePlan(encodePlan(plan))).toEqual({ plan, notices: [] });
      }),
      { seed: SEED + 3, numRuns: 2000 },
    );
  });
});

describe('the hot-key share (tN.hotKeyShare): written only when not 0', () => {
  const hot = (share: number, index = 0): ClusterPlan => ({ ...DEFAULT_PLAN, topics: DEFAULT_PLAN.topics.map((t, i) => (i === index ? { ...t, hotKeyShare: share } : t)) });

  it('leaves an even-keys plan without it, and writes a set share after the topic’s other plan inputs', () => {
    expect(encodePlan(DEFAULT_PLAN)).not.toContain('hotKeyShare');
    expect(encodePlan(hot(0.25))).toBe(`${encodePlan(DEFAULT_PLAN)}&t0.hotKeyShare=0.25`);
    expect(decodePlan(encodePlan(hot(0.25)))).toEqual({ plan: hot(0.25), notices: [] });
  });

  it('opens links made before it (cluster and one-topic) with even keys, silently', () => {
    expect(decodePlan('?v=2&t0.name=a&t0.rate=10').plan.topics[0]?.hotKeyShare).toBe(0);
    expect(decodePlan('?v=2&rate=10&partitions=6').plan.topics[0]?.hotKeyShare).toBe(0);
    expect(decodePlan('?v=1&rate=10').plan.topics[0]?.hotKeyShare).toBe(0);
    expect(decodePlan('?v=2&t0.name=a&t0.rate=10').notices).toEqual([]);
  });

  it('reads it per topic, and unprefixed in a one-topic link', () => {
    const { plan, notices } = decodePlan('?t0.name=a&t1.name=b&t1.hotKeyShare=0.4');
    expect(notices).toEqual([]);
    expect(plan.topics.map((t) => t.hotKeyShare)).toEqual([0, 0.4]);
    expect(decodeConfig('?rate=10&hotKeyShare=1').config.hotKeyShare).toBe(1);
  });

  it.each([
    ['-0.5', 0, 'negative; the default 0 ratio was used'],
    ['1.5', 1, 'above the maximum; 1 ratio was used'],
    ['1e999', 1, 'above the maximum; 1 ratio was used'],
    ['NaN', 0, 'not a number; the default 0 ratio was used'],
    ['a lot', 0, 'not a number; the default 0 ratio was used'],
    ['0.2&t0.hotKeyShare=0.7', 0.2, 'given 2 times; the first was used'],
  ])('t0.hotKeyShare=%s: %s, and a notice naming it and the value used', (given, used, reason) => {
    const { plan, notices } = decodePlan(`?t0.name=a&t0.hotKeyShare=${given}`);
    expect(plan.topics[0]?.hotKeyShare).toBe(used);
    expect(notices).toEqual([expect.objectContaining({ param: 't0.hotKeyShare', reason, used })]);
  });
});
