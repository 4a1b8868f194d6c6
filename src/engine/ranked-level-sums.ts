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
 * The kernel of `levelSums` with rates by rank: one preorder pass over a path stack, each credit
 * `acc[payee] += volume × table[8 × rowOf[payee] + level − 1]`. A payee whose row is shallower than the level
 * reads a zero rate: rank-based depth. The caller guarantees exactness (every sum below 2^53).
 *
 * The path stack holds, per slot, the payee, the offset of its rate row and its running total: a credit reads
 * and writes the stack only (a few hundred bytes, always in cache), never `rowOf` or `acc` at the payee. A
 * payee's total is final once the payee leaves the path (preorder: nobody after that is below it), so it is
 * written to `acc` once, when another member takes its slot, or at the end. Each payee still adds its credits
 * in buyer order starting from 0, the very sums of the plain loop.
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
  return compression === 'dynamic' ? dynamicRankedSums(g, volume, rows, active) : uncompressedRankedSums(g, volume, rows, active);
}

/**
 * The rate rows with a row of zeros appended (the row of a payee who earns nothing: an inactive one without
 * compression), and padded so that any row offset plus any level stays inside the table.
 */
function withZeroRow(table: Float64Array): { rates: Float64Array; zeroRow: number } {
  const rowCount = Math.ceil(table.length / 8);
  const rates = new Float64Array(8 * (rowCount + 1));
  rates.set(table);
  return { rates, zeroRow: 8 * rowCount };
}

// Both kernels credit the levels of one buyer with an unrolled cascade (at most eight levels), as `levelSums`
// does: no loop counter, and `reach` never lets the cascade pass the deepest row or the top of the stack.

function dynamicRankedSums(g: Genealogy, volume: Float64Array, rows: RateRows, active: Uint8Array): Float64Array {
  const n = g.size;
  const depths = g.depths;
  const { rowOf, depth } = rows;
  const { rates } = withZeroRow(rows.table);
  const acc = new Float64Array(n);
  const slots = g.maxDepth + 1;
  const payee = new Int32Array(slots).fill(-1); // the active ancestors, root side first
  const row = new Int32Array(slots); // 8 × their rate row
  const sum = new Float64Array(slots); // what they earned so far
  const activeAbove = new Int32Array(slots); // active affiliates on the path down to depth d
  for (let i = 0; i < n; i++) {
    const d = depths[i];
    const c = d === 0 ? 0 : activeAbove[d - 1];
    const v = volume[i];
    if (v !== 0) {
      const reach = c < depth ? c : depth;
      if (reach > 0) {
        let s = c - 1;
        sum[s] += v * rates[row[s]];
        if (reach > 1) {
          s = c - 2;
          sum[s] += v * rates[row[s] + 1];
          if (reach > 2) {
            s = c - 3;
            sum[s] += v * rates[row[s] + 2];
            if (reach > 3) {
              s = c - 4;
              sum[s] += v * rates[row[s] + 3];
              if (reach > 4) {
                s = c - 5;
                sum[s] += v * rates[row[s] + 4];
                if (reach > 5) {
                  s = c - 6;
                  sum[s] += v * rates[row[s] + 5];
                  if (reach > 6) {
                    s = c - 7;
                    sum[s] += v * rates[row[s] + 6];
                    if (reach > 7) {
                      s = c - 8;
                      sum[s] += v * rates[row[s] + 7];
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    if (active[i] !== 0) {
      const left = payee[c];
      if (left >= 0) acc[left] = sum[c];
      payee[c] = i;
      row[c] = 8 * rowOf[i];
      sum[c] = 0;
      activeAbove[d] = c + 1;
    } else {
      activeAbove[d] = c;
    }
  }
  for (let s = 0; s < slots; s++) if (payee[s] >= 0) acc[payee[s]] = sum[s];
  return acc;
}

function uncompressedRankedSums(g: Genealogy, volume: Float64Array, rows: RateRows, active: Uint8Array): Float64Array {
  const n = g.size;
  const depths = g.depths;
  const { rowOf, depth } = rows;
  const { rates, zeroRow } = withZeroRow(rows.table);
  const acc = new Float64Array(n);
  const slots = g.maxDepth + 1;
  const payee = new Int32Array(slots).fill(-1); // the ancestors by depth (-1: an inactive one, who earns nothing)
  const row = new Int32Array(slots); // 8 × their rate row, the zero row for an inactive one (breakage)
  const sum = new Float64Array(slots);
  for (let i = 0; i < n; i++) {
    const d = depths[i];
    const v = volume[i];
    if (v !== 0) {
      const reach = d < depth ? d : depth;
      if (reach > 0) {
        let s = d - 1;
        sum[s] += v * rates[row[s]];
        if (reach > 1) {
          s = d - 2;
          sum[s] += v * rates[row[s] + 1];
          if (reach > 2) {
            s = d - 3;
            sum[s] += v * rates[row[s] + 2];
            if (reach > 3) {
              s = d - 4;
              sum[s] += v * rates[row[s] + 3];
              if (reach > 4) {
                s = d - 5;
                sum[s] += v * rates[row[s] + 4];
                if (reach > 5) {
                  s = d - 6;
                  sum[s] += v * rates[row[s] + 5];
                  if (reach > 6) {
                    s = d - 7;
                    sum[s] += v * rates[row[s] + 6];
                    if (reach > 7) {
                      s = d - 8;
                      sum[s] += v * rates[row[s] + 7];
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    const left = payee[d];
    if (left >= 0) acc[left] = sum[d];
    sum[d] = 0;
    if (active[i] !== 0) {
      payee[d] = i;
      row[d] = 8 * rowOf[i];
    } else {
      payee[d] = -1;
      row[d] = zeroRow;
    }
  }
  for (let s = 0; s < slots; s++) if (payee[s] >= 0) acc[payee[s]] = sum[s];
  return acc;
}
