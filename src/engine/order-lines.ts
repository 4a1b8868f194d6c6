import { ExactColumn } from '../money/exact-column';
import type { StageName } from '../plan/plan';
import { type CommissionResult, resultState } from './commission-result';
import { retailProfitOf } from './retail-profit';
import { sellerOf } from './direct-sale';

/** The stages whose lines belong to one order (the others pay on earnings, shares or legs). */
export const ORDER_STAGES = ['unilevel', 'fast-start', 'direct-sale', 'retail-profit', 'differential', 'generation'] as const;

/** One of {@link ORDER_STAGES}. @example `const stage: OrderStage = 'unilevel';` */
export type OrderStage = (typeof ORDER_STAGES)[number] & StageName;

/**
 * The lines each order paid, before caps, in compressed columns: the lines of order `o` are `start[o] ..
 * start[o + 1]`, each with its payee (genealogy index), stage (index in {@link ORDER_STAGES}), level and exact
 * amount (the engine's units, `10^-(scale + rateDecimals)`).
 *
 * @example
 * ```ts
 * const lines = orderLines(result);
 * for (let k = lines.start[0]; k < lines.start[1]; k++) console.log(lines.payee[k], lines.amount.get(k));
 * ```
 */
export interface OrderLines {
  readonly start: Int32Array;
  readonly payee: Int32Array;
  readonly stage: Uint8Array;
  readonly level: Uint8Array;
  readonly amount: ExactColumn;
}

/**
 * Every order's lines, by walking up from each buyer (no subtree scans): the unilevel levels (nearest active
 * uplines with dynamic compression, rates by the payee's paid-as row), fast start on enrollments, the direct
 * sale and retail profit to the seller, the differential steps along the stairstep links and the generation
 * overrides of the leaders above the order's group. Each order costs at most its levels plus the ladder's ranks
 * and generations, so a period's lines are computed in time linear in its orders. This is what a refund
 * reverses: the same payees, stages and levels.
 *
 * @example
 * ```ts
 * const lines = orderLines(computeCommissions({ genealogy, plan, orders }));
 * ```
 */
export function orderLines(result: CommissionResult): OrderLines {
  const { genealogy, book, compiled, active, ranks, run } = resultState(result);
  const n = genealogy.size;
  const { parents } = genealogy;
  const dynamic = compiled.plan.compression === 'dynamic';
  const paidAs = ranks?.paidAs ?? null;
  const rowOf = (payee: number) => (compiled.ranked && paidAs !== null ? paidAs[payee] : 0);
  // nearest active strict ancestor (dynamic compression), in one forward pass
  const up = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parents[i];
    up[i] = !dynamic || p < 0 || active[p] === 1 ? p : up[p];
  }
  // nearest leader strictly above, for the generation override
  const links = run.links;
  const leaderAbove = new Int32Array(n).fill(-1);
  if (links !== null) {
    for (let i = 0; i < n; i++) {
      const p = parents[i];
      leaderAbove[i] = p < 0 ? -1 : links.leader[p] === 1 ? p : leaderAbove[p];
    }
  }
  const lift = 10n ** BigInt(compiled.rateDecimals);
  const payee: number[] = [];
  const stage: number[] = [];
  const level: number[] = [];
  const amount: bigint[] = [];
  const start = new Int32Array(book.count + 1);
  const push = (to: number, s: number, l: number, value: bigint) => {
    if (value === 0n) return;
    payee.push(to);
    stage.push(s);
    level.push(l);
    amount.push(value);
  };
  const paysUnilevel = compiled.commissionableKind;
  const fastStart = run.stages.has('fast-start') ? compiled.fastStartRates : null;
  for (let o = 0; o < book.count; o++) {
    start[o] = payee.length;
    const buyer = book.buyers[o];
    const kind = book.kinds[o];
    const volume = book.volumes.get(o);
    if (paysUnilevel[kind] === 1) {
      let u = up[buyer];
      for (let k = 1; k <= compiled.walkDepth && u >= 0; k++, u = up[u]) {
        if (active[u] === 1) push(u, 0, k, volume * BigInt(compiled.rateTable[8 * rowOf(u) + k - 1]));
      }
    }
    if (fastStart !== null && kind === 2) {
      let u = up[buyer];
      for (let k = 1; k <= fastStart.length && u >= 0; k++, u = up[u]) {
        if (active[u] === 1) push(u, 1, k, BigInt(fastStart[k - 1]) * lift);
      }
    }
    const seller = sellerOf(book, o);
    if (seller >= 0 && run.stages.has('direct-sale')) push(seller, 2, 0, volume * compiled.directSaleRate);
    if (seller >= 0 && run.stages.has('retail-profit')) push(seller, 3, 0, retailProfitOf(book, o, compiled));
    if (links !== null && paysUnilevel[kind] === 1) {
      // the differential: the buyer, then each next link up to a leader
      let highest = 0;
      let u = buyer;
      let group = -1;
      while (u >= 0) {
        const rate = links.rate[u];
        if (rate > highest) {
          push(u, 4, genealogy.depths[buyer] - genealogy.depths[u], volume * BigInt(rate - highest));
          highest = rate;
        }
        if (links.leader[u] === 1) {
          group = u;
          break;
        }
        u = links.next[u];
      }
      // the generation override: the leaders above the order's group, nearest first
      const generations = compiled.generationRates;
      let leader = group < 0 ? -1 : leaderAbove[group];
      for (let g = 1; g <= generations.length && leader >= 0; g++, leader = leaderAbove[leader]) {
        push(leader, 5, g, volume * BigInt(generations[g - 1]));
      }
    }
  }
  start[book.count] = payee.length;
  const column = new ExactColumn(amount.length);
  amount.forEach((value, k) => column.set(k, value));
  return { start, payee: Int32Array.from(payee), stage: Uint8Array.from(stage), level: Uint8Array.from(level), amount: column };
}
