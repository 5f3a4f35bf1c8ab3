import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramValue } from '../test-support/arbitraries';
import { PARAMS, isValidValue } from './schema';
import { FINE_HALF_WINDOW, SLIDER_STEPS, fineWindow, positionToValue, valueForMove, valueToPosition } from './slider-scale';

describe('slider scale', () => {
  it('reaches both ends of every range', () => {
    for (const spec of PARAMS) {
      expect(positionToValue(spec, 0)).toBe(spec.min);
      expect(positionToValue(spec, SLIDER_STEPS)).toBe(spec.max);
      expect(valueToPosition(spec, spec.max)).toBe(SLIDER_STEPS);
    }
  });

  it('is logarithmic for rate: the middle of 1…10,000,000 is about 3,160', () => {
    const rate = PARAMS[0];
    expect(positionToValue(rate, SLIDER_STEPS / 2)).toBe(3160);
  });

  for (const spec of PARAMS) {
    it(`${spec.name}: one arrow step from any value moves it the right way and stays valid (seed 7)`, () => {
      fc.assert(
        fc.property(paramValue(spec), fc.constantFrom(-1, 1), (value, direction) => {
          const position = valueToPosition(spec, value) + direction;
          if (position < 0 || position > SLIDER_STEPS) return;
          const next = valueForMove(spec, value, position);
          expect(isValidValue(spec, next)).toBe(true);
          if (direction > 0 && value < spec.max) expect(next).toBeGreaterThan(value);
          if (direction < 0 && value > spec.min) expect(next).toBeLessThan(value);
        }),
        { seed: 7, numRuns: 300 },
      );
    });
  }
});

describe('fine sliders', () => {
  it('span a tenth of the positions around the value, inside the slider', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SLIDER_STEPS }), (anchor) => {
        const { min, max } = fineWindow(anchor);
        expect(max - min).toBe(SLIDER_STEPS / 10);
        expect(min).toBeGreaterThanOrEqual(0);
        expect(max).toBeLessThanOrEqual(SLIDER_STEPS);
        expect(anchor).toBeGreaterThanOrEqual(min);
        expect(anchor).toBeLessThanOrEqual(max);
      }),
    );
    expect(fineWindow(500)).toEqual({ min: 500 - FINE_HALF_WINDOW, max: 500 + FINE_HALF_WINDOW });
    expect(fineWindow(3)).toEqual({ min: 0, max: 100 });
    expect(fineWindow(SLIDER_STEPS)).toEqual({ min: SLIDER_STEPS - 100, max: SLIDER_STEPS });
  });
});
