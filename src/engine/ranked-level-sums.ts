import type { Genealogy } from '../genealogy';

/**
 * Rates that depend on the payee's rank: row `r` of `table` (8 numerators, zeros past the row's depth) is the
 * rate row of rank code `r` (row 0 for affiliates without a rank); `rowOf[payee]` picks the row. `depth` is
 * the deepest row: how far up a buyer's volume is carried.
 *
 * @example
 * ```ts
 * const rows: RateRows = { table: compiled.rateTable, rowOf: ranks.paidAs, depth: compiled.walkDepth };
 * ```
 */
export interface RateRows {
  readonly table: Float64Array;
  readonly rowOf: Uint8Array;
  readonly depth: number;
}

/**
 * The kernel of `levelSums` with rates by rank: every payee's `Σ volume(buyer) × table[8 × rowOf[payee] +
 * level − 1]` over the buyers of its first `depth` levels (compressed with `dynamic`: inactive members are
 * skipped; with `none` an inactive payee's share is breakage). A payee whose row is shallower than the level
 * reads a zero rate: rank-based depth. The caller guarantees exactness (every sum below 2^53).
 *
 * Bottom-up, in one reverse preorder pass: a member's legs are all visited before the member, and the members
 * whose legs are still being gathered are its ancestors, one per depth. So each member's volume by level below
 * it, `S_1 … S_8`, gathers on a stack of eight doubles per depth: a member takes the row below its own depth
 * (its legs' volumes), earns `Σ rate × S_k` once with its own row, and adds its own volumes one row up, shifted
 * by a level when it counts as one. Each payee's rate row is read once, `acc` is written in order, and a buyer
 * costs one addition (a leaf) or eight (a member with legs), whatever the plan's depth.
 *
 * Exact under the same guarantee as the top-down walk: a level's volume `S_k` that meets a non-zero (integer)
 * rate is at most the payee's total, so it, its partial sums, `rate × S_k` and the payee's running sum are all
 * integers below 2^53, computed exactly: the very doubles of the walk, whatever the order of the additions.
 *
 * @example
 * ```ts
 * const acc = rankedLevelSums(genealogy, volume, rows, active, 'dynamic');
 * ```
 */
export function rankedLevelSums(
  g: Genealogy,
  volume: Float64Array,
  rows: RateRows,
  active: Uint8Array,
  compression: 'none' | 'dynamic',
): Float64Array {
  const n = g.size;
  const depths = g.depths;
  const rowOf = rows.rowOf;
  // one array for the stack and the rates: row d of the stack at 8 × d, then the rates from `ratesAt`, zero past
  // `depth` (no level below it is paid)
  const ratesAt = 8 * (g.maxDepth + 2);
  const work = new Float64Array(ratesAt + rows.table.length);
  for (let j = 0; j < rows.table.length; j++) work[ratesAt + j] = j % 8 < rows.depth ? rows.table[j] : 0;
  const dynamic = compression === 'dynamic';
  const acc = new Float64Array(n);
  let below = -1; // depth of member i + 1: deeper than i's when i has legs
  for (let i = n - 1; i >= 0; i--) {
    const d = depths[i];
    const up = 8 * d; // i's own volumes, gathered for its sponsor
    const v = volume[i];
    if (below <= d) {
      // no legs: i only adds its own volume, a first level for whoever is paid on it
      work[up] += v;
    } else {
      const legs = up + 8; // i's legs' volumes by level below i, taken and cleared
      const s1 = work[legs];
      const s2 = work[legs + 1];
      const s3 = work[legs + 2];
      const s4 = work[legs + 3];
      const s5 = work[legs + 4];
      const s6 = work[legs + 5];
      const s7 = work[legs + 6];
      const s8 = work[legs + 7];
      work[legs] = 0;
      work[legs + 1] = 0;
      work[legs + 2] = 0;
      work[legs + 3] = 0;
      work[legs + 4] = 0;
      work[legs + 5] = 0;
      work[legs + 6] = 0;
      work[legs + 7] = 0;
      const isActive = active[i] !== 0;
      if (isActive) {
        const r = ratesAt + 8 * rowOf[i];
        acc[i] =
          work[r] * s1 +
          work[r + 1] * s2 +
          work[r + 2] * s3 +
          work[r + 3] * s4 +
          work[r + 4] * s5 +
          work[r + 5] * s6 +
          work[r + 6] * s7 +
          work[r + 7] * s8;
      }
      if (isActive || !dynamic) {
        // i counts as a level: what was k levels below i is k + 1 below its sponsor
        work[up] += v;
        work[up + 1] += s1;
        work[up + 2] += s2;
        work[up + 3] += s3;
        work[up + 4] += s4;
        work[up + 5] += s5;
        work[up + 6] += s6;
        work[up + 7] += s7;
      } else {
        // compressed away: i's levels are its sponsor's, and i buys at its sponsor's first level
        work[up] += v + s1;
        work[up + 1] += s2;
        work[up + 2] += s3;
        work[up + 3] += s4;
        work[up + 4] += s5;
        work[up + 5] += s6;
        work[up + 6] += s7;
        work[up + 7] += s8;
      }
    }
    below = d;
  }
  return acc;
}
