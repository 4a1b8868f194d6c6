import { type CommissionResult, resultState } from '../engine/commission-result';
import { payeeSums } from '../engine/payee-sums';
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
 * income.of('A');           // { retail: '2.00', personal: '8.00', enrollment: '0.00', total: '10.00' }
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
 * Splits a period's commissions by the source of the money. Commission is linear in volume, so the engine's
 * kernel runs once per commissionable kind on that kind's volume alone, with the period's active set; fast
 * start is the recruiting part. Each part is exact, and the parts of a payee add up to their exact commission
 * to the last unit.
 *
 * @example
 * ```ts
 * const result = computeCommissions({ genealogy, plan, orders });
 * const income = incomeBySource(result);
 * income.totals; // { retail: '…', personal: '…', enrollment: '…', total: result.totals.paid }
 * ```
 */
export function incomeBySource(result: CommissionResult): IncomeBySource {
  const { genealogy, book, compiled, active, ranks, fastStart, directSale } = resultState(result);
  const { byKind, totals } = book.affiliateVolumes;
  const columns = {} as Record<IncomeSource, ExactColumn>;
  const units = {} as Record<IncomeSource, bigint>;
  columns.recruiting = fastStart ?? new ExactColumn(genealogy.size);
  units.recruiting = fastStart?.total() ?? 0n;
  INCOME_SOURCES.slice(0, 3).forEach((source, kind) => {
    if (compiled.commissionableKind[kind] === 0 || totals[kind] === 0n) {
      columns[source] = new ExactColumn(genealogy.size);
      units[source] = 0n;
      return;
    }
    const volumes = { commissionable: byKind[kind], commissionableTotal: totals[kind] };
    const sums = payeeSums(genealogy, volumes, compiled, active, ranks?.paidAs ?? null);
    columns[source] = sums.exact;
    units[source] = sums.paid;
  });
  if (directSale !== null) {
    // the direct sale commission is paid out of retail sales
    columns.retail = addColumns(columns.retail, directSale);
    units.retail += directSale.total();
  }
  return new IncomeBySource(genealogy, columns, units, result.plan.scale + compiled.rateDecimals, result.plan.scale);
}
