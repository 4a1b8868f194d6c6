/**
 * The room the builders make for records: the `capacity` option (how many to make room for at once) and the
 * columns cut to the records actually given.
 *
 * @module
 */
import { DownlineError, ErrorCode } from '../errors';
import { describe } from '../money/amount-refusal';

/**
 * Returns `capacity` when it is a whole number from 0 to 2^31 - 1 (what a typed column can index), and throws a
 * `DownlineError` coded `INVALID_OPTIONS` otherwise, naming the builder.
 *
 * @example
 * ```ts
 * checkCapacity(1_000_000, 'OrderBookBuilder'); // 1000000
 * checkCapacity(-1, 'OrderBookBuilder');        // throws INVALID_OPTIONS
 * ```
 */
export function checkCapacity(capacity: unknown, builder: string): number {
  if (typeof capacity === 'number' && Number.isInteger(capacity) && capacity >= 0 && capacity <= 0x7fffffff) return capacity;
  throw new DownlineError([
    {
      code: ErrorCode.InvalidOptions,
      path: ['options', 'capacity'],
      message: `${builder}: capacity must be a whole number from 0 to 2147483647, got ${describe(capacity)}`,
    },
  ]);
}

/**
 * The first `count` slots of a column grown for more: the column itself when full, a view of it (no copy, so
 * no second column while a build finishes) when at most an eighth of it is spare room, a trimmed copy
 * otherwise (so that a column grown far past its count does not keep the spare room alive).
 *
 * @example
 * ```ts
 * fitColumn(new Int32Array(9), 8).length; // 8, a view
 * fitColumn(new Int32Array(16), 8).length; // 8, a copy
 * ```
 */
export function fitColumn<T extends Int32Array | Uint8Array | Float64Array>(column: T, count: number): T {
  if (column.length === count) return column;
  return (column.length - count <= count / 8 ? column.subarray(0, count) : column.slice(0, count)) as T;
}
