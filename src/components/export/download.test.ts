import { describe, expect, it } from 'vitest';
import { fileSlug } from './download';

describe('file names', () => {
  it('slugs names and falls back when nothing is left', () => {
    expect(fileSlug('Uber location updates', 'x')).toBe('uber-location-updates');
    expect(fileSlug('Amazon order pipeline (event sourcing)', 'x')).toBe('amazon-order-pipeline-event-sourcing');
    expect(fileSlug('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(fileSlug('✓✓✓', 'plan')).toBe('plan');
  });
});
