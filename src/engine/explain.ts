import type { Genealogy } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import type { OrderBook } from '../orders/ingest-orders';
import { ORDER_KINDS, type OrderKind } from '../plan/order-kind';
import type { CapKind } from './caps';
import type { CompiledPlan } from './compiled-plan';

/**
 * One commission line: what one order paid one payee.
 *
 * @example
 * ```ts
 * const line: ExplainLine = {
 *   orderId: 'o1', buyerId: 'D', kind: 'retail', level: 2, rate: '0.05', volume: '100.00', amount: '5.00',
 * };
 * ```
 */
export interface ExplainLine {
  readonly orderId: string;
  /** The member whose order it is (an affiliate, or a customer). */
  readonly buyerId: string;
  /** The order's kind: where the money comes from (a sale to a customer, an own purchase, a joining fee). */
  readonly kind: OrderKind;
  /** 1 = the payee is the buyer's sponsor (after compression, with `dynamic`). */
  readonly level: number;
  readonly rate: string;
  /** The order's commissionable volume, at the plan's scale. */
  readonly volume: string;
  /** `volume × rate`, exact (at least the plan's scale in decimals, more when needed). */
  readonly amount: string;
}

/** Commissionable orders grouped by buyer: the orders of buyer b are `orders[start[b] .. start[b+1])`. */
export interface OrdersByBuyer {
  readonly start: Int32Array;
  readonly orders: Int32Array;
}

/**
 * Groups the orders of the given kinds (default: the commissionable ones) by buyer with a counting sort (input order kept within a buyer). Built
 * once, on the first explanation asked for.
 *
 * @example
 * ```ts
 * const { start, orders } = ordersByBuyer(book, compiled);
 * ```
 */
export function ordersByBuyer(book: OrderBook, compiled: CompiledPlan, kinds: Uint8Array = compiled.commissionableKind): OrdersByBuyer {
  const n = book.genealogy.size;
  const paying = kinds;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < book.count; i++) if (paying[book.kinds[i]] !== 0) start[book.buyers[i] + 1]++;
  for (let b = 0; b < n; b++) start[b + 1] += start[b];
  const next = start.slice(0, n);
  const orders = new Int32Array(start[n]);
  for (let i = 0; i < book.count; i++) if (paying[book.kinds[i]] !== 0) orders[next[book.buyers[i]]++] = i;
  return { start, orders };
}

/**
 * Visits every member of the payee's subtree that the payee is paid on, with the level at which the payee
 * stands above them, in preorder (no recursion; a branch is skipped as soon as it is deeper than `levels`).
 * With dynamic compression the scan counts the active affiliates between the payee and each member on a
 * per-depth array.
 *
 * @example
 * ```ts
 * scanLevels(payee, genealogy, active, 'dynamic', 3, (member, level) => console.log(member, level));
 * ```
 */
export function scanLevels(
  payee: number,
  genealogy: Genealogy,
  active: Uint8Array,
  compression: 'none' | 'dynamic',
  levels: number,
  visit: (member: number, level: number) => void,
): void {
  const { depths, subtreeSizes } = genealogy;
  const dynamic = compression === 'dynamic';
  const top = depths[payee];
  const end = payee + subtreeSizes[payee];
  // activeBelow[r] = active affiliates strictly below the payee on the path down to relative depth r.
  const activeBelow = new Int32Array(Math.min(genealogy.maxDepth - top, end - payee) + 1);
  let b = payee + 1;
  while (b < end) {
    const r = depths[b] - top;
    const between = dynamic ? (r > 1 ? activeBelow[r - 1] : 0) : r - 1;
    if (between >= levels) {
      b += subtreeSizes[b]; // everyone below is past the last level too
      continue;
    }
    if (dynamic) activeBelow[r] = between + active[b];
    visit(b, between + 1);
    b++;
  }
}

/**
 * The commission lines of one payee, computed on request by scanning the payee's subtree range
 * ({@link scanLevels}). Lines come sorted by level, then genealogy order, then order input order.
 *
 * @example
 * ```ts
 * const lines = explainLines(payee, genealogy, book, compiled, active, ordersByBuyer(book, compiled), ranks.paidAs);
 * ```
 */
export function explainLines(
  payee: number,
  genealogy: Genealogy,
  book: OrderBook,
  compiled: CompiledPlan,
  active: Uint8Array,
  grouped: OrdersByBuyer,
  rankOf: Uint8Array | null = null,
): ExplainLine[] {
  if (active[payee] === 0) return [];
  // the payee's rate row: their paid-as rank's when ranks have rates, else the plan's levels
  const row = compiled.ranked && rankOf !== null ? rankOf[payee] : 0;
  const rateTexts = row === 0 ? compiled.plan.levels : (compiled.plan.ranks[row - 1].levels ?? compiled.plan.levels);
  const lines: Array<ExplainLine & { readonly order: number }> = [];
  const scale = compiled.plan.scale;
  const amountDecimals = scale + compiled.rateDecimals;
  scanLevels(payee, genealogy, active, compiled.plan.compression, rateTexts.length, (b, level) => {
    const rate = BigInt(compiled.rateTable[8 * row + level - 1]);
    for (let k = grouped.start[b]; k < grouped.start[b + 1]; k++) {
      const order = grouped.orders[k];
      const volume = book.volumes.get(order);
      lines.push({
        order,
        orderId: book.ids.at(order),
        buyerId: genealogy.ids.at(b),
        kind: ORDER_KINDS[book.kinds[order]],
        level,
        rate: rateTexts[level - 1],
        volume: formatUnits(volume, scale),
        amount: formatUnits(volume * rate, amountDecimals, scale),
      });
    }
  });
  lines.sort((x, y) => x.level - y.level);
  return lines.map(({ order: _order, ...line }) => line);
}

