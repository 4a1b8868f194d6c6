import { parseIsoDay } from '../dates/iso-day';
import { ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import { type AmountRefusal, readMinorUnits } from '../money/minor-units';

/**
 * Reads a period date (`start`, `end`) into a day number, or reports an `INVALID_DATE` issue and returns
 * `undefined`.
 *
 * @example
 * ```ts
 * readPeriodDay('2026-10-01', 'start', ['periods', 0], 'period "2026-10"', issues); // 20727
 * ```
 */
export function readPeriodDay(value: unknown, key: string, base: IssuePath, name: string, issues: Issue[]): number | undefined {
  const day = parseIsoDay(value);
  if (day === undefined) {
    issues.push({
      code: ErrorCode.InvalidDate,
      path: [...base, key],
      message: `${name}: ${key} ${value === undefined ? 'is missing' : `${show(value)} is not an ISO date`}: give YYYY-MM-DD`,
    });
  }
  return day;
}

/**
 * The value when it is array-like (`members`, `orders`), or `null` after reporting an `INVALID_RECORD` issue.
 *
 * @example
 * ```ts
 * listOf('everyone', 'members', ['periods', 0], 'period "2026-10"', issues); // null
 * ```
 */
export function listOf(value: unknown, key: string, base: IssuePath, name: string, issues: Issue[]): ArrayLike<unknown> | null {
  const length = typeof value === 'object' && value !== null ? (value as { length?: unknown }).length : undefined;
  if (typeof length === 'number' && Number.isSafeInteger(length) && length >= 0) return value as ArrayLike<unknown>;
  issues.push({
    code: ErrorCode.InvalidRecord,
    path: [...base, key],
    message: `${name}: ${key} must be an array of ${key === 'members' ? 'member' : 'order'} records`,
  });
  return null;
}

/**
 * Reads a period amount (`commissions` required, `channelCosts` optional) into minor units at `scale`: `null`
 * when absent or refused, each refusal reported with the code `ingestOrders` would use (`INVALID_AMOUNT`,
 * `NEGATIVE_AMOUNT`, `TOO_MANY_DECIMALS`).
 *
 * @example
 * ```ts
 * readAmount('140.00', 'channelCosts', false, ['periods', 0], 'period "2026-10"', 2, issues); // 14000n
 * readAmount(undefined, 'channelCosts', false, ['periods', 0], 'period "2026-10"', 2, issues); // null, no issue
 * ```
 */
export function readAmount(
  value: unknown,
  key: string,
  required: boolean,
  base: IssuePath,
  name: string,
  scale: number,
  issues: Issue[],
): bigint | null {
  if (value === undefined && !required) return null;
  const path = [...base, key];
  if (value === undefined) {
    issues.push({
      code: ErrorCode.InvalidAmount,
      path,
      message: `${name}: ${key} is missing: give a decimal string (like "1250.00") or integer minor units`,
    });
    return null;
  }
  const read = readMinorUnits(value, scale);
  if (typeof read === 'object') {
    issues.push({ code: refusalCode(read), path, message: `${name}: ${key} ${refusalText(read, value, scale)}` });
    return null;
  }
  return BigInt(read);
}

function refusalCode(refusal: AmountRefusal): Issue['code'] {
  if (refusal.problem === 'negative') return ErrorCode.NegativeAmount;
  if (refusal.problem === 'too-many-decimals') return ErrorCode.TooManyDecimals;
  return ErrorCode.InvalidAmount;
}

function refusalText(refusal: AmountRefusal, value: unknown, scale: number): string {
  const shown = show(value);
  switch (refusal.problem) {
    case 'negative':
      return `${shown} is negative`;
    case 'too-many-decimals':
      return `${shown} has more decimals than the scale (${scale})`;
    case 'fractional-number':
      return `${shown} is a fractional number: give a decimal string or integer minor units`;
    default:
      return `${shown} must be a decimal string (like "1250.00") or a safe integer of minor units`;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}
