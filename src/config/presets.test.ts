import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../engine/compute-metrics';
import { PRESETS, presetById } from './presets';
import { DEFAULT_CONFIG, PARAMS, isValidValue } from './schema';
import { decodeConfig, encodeConfig } from './url-codec';

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))('%s is a full, valid config', (_name, preset) => {
    expect(Object.keys(preset.config).sort()).toEqual(PARAMS.map((p) => p.field).sort());
    for (const spec of PARAMS) expect(isValidValue(spec, preset.config[spec.field]), spec.name).toBe(true);
    // It survives the link unchanged, so loading one writes a link that reopens it.
    const decoded = decodeConfig('?' + encodeConfig(preset.config));
    expect(decoded.config).toEqual(preset.config);
    expect(decoded.notices).toEqual([]);
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('%s states its assumptions and sources', (_name, preset) => {
    expect(preset.summary.length).toBeGreaterThan(20);
    expect(preset.assumptions.length).toBeGreaterThanOrEqual(3);
    expect(preset.sources.length).toBeGreaterThanOrEqual(1);
  });

  it('has unique ids and names, and the ones the issue asks for', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    expect(PRESETS.map((p) => p.id)).toEqual(['seed-defaults', 'netflix', 'uber', 'amazon', 'linkedin', 'ecommerce', 'iot', 'logs']);
    expect(presetById('seed-defaults')?.config).toBe(DEFAULT_CONFIG);
    expect(presetById('nope')).toBeUndefined();
  });

  it('every preset is a different plan', () => {
    expect(new Set(PRESETS.map((p) => encodeConfig(p.config))).size).toBe(PRESETS.length);
  });

  // The arithmetic in the text is the arithmetic in the config.
  it('the stated figures match the configs', () => {
    const rate = (id: string) => presetById(id)!.config.eventsPerSec;
    expect(rate('netflix')).toBe(Math.round(((5e9 / 86_400) * 2) / 1000) * 1000);
    expect(rate('uber')).toBe(Math.round((((15e6 * 1200) / 86_400 / 4) * 2) / 1000) * 1000);
    expect(rate('amazon')).toBe(Math.round((((10e6 * 10) / 86_400) * 5) / 100) * 100);
    expect(rate('linkedin')).toBe(Math.round(((2e9 / 86_400) * 2) / 100) * 100);
    expect(rate('iot')).toBe(100_000 / 10);
    expect(rate('logs')).toBe(1000 * 200);
    for (const preset of PRESETS.filter((p) => p.id !== 'seed-defaults')) {
      const m = computeMetrics(preset.config);
      // Every preset but the seed's is sized to keep its consumers under the 70 % target.
      expect(m.utilization, preset.id).toBeLessThanOrEqual(preset.config.targetUtilization);
      const stated = preset.assumptions.join(' ').match(/\((\d+) % busy\)/);
      expect(stated, `${preset.id} states how busy its consumers are`).not.toBeNull();
      expect(Math.round(m.utilization * 100), preset.id).toBe(Number(stated![1]));
    }
  });
});
