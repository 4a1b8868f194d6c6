import type { Genealogy } from '../genealogy';
import type { ExactColumn } from '../money/exact-column';
import { type CompiledRank, SHARE_ONE } from './compiled-plan';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Ranks of one period, per member in preorder: the paid-as rank code (0 = no rank, r = the r-th rank of the
 * ladder), the group volume, and what the report needs about each subtree.
 *
 * @example
 * ```ts
 * const ranks = evaluateRanks(genealogy, volumes.personal, active, compiled.ranks);
 * ranks.paidAs[genealogy.indexOf('A')]; // 2: A is paid as the second rank
 * ```
 */
export interface RankColumns {
  readonly paidAs: Uint8Array;
  /** GV: PV of the member and of their whole downline, minor units (exact: see {@link evaluateRanks}). */
  readonly groupVolume: Float64Array;
  /** Highest paid-as rank code in each member's subtree, the member included. */
  readonly subtreeRank: Uint8Array;
  /** 1 when the member's subtree holds an active affiliate. */
  readonly subtreeActive: Uint8Array;
}

/**
 * Stage 2b: every affiliate's paid-as rank, bottom-up in one reverse preorder pass (a member's legs are
 * evaluated before the member: no recursion). An affiliate holds a rank when they are active and meet every
 * requirement the rank has (PV, GV with the max-leg rule, legs holding an active affiliate or a given rank,
 * personally sponsored actives); the paid-as rank is the highest held. Customers hold none.
 *
 * In reverse preorder the members whose legs are still being gathered are the ancestors of the current member,
 * one per depth. So what a member needs of its legs (their GV, how many hold an active affiliate or reach a
 * leg rank, how many are active recruits, the volume of the legs above a max-leg cap) gathers in a small table
 * with one row per depth: each member adds itself to row `d` as a leg of its sponsor, and takes (then clears)
 * row `d + 1`, where its own legs have just gathered. The pass reads the columns in order and writes only
 * `paidAs`: no jump to a sponsor, no walk over the legs, no call in the loop. `groupVolume`, `subtreeRank` and
 * `subtreeActive` are what a rank report or a GV query reads: they are folded when first read, not on every run.
 *
 * GV sums are exact in doubles because they never exceed Σ PV, which the caller checks is below 2^53
 * (`ranksFit`); the max-leg comparison is done on integers (`10^6 ×` both sides). When that comparison would
 * pass 2^53 (a rank needing more than 2^53 / 10^6 minor units of GV), the period is evaluated again the plain
 * way, with bigints.
 *
 * @example
 * ```ts
 * const { paidAs, groupVolume } = evaluateRanks(genealogy, personal, active, compiled.ranks);
 * ```
 */
export function evaluateRanks(
  genealogy: Genealogy,
  personal: ExactColumn,
  active: Uint8Array,
  ranks: readonly CompiledRank[],
): RankColumns {
  const pv = personal.values; // narrow: see ranksFit
  return foldRanks(genealogy, pv, active, ranks) ?? walkRanks(genealogy, pv, active, ranks);
}

/**
 * Whether the period's volumes fit the rank pass's doubles: Σ PV below 2^53 minor units.
 *
 * @example
 * ```ts
 * ranksFit(volumes.personal); // true for any realistic period
 * ```
 */
export function ranksFit(personal: ExactColumn): boolean {
  if (!personal.isNarrow) return false;
  const values = personal.values;
  // four running sums, so that the additions overlap: each is a partial sum of non-negative integers, exact
  // while the total is below 2^53, and past it some sum or their total passes 2^53 as well
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (const end = values.length - 3; i < end; i += 4) {
    a += values[i];
    b += values[i + 1];
    c += values[i + 2];
    d += values[i + 3];
  }
  for (; i < values.length; i++) a += values[i];
  return a + b + (c + d) <= MAX_SAFE;
}

