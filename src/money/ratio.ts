const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const QUOTIENT_BITS = 64; // more than a double's 53, so the one rounding to a double decides

/**
 * `numerator / denominator` as a number (denominator ≠ 0), to a double's precision even when the operands are
 * far past 2^53 or past the range of a double: an integer quotient of about 64 bits is taken exactly, then
 * scaled by a power of two.
 *
 * @example
 * ```ts
 * ratio(3n, 5n);                     // 0.6
 * ratio(10n ** 400n, 4n * 10n ** 399n); // 2.5
 * ```
 */
export function ratio(numerator: bigint, denominator: bigint): number {
  if (numerator >= -SAFE && numerator <= SAFE && denominator >= -SAFE && denominator <= SAFE) {
    return Number(numerator) / Number(denominator);
  }
  const negative = numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  const shift = bitLength(b) - bitLength(a) + QUOTIENT_BITS;
  const quotient = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
  const value = Number(quotient) * 2 ** -shift;
  return negative ? -value : value;
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

