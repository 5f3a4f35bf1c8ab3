import { describe, expect, it } from 'vitest';
import { describeDelta } from './delta';

describe('describeDelta', () => {
  it('gives the baseline, the signed difference in the metric units, and the relative change', () => {
    expect(describeDelta('events/s', 1500, 1000)).toEqual({ baseline: '1,000 events/s', change: '+500 events/s', percent: '+50 %' });
    expect(describeDelta('bytes/s', 512, 1024)).toEqual({ baseline: '1.0 KiB/s', change: '−512 B/s', percent: '−50 %' });
    expect(describeDelta('count', 12, 4)).toEqual({ baseline: '4', change: '+8', percent: '+200 %' });
    expect(describeDelta('seconds', 0.2, 0.1).change).toBe('+100 ms');
  });

  it('says a ratio changed by percentage points and a score by points', () => {
    expect(describeDelta('ratio', 0.6, 0.5)).toEqual({ baseline: '50 %', change: '+10 percentage points', percent: '+20 %' });
    expect(describeDelta('score', 40, 100)).toEqual({ baseline: '100/100', change: '−60 points', percent: '−60 %' });
    expect(describeDelta('score', 1, 0).change).toBe('+1 point');
  });

  it('handles equal, zero and unbounded values without NaN', () => {
    expect(describeDelta('events/s', 5, 5)).toEqual({ baseline: '5 events/s', change: 'no change', percent: '' });
    expect(describeDelta('seconds', Infinity, Infinity).change).toBe('no change');
    expect(describeDelta('seconds', Infinity, 0.1)).toEqual({ baseline: '100 ms', change: 'now unbounded', percent: '' });
    expect(describeDelta('seconds', 0.1, Infinity)).toEqual({ baseline: 'unbounded', change: 'was unbounded', percent: '' });
    expect(describeDelta('events/s', 10, 0).percent).toBe('');
    expect(describeDelta('events/s', 1_000_001, 1_000_000).percent).toBe('+<0.1 %');
    for (const text of Object.values(describeDelta('bytes', 3, 7))) expect(text).not.toMatch(/NaN|Infinity/);
  });
});
