import type { PackedIds } from '../genealogy/packed-ids';
import { allocate, allocateWithin, byId, floorShares } from '../money/allocate';
import { parseDecimal } from '../money/decimal-string';
import { addColumns, ExactColumn, WIDE } from '../money/exact-column';
import type { StageName } from '../plan/plan';
import type { CompiledPlan } from './compiled-plan';

/**
 * Which cap cut an amount: a stage's cap (`per-bonus`), the payee's (`per-payee`), or the period's share of
 * volume (`total-share`).
 *
 * @example
 * ```ts
 * const kind: CapKind = 'per-payee';
 * ```
 */
export type CapKind = 'per-bonus' | 'per-payee' | 'total-share';

/** One stage's exact column (engine units), by name. */
export interface StageColumn {
  readonly name: StageName;
  readonly exact: ExactColumn;
}

/**
 * What one cap took from each payee (non-negative exact units; `stage` for a per-bonus cap).
 *
 * @example
 * ```ts
 * const cut: CapCut = { cap: 'per-bonus', stage: 'matching', column };
 * ```
 */
export interface CapCut {
  readonly cap: CapKind;
  readonly stage: StageName | null;
  readonly column: ExactColumn;
}

/**
 * The stages after the caps, what each cap took, and the total taken (`capped`): for every payee, Σ capped
 * stages + Σ cuts = Σ stages before, exactly.
 *
 * @example
 * ```ts
 * const { stages, cuts, capped } = applyCaps(stages, compiled, volumes.commissionableTotal, genealogy.ids);
 * ```
 */
