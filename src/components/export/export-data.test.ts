import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../config/presets';
import { DEFAULT_CONFIG, PARAMS } from '../../config/schema';
import { computeMetrics } from '../../engine/compute-metrics';
import { METRIC_CATALOG } from '../../engine/metric-catalog';
import { planMetricsCsv, topicSpecFor } from './export-data';
import { fileSlug } from './download';

/** A small RFC 4180 reader, enough for the file we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('metrics CSV of a plan', () => {
  it.each(PRESETS.map((p) => [p.name, p.config] as const))('%s: one row per input and per metric, values in base units', (_name, config) => {
    const metrics = computeMetrics(config);
    const rows = parseCsv(planMetricsCsv(config, metrics));
    expect(rows[0]).toEqual(['section', 'name', 'title', 'value', 'unit', 'text']);
    const configRows = rows.filter((r) => r[0] === 'config');
    const metricRows = rows.filter((r) => r[0] === 'metric');
    expect(configRows.map((r) => r[1])).toEqual(PARAMS.map((p) => p.name));
    expect(metricRows.map((r) => r[1])).toEqual(METRIC_CATALOG.map((e) => e.name));
    for (const entry of METRIC_CATALOG) {
      const row = metricRows.find((r) => r[1] === entry.name)!;
      expect(Number(row[3]), entry.name).toBe(entry.value(metrics));
      expect(row[2]).toBe(entry.title);
      expect(row[5]).not.toBe('');
    }
    for (const spec of PARAMS) expect(Number(configRows.find((r) => r[1] === spec.name)![3])).toBe(config[spec.field]);
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });
});

describe('topic of a plan', () => {
  it('takes partitions, replication factor and retention in ms', () => {
    const config = { ...DEFAULT_CONFIG, retentionHours: 2.5 };
    expect(topicSpecFor(config, 'orders', computeMetrics(config))).toEqual({
      topic: 'orders',
      partitions: 5,
      replicationFactor: 3,
      retentionMs: 9_000_000,
      minInsyncReplicas: 2,
      availability: 'Survives one broker down with acks=all: 3 replicas, min.insync.replicas=2, at least 2 stay in sync.',
    });
  });

  it('says when the planned failure stops acks=all writes (RF 2, min ISR 2)', () => {
    const config = { ...DEFAULT_CONFIG, replicationFactor: 2, minInsyncReplicas: 2 };
    expect(topicSpecFor(config, 't', computeMetrics(config)).availability).toBe(
      'Does NOT survive one broker down with acks=all: 2 replicas, min.insync.replicas=2, only 1 stay in sync; writes stop.',
    );
  });
});

describe('file names', () => {
  it('slugs names and falls back when nothing is left', () => {
    expect(fileSlug('Uber location updates', 'x')).toBe('uber-location-updates');
    expect(fileSlug('Amazon order pipeline (event sourcing)', 'x')).toBe('amazon-order-pipeline-event-sourcing');
    expect(fileSlug('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(fileSlug('✓✓✓', 'plan')).toBe('plan');
  });
});
