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
  // ≤ Σ exact / 10^rateDecimals + n/2 < 2^53: exact
  let total: number;
  if (exact.isNarrow) {
    // one loop per mode, without a branch on the value: a zero rounds to zero
    if (mode === 'down') total = downSum(values, denominator);
    else if (mode === 'half-up') total = halfUpSum(values, denominator);
    else total = halfEvenSum(values, denominator);
  } else {
    total = 0;
    const inverse = 1 / denominator;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value > 0) total += roundQuotientFloat(value, denominator, mode, inverse);
    }
  }
  let wide = 0n;
  const denominatorBig = 10n ** BigInt(rateDecimals);
  for (const value of exact.big.values()) wide += roundQuotient(value, denominatorBig, mode);
  return BigInt(total) + wide;
}

// The three loops below are `roundQuotientFloat` for one mode each, over safe non-negative integers: the
// quotient is estimated by a multiplication and corrected exactly from the remainder (a rare branch), then
// rounded up or not without a branch (whether to round up is as likely as not, a branch mispredicts half the
// time): `1 + floor(x × s)` with `s = 1 / (4D)` is 1 when the integer `x` (|x| ≤ D + 1) is ≥ 0, 0 when it is
// negative, exactly (the product keeps the sign and stays below 1 in magnitude). Each payout is added to the
// total in one addition, in order: the same doubles as `roundQuotientFloat`, the same sum. Measured 2–4×
// faster than calling it per value.

function downSum(values: Float64Array, denominator: number): number {
  const inverse = 1 / denominator;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let quotient = Math.floor(value * inverse);
    const remainder = value - quotient * denominator;
    if (remainder < 0) quotient -= 1;
    else if (remainder >= denominator) quotient += 1;
    total += quotient;
  }
  return total;
}

function halfUpSum(values: Float64Array, denominator: number): number {
  const inverse = 1 / denominator;
  const s = 1 / (4 * denominator);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let quotient = Math.floor(value * inverse);
    let remainder = value - quotient * denominator;
    if (remainder < 0) {
      quotient -= 1;
      remainder += denominator;
    } else if (remainder >= denominator) {
      quotient += 1;
      remainder -= denominator;
    }
    // up when 2 × remainder ≥ denominator
    total += quotient + 1 + Math.floor((2 * remainder - denominator) * s);
  }
  return total;
}

function halfEvenSum(values: Float64Array, denominator: number): number {
  const inverse = 1 / denominator;
  const s = 1 / (4 * denominator);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let quotient = Math.floor(value * inverse);
    let remainder = value - quotient * denominator;
    if (remainder < 0) {
      quotient -= 1;
      remainder += denominator;
    } else if (remainder >= denominator) {
      quotient += 1;
      remainder -= denominator;
    }
    const twice = 2 * remainder;
    // up when 2 × remainder > denominator; a tie (rare) goes to the even quotient
    let rounded = quotient + 1 + Math.floor((twice - denominator - 1) * s);
    if (twice === denominator) rounded += quotient - 2 * Math.floor(quotient * 0.5);
    total += rounded;
  }
  return total;
}
