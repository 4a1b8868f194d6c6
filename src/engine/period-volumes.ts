import { ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import { narrowOrBig } from '../orders/affiliate-volumes';
import type { CompiledPlan } from './compiled-plan';
import { foldCustomerVolume } from './customer-volume';

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
  /**
   * PV: volume of each affiliate's non-enrollment orders and of the orders of the customers they refer, minor
   * units; 0 for customers.
   */
  readonly personal: ExactColumn;
  /** Volume of each affiliate's commissionable orders, minor units: what the levels above earn on. */
  readonly commissionable: ExactColumn;
  /** Σ commissionable volume, minor units. */
  readonly commissionableTotal: bigint;
}

/**
 * Stage 1: personal volume (retail + personal orders) and commissionable volume (the plan's kinds) of every
 * affiliate, from the per-affiliate sums made at ingestion: no pass at all for the usual kinds, otherwise one
 * pass over affiliates, never over orders.
 *
 * @example
 * ```ts
 * const { personal, commissionable } = periodVolumes(book, compilePlan(plan));
 * ```
 */
export function periodVolumes(book: OrderBook, compiled: CompiledPlan): PeriodVolumes {
  const { totals, personalVolume: bought } = book.affiliateVolumes;
  // commission walks start at the buyer (customers included); qualification counts customers' orders for
  // the affiliate who referred them
  const personalVolume = foldCustomerVolume(bought, book.genealogy);
  const [payRetail, payPersonal, payEnrollment] = compiled.commissionableKind;
  const commissionableTotal =
    totals[0] * BigInt(payRetail) + totals[1] * BigInt(payPersonal) + totals[2] * BigInt(payEnrollment);
  // The usual plan pays on exactly the orders that make PV: the PV column is the commissionable column.
  if (payRetail === 1 && payPersonal === 1 && payEnrollment === 0) {
    return { personal: personalVolume, commissionable: bought, commissionableTotal };
  }
  // (the columns by kind are summed on this first read: the usual plan never reads them)
  const [retail, personal, enrollment] = book.affiliateVolumes.byKind;
  const n = retail.values.length;
  const narrow =
    retail.isNarrow &&
    personal.isNarrow &&
    enrollment.isNarrow &&
    totals[0] + totals[1] + totals[2] <= BigInt(Number.MAX_SAFE_INTEGER);
  if (narrow) {
    // every sum below is at most the grand total, below 2^53: exact
    const r = retail.values;
    const p = personal.values;
    const e = enrollment.values;
    const cv = new Float64Array(n);
    for (let i = 0; i < n; i++) cv[i] = r[i] * payRetail + p[i] * payPersonal + e[i] * payEnrollment;
    return { personal: personalVolume, commissionable: new ExactColumn(cv), commissionableTotal };
  }
  const cv = new ExactColumn(n);
  const weights = [BigInt(payRetail), BigInt(payPersonal), BigInt(payEnrollment)];
  for (let i = 0; i < n; i++) {
    cv.set(i, narrowOrBig(retail.get(i) * weights[0] + personal.get(i) * weights[1] + enrollment.get(i) * weights[2]));
  }
  return { personal: personalVolume, commissionable: cv, commissionableTotal };
}
