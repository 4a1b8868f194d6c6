import type { Genealogy } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import type { ExactColumn } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import type { BinaryCarry, BinaryOutcome } from './binary';
import type { CapCut } from './caps';
import type { CompiledPlan } from './compiled-plan';
import type { StairstepLinks } from './differential';
import { type BinaryLine, type CapLine, type MatchingLine, type OrderBonusLine, type OrdersByBuyer, type PoolLine, scanLevels } from './explain';
import type { PoolSplit } from './leadership-pool';

/** A rate numerator over 10^rateDecimals as a decimal string. */
const rateText = (numerator: number, compiled: CompiledPlan) => formatUnits(BigInt(numerator), compiled.rateDecimals, 0);

/**
 * The differential lines of one payee, by scanning their subtree once (no recursion): on each order of a
 * member below, the payee earns their rate minus the highest rate on the path between (the member included),
 * unless a leader on that path kept the volume; on their own orders, their own rate (level 0). A branch is
 * skipped as soon as nothing in it can pay the payee. Lines with a zero step are not listed.
 *
 * @example
 * ```ts
 * differentialLines(payee, genealogy, book, compiled, links, grouped); // [{ bonus: 'differential', rate: '0.04', … }]
 * ```
 */
export function differentialLines(
  payee: number,
  genealogy: Genealogy,
  book: OrderBook,
  compiled: CompiledPlan,
  links: StairstepLinks,
  grouped: OrdersByBuyer,
): OrderBonusLine[] {
  const { rate, leader } = links;
  const own = rate[payee];
  if (own === 0) return [];
  const { depths, subtreeSizes } = genealogy;
  const lines: OrderBonusLine[] = [];
  const top = depths[payee];
  const end = payee + subtreeSizes[payee];
  // highest[r]: the highest rate on the path from the payee's child down to relative depth r
  const highest = new Float64Array(Math.min(genealogy.maxDepth - top, end - payee) + 1);
  orderLines(payee, 0, own, 'differential', genealogy, book, compiled, grouped, lines);
  let b = payee + 1;
  while (b < end) {
    const r = depths[b] - top;
    const above = r > 1 ? highest[r - 1] : 0;
    const max = rate[b] > above ? rate[b] : above;
    if (max >= own || leader[b] !== 0) {
      b += subtreeSizes[b]; // the volume below is paid past the payee's rate already, or kept by a leader
      continue;
    }
    highest[r] = max;
    orderLines(b, r, own - max, 'differential', genealogy, book, compiled, grouped, lines);
    b++;
  }
  return lines;
}

/**
 * The generation override lines of one leader: each order whose volume reached a leader below them, at the
 * generation that leader group is (leaders counted from the buyer's first leader up to the payee).
 *
 * @example
 * ```ts
 * generationLines(payee, genealogy, book, compiled, links, grouped); // [{ bonus: 'generation', level: 1, … }]
 * ```
 */
export function generationLines(
  payee: number,
  genealogy: Genealogy,
  book: OrderBook,
  compiled: CompiledPlan,
  links: StairstepLinks,
  grouped: OrdersByBuyer,
): OrderBonusLine[] {
  const { leader } = links;
  const rates = compiled.generationRates;
  if (leader[payee] === 0 || rates.length === 0) return [];
  const { depths, subtreeSizes } = genealogy;
  const top = depths[payee];
  const end = payee + subtreeSizes[payee];
  // leaders[r]: leaders on the path from the payee's child down to relative depth r
  const leaders = new Int32Array(Math.min(genealogy.maxDepth - top, end - payee) + 1);
  const byBuyer: Array<{ b: number; g: number }> = [];
  let b = payee + 1;
  while (b < end) {
    const r = depths[b] - top;
    const count = (r > 1 ? leaders[r - 1] : 0) + leader[b];
    if (count > rates.length) {
      b += subtreeSizes[b];
      continue;
    }
    leaders[r] = count;
    if (count > 0) byBuyer.push({ b, g: count });
    b++;
  }
  // the buyer's orders count in the group of the first leader at or above them, so a buyer with leaders between
  // them and the payee is g generations down; members under no leader below the payee are in the payee's own group
  const lines: OrderBonusLine[] = [];
  for (const { b: buyer, g } of byBuyer) orderLines(buyer, g, rates[g - 1], 'generation', genealogy, book, compiled, grouped, lines);
  lines.sort((x, y) => x.level - y.level);
  return lines;
}

function orderLines(
  buyer: number,
  level: number,
  numerator: number,
  bonus: 'differential' | 'generation',
  genealogy: Genealogy,
  book: OrderBook,
  compiled: CompiledPlan,
  grouped: OrdersByBuyer,
  lines: OrderBonusLine[],
): void {
  const { scale } = compiled.plan;
  const rate = rateText(numerator, compiled);
  for (let k = grouped.start[buyer]; k < grouped.start[buyer + 1]; k++) {
    const order = grouped.orders[k];
    lines.push({
      bonus,
      orderId: book.ids.at(order),
      buyerId: genealogy.ids.at(buyer),
      level,
      rate,
      amount: formatUnits(book.volumes.get(order) * BigInt(numerator), scale + compiled.rateDecimals, scale),
    });
  }
}

