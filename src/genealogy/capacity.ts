/**
 * The room the builders make for records: the `capacity` option (how many to make room for at once), columns
 * grown as records come, and the columns cut to the records actually given.
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

/** The typed columns the builders grow. */
type Column = Int32Array | Uint8Array | Float64Array;

/**
 * How many slots to give columns of `capacity` slots that must hold `count`: `count` itself when they have
 * none yet (a caller that knows the count gets exactly that), otherwise at least half as many again, so that
 * records added a chunk at a time cost a bounded number of copies.
 *
 * @example
 * ```ts
 * grownSize(0, 1000);    // 1000
 * grownSize(1000, 1001); // 1500
 * ```
 */
export function grownSize(capacity: number, count: number): number {
  return capacity === 0 ? count : Math.max(count, Math.ceil(capacity * 1.5));
}

/**
 * A column of `size` slots (of the same type) holding `column`'s values first and `fill` after them.
 *
 * @example
 * ```ts
 * grownColumn(Int32Array.of(7), 3, -1); // Int32Array [7, -1, -1]
 * ```
 */
export function grownColumn<T extends Column>(column: T, size: number, fill = 0): T {
  const next = new (column.constructor as new (length: number) => T)(size);
  if (fill !== 0) next.fill(fill, column.length);
  next.set(column as never);
  return next;
}
