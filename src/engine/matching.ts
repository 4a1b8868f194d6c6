import type { Genealogy } from '../genealogy';
import { ExactColumn } from '../money/exact-column';
import { roundQuotient, roundQuotientFloat } from '../money/rounding';
import type { CompiledPlan } from './compiled-plan';
import type { BonusSums } from './fast-start';
import { levelSums } from './level-sums';
import { exactKernelSums } from './payee-sums';
import { rankedLevelSums } from './ranked-level-sums';

/**
 * What a matching bonus matches: each member's earnings from the matched stages (before caps), summed and
 * rounded once to minor units with the plan's mode, and their sum. This is the rounded figure of those stages
 * alone: a member's payout rounds all their stages together, so the two can differ by a unit.
 *
 * @example
 * ```ts
 * const base = matchedEarnings([unilevel.exact], compiled); // minor units per member
 * ```
 */
export function matchedEarnings(columns: readonly ExactColumn[], compiled: CompiledPlan): { base: ExactColumn; total: bigint } {
  const n = columns[0].values.length;
  const mode = compiled.plan.rounding;
  const denominator = 10 ** compiled.rateDecimals;
  const denominatorBig = 10n ** BigInt(compiled.rateDecimals);
  const base = new ExactColumn(n);
  const narrow = columns.every((column) => column.isNarrow);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let wide = !narrow;
    if (narrow) {
      for (const column of columns) sum += column.values[i];
      wide = sum > Number.MAX_SAFE_INTEGER;
    }
    if (!wide) {
      if (sum !== 0) base.values[i] = roundQuotientFloat(sum, denominator, mode);
      continue;
    }
    let big = 0n;
    for (const column of columns) big += column.get(i);
    const rounded = roundQuotient(big, denominatorBig, mode);
    base.set(i, rounded);
  }
  return { base, total: base.total() };
}

/**
 * Stage 3f: the matching bonus. Each active affiliate earns a share of what the affiliates in their sponsored
 * generations were paid by the matched stages (`plan.matching.on`): generation 1 is the members they
 * sponsored, generation 2 those members' recruits, under the plan's compression; the rates are the
 * affiliate's paid-as rank's `matching` row, else `plan.matching.levels`. The unilevel kernel runs on the
 * matched earnings, exact at any size.
 *
 * @example
 * ```ts
 * const match = matchingSums(genealogy, matchedEarnings([unilevel.exact], compiled), compiled, active, ranks?.paidAs ?? null);
 * ```
 */
export function matchingSums(
  genealogy: Genealogy,
  matched: { base: ExactColumn; total: bigint },
  compiled: CompiledPlan,
  active: Uint8Array,
  paidAs: Uint8Array | null,
): BonusSums {
  const rates = compiled.matching;
  if (rates === null) throw new Error('matchingSums: the plan pays no matching bonus'); // the engine only runs it when it does
  const compression = compiled.plan.compression;
  const rowOf = paidAs ?? new Uint8Array(genealogy.size);
  const plain = rates.table.subarray(0, rates.depth);
  const kernel =
    paidAs === null
      ? (volume: Float64Array) => levelSums(genealogy, volume, plain, active, compression)
      : (volume: Float64Array) => rankedLevelSums(genealogy, volume, { table: rates.table, rowOf, depth: rates.depth }, active, compression);
  const sums = exactKernelSums(matched.base, matched.total, rates.potentialRateSum, kernel);
  return { ...sums, potential: matched.total * rates.potentialRateSum };
}