/** The paid-as ranks by the depth table, or null when a max-leg comparison would not be exact in doubles. */
function foldRanks(g: Genealogy, pv: Float64Array, active: Uint8Array, ranks: readonly CompiledRank[]): RankColumns | null {
  // The depth table: one row of numbers per depth (layout constants are locals: the compiler folds them).
  // A member's flags: bit 0, its subtree holds an active affiliate; bit 1 + j, it holds someone paid as the j-th
  // distinct leg rank the ladder asks for, or higher (at most 31 of them: a leg rank names a lower rank). A
  // subtree holds what any of its legs holds: flags gather by `|`.
  const VOLUME = 0; // Σ GV of the legs
  const ACTIVE_LEGS = 1; // legs holding an active affiliate
  const RECRUITS = 2; // legs who are active themselves (customers are no legs)
  const LEG_RANKS = 3; // legs reaching each leg rank, then per rank with the max-leg rule: Σ GV of the legs above its cap, and how many
  // Beside the table, per depth d in `marks`: the | of the legs' flags at 2d, and at 2d + 1, 1 when the
  // leg-rank counts or the max-leg sums of the row are not all zero (rare: legs above a cap or reaching a leg rank).
  // The ladder as numbers, per rank r at RULE × r: PV needed, GV needed, 1 when the legs matter, legs needed,
  // where in a row the legs it counts are (ACTIVE_LEGS, or the count of its leg rank), recruits needed, where in
  // a row its max-leg sums are (-1 without the rule), `groupVolume × share × 10^6`, the largest whole GV a leg
  // counts in full.
  const RULE = 9;
  const MAX_SAFE_NEED = Number.MAX_SAFE_INTEGER;
  const n = g.size;
  const { depths, roles } = g;
  const customers = g.customerCount > 0;
  const count = ranks.length;
  const wanted = [...new Set(ranks.filter((rank) => rank.activeLegs > 0 && rank.legRank > 0).map((rank) => rank.legRank))];
  const cappedRanks = ranks.flatMap((rank, r) => (rank.maxLegShare === null ? [] : [r]));
  const legRanks = wanted.length;
  const capCount = cappedRanks.length;
  const overAt = LEG_RANKS + legRanks; // the max-leg sums in a row
  const width = overAt + 2 * capCount;
  // rules: the ladder, then the cap of each capped rank
  const caps = RULE * count;
  const rules = new Float64Array(caps + capCount);
  // (plain loops: a closure here would move the layout constants out of the compiler's sight)
  for (let r = 0; r < count; r++) {
    const rank = ranks[r];
    const group = rank.groupVolume ?? 0n;
    const capNumerator = rank.maxLegShare === null ? 0n : group * rank.maxLegShare;
    const at = RULE * r;
    rules[at] = Number(rank.personalVolume ?? 0n);
    rules[at + 1] = Number(group);
    rules[at + 2] = rank.activeLegs > 0 || rank.personallySponsoredActives > 0 || rank.maxLegShare !== null ? 1 : 0;
    rules[at + 3] = rank.activeLegs;
    rules[at + 4] = rank.activeLegs > 0 && rank.legRank > 0 ? LEG_RANKS + wanted.indexOf(rank.legRank) : ACTIVE_LEGS;
    rules[at + 5] = rank.personallySponsoredActives;
    rules[at + 6] = rank.maxLegShare === null ? -1 : overAt + 2 * cappedRanks.indexOf(r);
    rules[at + 7] = Number(capNumerator);
    rules[at + 8] = rank.maxLegShare === null ? Number.POSITIVE_INFINITY : Number(capNumerator / SHARE_ONE);
  }
  // marks: two per depth (see above), then the leg-rank flags of each paid-as code
  const ofRank = 2 * (g.maxDepth + 2);
  const marks = new Int32Array(ofRank + count + 1);
  for (let code = 0; code <= count; code++) {
    for (let j = 0; j < legRanks; j++) if (code >= wanted[j]) marks[ofRank + code] |= 1 << (1 + j);
  }
  let lowestCap = Number.POSITIVE_INFINITY;
  for (let k = 0; k < capCount; k++) {
    rules[caps + k] = rules[RULE * cappedRanks[k] + 8];
    lowestCap = Math.min(lowestCap, rules[caps + k]);
  }
  // a member whose PV or GV is under every rank above the lowest one can only hold the lowest one (if any)
  const lowest = count > 0 ? 0 : -1;
  let pvAbove = Number.POSITIVE_INFINITY;
  let gvAbove = Number.POSITIVE_INFINITY;
  for (let r = 1; r < count; r++) {
    pvAbove = Math.min(pvAbove, rules[RULE * r]);
    gvAbove = Math.min(gvAbove, rules[RULE * r + 1]);
  }
  const countsActiveLegs = ranks.some((rank) => rank.activeLegs > 0 && rank.legRank === 0);
  const countsRecruits = ranks.some((rank) => rank.personallySponsoredActives > 0);
  const table = new Float64Array((g.maxDepth + 2) * width);

  const paidAs = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const d = depths[i];
    const up = d * width; // the row where i is a leg of its sponsor
    const row = up + width; // the row of i's own legs: empty when i has none
    const group = pv[i] + table[row + VOLUME];
    const mark = 2 * d; // i's sponsor's marks; i's own at mark + 2
    let flags = marks[mark + 2];
    const isActive = active[i];
    if (isActive === 1) {
      // highest rank first: the volumes, then what the legs hold
      const volume = pv[i];
      let code = 0;
      for (let r = volume < pvAbove || group < gvAbove ? lowest : count - 1; r >= 0; r--) {
        const at = RULE * r;
        if (volume < rules[at] || group < rules[at + 1]) continue;
        if (rules[at + 2] === 1) {
          if (table[row + rules[at + 4]] < rules[at + 3]) continue;
          if (table[row + RECRUITS] < rules[at + 5]) continue;
          const over = rules[at + 6];
          if (over >= 0) {
            // max-leg rule: legs at or under the cap count in full (`small`); each of the `k` legs above it
            // counts the cap: k × groupVolume × share ≥ groupVolume − PV − small, both sides times 10^6
            const small = table[row + VOLUME] - table[row + over];
            const missing = rules[at + 1] - volume - small; // exact: every term is at most Σ PV
            if (missing > 0) {
              const need = missing * 1e6;
              if (need > MAX_SAFE_NEED) return null;
              // a product past 2^53 is above any need that is not
              if (table[row + over + 1] * rules[at + 7] < need) continue;
            }
          }
        }
        code = r + 1;
        break;
      }
      paidAs[i] = code;
      flags |= 1 | marks[ofRank + code];
    }
    // i has taken its row: clear it for the next member at depth d + 1
    table[row + VOLUME] = 0;
    table[row + ACTIVE_LEGS] = 0;
    table[row + RECRUITS] = 0;
    marks[mark + 2] = 0;
    if (marks[mark + 3] !== 0) {
      marks[mark + 3] = 0;
      for (let k = LEG_RANKS; k < width; k++) table[row + k] = 0;
    }
    // i is a leg of its sponsor: add it to row d
    table[up + VOLUME] += group;
    marks[mark] |= flags;
    if (group > lowestCap) {
      marks[mark + 1] = 1;
      for (let k = 0; k < capCount; k++) {
        if (group > rules[caps + k]) {
          table[up + overAt + 2 * k] += group;
          table[up + overAt + 2 * k + 1]++;
        }
      }
    }
    if (!customers || roles[i] !== 1) {
      if (countsActiveLegs) table[up + ACTIVE_LEGS] += flags & 1;
      if (countsRecruits) table[up + RECRUITS] += isActive;
      if (flags >>> 1 !== 0) {
        marks[mark + 1] = 1;
        for (let j = 0; j < legRanks; j++) table[up + LEG_RANKS + j] += (flags >>> (1 + j)) & 1;
      }
    }
  }
  return new FoldedRankColumns(g, pv, active, paidAs);
}

