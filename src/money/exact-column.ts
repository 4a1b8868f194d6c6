/**
 * A column of non-negative exact integers (minor units) stored as doubles, with the rare value at or above
 * 2^53 kept aside as a `bigint`. Hot loops read `values` directly when `big.size === 0`; otherwise they take
 * the exact path through {@link ExactColumn.get}.
 *
 * @module
 */

/**
 * Marks a slot of `values` whose exact value lives in `big`. Never a valid amount (amounts are ≥ 0).
 *
 * @example
 * ```ts
 * column.values[i] === WIDE ? column.big.get(i) : column.values[i];
 * ```
 */
export const WIDE = -1;

const SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Exact non-negative integers in a `Float64Array`, with wide values aside.
 *
 * @example
 * ```ts
 * const column = new ExactColumn(2);
 * column.set(0, 1234);
 * column.set(1, 2n ** 60n);
 * column.get(1); // 1152921504606846976n
 * column.isNarrow; // false
 * ```
 */
export class ExactColumn {
  /** Safe integers, or {@link WIDE} where the value is in `big`. */
  readonly values: Float64Array;
  /** Values at or above 2^53, by slot. */
  readonly big = new Map<number, bigint>();

  /** A column of `length` zeros, or a column over `values` (safe non-negative integers, taken as they are). */
  constructor(lengthOrValues: number | Float64Array) {
    this.values = typeof lengthOrValues === 'number' ? new Float64Array(lengthOrValues) : lengthOrValues;
  }

  /** True when every value is a safe integer in `values`. */
  get isNarrow(): boolean {
    return this.big.size === 0;
  }

  /** Stores a value (a safe integer, or a bigint: kept aside only when it is past 2^53). */
  set(index: number, value: number | bigint): void {
    if (typeof value === 'bigint' && value <= SAFE_BIG) value = Number(value);
    if (typeof value === 'number') {
      this.values[index] = value;
      if (this.big.size > 0) this.big.delete(index);
    } else {
      this.values[index] = WIDE;
      this.big.set(index, value);
    }
  }

  /** The exact value of a slot. */
  get(index: number): bigint {
    const value = this.values[index];
    return value === WIDE ? (this.big.get(index) as bigint) : BigInt(value);
  }

  /**
   * Σ of the column, exact: in a double while the running sum stays a safe integer (every partial sum of
   * non-negative values is at most the total), in bigint from there on.
   *
   * @example
   * ```ts
   * new ExactColumn(Float64Array.of(1, 2, 3)).total(); // 6n
   * ```
   */
  total(): bigint {
    const values = this.values;
    let sum = 0;
    let i = 0;
    for (; i < values.length; i++) {
      const value = values[i];
      if (value === WIDE || sum + value > Number.MAX_SAFE_INTEGER) break;
      sum += value;
    }
    let big = BigInt(sum);
    for (; i < values.length; i++) big += this.get(i);
    return big;
  }
}

/**
 * `a + b` element by element, exact: in doubles when both columns are narrow and every sum stays a safe
 * integer, in bigint otherwise.
 *
 * @example
 * ```ts
 * addColumns(new ExactColumn(Float64Array.of(1, 2)), new ExactColumn(Float64Array.of(3, 4))).get(1); // 6n
 * ```
 */
export function addColumns(a: ExactColumn, b: ExactColumn): ExactColumn {
  const n = a.values.length;
  if (a.isNarrow && b.isNarrow) {
    const out = new Float64Array(n);
    let safe = true;
    for (let i = 0; i < n; i++) {
      const sum = a.values[i] + b.values[i];
      if (sum > Number.MAX_SAFE_INTEGER) safe = false;
      out[i] = sum;
    }
    if (safe) return new ExactColumn(out);
  }
  const out = new ExactColumn(n);
  for (let i = 0; i < n; i++) {
    const sum = a.get(i) + b.get(i);
    if (sum !== 0n) out.set(i, sum);
  }
  return out;
}
