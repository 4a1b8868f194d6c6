import { type CommissionResult, resultState } from '../engine/commission-result';
import { differentialSums } from '../engine/differential';
import { payeeSums } from '../engine/payee-sums';
import { allocate } from '../money/allocate';
import { DownlineError, ErrorCode, quote } from '../errors';
import type { Genealogy } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import { addColumns, ExactColumn } from '../money/exact-column';

/**
 * Where a commission's money comes from: a sale to an outside customer (`retail`), an affiliate's own
 * purchase (`personal`, internal consumption), a joining fee or starter kit (`enrollment`), or a bonus
 * triggered by recruiting (`recruiting`: fast start on enrollments).
 *
 * @example
 * ```ts
 * const source: IncomeSource = 'enrollment';
 * ```
 */
export type IncomeSource = 'retail' | 'personal' | 'enrollment' | 'recruiting';

/**
 * The sources: the three order kinds in the order of their codes, then recruiting bonuses.
 *
 * @example
 * ```ts
 * for (const source of INCOME_SOURCES) console.log(source, breakdown.totals[source]);
 * ```
 */
export const INCOME_SOURCES: readonly IncomeSource[] = Object.freeze(['retail', 'personal', 'enrollment', 'recruiting']);

/**
 * Income split by source, exact: decimal strings per source and their total.
 *
 * @example
 * ```ts
 * const split: SourceAmounts = { retail: '6.00', personal: '3.00', enrollment: '0.00', recruiting: '0.00', total: '9.00' };
 * ```
 */
export type SourceAmounts = Readonly<Record<IncomeSource | 'total', string>>;

/**
 * Every payee's commission split by the source of the money, exact (the same units as the engine's exact
 * totals): for each payee the parts sum to their exact commission, and the totals to the period's `paid`.
 *
 * @example
 * ```ts
 * const income = incomeBySource(result);
 * income.of('A');           // { retail: '2.00', personal: '8.00', enrollment: '0.00', recruiting: '0.00', total: '10.00' }
 * income.totals.enrollment; // what joining fees paid out, all payees together
 * ```
 */
export class IncomeBySource {
  /** Exact amounts are integers in units of `10^-decimals`. */
  readonly decimals: number;
  /** Decimals shown at least (the plan's scale). */
  readonly scale: number;
  /** Per member (genealogy preorder), per source, exact units. */
  readonly columns: Readonly<Record<IncomeSource, ExactColumn>>;
  /** Σ over members, per source, exact units. */
  readonly units: Readonly<Record<IncomeSource | 'total', bigint>>;
  /** The same as decimal strings. */
  readonly totals: SourceAmounts;
  readonly #genealogy: Genealogy;

  constructor(
    genealogy: Genealogy,
    columns: Record<IncomeSource, ExactColumn>,
    units: Record<IncomeSource, bigint>,
    decimals: number,
    scale: number,
  ) {
    this.#genealogy = genealogy;
    this.columns = Object.freeze(columns);
    this.decimals = decimals;
    this.scale = scale;
    const total = units.retail + units.personal + units.enrollment + units.recruiting;
    this.units = Object.freeze({ ...units, total });
    this.totals = this.#format(units.retail, units.personal, units.enrollment, units.recruiting);
  }

  /** One member's income by source (all zero for a member who earned nothing). */
  of(id: string): SourceAmounts {
    const i = this.#genealogy.indexOf(id);
    if (i < 0) throw DownlineError.of(ErrorCode.UnknownMember, `unknown member ${quote(id)}`);
    const { retail, personal, enrollment, recruiting } = this.columns;
    return this.#format(retail.get(i), personal.get(i), enrollment.get(i), recruiting.get(i));
  }

  #format(retail: bigint, personal: bigint, enrollment: bigint, recruiting: bigint): SourceAmounts {
    const text = (units: bigint) => formatUnits(units, this.decimals, this.scale);
    return Object.freeze({
      retail: text(retail),
      personal: text(personal),
      enrollment: text(enrollment),
      recruiting: text(recruiting),
      total: text(retail + personal + enrollment + recruiting),
    });
  }
}

/**
 * Splits a period's commissions by the source of the money, exactly. Stages linear in volume (unilevel,
 * differential, generation override) run once per commissionable kind on that kind's volume alone, with the
 * period's active set and ranks; fast start is the recruiting part; the direct sale commission is retail.
 * Matching, pools and binary are not tied to one order: each payee's amount is split in proportion to the
 * period's commissionable volume by kind (largest remainder; without any, a binary paid from carried volume
 * counts in the plan's first commissionable kind). Where caps took from a payee, their capped
 * total is split in proportion to their uncapped parts. Each part is exact, and the parts of a payee add up to
 * their exact commission to the last unit.
 *
 * @example
 * ```ts
 * const result = computeCommissions({ genealogy, plan, orders });
 * const income = incomeBySource(result);
 * income.totals; // { retail: '…', personal: '…', enrollment: '…', total: result.totals.paid }
 * ```
 */
