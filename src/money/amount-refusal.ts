import { ErrorCode, type Issue, quote } from '../errors';
import type { AmountRefusal } from './minor-units';

/**
 * The error code for an amount that {@link readMinorUnits} refused.
 *
 * @example
 * ```ts
 * refusalCode({ problem: 'negative' }); // 'NEGATIVE_AMOUNT'
 * ```
 */
export function refusalCode(refusal: AmountRefusal): Issue['code'] {
  switch (refusal.problem) {
    case 'negative':
      return ErrorCode.NegativeAmount;
    case 'too-many-decimals':
      return ErrorCode.TooManyDecimals;
    default:
      return ErrorCode.InvalidAmount;
  }
}

/**
 * Why an amount was refused, in words, quoting the value: the tail of a message that names the record.
 *
 * @example
 * ```ts
 * refusalText({ problem: 'negative' }, '-1', 2); // '"-1" is negative'
 * ```
 */
export function refusalText(refusal: AmountRefusal, value: unknown, scale: number): string {
  const shown = describe(value);
  switch (refusal.problem) {
    case 'negative':
      return `${shown} is negative`;
    case 'too-many-decimals':
      return `${shown} has more decimals than the plan's scale (${scale})`;
    case 'fractional-number':
      return `${shown} is a fractional number: give a decimal string or integer minor units`;
    default:
      return `${shown} is not a plain decimal string (like "12.50") or a safe integer of minor units`;
  }
}

/**
 * A value as messages show it: strings quoted, bigints with `n`, `missing` for undefined.
 *
 * @example
 * ```ts
 * describe('x'); // '"x"'
 * describe(undefined); // 'missing'
 * ```
 */
export function describe(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'missing';
  return String(value);
}
