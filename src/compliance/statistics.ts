/**
 * Order statistics over columns of minor units: sorted copies, exact sums, nearest-rank percentiles, counts
 * by threshold, the Gini coefficient and the share of the top earners. Values are safe integers (exact in a
 * double); sums are `bigint` so that they stay exact past 2^53. Ratios (Gini, shares) are plain numbers.
 *
 * Every function is a loop over a typed array: no recursion, no allocation per element.
 *
 * @module
 */
import { ratio } from '../money/ratio';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Split point of a safe integer into a high and a low half: v = high · 2^26 + low, 0 ≤ low < 2^26. */
const HALF = 2 ** 26;
const INVERSE_HALF = 2 ** -26;
const HALF_BIG = BigInt(HALF);
/** Terms per block of the split accumulator: 2^20 halves of magnitude ≤ 2^27 sum to at most 2^47, exactly. */
const BLOCK = 2 ** 20;

/**
 * Sums safe integers exactly without a `bigint` per term: each term is split into a high half (|h| ≤ 2^27) and
 * a low half (< 2^26), summed apart in doubles, and the two sums are moved to a `bigint` once per block.
 */
class SplitSum {
  private high = 0;
  private low = 0;
  private terms = 0;
  private carried = 0n;

  add(value: number): void {
    const high = Math.floor(value * INVERSE_HALF);
    this.high += high;
    this.low += value - high * HALF;
    if (++this.terms === BLOCK) this.flush();
  }

  total(): bigint {
    this.flush();
    return this.carried;
  }

  private flush(): void {
    this.carried += BigInt(this.high) * HALF_BIG + BigInt(this.low);
    this.high = 0;
    this.low = 0;
    this.terms = 0;
  }
}

/**
 * A sorted copy of `values`, ascending (the typed-array sort: numeric, not by text). `values` is not modified.
 *
 * @example
 * ```ts
 * sortedAscending(Float64Array.of(300, 5, 40)); // Float64Array [5, 40, 300]
 * ```
 */
export function sortedAscending(values: Float64Array): Float64Array {
  return values.slice().sort();
}

/**
 * The exact sum of safe integers (of either sign), even when it passes 2^53. The sum is kept in a double while
 * it stays a safe integer (then every addition is exact); from the first addition that would leave the safe
 * range on, the rest is summed in split halves and carried in a `bigint` (no allocation per term).
 * Throws a `RangeError` if a value is not an integer.
 *
 * @example
 * ```ts
 * exactSum([1, 2, 3]);                                   // 6n
 * exactSum([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]); // 18014398509481982n
 * exactSum(new Float64Array(0));                          // 0n
 * ```
 */
export function exactSum(values: ArrayLike<number>): bigint {
  const length = values.length;
  let sum = 0;
  let i = 0;
  for (; i < length; i++) {
    const next = sum + values[i];
    // Both operands are safe integers: a result within the safe range is the exact sum.
    if (next > MAX_SAFE || next < -MAX_SAFE) break;
    sum = next;
  }
  if (i === length) return BigInt(sum);
  const rest = new SplitSum();
  for (; i < length; i++) rest.add(values[i]);
  return BigInt(sum) + rest.total();
}

/**
 * `ceil(fraction · n)`, where a product within rounding error of an integer counts as that integer: `0.1 · 30`
 * is 3 even if the double product were `3.0000000000000004`. The tolerance, `n · 2^-52`, is far below the
 * fractional part of any product of `n` and a fraction written with a few decimals.
 *
 * @example
 * ```ts
 * ceilFraction(0.25, 10); // 3
 * ceilFraction(0.1, 30);  // 3
 * ceilFraction(0, 10);    // 0
 * ```
 */
export function ceilFraction(fraction: number, n: number): number {
  const product = fraction * n;
  const nearest = Math.round(product);
  return Math.abs(product - nearest) <= n * Number.EPSILON ? nearest : Math.ceil(product);
}

/**
 * The nearest-rank percentile of ascending values: the value of 1-based rank `ceil(p · n)`, and the minimum
 * for `p = 0` (rank 1). No interpolation: the result is always one of the values, so a percentile of amounts
 * is an amount. With 10 values, p10 is the 1st, p25 the 3rd, the median (p50) the 5th, p90 the 9th and p99 the
 * 10th. `ceil` follows {@link ceilFraction}. Throws a `RangeError` on an empty array or `p` outside [0, 1]
 * (a programming error: callers check for an empty population first).
 *
 * @example
 * ```ts
 * const sorted = Float64Array.of(0, 0, 100, 250, 400, 900, 1200, 5000, 9000, 50000);
 * nearestRank(sorted, 0.5);  // 400   (rank 5)
 * nearestRank(sorted, 0.25); // 100   (rank 3)
 * nearestRank(sorted, 0.99); // 50000 (rank 10)
 * nearestRank(sorted, 0);    // 0     (the minimum)
 * ```
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('nearestRank: no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`nearestRank: p must be in [0, 1], got ${p}`);
  const rank = Math.min(n, Math.max(1, ceilFraction(p, n)));
  return sorted[rank - 1];
}

/**
 * How many of the ascending values are at most `limit` (a binary search: the index of the first value above
 * it).
 *
 * @example
 * ```ts
 * countAtMost(Float64Array.of(0, 0, 100, 250), 0);   // 2
 * countAtMost(Float64Array.of(0, 0, 100, 250), 100); // 3
 * ```
 */
