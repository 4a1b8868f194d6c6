import { ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import { narrowOrBig } from '../orders/affiliate-volumes';
import type { CompiledPlan } from './compiled-plan';

/**
 * What the period's orders add up to per affiliate (genealogy preorder index), under a plan.
 *
 * @example
 * ```ts
 * const volumes = periodVolumes(book, compilePlan(plan));
 * volumes.personal.get(genealogy.indexOf('B')); // B's PV in minor units
 * ```
 */
export interface PeriodVolumes {
  /** PV: volume of each affiliate's non-enrollment orders, minor units. */
  readonly personal: ExactColumn;
  /** Volume of each affiliate's commissionable orders, minor units: what the levels above earn on. */
  readonly commissionable: ExactColumn;
  /** Σ commissionable volume, minor units. */
  readonly commissionableTotal: bigint;
}

/**
 * Stage 1: personal volume (retail + personal orders) and commissionable volume (the plan's kinds) of every
 * affiliate, from the per-affiliate sums made at ingestion: one pass over affiliates, not orders.
 *
 * @example
 * ```ts
 * const { personal, commissionable } = periodVolumes(book, compilePlan(plan));
 * ```
 */
export function periodVolumes(book: OrderBook, compiled: CompiledPlan): PeriodVolumes {
  const [retail, personal, enrollment] = book.affiliateVolumes.byKind;
  const totals = book.affiliateVolumes.totals;
  const [payRetail, payPersonal, payEnrollment] = compiled.commissionableKind;
  const commissionableTotal = totals[0] * BigInt(payRetail) + totals[1] * BigInt(payPersonal) + totals[2] * BigInt(payEnrollment);
  const narrow =
    retail.isNarrow && personal.isNarrow && enrollment.isNarrow && totals[0] + totals[1] + totals[2] <= BigInt(Number.MAX_SAFE_INTEGER);
  if (narrow) {
    // every sum below is at most the grand total, below 2^53: exact
    const n = retail.values.length;
    const r = retail.values;
    const p = personal.values;
    const e = enrollment.values;
    const pv = new Float64Array(n);
    const cv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      pv[i] = r[i] + p[i];
      cv[i] = r[i] * payRetail + p[i] * payPersonal + e[i] * payEnrollment;
    }
    return { personal: new ExactColumn(pv), commissionable: new ExactColumn(cv), commissionableTotal };
  }
  const n = retail.values.length;
  const pv = new ExactColumn(n);
  const cv = new ExactColumn(n);
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [retail.get(i), personal.get(i), enrollment.get(i)];
    pv.set(i, narrowOrBig(a + b));
    cv.set(i, narrowOrBig(a * BigInt(payRetail) + b * BigInt(payPersonal) + c * BigInt(payEnrollment)));
  }
  return { personal: pv, commissionable: cv, commissionableTotal };
}
