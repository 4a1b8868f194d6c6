import type { Genealogy } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import { ExactColumn } from '../money/exact-column';
import { type OrderBook, WHOLESALE_NONE } from '../orders/ingest-orders';
import type { CompiledPlan } from './compiled-plan';
import { sellerOf } from './direct-sale';
import type { OrderBonusLine, OrdersByBuyer } from './explain';
import type { BonusSums } from './fast-start';

/**
 * The retail profit of one order in exact units (`10^-(scale + rateDecimals)`): price − wholesale cost for a
 * retail order that gives its cost, else `price × (1 − wholesaleRate)` when the plan sets that rate, else 0.
 *
 * @example
 * ```ts
 * retailProfitOf(book, i, compiled); // 2500n for 100.00 sold, 75.00 wholesale, at scale 2 and rates to 2 decimals… × 100
 * ```
 */
export function retailProfitOf(book: OrderBook, order: number, compiled: CompiledPlan): bigint {
  if (book.kinds[order] !== 0) return 0n;
  const lift = 10n ** BigInt(compiled.rateDecimals);
  const cost = book.wholesale?.[order] ?? WHOLESALE_NONE;
  const price = book.amounts.get(order);
  if (cost !== WHOLESALE_NONE) return (price - BigInt(cost)) * lift;
  return compiled.wholesaleRate === null ? 0n : price * (lift - compiled.wholesaleRate);
}

/**
 * Stage 3c': retail profit. The seller of each retail order — the affiliate who recorded it, or the referring
 * affiliate of the customer who bought — earns the difference between the price and the wholesale cost,
 * qualified or not (it is the margin on their own sale). A company customer's order has no seller: its profit
 * is breakage. The potential is every retail order's profit.
 *
 * @example
 * ```ts
 * const profit = retailProfitSums(genealogy, book, compiled);
 * profit.paid; // Σ price − wholesale over retail orders with a seller, exact units
 * ```
 */
export function retailProfitSums(genealogy: Genealogy, book: OrderBook, compiled: CompiledPlan): BonusSums {
  const lift = 10n ** BigInt(compiled.rateDecimals);
  // every profit is at most its price × 10^rateDecimals: in doubles when that stays a safe integer for the period
  if (book.amounts.isNarrow && book.amounts.total() * lift <= BigInt(Number.MAX_SAFE_INTEGER)) return narrowProfits(genealogy, book, compiled);
  const sums = new Map<number, bigint>();
  let paid = 0n;
  let potential = 0n;
  for (let i = 0; i < book.count; i++) {
    if (book.kinds[i] !== 0) continue;
    const profit = retailProfitOf(book, i, compiled);
    if (profit === 0n) continue;
    potential += profit;
    const seller = sellerOf(book, i);
    if (seller < 0) continue;
    sums.set(seller, (sums.get(seller) ?? 0n) + profit);
    paid += profit;
  }
  const exact = new ExactColumn(genealogy.size);
  for (const [seller, sum] of sums) exact.set(seller, sum);
  return { exact, paid, potential };
}

function narrowProfits(genealogy: Genealogy, book: OrderBook, compiled: CompiledPlan): BonusSums {
  const lift = 10 ** compiled.rateDecimals;
  const keep = compiled.wholesaleRate === null ? 0 : lift - Number(compiled.wholesaleRate);
  const amounts = book.amounts.values;
  const cost = book.wholesale;
  const exact = new ExactColumn(genealogy.size);
  let paid = 0;
  let potential = 0;
  for (let i = 0; i < book.count; i++) {
    if (book.kinds[i] !== 0) continue;
    const given = cost === null ? WHOLESALE_NONE : cost[i];
    const profit = given === WHOLESALE_NONE ? amounts[i] * keep : (amounts[i] - given) * lift; // exact: ≤ price × lift
    if (profit === 0) continue;
    potential += profit;
    const seller = sellerOf(book, i);
    if (seller < 0) continue;
    exact.values[seller] += profit;
    paid += profit;
  }
  return { exact, paid: BigInt(paid), potential: BigInt(potential) };
}

/**
 * The retail profit lines of one seller: one per retail sale credited to them that made a profit, level 0.
 *
 * @example
 * ```ts
 * retailProfitLines(seller, book, compiled, ordersBySeller(book)); // [{ bonus: 'retail-profit', orderId: 'r1', level: 0, amount: '25.00', … }]
 * ```
 */
export function retailProfitLines(seller: number, book: OrderBook, compiled: CompiledPlan, sales: OrdersByBuyer): OrderBonusLine[] {
  const { scale } = compiled.plan;
  const lines: OrderBonusLine[] = [];
  for (let k = sales.start[seller]; k < sales.start[seller + 1]; k++) {
    const order = sales.orders[k];
    const profit = retailProfitOf(book, order, compiled);
    if (profit === 0n) continue;
    lines.push({
      bonus: 'retail-profit',
      orderId: book.ids.at(order),
      buyerId: book.genealogy.ids.at(book.buyers[order]),
      level: 0,
      amount: formatUnits(profit, scale + compiled.rateDecimals, scale),
    });
  }
  return lines;
}
