import { sanitizeValue, type ParamSpec } from './schema';

/**
 * Slider positions ↔ values. Log sliders spread each decade evenly over
 * SLIDER_STEPS positions; values are snapped to 3 significant digits (whole numbers
 * for counts) so that a dragged slider lands on readable numbers. The exact-number
 * field beside each slider takes any valid value.
 */
export const SLIDER_STEPS = 1000;

export function valueToPosition(spec: ParamSpec, value: number): number {
  const t =
    spec.scale === 'log'
      ? Math.log(value / spec.min) / Math.log(spec.max / spec.min)
      : (value - spec.min) / (spec.max - spec.min);
  return Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS);
}

export function positionToValue(spec: ParamSpec, position: number): number {
  const t = Math.min(1, Math.max(0, position / SLIDER_STEPS));
  const raw = spec.scale === 'log' ? spec.min * (spec.max / spec.min) ** t : spec.min + t * (spec.max - spec.min);
  if (t === 0) return spec.min;
  if (t === 1) return spec.max;
  return sanitizeValue(spec, spec.integer ? Math.round(raw) : Number(raw.toPrecision(3)));
}

/**
 * The value a slider move asks for. Where one position is smaller than one whole
 * unit (5 → 5.05 partitions), a move still changes the value by one unit, so the
 * arrow keys never get stuck.
 */
export function valueForMove(spec: ParamSpec, current: number, position: number): number {
  const next = positionToValue(spec, position);
  const direction = Math.sign(position - valueToPosition(spec, current));
  if (direction === 0 || Math.sign(next - current) === direction) return next;
  const unit = spec.integer ? 1 : 10 ** (Math.floor(Math.log10(Math.abs(current) || 1)) - 2);
  return sanitizeValue(spec, current + direction * unit);
}

/** Positions a fine slider spans on each side of its value: a tenth of SLIDER_STEPS in all. */
export const FINE_HALF_WINDOW = SLIDER_STEPS / 20;

/** The positions a fine slider spans around `anchor` (its value's position when the drag began), kept inside 0 … SLIDER_STEPS. */
export function fineWindow(anchor: number): { min: number; max: number } {
  const min = Math.min(Math.max(0, anchor - FINE_HALF_WINDOW), SLIDER_STEPS - 2 * FINE_HALF_WINDOW);
  return { min, max: min + 2 * FINE_HALF_WINDOW };
}
