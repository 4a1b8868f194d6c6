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

function uncompressedLevelSums(g: Genealogy, volume: Float64Array, rates: Float64Array, active: Uint8Array) {
  const n = g.size;
  const depths = g.depths;
  const levels = rates.length;
  const acc = new Float64Array(n);
  const path = new Int32Array(g.maxDepth + 1);
  for (let i = 0; i < n; i++) {
    const d = depths[i];
    path[d] = i;
    const v = volume[i];
    if (v === 0) continue;
    const reach = d < levels ? d : levels;
    for (let k = 0; k < reach; k++) {
      const payee = path[d - 1 - k];
      if (active[payee] !== 0) acc[payee] += v * rates[k];
    }
  }
  return acc;
}

function dynamicLevelSums(g: Genealogy, volume: Float64Array, rates: Float64Array, active: Uint8Array) {
  const n = g.size;
  const depths = g.depths;
  const levels = rates.length;
  const acc = new Float64Array(n);
  const stack = new Int32Array(g.maxDepth + 1); // active ancestors, root side first
  const activeAbove = new Int32Array(g.maxDepth + 1); // active affiliates on the path down to depth d
  for (let i = 0; i < n; i++) {
    const d = depths[i];
    const c = d === 0 ? 0 : activeAbove[d - 1];
    const v = volume[i];
    if (v !== 0) {
      const reach = c < levels ? c : levels;
      for (let k = 0; k < reach; k++) acc[stack[c - 1 - k]] += v * rates[k];
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