export function incomeBySource(result: CommissionResult): IncomeBySource {
  const { genealogy, book, compiled, active, ranks, run } = resultState(result);
  const { byKind, totals } = book.affiliateVolumes;
  const n = genealogy.size;
  const paidAs = ranks?.paidAs ?? null;
  const parts: Record<IncomeSource, ExactColumn> = {
    retail: new ExactColumn(n),
    personal: new ExactColumn(n),
    enrollment: new ExactColumn(n),
    recruiting: new ExactColumn(n),
  };
  const add = (source: IncomeSource, column: ExactColumn) => (parts[source] = addColumns(parts[source], column));
  const kinds = INCOME_SOURCES.slice(0, 3).map((source, kind) => ({ source, kind }));
  const paying = kinds.filter(({ kind }) => compiled.commissionableKind[kind] === 1 && totals[kind] !== 0n);
  const spread: ExactColumn[] = [];
  for (const stage of run.stages.values()) {
    switch (stage.name) {
      case 'unilevel':
        for (const { source, kind } of paying) {
          add(source, payeeSums(genealogy, { commissionable: byKind[kind], commissionableTotal: totals[kind] }, compiled, active, paidAs).exact);
        }
        break;
      case 'differential':
      case 'generation':
        for (const { source, kind } of paying) {
          const sums = differentialSums(genealogy, byKind[kind], totals[kind], compiled, paidAs as Uint8Array, run.links ?? undefined);
          const column = stage.name === 'differential' ? sums.differential : sums.generation;
          if (column !== null) add(source, column.exact);
        }
        break;
      case 'fast-start':
        add('recruiting', stage.uncapped);
        break;
      case 'direct-sale':
      case 'retail-profit':
        add('retail', stage.uncapped);
        break;
      default:
        spread.push(stage.uncapped);
    }
  }
  if (spread.length > 0) {
    // a period without commissionable volume can still pay a binary (from carried volume): its amounts count in
    // the plan's first commissionable kind
    const weights = paying.length > 0 ? paying.map(({ source, kind }) => ({ source, weight: totals[kind] })) : [{ source: firstPaying(compiled), weight: 1n }];
    spreadByKind(spread, weights, parts);
  }
  if (run.cuts.length > 0) shareCuts(parts, run.exact);
  const units = {} as Record<IncomeSource, bigint>;
  for (const source of INCOME_SOURCES) units[source] = parts[source].total();
  return new IncomeBySource(genealogy, parts, units, result.plan.scale + compiled.rateDecimals, result.plan.scale);
}

/** Each payee's amount from stages not tied to one order, split over the kinds in proportion to `weights`. */
function spreadByKind(columns: readonly ExactColumn[], weights: ReadonlyArray<{ source: IncomeSource; weight: bigint }>, parts: Record<IncomeSource, ExactColumn>): void {
  const n = columns[0].values.length;
  for (let i = 0; i < n; i++) {
    let amount = 0n;
    for (const column of columns) if (column.values[i] !== 0) amount += column.get(i);
    if (amount === 0n) continue;
    const split = allocate(amount, weights.map(({ weight }) => weight));
    weights.forEach(({ source }, k) => parts[source].set(i, parts[source].get(i) + split[k]));
  }
}

/** The source of the plan's first commissionable kind (`retail` when it pays on none). */
function firstPaying(compiled: ReturnType<typeof resultState>['compiled']): IncomeSource {
  const kind = INCOME_SOURCES.slice(0, 3).findIndex((_, k) => compiled.commissionableKind[k] === 1);
  return kind < 0 ? 'retail' : INCOME_SOURCES[kind];
}

/** Where caps took from a payee, their capped total split over their uncapped parts in proportion. */
function shareCuts(parts: Record<IncomeSource, ExactColumn>, capped: ExactColumn): void {
  const n = capped.values.length;
  for (let i = 0; i < n; i++) {
    const before = INCOME_SOURCES.map((source) => parts[source].get(i));
    const total = before.reduce((a, b) => a + b, 0n);
    const after = capped.get(i);
    if (total === after) continue;
    const split = allocate(after, before);
    INCOME_SOURCES.forEach((source, k) => parts[source].set(i, split[k]));
  }
}
