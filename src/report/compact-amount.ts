import { groupThousands } from '../money/decimal-string';

/**
 * A short, rounded form of a non-negative amount for chart labels (the tables keep the exact figures): two
 * decimals below 100 (`12.37`), whole units below 10,000 (`4,436`), then one decimal and a suffix (`127.5k`,
 * `12.4M`, `1.2B`, `3.0T`); rounded half up, in bigint.
 *
 * @param units the amount in units of `10^-decimals`
 * @example
 * ```ts
 * compactAmount(1_275_039_292n, 4); // '127.5k'
 * compactAmount(443_636n, 2);       // '4,436'
 * compactAmount(1_237n, 2);         // '12.37'
 * ```
 */
export function compactAmount(units: bigint, decimals: number): string {
  const unit = 10n ** BigInt(decimals);
  const rounded = (numerator: bigint, denominator: bigint) => (2n * numerator + denominator) / (2n * denominator);
  if (units < 100n * unit) {
    const cents = String(rounded(units * 100n, unit)).padStart(3, '0');
    return `${cents.slice(0, -2)}.${cents.slice(-2)}`;
  }
  if (units < 10_000n * unit) return groupThousands(String(rounded(units, unit)));
  const suffixes = ['k', 'M', 'B', 'T'];
  let s = 0;
  let scale = 1_000n;
  while (s < suffixes.length - 1 && rounded(units * 10n, unit * scale) >= 10_000n) {
    s++;
    scale *= 1_000n;
  }
  const tenths = rounded(units * 10n, unit * scale);
  return `${groupThousands(String(tenths / 10n))}.${tenths % 10n}${suffixes[s]}`;
}
