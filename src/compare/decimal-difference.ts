/**
 * Exact differences of the decimal strings a result prints (`"94.50"`, `"0.005"`, `"-0.01"`), on scaled
 * bigints: no floating point anywhere.
 *
 * @module
 */
import { formatUnits, parseDecimal } from '../money/decimal-string';

/**
 * The number of decimals written in a plain decimal string.
 *
 * @example
 * ```ts
 * decimalsOf('12.500'); // 3
 * decimalsOf('-7');     // 0
 * ```
 */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A plain decimal string with an optional leading minus as an integer at `decimals` decimals (it must not have
 * more decimals than that).
 *
 * @example
 * ```ts
 * signedUnits('-4.6', 2); // -460n
 * signedUnits('3.90', 3); // 3900n
 * ```
 */
export function signedUnits(text: string, decimals: number): bigint {
  const negative = text.startsWith('-');
  const read = parseDecimal(negative ? text.slice(1) : text, decimals);
  if (!read.ok) throw new TypeError(`not a decimal string with at most ${decimals} decimals: ${JSON.stringify(text)}`);
  return negative ? -read.units : read.units;
}

/**
 * `after − before`, exact, as a decimal string with at least `minDecimals` decimals (more when either side has
 * more, trailing zeros beyond `minDecimals` trimmed).
 *
 * @example
 * ```ts
 * decimalDifference('88.00', '83.40', 2);   // "-4.60"
 * decimalDifference('0.005', '0.01', 2);    // "0.005"
 * decimalDifference('10.00', '10.000', 3);  // "0.000"
 * ```
 */
export function decimalDifference(before: string, after: string, minDecimals: number): string {
  const decimals = Math.max(decimalsOf(before), decimalsOf(after), minDecimals);
  return formatUnits(signedUnits(after, decimals) - signedUnits(before, decimals), decimals, minDecimals);
}

/**
 * A signed decimal string for a report: `+` before a positive difference, none before zero.
 *
 * @example
 * ```ts
 * signed('3.90');  // "+3.90"
 * signed('-4.00'); // "-4.00"
 * signed('0.00');  // "0.00"
 * ```
 */
export function signed(text: string): string {
  return text.startsWith('-') || /^[0.]*$/.test(text) ? text : `+${text}`;
}
