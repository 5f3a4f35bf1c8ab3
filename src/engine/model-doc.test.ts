import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../config/schema';
import { formatNumber } from '../lib/format';
import { CLUSTER_METRIC_CATALOG } from './cluster-metric-catalog';
import { METRIC_CATALOG } from './metric-catalog';

// docs/model.md is what users read to check the numbers: it must state what the app computes.
const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

describe('docs/model.md matches the app', () => {
  for (const entry of [...METRIC_CATALOG, ...CLUSTER_METRIC_CATALOG]) {
    it(`states the formula of metric-${entry.name} word for word`, () => {
      expect(doc).toContain(`\`metric-${entry.name}\``);
      expect(doc).toContain(entry.formula);
    });
  }
  it('lists every input with its URL name, range and default', () => {
    for (const spec of PARAMS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${spec.name}\` |`));
      expect(row, spec.name).toBeDefined();
      expect(row).toContain(`${formatNumber(spec.min, 3)} – ${formatNumber(spec.max, 0)}`);
      expect(row).toContain(`| ${formatNumber(spec.defaultValue, 3)} |`);
    }
  });
});