/**
 * The rank columns of {@link foldRanks}. Only `paidAs` is kept by the pass: GV and the subtree facts are what
 * a rank report or a GV query reads, a member at a time, so they are folded on first read (one more pass,
 * the same exact sums) rather than written for ten million members on every run.
 */
class FoldedRankColumns implements RankColumns {
  readonly paidAs: Uint8Array;
  readonly #genealogy: Genealogy;
  readonly #pv: Float64Array;
  readonly #active: Uint8Array;
  #groupVolume: Float64Array | undefined;
  #subtreeRank: Uint8Array | undefined;
  #subtreeActive: Uint8Array | undefined;

  constructor(genealogy: Genealogy, pv: Float64Array, active: Uint8Array, paidAs: Uint8Array) {
    this.#genealogy = genealogy;
    this.#pv = pv;
    this.#active = active;
    this.paidAs = paidAs;
  }

  get groupVolume(): Float64Array {
    this.#groupVolume ??= foldSum(this.#pv, this.#genealogy);
    return this.#groupVolume;
  }

  get subtreeRank(): Uint8Array {
    this.#subtreeRank ??= foldMax(this.paidAs, this.#genealogy.parents);
    return this.#subtreeRank;
  }

  get subtreeActive(): Uint8Array {
    this.#subtreeActive ??= foldMax(this.#active, this.#genealogy.parents);
    return this.#subtreeActive;
  }
}

