import { DownlineError, ErrorCode } from '../errors';
import type { Genealogy } from '../genealogy';
import { ingestOrders, type OrderBook } from '../orders/ingest-orders';
import type { OrderRecord } from '../orders/order-record';
import { parsePlan } from '../plan/parse-plan';
import type { Plan } from '../plan/plan';
import type { PlanInput } from '../plan/schema';
import { CommissionResult } from './commission-result';
import { compilePlan } from './compiled-plan';
import { payeeSums } from './payee-sums';
import { periodVolumes } from './period-volumes';
import { qualify } from './qualification';
import { roundedTotal } from './round-payouts';

/**
 * What one commission period needs: who sponsored whom, the plan, and the period's orders (records, or an
 * {@link OrderBook} ingested beforehand with `ingestOrders`).
 *
 * @example
 * ```ts
 * const input: CommissionInput = { genealogy, plan: { levels: ['0.1', '0.05'] }, orders: [] };
 * ```
 */
export interface CommissionInput {
  readonly genealogy: Genealogy;
  readonly plan: Plan | PlanInput;
  readonly orders: ArrayLike<OrderRecord> | OrderBook;
}

/**
 * Computes one period of a 2-to-8-level unilevel plan (DESIGN §3), exact to the last digit: validates the
 * plan and the orders, aggregates volumes per affiliate, qualifies, credits every level in one preorder pass,
 * and rounds each payee once. Pure: same input, same result.
 *
 * @example
 * ```ts
 * import { Genealogy, computeCommissions } from 'downline';
 *
 * const genealogy = Genealogy.fromRecords([
 *   { id: 'A', sponsorId: null },
 *   { id: 'B', sponsorId: 'A' },
 *   { id: 'C', sponsorId: 'B' },
 * ]);
 * const result = computeCommissions({
 *   genealogy,
 *   plan: { levels: ['0.10', '0.05'], minPersonalVolume: '0' },
 *   orders: [{ id: 'o1', affiliateId: 'C', amount: '100.00', kind: 'retail' }],
 * });
 * result.payout('B'); // "10.00"
 * result.payout('A'); // "5.00"
 * ```
 */
export function computeCommissions(input: CommissionInput): CommissionResult {
  const { genealogy } = input;
  const plan = parsePlan(input.plan);
  const book = isOrderBook(input.orders)
    ? checkBook(input.orders, genealogy, plan)
    : ingestOrders(input.orders, genealogy, { scale: plan.scale, path: ['orders'] });
  const compiled = compilePlan(plan);
  const volumes = periodVolumes(book, compiled);
  const active = qualify(volumes.personal, compiled.minPersonalVolume, genealogy.customerCount > 0 ? genealogy.roles : undefined);
  const sums = payeeSums(genealogy, volumes, compiled, active);
  return new CommissionResult({
    genealogy,
    book,
    compiled,
    personal: volumes.personal,
    active,
    exact: sums.exact,
    potential: volumes.commissionableTotal * compiled.rateSum,
    paid: sums.paid,
    roundedTotal: roundedTotal(sums.exact, compiled.rateDecimals, plan.rounding),
  });
}

function isOrderBook(orders: ArrayLike<OrderRecord> | OrderBook): orders is OrderBook {
  return 'buyers' in orders && orders.buyers instanceof Int32Array;
}

function checkBook(book: OrderBook, genealogy: Genealogy, plan: Plan): OrderBook {
  if (book.genealogy !== genealogy) {
    throw DownlineError.of(ErrorCode.OrderBookMismatch, 'orders: the order book was ingested for another genealogy');
  }
  if (book.scale !== plan.scale) {
    throw DownlineError.of(
      ErrorCode.OrderBookMismatch,
      `orders: the order book was ingested at scale ${book.scale}, the plan uses scale ${plan.scale}`,
    );
  }
  return book;
}
