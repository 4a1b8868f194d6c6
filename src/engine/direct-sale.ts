import type { Genealogy } from '../genealogy';
import { ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import { formatUnits } from '../money/decimal-string';
import type { CompiledPlan } from './compiled-plan';
import type { OrderBonusLine, OrdersByBuyer } from './explain';
import type { BonusSums } from './fast-start';

/**
 * The seller of each order for the direct sale commission: the affiliate who recorded a retail order, the
 * referring affiliate of a customer who bought (-1 for a company customer), -1 for other kinds.
 *
 * @example
 * ```ts
 * sellerOf(book, i); // preorder index of the affiliate credited with order i
 * ```
 */
export function sellerOf(book: OrderBook, order: number): number {
  if (book.kinds[order] !== 0) return -1;
  const buyer = book.buyers[order];
  const { roles, parents } = book.genealogy;
  return roles[buyer] === 1 ? parents[buyer] : buyer;
}

/**
 * Stage 3c: the direct sale commission (seed 002: paid to the ambassador who converted a prospect), `volume ×
 * directSale` of every retail order to its seller, qualified or not. A company customer's order has no seller:
 * its share is breakage. Exact: in doubles while the period's total stays below 2^53 units, else bigint.
 *
 * @example
 * ```ts
 * const direct = directSaleSums(genealogy, book, compilePlan(parsePlan({ levels: ['0.1', '0.05'], directSale: '0.2' })));
 * direct.paid; // Σ 20% of retail volume with a seller, exact units
 * ```
 */
export function directSaleSums(genealogy: Genealogy, book: OrderBook, compiled: CompiledPlan): BonusSums {
  const n = genealogy.size;
  const rate = compiled.directSaleRate;
  const retail = book.affiliateVolumes.totals[0];
  const potential = retail * rate;
  const exact = new ExactColumn(n);
  if (rate === 0n || retail === 0n) return { exact, paid: 0n, potential };
  if (book.volumes.isNarrow && potential <= BigInt(Number.MAX_SAFE_INTEGER)) {
    const r = Number(rate);
    let paid = 0;
    for (let i = 0; i < book.count; i++) {
      const seller = sellerOf(book, i);
      if (seller < 0) continue;
      const amount = book.volumes.values[i] * r; // ≤ potential: exact
      exact.values[seller] += amount;
      paid += amount;
    }
    return { exact, paid: BigInt(paid), potential };
  }
  const sums = new Map<number, bigint>();
  let paid = 0n;
  for (let i = 0; i < book.count; i++) {
    const seller = sellerOf(book, i);
    if (seller < 0) continue;
    const amount = book.volumes.get(i) * rate;
    sums.set(seller, (sums.get(seller) ?? 0n) + amount);
    paid += amount;
  }
  for (const [seller, sum] of sums) exact.set(seller, sum);
  return { exact, paid, potential };
}

/**
 * Retail orders grouped by seller (counting sort, input order kept): the orders seller s is credited with are
 * `orders[start[s] .. start[s+1])`. Built once, on the first explanation asked for.
 *
 * @example
 * ```ts
 * const sales = ordersBySeller(book);
 * ```
 */
export function ordersBySeller(book: OrderBook): OrdersByBuyer {
  const n = book.genealogy.size;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < book.count; i++) {
    const seller = sellerOf(book, i);
    if (seller >= 0) start[seller + 1]++;
  }
  for (let s = 0; s < n; s++) start[s + 1] += start[s];
  const next = start.slice(0, n);
  const orders = new Int32Array(start[n]);
  for (let i = 0; i < book.count; i++) {
    const seller = sellerOf(book, i);
    if (seller >= 0) orders[next[seller]++] = i;
  }
  return { start, orders };
}

/**
 * The direct sale lines of one seller: `volume × directSale` on each retail sale credited to them, level 0.
 *
 * @example
 * ```ts
 * directSaleLines(seller, book, compiled, ordersBySeller(book)); // [{ bonus: 'direct-sale', orderId: 'r1', level: 0, amount: '20.00', … }]
 * ```
 */
export function directSaleLines(seller: number, book: OrderBook, compiled: CompiledPlan, sales: OrdersByBuyer): OrderBonusLine[] {
  const { scale } = compiled.plan;
  const lines: OrderBonusLine[] = [];
  for (let k = sales.start[seller]; k < sales.start[seller + 1]; k++) {
    const order = sales.orders[k];
    lines.push({
      bonus: 'direct-sale',
      orderId: book.ids.at(order),
      buyerId: book.genealogy.ids.at(book.buyers[order]),
      level: 0,
      amount: formatUnits(book.volumes.get(order) * compiled.directSaleRate, scale + compiled.rateDecimals, scale),
    });
  }
  return lines;
}

