import type { Genealogy } from '../genealogy';
import { ExactColumn } from '../money/exact-column';
import type { CompiledPlan } from './compiled-plan';
import { levelSums } from './level-sums';
import { type RateRows, rankedLevelSums } from './ranked-level-sums';
import type { PeriodVolumes } from './period-volumes';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Each payee's exact commission, in units of `10^-(scale + rateDecimals)`, and their sum.
 *
 * @example
 * ```ts
 * const { exact, paid } = payeeSums(genealogy, volumes, compiled, active);
 * exact.get(genealogy.indexOf('B')); // B's exact commission, scaled integer
 * ```
 */
export interface PayeeSums {
  readonly exact: ExactColumn;
  /** Σ exact. */
  readonly paid: bigint;
}

/**
 * Stage 3: the unilevel commission of every payee, exact at any size.
 *
 * Commission is linear in volume, so the kernel multiplies each buyer's aggregated volume by each level's
 * integer rate numerator. When `Σ volume × Σ rates` stays below 2^53, every product and every sum in the
 * kernel is an exact integer in a double: one pass. Otherwise the volumes are split into base-2^b digits small
 * enough that each digit's pass is exact, the kernel runs once per digit, and the digits are recombined in
 * bigint: the same kernel, still exact, a few passes instead of one.
 *
 * @example
 * ```ts
 * const sums = payeeSums(genealogy, periodVolumes(book, compiled), compiled, active);
 * sums.paid; // Σ of every commission line, exact
 * ```
 */
export function payeeSums(
  genealogy: Genealogy,
  volumes: Pick<PeriodVolumes, 'commissionable' | 'commissionableTotal'>,
  compiled: CompiledPlan,
  active: Uint8Array,
  rankOf: Uint8Array | null = null,
): PayeeSums {
  const kernel = kernelOf(genealogy, compiled, active, rankOf);
  // one unit of volume pays at most the best rate at each level: the potential rate, not the best row's sum
  return exactKernelSums(volumes.commissionable, volumes.commissionableTotal, compiled.potentialRateSum, kernel);
}

/**
 * Runs a level kernel exactly at any size: one pass in doubles when `total × maxRateSum` stays below 2^53,
 * else base-2^b digit passes recombined in bigint. `kernel` maps a per-member column of integers to per-payee
 * sums; `maxRateSum` bounds what one unit of the column can add up to over its payees.
 *
 * @example
 * ```ts
 * const { exact, paid } = exactKernelSums(counts, countTotal, amountSum, (v) => levelSums(g, v, amounts, active, 'none'));
 * ```
 */
export function exactKernelSums(
  column: ExactColumn,
  total: bigint,
  maxRateSum: bigint,
  kernel: (volume: Float64Array) => Float64Array,
): PayeeSums {
  if (column.isNarrow && total * maxRateSum <= BigInt(MAX_SAFE)) {
    const acc = kernel(column.values);
    let paid = 0; // ≤ potential ≤ 2^53: exact
    for (let i = 0; i < acc.length; i++) paid += acc[i];
    return { exact: new ExactColumn(acc), paid: BigInt(paid) };
  }
  return digitPayeeSums(column.values.length, column, maxRateSum, kernel);
}

/**
 * The level kernel for this plan: rates in registers when every payee earns by the plan's `levels`, rates by
 * the payee's paid-as rank when ranks have rates of their own (`rankOf`, rank code per member).
 */
function kernelOf(
  genealogy: Genealogy,
  compiled: CompiledPlan,
  active: Uint8Array,
  rankOf: Uint8Array | null,
): (volume: Float64Array) => Float64Array {
  const { compression } = compiled.plan;
  if (compiled.ranked && rankOf !== null) {
    const rows: RateRows = { table: compiled.rateTable, rowOf: rankOf, depth: compiled.walkDepth };
    return (volume) => rankedLevelSums(genealogy, volume, rows, active, compression);
  }
  return (volume) => levelSums(genealogy, volume, compiled.rateNumerators, active, compression);
}

function digitPayeeSums(
  n: number,
  column: ExactColumn,
  maxRateSum: bigint,
  kernel: (volume: Float64Array) => Float64Array,
): PayeeSums {
  // A digit pass sums at most n digits below 2^bits, each times the largest rate sum: keep that below 2^53.
  const perUnit = n * Math.max(1, Number(maxRateSum));
  let bits = 52;
  while (bits > 1 && 2 ** bits * perUnit > MAX_SAFE) bits--;
  // unreachable with rates of at most 8 × 10^6 per unit of volume; never run a pass that is not exact
  if (2 ** bits * perUnit > MAX_SAFE) throw new Error(`payeeSums: no exact digit width for ${n} members`);
  const base = 2 ** bits;
  const mask = BigInt(base - 1);
  let largest = 0n;
  for (let i = 0; i < n; i++) {
    const value = column.get(i);
    if (value > largest) largest = value;
  }
  const digits = Math.max(1, Math.ceil(largest.toString(2).length / bits));
  const exact: bigint[] = new Array(n).fill(0n);
  const digit = new Float64Array(n);
  for (let j = 0; j < digits; j++) {
    const shift = BigInt(bits * j);
    const divisor = 2 ** (bits * j);
    for (let i = 0; i < n; i++) {
      const value = column.values[i];
      // Dividing a safe integer by a power of two is exact; wide values take the bigint route.
      digit[i] = value >= 0 ? Math.floor(value / divisor) % base : Number((column.get(i) >> shift) & mask);
    }
    const acc = kernel(digit);
    for (let i = 0; i < n; i++) if (acc[i] !== 0) exact[i] += BigInt(acc[i]) << shift;
  }
  const result = new ExactColumn(n);
  let paid = 0n;
  const limit = BigInt(MAX_SAFE);
  for (let i = 0; i < n; i++) {
    paid += exact[i];
    result.set(i, exact[i] <= limit ? Number(exact[i]) : exact[i]);
  }
  return { exact: result, paid };
}
