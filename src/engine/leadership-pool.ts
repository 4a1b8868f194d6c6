import type { PackedIds } from '../genealogy/packed-ids';
import { allocate, byId } from '../money/allocate';
import { ExactColumn } from '../money/exact-column';
import type { CompiledPlan, CompiledPool } from './compiled-plan';
import type { BonusSums } from './fast-start';

/**
 * One pool's split: the pool amount (exact units), the shares each member holds and their sum, and each
 * member's part.
 *
 * @example
 * ```ts
 * const { amount, totalShares, members, parts } = poolSplit(compiled.pools[0], total, ranks.paidAs, genealogy.ids);
 * ```
 */
export interface PoolSplit {
  readonly pool: CompiledPool;
  readonly amount: bigint;
  readonly totalShares: bigint;
  /** Members holding shares, in genealogy order, with their shares and exact parts. */
  readonly members: Int32Array;
  readonly shares: readonly bigint[];
  readonly parts: readonly bigint[];
}

/**
 * Splits one pool: `share × commissionable volume` among the affiliates paid as the pool's ranks, by shares,
 * every exact unit allocated by largest remainder. A pool with
 * no shareholder pays nothing (all of it is breakage). Ties go to the lower member id, whatever the order of
 * the records.
 *
 * @example
 * ```ts
 * poolSplit(compiled.pools[0], volumes.commissionableTotal, ranks.paidAs, genealogy.ids).parts; // exact parts, Σ = amount
 * ```
 */
export function poolSplit(pool: CompiledPool, commissionableTotal: bigint, paidAs: Uint8Array, ids: PackedIds): PoolSplit {
  const amount = commissionableTotal * pool.share;
  const byRank = pool.sharesByRank;
  const members: number[] = [];
  const shares: bigint[] = [];
  for (let i = 0; i < paidAs.length; i++) {
    const held = byRank[paidAs[i]];
    if (held > 0) {
      members.push(i);
      shares.push(BigInt(held));
    }
  }
  const totalShares = shares.reduce((a, b) => a + b, 0n);
  const tie = byId(members.map((i) => ids.at(i)));
  return { pool, amount, totalShares, members: Int32Array.from(members), shares, parts: allocate(amount, shares, tie) };
}

/**
 * Stage 3g: leadership pools. Each pool is `share` of the period's commissionable volume; the affiliates paid
 * as the ranks the pool lists split it by their shares (DESIGN §9's "a share of company volume split among
 * qualifiers by shares"). The potential is every pool in full; a pool without shareholders is breakage.
 *
 * @example
 * ```ts
 * const pools = poolSums(compiled, volumes.commissionableTotal, ranks.paidAs, genealogy.ids);
 * ```
 */
export function poolSums(
  compiled: CompiledPlan,
  commissionableTotal: bigint,
  paidAs: Uint8Array,
  ids: PackedIds,
): BonusSums & { splits: readonly PoolSplit[] } {
  const exact = new ExactColumn(paidAs.length);
  let paid = 0n;
  let potential = 0n;
  const splits = compiled.pools.map((pool) => poolSplit(pool, commissionableTotal, paidAs, ids));
  for (const split of splits) {
    potential += split.amount;
    split.members.forEach((i, k) => {
      const sum = exact.get(i) + split.parts[k];
      exact.set(i, sum);
      paid += split.parts[k];
    });
  }
  return { exact, paid, potential, splits };
}