/** Σ of each member's subtree (GV from PV), on the depth table of {@link foldRanks}: exact below 2^53. */
function foldSum(values: Float64Array, genealogy: Genealogy): Float64Array {
  const { depths } = genealogy;
  const out = new Float64Array(values.length);
  const legs = new Float64Array(genealogy.maxDepth + 2);
  for (let i = out.length - 1; i >= 0; i--) {
    const d = depths[i];
    const sum = values[i] + legs[d + 1];
    legs[d + 1] = 0;
    legs[d] += sum;
    out[i] = sum;
  }
  return out;
}

/** The highest value of each member's subtree, the member included (a post-order fold in reverse preorder). */
function foldMax(values: Uint8Array, parents: Int32Array): Uint8Array {
  const out = Uint8Array.from(values);
  for (let i = out.length - 1; i >= 0; i--) {
    const parent = parents[i];
    if (parent >= 0 && out[i] > out[parent]) out[parent] = out[i];
  }
  return out;
}

/**
 * The plain evaluation, for ladders whose max-leg comparison outgrows doubles: GV folded into each sponsor,
 * the legs walked for each member whose volumes pass a rank asking about them, the max-leg rule in bigint.
 */
function walkRanks(g: Genealogy, pv: Float64Array, active: Uint8Array, ranks: readonly CompiledRank[]): RankColumns {
  const n = g.size;
  const { parents, subtreeSizes, roles } = g;
  const gv = Float64Array.from(pv);
  const paidAs = new Uint8Array(n);
  const subtreeRank = new Uint8Array(n);
  const subtreeActive = new Uint8Array(n);
  const atLeast = new Int32Array(ranks.length + 2);
  for (let i = n - 1; i >= 0; i--) {
    if (active[i] === 1) {
      subtreeActive[i] = 1;
      let activeLegs = 0;
      let recruits = 0;
      atLeast.fill(0);
      for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
        if (roles[c] === 1) continue;
        atLeast[subtreeRank[c]]++;
        activeLegs += subtreeActive[c];
        recruits += active[c];
      }
      for (let r = atLeast.length - 3; r >= 0; r--) atLeast[r] += atLeast[r + 1];
      for (let r = ranks.length - 1; r >= 0; r--) {
        const rank = ranks[r];
        if (pv[i] < Number(rank.personalVolume ?? 0n) || gv[i] < Number(rank.groupVolume ?? 0n)) continue;
        if (rank.activeLegs > 0 && (rank.legRank > 0 ? atLeast[rank.legRank] : activeLegs) < rank.activeLegs) continue;
        if (recruits < rank.personallySponsoredActives) continue;
        if (rank.maxLegShare !== null && !cappedVolumeMeets(rank, i, pv, gv, subtreeSizes)) continue;
        paidAs[i] = r + 1;
        if (r + 1 > subtreeRank[i]) subtreeRank[i] = r + 1;
        break;
      }
    }
    const parent = parents[i];
    if (parent >= 0) {
      gv[parent] += gv[i];
      if (subtreeRank[i] > subtreeRank[parent]) subtreeRank[parent] = subtreeRank[i];
      subtreeActive[parent] |= subtreeActive[i];
    }
  }
  return { paidAs, groupVolume: gv, subtreeRank, subtreeActive };
}

/** The max-leg rule of {@link foldRanks}, every product in bigint. */
function cappedVolumeMeets(rank: CompiledRank, i: number, pv: Float64Array, gv: Float64Array, subtreeSizes: Int32Array): boolean {
  const group = rank.groupVolume ?? 0n;
  const capNumerator = group * (rank.maxLegShare ?? 0n);
  const legCap = Number(capNumerator / SHARE_ONE);
  let small = 0;
  let capped = 0;
  for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
    if (gv[c] <= legCap) small += gv[c];
    else capped++;
  }
  const missing = Number(group) - pv[i] - small;
  if (missing <= 0) return true;
  return BigInt(capped) * capNumerator >= BigInt(missing) * SHARE_ONE;
}
