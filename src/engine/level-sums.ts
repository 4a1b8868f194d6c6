import type { Genealogy } from '../genealogy';

/**
 * The hot kernel: one forward pass in preorder that credits each affiliate's volume to the payees of its
 * levels, `acc[payee] += volume[buyer] × rate[level]`.
 *
 * The pass keeps the path from the root to the current affiliate in a stack indexed by depth (preorder
 * visits a parent before its children, so the stack always holds the current ancestors). With dynamic
 * compression the stack holds only the active ancestors, and `activeAbove[d]` counts the active affiliates on
 * the path down to depth d. Each buyer then reaches its L payees by index, with no upward pointer chasing.
 *
 * The caller guarantees exactness: every value and every sum fits below 2^53 (see `exactPayeeSums`).
 *
 * @param volume per affiliate, genealogy preorder, integers
 * @param rates integer numerator of each level's rate
 * @param active 1 for affiliates who may earn
 * @returns per payee Σ volume × rate over every buyer within the plan's levels
 * @example
 * ```ts
 * const acc = levelSums(genealogy, volumes.commissionable.values, compiled.rateNumerators, active, 'dynamic');
 * ```
 */
export function levelSums(
  genealogy: Genealogy,
  volume: Float64Array,
  rates: Float64Array,
  active: Uint8Array,
  compression: 'none' | 'dynamic',
): Float64Array {
  return compression === 'dynamic'
    ? dynamicLevelSums(genealogy, volume, rates, active)
    : uncompressedLevelSums(genealogy, volume, rates, active);
}

// Both kernels credit the levels of one buyer with an unrolled cascade rather than a loop: a plan has at most
// eight levels, and the unrolled form measured 1.5× faster here (rates in registers, no loop counter; a
// fall-through switch measured no better than the loop). `reach` never lets the cascade read a rate past the
// plan's last level.

function uncompressedLevelSums(g: Genealogy, volume: Float64Array, rates: Float64Array, active: Uint8Array) {
  const n = g.size;
  const depths = g.depths;
  const levels = rates.length;
  const [r1, r2, r3, r4, r5, r6, r7, r8] = padded(rates);
  const acc = new Float64Array(n);
  const path = new Int32Array(g.maxDepth + 1);
  for (let i = 0; i < n; i++) {
    const d = depths[i];
    path[d] = i;
    const v = volume[i];
    if (v === 0) continue;
    const reach = d < levels ? d : levels;
    // an inactive ancestor's level is breakage: multiplying by active[] (0 or 1) keeps the cascade branch-free
    if (reach > 0) {
      acc[path[d - 1]] += v * r1 * active[path[d - 1]];
      if (reach > 1) {
        acc[path[d - 2]] += v * r2 * active[path[d - 2]];
        if (reach > 2) {
          acc[path[d - 3]] += v * r3 * active[path[d - 3]];
          if (reach > 3) {
            acc[path[d - 4]] += v * r4 * active[path[d - 4]];
            if (reach > 4) {
              acc[path[d - 5]] += v * r5 * active[path[d - 5]];
              if (reach > 5) {
                acc[path[d - 6]] += v * r6 * active[path[d - 6]];
                if (reach > 6) {
                  acc[path[d - 7]] += v * r7 * active[path[d - 7]];
                  if (reach > 7) {
                    acc[path[d - 8]] += v * r8 * active[path[d - 8]];
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return acc;
}

function dynamicLevelSums(g: Genealogy, volume: Float64Array, rates: Float64Array, active: Uint8Array) {
  const n = g.size;
  const depths = g.depths;
  const levels = rates.length;
  const [r1, r2, r3, r4, r5, r6, r7, r8] = padded(rates);
  const acc = new Float64Array(n);
  const stack = new Int32Array(g.maxDepth + 1); // active ancestors, root side first
  const activeAbove = new Int32Array(g.maxDepth + 1); // active affiliates on the path down to depth d
  for (let i = 0; i < n; i++) {
    const d = depths[i];
    const c = d === 0 ? 0 : activeAbove[d - 1];
    const v = volume[i];
    if (v !== 0) {
      const reach = c < levels ? c : levels;
      if (reach > 0) {
        acc[stack[c - 1]] += v * r1;
        if (reach > 1) {
          acc[stack[c - 2]] += v * r2;
          if (reach > 2) {
            acc[stack[c - 3]] += v * r3;
            if (reach > 3) {
              acc[stack[c - 4]] += v * r4;
              if (reach > 4) {
                acc[stack[c - 5]] += v * r5;
                if (reach > 5) {
                  acc[stack[c - 6]] += v * r6;
                  if (reach > 6) {
                    acc[stack[c - 7]] += v * r7;
                    if (reach > 7) {
                      acc[stack[c - 8]] += v * r8;
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
      stack[c] = i;
      activeAbove[d] = c + 1;
    } else {
      activeAbove[d] = c;
    }
  }
  return acc;
}

/** The rates as eight doubles (zeros past the plan's levels), so that every rate local is a number. */
function padded(rates: Float64Array): Float64Array {
  const eight = new Float64Array(8);
  eight.set(rates.subarray(0, 8));
  return eight;
}
