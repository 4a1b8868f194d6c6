import type { ExactColumn } from '../money/exact-column';
import { type RoundingMode, roundQuotient, roundQuotientFloat } from '../money/rounding';

/**
 * One payee's payout: their exact total (units of `10^-(scale + rateDecimals)`) rounded once to minor units
 * with the plan's mode (DESIGN §3 rule 4). Payouts are rounded when asked for rather than stored: a column of
 * ten million rounded amounts would cost as much to write as to recompute.
 *
 * @example
 * ```ts
 * roundedPayout(new ExactColumn(Float64Array.of(5, 15)), 1, 1, 'half-even'); // 0.015 → 2n (cents)
 * ```
 */
export function roundedPayout(exact: ExactColumn, index: number, rateDecimals: number, mode: RoundingMode): bigint {
  const value = exact.values[index];
  if (value >= 0) return BigInt(roundQuotientFloat(value, 10 ** rateDecimals, mode));
  return roundQuotient(exact.get(index), 10n ** BigInt(rateDecimals), mode);
}

/**
 * Stage 4: Σ of every payee's rounded payout, in minor units, in one pass that allocates nothing. Exact:
 * safe integers are divided with a corrected double estimate, wide ones in bigint.
 *
 * @example
 * ```ts
 * roundedTotal(new ExactColumn(Float64Array.of(5, 15)), 3, 'half-even'); // 0.005 → 0, 0.015 → 2: 2n
 * ```
 */
export function roundedTotal(exact: ExactColumn, rateDecimals: number, mode: RoundingMode): bigint {
  const values = exact.values;
  const denominator = 10 ** rateDecimals;
  const inverse = 1 / denominator;
  let total = 0; // ≤ Σ exact / 10^rateDecimals + n/2 < 2^53: exact
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value > 0) total += roundQuotientFloat(value, denominator, mode, inverse);
  }
  let wide = 0n;
  const denominatorBig = 10n ** BigInt(rateDecimals);
  for (const value of exact.big.values()) wide += roundQuotient(value, denominatorBig, mode);
  return BigInt(total) + wide;
}
