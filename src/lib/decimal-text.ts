/**
 * en-US number text without Intl: the same strings as Intl.NumberFormat('en-US') with
 * fraction-digit or significant-digit limits (proved against Intl by decimal-text.property.test.ts).
 * Why not Intl: the first Intl.NumberFormat a page builds loads ICU's number data, a 35–40 ms
 * task in Chromium on a 2-core machine (×4 under Lighthouse's mobile throttling) in the middle
 * of the first render. Finite values only; callers handle NaN and infinities.
 */

/** value = 0.d1d2d3… × 10^point, digits the shortest that round-trip (as JavaScript prints them). */
interface Decimal {
  readonly digits: string;
  readonly point: number;
}

function decimalOf(abs: number): Decimal {
  const [mantissa = '0', exponent = '0'] = abs.toExponential().split('e');
  return { digits: mantissa.replace('.', ''), point: Number(exponent) + 1 };
}

/** Keeps `keep` leading digits, rounding half away from zero (Intl's default, halfExpand). */
function roundDigits({ digits, point }: Decimal, keep: number): Decimal {
  if (digits.length <= keep) return { digits, point };
  if (keep < 0) return { digits: '0', point: 1 };
  const roundUp = digits.charCodeAt(keep) >= 53; // '5'
  let kept = digits.slice(0, keep);
  if (!roundUp) return kept === '' ? { digits: '0', point: 1 } : { digits: kept, point };
  // Add one at the last kept place; a carry out of the first digit adds a place.
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === '9') i -= 1;
  if (i < 0) return { digits: '1', point: point + 1 };
  kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
  return { digits: kept, point };
}

function group(integerDigits: string): string {
  let text = '';
  for (let end = integerDigits.length; end > 0; end -= 3) text = integerDigits.slice(Math.max(0, end - 3), end) + (text ? `,${text}` : '');
  return text;
}

function compose(sign: string, { digits, point }: Decimal, minFractionDigits: number): string {
  const isZero = /^0*$/.test(digits);
  const integerDigits = isZero || point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0').replace(/^0+(?=\d)/, '');
  let fraction = isZero ? '' : point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  fraction = fraction.replace(/0+$/, '').padEnd(minFractionDigits, '0');
  return `${sign}${group(integerDigits)}${fraction ? `.${fraction}` : ''}`;
}

const signOf = (value: number) => (value < 0 || Object.is(value, -0) ? '-' : '');

/** Like Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits }).format(value). */
export function fixedText(value: number, minFractionDigits: number, maxFractionDigits: number): string {
  const decimal = decimalOf(Math.abs(value));
  return compose(signOf(value), roundDigits(decimal, decimal.point + maxFractionDigits), minFractionDigits);
}

/** Like Intl.NumberFormat('en-US', { maximumSignificantDigits }).format(value). */
export function significantText(value: number, maximumSignificantDigits: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return `${signOf(value)}0`;
  return compose(signOf(value), roundDigits(decimalOf(abs), maximumSignificantDigits), 0);
}
