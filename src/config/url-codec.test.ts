import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planConfig } from '../test-support/arbitraries';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from './schema';
import { decodeConfig, encodeConfig } from './url-codec';

const SEED = 4242;

function expectValid(config: Record<string, number>) {
  for (const spec of PARAMS) expect(isValidValue(spec, config[spec.field] ?? NaN), spec.name).toBe(true);
}

describe('URL codec, schema v2', () => {
  it('writes v=2 and every plan parameter under its public name', () => {
    const query = encodeConfig(DEFAULT_CONFIG);
    expect(query).toBe('v=2&rate=1000000&size=1024&partitions=5&latency=100&consumers=10&rf=3&retention=168&groups=1&brokers=3&minIsr=2&zones=3&growth=1&replayGroups=0');
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
  });

  it('uses defaults for missing params and ignores unknown ones without a notice', () => {
    const decoded = decodeConfig('?rate=500&colour=blue&__proto__=1');
    expect(decoded.config).toEqual({ ...DEFAULT_CONFIG, eventsPerSec: 500 });
    expect(decoded.notices).toEqual([]);
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
