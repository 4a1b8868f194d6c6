/**
 * Reading money amounts as they enter the library: decimal strings (`"12.34"`) or integer minor units
 * (`1234` or `1234n` for 12.34 at scale 2). This is the hot path of order ingestion, so the common case
 * (at most 15 significant digits) is parsed by hand into an exact safe integer without allocating; larger
 * values come back as `bigint`. Floats are never accepted.
 *
 * @module
 */

/**
 * Why an amount was refused; each maps to an error code at the boundary.
 *
 * @example
 * ```ts
 * const problem: AmountProblem = 'negative'; // → NEGATIVE_AMOUNT
 * ```
 */
export type AmountProblem = 'invalid' | 'negative' | 'too-many-decimals' | 'fractional-number';

/**
 * A refused amount. Distinguish from a value with `typeof result === 'object'`.
 *
 * @example
 * ```ts
 * const read = readMinorUnits('-1', 2);
 * if (typeof read === 'object') console.log(read.problem); // 'negative'
 * ```
 */
export interface AmountRefusal {
  readonly problem: AmountProblem;
}

const REFUSED: Record<AmountProblem, AmountRefusal> = {
  invalid: Object.freeze({ problem: 'invalid' }),
  negative: Object.freeze({ problem: 'negative' }),
  'too-many-decimals': Object.freeze({ problem: 'too-many-decimals' }),
  'fractional-number': Object.freeze({ problem: 'fractional-number' }),
};

const SMALL_POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Reads an amount into integer minor units at `scale` decimals: a safe integer `number` when it fits below
 * 2^53, a `bigint` otherwise, or an {@link AmountRefusal}.
 *
 * @example
 * ```ts
 * readMinorUnits('12.34', 2);   // 1234
 * readMinorUnits(1234, 2);      // 1234 (already minor units)
 * readMinorUnits('12.345', 2);  // { problem: 'too-many-decimals' }
 * readMinorUnits(12.5, 2);      // { problem: 'fractional-number' }
 * readMinorUnits('90071992547409.93', 2); // 9007199254740993n
 * ```
 */
export function readMinorUnits(value: unknown, scale: number): number | bigint | AmountRefusal {
  if (typeof value === 'string') return readDecimalString(value, scale);
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value < 0 ? REFUSED.negative : value === 0 ? 0 : value;
    if (Number.isFinite(value) && value < 0) return REFUSED.negative;
    return Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER
      ? REFUSED['fractional-number']
      : REFUSED.invalid;
  }
  if (typeof value === 'bigint') {
    if (value < 0n) return REFUSED.negative;
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  return REFUSED.invalid;
}

function readDecimalString(text: string, scale: number): number | bigint | AmountRefusal {
  const length = text.length;
  if (length === 0) return REFUSED.invalid;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
  }
  let units = 0;
  let digits = 0;
  let decimals = -1; // -1 until a dot is seen
  const start = i;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0 && i > start && i < length - 1) {
      decimals = 0;
    } else {
      return REFUSED.invalid;
    }
  }
  if (digits === 0) return REFUSED.invalid;
  if (decimals > scale) return REFUSED['too-many-decimals'];
  if (negative) return allZero(text) ? 0 : REFUSED.negative;
  const shift = scale - (decimals < 0 ? 0 : decimals);
  if (digits + shift <= 15) return units * SMALL_POW10[shift];
  const big = BigInt(text.replace('.', '')) * 10n ** BigInt(shift);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function allZero(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 48 && c !== 46) return false;
  }
  return true;
}