export function countAtMost(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * How many of the ascending values are below `limit` (a binary search: the index of the first value at or
 * above it).
 *
 * @example
 * ```ts
 * countBelow(Float64Array.of(-500, -20, 0, 80), 0); // 2 (the net losses)
 * ```
 */
export function countBelow(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The Gini coefficient of non-negative ascending values: `G = 2·Σ i·x_i / (n·Σx) − (n + 1)/n` with 1-based
 * `i`; 0 when `n ≤ 1` or `Σx = 0`. It is computed in the Lorenz form `((n + 1)·Σx − 2·Σ_k C_k) / (n·Σx)`,
 * where `C_k = x_1 + … + x_k`, with the numerator an exact integer (`bigint`): the result is exactly 0 when all
 * values are equal, positive otherwise, and at most `(n − 1)/n` up to the rounding of the final division (one
 * person holding everything), so below 1. Values must be ascending, as from {@link sortedAscending}.
 *
 * @example
 * ```ts
 * gini(Float64Array.of(500, 500, 500));   // 0
 * gini(Float64Array.of(0, 0, 0, 1000));   // 0.75 (one of four holds everything)
 * gini(Float64Array.of(100, 200, 300, 400)); // 0.25
 * ```
 */
export function gini(sorted: Float64Array): number {
  const n = sorted.length;
  if (n <= 1) return 0;
  const { total, prefixTotal } = lorenzSums(sorted);
  if (total === 0n) return 0;
  const numerator = BigInt(n + 1) * total - 2n * prefixTotal;
  return Number(numerator) / (n * Number(total));
}

/**
 * `Σx` and `Σ_k C_k` of non-negative safe integers, exactly. The running prefix is a double below 2^53 plus a
 * `bigint` part that grows only when the double would leave the safe range.
 */
function lorenzSums(sorted: Float64Array): { total: bigint; prefixTotal: bigint } {
  const n = sorted.length;
  const smallParts = new SplitSum(); // Σ over k of the double part of C_k
  let prefix = 0; // double part of the current C_k
  let carried = 0n; // bigint part of the current C_k
  let carriedTotal = 0n; // Σ of the bigint part over the steps before `runStart`
  let runStart = 0; // first step with the current `carried`
  for (let k = 0; k < n; k++) {
    let next = prefix + sorted[k];
    if (next > MAX_SAFE) {
      carriedTotal += carried * BigInt(k - runStart);
      carried += BigInt(prefix);
      runStart = k;
      next = sorted[k];
    }
    prefix = next;
    smallParts.add(prefix);
  }
  carriedTotal += carried * BigInt(n - runStart);
  return { total: carried + BigInt(prefix), prefixTotal: carriedTotal + smallParts.total() };
}

/**
 * The share of the total held by the largest `ceil(fraction · n)` values (at least one value when `n > 0`;
 * `ceil` as in {@link ceilFraction}): `count` values holding `amount` (exact), `share = amount / Σx`, 0 when
 * the total is 0. For non-negative values the share is at least `count / n ≥ fraction`. Throws a `RangeError`
 * when `fraction` is outside [0, 1].
 *
 * @example
 * ```ts
 * topShare(Float64Array.of(0, 100, 100, 800), 0.25); // { count: 1, share: 0.8, amount: 800n }
 * topShare(Float64Array.of(0, 0), 0.01);             // { count: 1, share: 0, amount: 0n }
 * ```
 */
export function topShare(sorted: Float64Array, fraction: number): { count: number; share: number; amount: bigint } {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`topShare: fraction must be in [0, 1], got ${fraction}`);
  const n = sorted.length;
  const count = n === 0 ? 0 : Math.min(n, Math.max(1, ceilFraction(fraction, n)));
  const amount = exactSum(sorted.subarray(n - count));
  const total = exactSum(sorted);
  return { count, share: total === 0n ? 0 : ratio(amount, total), amount };
}


/**
 * Merges ascending runs into one ascending array. `bounds` are the run limits: run `r` is
 * `[bounds[r], bounds[r + 1])`, the last bound is the length. Runs are merged pairwise, bottom up, in
 * `log2(runs)` linear passes between two buffers. `values` is not modified; with a single run it is returned
 * as it is. Used to get the sorted whole population from per-group sorted runs without sorting again.
 *
 * @example
 * ```ts
 * mergeSortedRuns(Float64Array.of(1, 5, 9, 2, 3, 10), [0, 3, 6]); // Float64Array [1, 2, 3, 5, 9, 10]
 * ```
 */
export function mergeSortedRuns(values: Float64Array, bounds: ArrayLike<number>): Float64Array {
  let runs = Array.from(bounds);
  if (runs.length <= 2) return values;
  let source = values;
  let target: Float64Array = new Float64Array(values.length);
  let spare: Float64Array | null = null;
  while (runs.length > 2) {
    const merged: number[] = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const end = r + 2 < runs.length ? runs[r + 2] : runs[r + 1];
      mergeTwo(source, runs[r], runs[r + 1], end, target);
      merged.push(end);
    }
    runs = merged;
    const written = target;
    target = source === values ? (spare ??= new Float64Array(values.length)) : source;
    source = written;
  }
  return source;
}

/** Merges the ascending runs `[start, middle)` and `[middle, end)` of `source` into the same range of `target`. */
function mergeTwo(source: Float64Array, start: number, middle: number, end: number, target: Float64Array): void {
  let left = start;
  let right = middle;
  let out = start;
  while (left < middle && right < end) {
    const a = source[left];
    const b = source[right];
    if (b < a) {
      target[out++] = b;
      right++;
    } else {
      target[out++] = a;
      left++;
    }
  }
  while (left < middle) target[out++] = source[left++];
  while (right < end) target[out++] = source[right++];
}
