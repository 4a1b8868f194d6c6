/**
 * Small exact helpers of the KPI stages: money stays in bigint minor units, and only ratios become numbers.
 *
 * @module
 */
import { formatUnits } from '../money/decimal-string';
import { roundQuotient } from '../money/rounding';
import { ratio } from '../money/ratio';

export { ratio };


/**
 * `numerator / denominator` (both in the same units, denominator > 0) rounded half-even to `scale` decimals and
 * formatted: the money figures that are averages (CPA, CLV, revenue per customer).
 *
 * @example
 * ```ts
 * divideToDecimal(100000n, 3n, 2);  // "333.33" (1000.00 / 3, minor units at scale 2)
 * divideToDecimal(5n, 2n, 0);       // "2" (half-even)
 * ```
 */
export function divideToDecimal(numerator: bigint, denominator: bigint, scale: number): string {
  return formatUnits(roundQuotient(numerator, denominator, 'half-even'), scale);
}

/**
 * A ratio for an explanation: an integer as is, otherwise rounded to 4 decimals (display only: the KPI objects
 * carry the unrounded number).
 *
 * @example
 * ```ts
 * showRatio(0.6);       // "0.6"
 * showRatio(2 / 3);     // "0.6667"
 * showRatio(Infinity);  // "∞"
 * ```
 */
export function showRatio(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'NaN';
  const rounded = Math.round(value * 10_000) / 10_000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * A ratio as a percentage with one decimal, for summaries.
 *
 * @example
 * ```ts
 * showPercent(0.6);   // "60.0%"
 * showPercent(-0.25); // "-25.0%"
 * ```
 */
export function showPercent(value: number): string {
  if (!Number.isFinite(value)) return showRatio(value);
  return `${(value * 100).toFixed(1)}%`;
}

/**
 * "1 customer" / "3 customers": a count with its noun.
 *
 * @example
 * ```ts
 * plural(1, 'member');  // "1 member"
 * plural(4, 'member');  // "4 members"
 * ```
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
