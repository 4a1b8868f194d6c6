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
 * The kernel of `levelSums` with rates by rank: the same single preorder pass and path stack, each credit
 * `acc[payee] += volume × table[8 × rowOf[payee] + level − 1]`. A payee whose row is shallower than the level
 * reads a zero rate: rank-based depth. A loop over levels rather than the unrolled cascade: the rate is loaded
 * per payee anyway. The caller guarantees exactness (every sum below 2^53).
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
  const { table, rowOf, depth } = rows;
  const acc = new Float64Array(n);
  const path = new Int32Array(g.maxDepth + 1); // ancestors (all of them, or the active ones with dynamic)
  const activeAbove = new Int32Array(g.maxDepth + 1);
  const dynamic = compression === 'dynamic';
  for (let i = 0; i < n; i++) {
    const d = depths[i];
    const top = dynamic ? (d === 0 ? 0 : activeAbove[d - 1]) : d; // how many payees stand above i on the path
    const v = volume[i];
    if (v !== 0) {
      const reach = top < depth ? top : depth;
      for (let k = 0; k < reach; k++) {
        const payee = path[top - 1 - k];
        acc[payee] += v * table[8 * rowOf[payee] + k] * active[payee];
      }
    }
    if (dynamic) {
      if (active[i] !== 0) {
        path[top] = i;
        activeAbove[d] = top + 1;
      } else {
        activeAbove[d] = top;
      }
    } else {
      path[d] = i;
    }
  }
  return acc;
}