/**
 * One bonus line on an order: what a payee earns on one order outside the unilevel walk.
 *
 * - `direct-sale`: a share of a retail sale the payee made (level 0).
 * - `retail-profit`: the price of a retail sale the payee made minus its wholesale cost (level 0).
 * - `fast-start`: a fixed amount per enrollment, level 1 the enroller.
 * - `differential`: the payee's stairstep rate minus the highest rate already paid below them on this order
 *   (`rate`); level 0 for the payee's own order, else how many sponsor links below the payee the buyer is.
 * - `generation`: the breakaway override on an order of the g-th leader group below (`level` = g).
 *
 * @example
 * ```ts
 * const line: OrderBonusLine = { bonus: 'fast-start', orderId: 'e1', buyerId: 'C', level: 1, amount: '50.00' };
 * ```
 */
export interface OrderBonusLine {
  readonly bonus: 'fast-start' | 'direct-sale' | 'retail-profit' | 'differential' | 'generation';
  readonly orderId: string;
  readonly buyerId: string;
  readonly level: number;
  /** The rate applied to the order's volume, for the bonuses paid as a rate. */
  readonly rate?: string;
  readonly amount: string;
}

/**
 * A matching line: a share of what one member of the payee's sponsored generations was paid by the matched
 * stages (`base`, rounded at the plan's scale).
 *
 * @example
 * ```ts
 * const line: MatchingLine = { bonus: 'matching', fromId: 'B', generation: 1, base: '120.00', rate: '0.1', amount: '12.00' };
 * ```
 */
export interface MatchingLine {
  readonly bonus: 'matching';
  readonly fromId: string;
  readonly generation: number;
  readonly base: string;
  readonly rate: string;
  readonly amount: string;
}

/**
 * A leadership pool line: the pool, its amount, the payee's shares out of all shares, and their part.
 *
 * @example
 * ```ts
 * const line: PoolLine = { bonus: 'pool', pool: 'Leaders', poolAmount: '200.00', shares: 1, totalShares: 3, amount: '66.67' };
 * ```
 */
export interface PoolLine {
  readonly bonus: 'pool';
  readonly pool: string;
  readonly poolAmount: string;
  readonly shares: number;
  readonly totalShares: number;
  readonly amount: string;
}

/**
 * A binary line: the legs this period (with the carry in), the pairs formed and paid, the carry out.
 *
 * @example
 * ```ts
 * const line: BinaryLine = { bonus: 'binary', left: '250.00', right: '120.00', pairsFormed: 1, pairs: 1, carryLeft: '150.00', carryRight: '20.00', amount: '10.00' };
 * ```
 */
export interface BinaryLine {
  readonly bonus: 'binary';
  /** Left and right volume: the carry in plus this period's leg volume. */
  readonly left: string;
  readonly right: string;
  readonly pairsFormed: number;
  readonly pairs: number;
  readonly carryLeft: string;
  readonly carryRight: string;
  readonly amount: string;
}

/**
 * One bonus line of an explanation.
 *
 * @example
 * ```ts
 * for (const line of result.explain('A').bonuses) if (line.bonus === 'matching') console.log(line.fromId);
 * ```
 */
export type BonusLine = OrderBonusLine | MatchingLine | PoolLine | BinaryLine;

/**
 * What a cap took from a payee: a negative amount, so that every line of an explanation adds up to the payout.
 *
 * @example
 * ```ts
 * const line: CapLine = { cap: 'per-payee', stage: null, amount: '-150.00' };
 * ```
 */
export interface CapLine {
  readonly cap: CapKind;
  /** The capped stage, for a per-bonus cap. */
  readonly stage: string | null;
  readonly amount: string;
}

/**
 * The fast start lines of one payee: each enrollment order of a member they stand above, at its level's amount.
 *
 * @example
 * ```ts
 * fastStartLines(payee, genealogy, book, compiled, active); // [{ bonus: 'fast-start', orderId: 'e1', level: 1, amount: '50.00', … }]
 * ```
 */
export function fastStartLines(
  payee: number,
  genealogy: Genealogy,
  book: OrderBook,
  compiled: CompiledPlan,
  active: Uint8Array,
  enrollments: OrdersByBuyer,
): OrderBonusLine[] {
  const amounts = compiled.plan.fastStart;
  if (active[payee] === 0 || amounts.length === 0) return [];
  const lines: Array<OrderBonusLine & { readonly order: number }> = [];
  scanLevels(payee, genealogy, active, compiled.plan.compression, amounts.length, (b, level) => {
    for (let k = enrollments.start[b]; k < enrollments.start[b + 1]; k++) {
      const order = enrollments.orders[k];
      lines.push({ order, bonus: 'fast-start', orderId: book.ids.at(order), buyerId: genealogy.ids.at(b), level, amount: amounts[level - 1] });
    }
  });
  lines.sort((x, y) => x.level - y.level);
  return lines.map(({ order: _order, ...line }) => line);
}