export interface CappedStages {
  readonly stages: readonly StageColumn[];
  readonly cuts: readonly CapCut[];
  readonly capped: bigint;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Stage 5: caps, by exact proportional scaling. In order: each stage's `perBonus` cap on each payee; each
 * payee's `perPayee` cap on their total, the cut shared over their stages in proportion (largest remainder);
 * the `totalShare` cap on the whole period, every payee's total scaled by `cap / total` — the units the
 * proportional floors leave over go by largest remainder (`remainder: 'largest-remainder'`) or are cut too
 * (`'company'`: the company keeps them, counted as capped). The total-share cap is rounded down to whole minor
 * units and shared out in whole minor units, so the rounded payouts stay within it. Nothing is created or
 * lost: what is not paid is in the cuts.
 *
 * @example
 * ```ts
 * applyCaps([{ name: 'unilevel', exact }], compiled, volumes.commissionableTotal, genealogy.ids).capped; // exact units taken
 * ```
 */
export function applyCaps(input: readonly StageColumn[], compiled: CompiledPlan, commissionableTotal: bigint, ids: PackedIds): CappedStages {
  const caps = compiled.plan.caps;
  if (caps === null || input.length === 0) return { stages: input, cuts: [], capped: 0n };
  const lift = 10n ** BigInt(compiled.rateDecimals);
  const units = (amount: string) => {
    const read = parseDecimal(amount, compiled.plan.scale);
    if (!read.ok) throw new Error(`unreachable: parsePlan validated ${amount}`);
    return read.units * lift;
  };
  const n = input[0].exact.values.length;
  let stages = input.map((stage) => ({ name: stage.name, exact: stage.exact }));
  const cuts: CapCut[] = [];
  let capped = 0n;
  for (const stage of stages) {
    const limit = caps.perBonus[stage.name];
    if (limit === undefined) continue;
    const cut = capColumn(stage.exact, units(limit));
    if (cut === null) continue;
    stage.exact = cut.kept;
    cuts.push({ cap: 'per-bonus', stage: stage.name, column: cut.cut });
    capped += cut.total;
  }
  if (caps.perPayee !== null) {
    const limit = units(caps.perPayee);
    const totals = sumColumns(stages.map((stage) => stage.exact), n);
    const cut = capColumn(totals, limit);
    if (cut !== null) {
      stages = rescale(stages, totals, cut.kept, cut.cut);
      cuts.push({ cap: 'per-payee', stage: null, column: cut.cut });
      capped += cut.total;
    }
  }
  if (compiled.totalCapShare !== null) {
    // in whole minor units (rounded down) and shared out in whole minor units: the payouts stay within the cap
    const limitMinor = (commissionableTotal * compiled.totalCapShare) / lift;
    const totals = sumColumns(stages.map((stage) => stage.exact), n);
    const sum = totals.total();
    if (sum > limitMinor * lift) {
      const payees: number[] = [];
      const amounts: bigint[] = [];
      for (let i = 0; i < n; i++) {
        if (totals.values[i] !== 0) {
          payees.push(i);
          amounts.push(totals.get(i));
        }
      }
      const tie = byId(payees.map((i) => ids.at(i)));
      // a payee takes at most the whole minor units of what they were due: units nobody can take stay unpaid
      const minor =
        caps.remainder === 'largest-remainder'
          ? allocateWithin(limitMinor, amounts, amounts.map((amount) => amount / lift), tie)
          : floorShares(limitMinor, amounts).parts;
      const parts = minor.map((part) => part * lift);
      const kept = new ExactColumn(n);
      const cut = new ExactColumn(n);
      payees.forEach((i, k) => {
        kept.set(i, parts[k]);
        cut.set(i, amounts[k] - parts[k]);
      });
      stages = rescale(stages, totals, kept, cut);
      cuts.push({ cap: 'total-share', stage: null, column: cut });
      capped += sum - parts.reduce((a, b) => a + b, 0n);
    }
  }
  return { stages, cuts, capped };
}

/** Each value cut down to `limit`: the kept column, the cut column and Σ cut; null when nothing is above it. */
function capColumn(column: ExactColumn, limit: bigint): { kept: ExactColumn; cut: ExactColumn; total: bigint } | null {
  const n = column.values.length;
  const fast = limit <= SAFE ? Number(limit) : Number.POSITIVE_INFINITY;
  let kept: ExactColumn | null = null;
  let cut: ExactColumn | null = null;
  let total = 0n;
  for (let i = 0; i < n; i++) {
    const value = column.values[i];
    if (value >= 0 && value <= fast) continue; // narrow and within the cap (a wide value is WIDE, negative)
    const exact = column.get(i);
    if (exact <= limit) continue;
    kept ??= copy(column);
    cut ??= new ExactColumn(n);
    kept.set(i, limit);
    cut.set(i, exact - limit);
    total += exact - limit;
  }
  return kept === null || cut === null ? null : { kept, cut, total };
}

/**
 * Where a payee's total changed from `totals` to `kept`, their stages are rescaled to add up to `kept` (largest
 * remainder over the stages that paid them, ties to the earlier stage).
 */
function rescale(
  stages: Array<{ name: StageName; exact: ExactColumn }>,
  totals: ExactColumn,
  kept: ExactColumn,
  cut: ExactColumn,
): Array<{ name: StageName; exact: ExactColumn }> {
  const out = stages.map((stage) => ({ name: stage.name, exact: copy(stage.exact) }));
  const weights: bigint[] = [];
  const slots: number[] = [];
  const narrow: number[] = [];
  for (let i = 0; i < totals.values.length; i++) {
    if (cut.values[i] === 0) continue;
    slots.length = 0;
    narrow.length = 0;
    let largest = 0;
    for (let s = 0; s < stages.length; s++) {
      const value = stages[s].exact.values[i];
      if (value === 0) continue;
      slots.push(s);
      narrow.push(value);
      if (value === WIDE || value > largest) largest = value === WIDE ? Number.POSITIVE_INFINITY : value;
    }
    if (slots.length === 1) {
      out[slots[0]].exact.set(i, kept.values[i] === WIDE ? kept.get(i) : kept.values[i]); // one stage takes it all
      continue;
    }
    const target = kept.values[i];
    const total = totals.values[i];
    if (target !== WIDE && total !== WIDE && largest * target <= Number.MAX_SAFE_INTEGER) {
      splitNarrow(target, narrow, total);
      for (let k = 0; k < slots.length; k++) out[slots[k]].exact.set(i, narrow[k]);
      continue;
    }
    weights.length = 0;
    for (const s of slots) weights.push(stages[s].exact.get(i));
    const parts = allocate(kept.get(i), weights);
    for (let k = 0; k < slots.length; k++) out[slots[k]].exact.set(i, parts[k]);
  }
  return out;
}

/**
 * {@link allocate} in doubles, in place, for a payee's few stages when every product `weight × amount` is a
 * safe integer: the floors (corrected to the exact quotient), then the leftover units to the largest remainders,
 * ties to the earlier stage. `total` is Σ weights.
 */
function splitNarrow(amount: number, weights: number[], total: number): void {
  const remainders: number[] = [];
  let given = 0;
  for (let k = 0; k < weights.length; k++) {
    const product = weights[k] * amount; // safe: checked by the caller
    let part = Math.floor(product / total);
    let rest = product - part * total;
    if (rest < 0) {
      part -= 1;
      rest += total;
    } else if (rest >= total) {
      part += 1;
      rest -= total;
    }
    weights[k] = part;
    remainders.push(rest);
    given += part;
  }
  for (let left = amount - given; left > 0; left--) {
    let best = 0;
    for (let k = 1; k < remainders.length; k++) if (remainders[k] > remainders[best]) best = k;
    weights[best] += 1;
    remainders[best] = -1; // one unit each
  }
}

function sumColumns(columns: readonly ExactColumn[], n: number): ExactColumn {
  return columns.reduce((sum, column) => addColumns(sum, column), new ExactColumn(n));
}

function copy(column: ExactColumn): ExactColumn {
  const out = new ExactColumn(Float64Array.from(column.values));
  for (const [i, value] of column.big) out.big.set(i, value);
  return out;
}
