/**
 * Named rounding modes and exact integer division with rounding. Amounts rounded by the library are never
 * negative except reversals, and the modes are defined on the sign-magnitude (so `down` truncates toward zero).
 *
 * @module
 */

/**
 * How an exact amount is rounded to the plan's scale: `half-even` (banker's), `half-up`, or `down` (truncate).
 *
 * @example
 * ```ts
 * const mode: RoundingMode = 'half-even';
 * ```
 */
export type RoundingMode = 'half-even' | 'half-up' | 'down';

/**
 * Every rounding mode, for schemas and loops.
 *
 * @example
 * ```ts
 * for (const mode of ROUNDING_MODES) console.log(mode, roundQuotient(5n, 10n, mode));
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-even', 'half-up', 'down'];

/**
 * `numerator / denominator` rounded to an integer with `mode` (denominator > 0). Half-up and down act on the
 * magnitude, so they are symmetric around zero.
 *
 * @example
 * ```ts
 * roundQuotient(5n, 10n, 'half-even'); // 0n   (0.5 → 0)
 * roundQuotient(15n, 10n, 'half-even'); // 2n  (1.5 → 2)
 * roundQuotient(5n, 10n, 'half-up');   // 1n
 * roundQuotient(19n, 10n, 'down');     // 1n
 * ```
 */
export function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude - quotient * denominator) * 2n;
  if (mode === 'half-up') {
    if (twiceRemainder >= denominator) quotient += 1n;
  } else if (mode === 'half-even') {
    if (twiceRemainder > denominator || (twiceRemainder === denominator && (quotient & 1n) === 1n)) quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/**
 * The same as {@link roundQuotient} for non-negative safe integers held in doubles, without allocating:
 * the hot path of rounding millions of payouts. Both inputs must be integers below 2^53. A caller in a loop may
 * pass `inverse = 1 / denominator` once: the quotient is estimated by a multiplication, off by at most one,
 * and corrected exactly from the remainder.
 *
 * @example
 * ```ts
 * roundQuotientFloat(15, 10, 'half-even'); // 2
 * roundQuotientFloat(25, 10, 'half-even'); // 2
 * ```
 */
export function roundQuotientFloat(
  numerator: number,
  denominator: number,
  mode: RoundingMode,
  inverse: number = 1 / denominator,
): number {
  let quotient = Math.floor(numerator * inverse);
  let remainder = numerator - quotient * denominator;
  // The estimate is a rounded double: fix an off-by-one so that 0 <= remainder < denominator, exactly.
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  if (mode === 'down') return quotient;
  const twice = remainder * 2;
  if (twice > denominator || (twice === denominator && (mode === 'half-up' || quotient % 2 === 1))) return quotient + 1;
  return quotient;
}
