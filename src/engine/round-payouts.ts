import { ExactColumn } from '../money/exact-column';
import { type RoundingMode, roundQuotient, roundQuotientFloat } from '../money/rounding';

/**
 * Each payee's payout, rounded once to the currency's scale, and their sum.
 *
 * @example
 * ```ts
 * const { rounded, total } = roundPayouts(sums.exact, compiled.rateDecimals, 'half-even');
 * ```
 */
export interface RoundedPayouts {
  /** Payout in minor units. */
  readonly rounded: ExactColumn;
  /** Σ rounded, minor units. */
  readonly total: bigint;
}

/**
 * Stage 4: rounds each payee's exact total (units of `10^-(scale + rateDecimals)`) to minor units with the
 * plan's mode (DESIGN §3 rule 4). Exact: safe integers are divided with a corrected double division, wide
 * ones in bigint.
 *
 * @example
 * ```ts
 * roundPayouts(new ExactColumn(Float64Array.of(5, 15)), 3, 'half-even'); // 0.005 → 0, 0.015 → 2 (cents)
 * ```
 */
export function roundPayouts(exact: ExactColumn, rateDecimals: number, mode: RoundingMode): RoundedPayouts {
  const values = exact.values;
  const n = values.length;
  const rounded = new Float64Array(n);
  const denominator = 10 ** rateDecimals;
  const inverse = 1 / denominator;
  let total = 0; // ≤ Σ exact / 10^rateDecimals + n: exact
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value > 0) {
      const r = roundQuotientFloat(value, denominator, mode, inverse);
      rounded[i] = r;
      total += r;
    }
  }
  const column = new ExactColumn(rounded);
  let wideTotal = 0n;
  const denominatorBig = 10n ** BigInt(rateDecimals);
  for (const [i, value] of exact.big) {
    const r = roundQuotient(value, denominatorBig, mode);
    column.set(i, r <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r) : r);
    wideTotal += r;
  }
  return { rounded: column, total: BigInt(total) + wideTotal };
}
