import { WIDE } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import { ROLE_CUSTOMER } from './member-fields';

/**
 * What the orders of one period say, from one pass over the order book's columns: who placed an order, and
 * how many orders, buyers and how much revenue by role of the buyer (index 0 affiliates, 1 customers).
 *
 * @example
 * ```ts
 * const activity = periodActivity(book, roles);
 * activity.revenue[0] + activity.revenue[1]; // Σ order amounts, minor units
 * ```
 */
export interface PeriodActivity {
  /** 1 for each preorder index whose member placed at least one order (of any kind) in the period. */
  readonly ordered: Uint8Array;
  /** Orders by role of the buyer. */
  readonly orders: readonly [number, number];
  /** Members with at least one order, by role. */
  readonly buyers: readonly [number, number];
  /** Σ order amounts by role, exact minor units. */
  readonly revenue: readonly [bigint, bigint];
}

/**
 * Reads the order book's `buyers`, `kinds` and `amounts` columns once. Every order counts, whatever its kind
 * (an enrollment fee is revenue too), so the revenue is exactly Σ amounts. Sums of safe integers run in
 * doubles and move to a bigint before they could pass 2^53; amounts kept as bigints go straight there.
 *
 * @example
 * ```ts
 * const book = ingestOrders([{ id: 'o1', affiliateId: 'c1', amount: '80.00', kind: 'retail' }], genealogy, { scale: 2 });
 * periodActivity(book, roles).revenue; // [0n, 8000n] when c1 is a customer
 * ```
 */
export function periodActivity(book: OrderBook, roles: Uint8Array): PeriodActivity {
  const ordered = new Uint8Array(book.genealogy.size);
  const { buyers, count } = book;
  const values = book.amounts.values;
  const big = book.amounts.big;
  const orders: [number, number] = [0, 0];
  const buyerCount: [number, number] = [0, 0];
  const running = [0, 0];
  const revenue: [bigint, bigint] = [0n, 0n];
  for (let k = 0; k < count; k++) {
    const i = buyers[k];
    const role = roles[i] === ROLE_CUSTOMER ? 1 : 0;
    orders[role]++;
    if (ordered[i] === 0) {
      ordered[i] = 1;
      buyerCount[role]++;
    }
    const amount = values[k];
    if (amount === WIDE) {
      revenue[role] += big.get(k) as bigint;
    } else if (running[role] + amount > Number.MAX_SAFE_INTEGER) {
      revenue[role] += BigInt(running[role]);
      running[role] = amount;
    } else {
      running[role] += amount;
    }
  }
  revenue[0] += BigInt(running[0]);
  revenue[1] += BigInt(running[1]);
  return { ordered, orders, buyers: buyerCount, revenue };
}