/**
 * The matching lines of one payee: each member of their sponsored generations whose matched earnings are not
 * zero, at the payee's matching rate for that generation.
 *
 * @example
 * ```ts
 * matchingLines(payee, genealogy, compiled, active, matched, ranks?.paidAs ?? null);
 * ```
 */
export function matchingLines(
  payee: number,
  genealogy: Genealogy,
  compiled: CompiledPlan,
  active: Uint8Array,
  matched: ExactColumn,
  paidAs: Uint8Array | null,
): MatchingLine[] {
  const rates = compiled.matching;
  if (rates === null || active[payee] === 0) return [];
  const row = 8 * (paidAs?.[payee] ?? 0);
  const { scale } = compiled.plan;
  const lines: MatchingLine[] = [];
  scanLevels(payee, genealogy, active, compiled.plan.compression, rates.depth, (member, generation) => {
    const numerator = rates.table[row + generation - 1];
    const base = matched.get(member);
    if (numerator === 0 || base === 0n) return;
    lines.push({
      bonus: 'matching',
      fromId: genealogy.ids.at(member),
      generation,
      base: formatUnits(base, scale),
      rate: rateText(numerator, compiled),
      amount: formatUnits(base * BigInt(numerator), scale + compiled.rateDecimals, scale),
    });
  });
  lines.sort((x, y) => x.generation - y.generation);
  return lines;
}

/**
 * The pool lines of one payee: one per pool they hold shares in.
 *
 * @example
 * ```ts
 * poolLines(payee, splits, compiled); // [{ bonus: 'pool', pool: 'Leaders', shares: 1, totalShares: 3, … }]
 * ```
 */
export function poolLines(payee: number, splits: readonly PoolSplit[], compiled: CompiledPlan): PoolLine[] {
  const { scale } = compiled.plan;
  const decimals = scale + compiled.rateDecimals;
  const lines: PoolLine[] = [];
  for (const split of splits) {
    const k = binarySearch(split.members, payee);
    if (k < 0) continue;
    lines.push({
      bonus: 'pool',
      pool: split.pool.name,
      poolAmount: formatUnits(split.amount, decimals, scale),
      shares: Number(split.shares[k]),
      totalShares: Number(split.totalShares),
      amount: formatUnits(split.parts[k], decimals, scale),
    });
  }
  return lines;
}

/**
 * The binary line of one placed member: both sides (carry in plus this period's legs), pairs formed and paid,
 * the carry out and the amount; none for a member who is not placed or has nothing on either side.
 *
 * @example
 * ```ts
 * binaryLines(payee, outcome, carryIn, compiled); // [{ bonus: 'binary', left: '250.00', right: '120.00', pairs: 1, … }]
 * ```
 */
export function binaryLines(payee: number, outcome: BinaryOutcome, carryIn: BinaryCarry | null, compiled: CompiledPlan): BinaryLine[] {
  const { scale } = compiled.plan;
  const left = outcome.legLeft.get(payee) + (carryIn?.left.get(payee) ?? 0n);
  const right = outcome.legRight.get(payee) + (carryIn?.right.get(payee) ?? 0n);
  if (outcome.formed[payee] === 0 && left === 0n && right === 0n) return [];
  return [
    {
      bonus: 'binary',
      left: formatUnits(left, scale),
      right: formatUnits(right, scale),
      pairsFormed: outcome.formed[payee],
      pairs: outcome.pairs[payee],
      carryLeft: formatUnits(outcome.carry.left.get(payee), scale),
      carryRight: formatUnits(outcome.carry.right.get(payee), scale),
      amount: formatUnits(outcome.amounts.get(payee) * 10n ** BigInt(compiled.rateDecimals), scale + compiled.rateDecimals, scale),
    },
  ];
}

/**
 * The cap lines of one payee: what each cap took, as negative amounts.
 *
 * @example
 * ```ts
 * capLines(payee, cuts, compiled); // [{ cap: 'per-payee', stage: null, amount: '-150.00' }]
 * ```
 */
export function capLines(payee: number, cuts: readonly CapCut[], compiled: CompiledPlan): CapLine[] {
  const { scale } = compiled.plan;
  const lines: CapLine[] = [];
  for (const cut of cuts) {
    const taken = cut.column.get(payee);
    if (taken !== 0n) lines.push({ cap: cut.cap, stage: cut.stage, amount: formatUnits(-taken, scale + compiled.rateDecimals, scale) });
  }
  return lines;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
