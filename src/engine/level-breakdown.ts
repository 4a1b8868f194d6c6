import type { Genealogy } from '../genealogy';
import { type ExactColumn, WIDE } from '../money/exact-column';
import type { OrderBook } from '../orders/ingest-orders';
import type { RankColumns } from './rank-evaluation';
import { periodVolumes } from './period-volumes';
import type { CompiledPlan } from './compiled-plan';
import { type OrdersByBuyer, scanLevels } from './explain';

/**
 * The unilevel stage level by level, exact, in units of `10^-(scale + rateDecimals)`: `paid[k]` is what the
 * payees standing k + 1 levels above the buyers earned (before the caps), `potential[k]` what the level's best
 * rate would pay on every unit of commissionable volume. `Σ paid` is the unilevel stage's total before caps.
 *
 * @example
 * ```ts
 * const { paid, potential } = levelBreakdown(genealogy, commissionable, compiled, active, paidAs, total);
 * paid[0]; // what the sponsors earned on their first level, exact
 * ```
 */
export interface LevelBreakdown {
  readonly paid: readonly bigint[];
  readonly potential: readonly bigint[];
  /** The best rate numerator of each level, over every rate row. */
  readonly rates: readonly bigint[];
}

/** Below this a running sum plus one product (also at most this) stays an exact double. */
const FLUSH = 2 ** 52;

/**
 * Splits the unilevel stage by level in one top-down preorder pass, no recursion: the members above the
 * current one wait on a stack by depth (with dynamic compression only the active ones, so the k-th entry
 * from the top is the payee at level k); each buyer with volume credits at most `levels` payees, each at the
 * rate of their rate row (their paid-as rank's when ranks carry rates) for that level. Inactive payees earn
 * nothing (breakage with `compression: 'none'`). Sums run in doubles while exact and move to bigint before
 * they could stop being exact.
 *
 * @param volume commissionable volume per member (preorder), minor units
 * @param paidAs paid-as rank code per member, or null (every payee on the plan's own levels)
 * @param commissionableTotal Σ `volume`, minor units
 * @example
 * ```ts
 * const breakdown = levelBreakdown(genealogy, volumes.commissionable, compiled, active, ranks?.paidAs ?? null, volumes.commissionableTotal);
 * ```
 */
export function levelBreakdown(
  genealogy: Genealogy,
  volume: ExactColumn,
  compiled: CompiledPlan,
  active: Uint8Array,
  paidAs: Uint8Array | null,
  commissionableTotal: bigint,
): LevelBreakdown {
  const levels = compiled.walkDepth;
  const { rateTable } = compiled;
  const rows = rateTable.length / 8;
  const byRank = compiled.ranked && paidAs !== null;
  const dynamic = compiled.plan.compression === 'dynamic';
  const { depths, size } = genealogy;
  const values = volume.values;
  // chain[0 .. count[d]) = the members above and at depth d that may be a level (all, or the active ones)
  const chain = new Int32Array(genealogy.maxDepth + 1);
  const count = new Int32Array(genealogy.maxDepth + 1);
  const sums = new Float64Array(levels);
  const big = new Array<bigint>(levels).fill(0n);
  for (let i = 0; i < size; i++) {
    const d = depths[i];
    const above = d === 0 ? 0 : count[d - 1];
    const v = values[i];
    if (v !== 0) {
      const reach = Math.min(levels, above);
      for (let k = 0; k < reach; k++) {
        const payee = chain[above - 1 - k];
        if (active[payee] === 0) continue;
        const rate = rateTable[8 * (byRank ? (paidAs as Uint8Array)[payee] : 0) + k];
        if (rate === 0) continue;
        const product = v === WIDE ? FLUSH + 1 : rate * v;
        if (product > FLUSH) {
          big[k] += BigInt(rate) * volume.get(i);
          continue;
        }
        sums[k] += product;
        if (sums[k] > FLUSH) {
          big[k] += BigInt(sums[k]);
          sums[k] = 0;
        }
      }
    }
    const counts = !dynamic || active[i] === 1;
    if (counts) chain[above] = i;
    count[d] = above + (counts ? 1 : 0);
  }
  const paid = big.map((sum, k) => sum + BigInt(sums[k]));
  const rates: bigint[] = [];
  for (let k = 0; k < levels; k++) {
    let best = 0;
    for (let r = 0; r < rows; r++) best = Math.max(best, rateTable[8 * r + k]);
    rates.push(BigInt(best));
  }
  return { paid, potential: rates.map((rate) => rate * commissionableTotal), rates };
}

/**
 * {@link levelBreakdown} of a computed period, from the columns a result holds: the one place where the
 * period's commissionable volume is gathered for it (`result.levels()` and the report both ask here).
 *
 * @example
 * ```ts
 * const { paid, potential, rates } = periodLevelBreakdown(resultState(result));
 * ```
 */
export function periodLevelBreakdown(state: {
  readonly genealogy: Genealogy;
  readonly book: OrderBook;
  readonly compiled: CompiledPlan;
  readonly active: Uint8Array;
  readonly ranks: RankColumns | null;
}): LevelBreakdown {
  const volumes = periodVolumes(state.book, state.compiled);
  return levelBreakdown(state.genealogy, volumes.commissionable, state.compiled, state.active, state.ranks?.paidAs ?? null, volumes.commissionableTotal);
}

/**
 * One payee's unilevel earnings by level, exact (units of `10^-(scale + rateDecimals)`, before the caps),
 * with how many order lines each level holds: the sums of `explain(id).lines` by level, without building the
 * lines (a payee near the top of a large network has millions). Levels without a line are left out.
 *
 * @param grouped the commissionable orders by buyer (`ordersByBuyer`)
 * @example
 * ```ts
 * payeeLevels(genealogy.indexOf('A'), genealogy, book, compiled, active, ordersByBuyer(book, compiled), paidAs);
 * // [{ level: 1, units: 150000n, lines: 3 }, …]
 * ```
 */
export function payeeLevels(
  payee: number,
  genealogy: Genealogy,
  book: OrderBook,
  compiled: CompiledPlan,
  active: Uint8Array,
  grouped: OrdersByBuyer,
  paidAs: Uint8Array | null,
): { level: number; units: bigint; lines: number }[] {
  if (active[payee] === 0) return [];
  const row = compiled.ranked && paidAs !== null ? paidAs[payee] : 0;
  const depth = compiled.rowDepths[row];
  const volumes = new Array<bigint>(depth).fill(0n);
  const small = new Float64Array(depth);
  const lines = new Array<number>(depth).fill(0);
  const values = book.volumes.values;
  scanLevels(payee, genealogy, active, compiled.plan.compression, depth, (buyer, level) => {
    const k = level - 1;
    for (let o = grouped.start[buyer]; o < grouped.start[buyer + 1]; o++) {
      const order = grouped.orders[o];
      const volume = values[order];
      lines[k]++;
      // a value past FLUSH goes to bigint at once: the double sum only ever adds two numbers ≤ 2^52 (exact)
      if (volume === WIDE || volume > FLUSH) volumes[k] += book.volumes.get(order);
      else if ((small[k] += volume) > FLUSH) {
        volumes[k] += BigInt(small[k]);
        small[k] = 0;
      }
    }
  });
  const out: { level: number; units: bigint; lines: number }[] = [];
  for (let k = 0; k < depth; k++) {
    if (lines[k] === 0) continue;
    out.push({ level: k + 1, units: (volumes[k] + BigInt(small[k])) * BigInt(compiled.rateTable[8 * row + k]), lines: lines[k] });
  }
  return out;
}
