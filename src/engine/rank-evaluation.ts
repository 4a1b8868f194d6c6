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
 * GV sums are exact in doubles because they never exceed Σ PV, which the caller checks is below 2^53
 * (`ranksFit`); the max-leg comparison is done on integers (`10^6 ×` both sides, bigint when large).
 *
 * The pass keeps what a sponsor needs to know of a leg in one byte per member, `2 × highest rank in the
 * subtree + (1 when the subtree holds an active affiliate)`: the highest of these codes over a member's
 * subtree is the code of the subtree (a ranked member is active), so one byte folds both. `subtreeRank` and
 * `subtreeActive` are unpacked from it when first read (the report's business, not the commission run's).
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
  const n = genealogy.size;
  const { parents, subtreeSizes, roles } = genealogy;
  const pv = personal.values; // narrow: see ranksFit
  const ladder = new Ladder(ranks);
  const { count, personalVolume, groupVolume, asksLegs, capsLegs } = ladder;
  const gv = new Float64Array(n); // the legs' GV gathers here before the member is reached
  const paidAs = new Uint8Array(n);
  const held = new Uint8Array(n); // the subtree code above, gathered the same way
  for (let i = n - 1; i >= 0; i--) {
    const group = gv[i] + pv[i];
    gv[i] = group;
    let code = held[i];
    if (active[i] === 1) {
      code |= 1;
      const own = pv[i];
      // highest rank first; the legs are read only once a rank's volumes pass, and then once per member
      let legsRead = false;
      for (let r = count - 1; r >= 0; r--) {
        if (own < personalVolume[r] || group < groupVolume[r]) continue;
        if (asksLegs[r] === 1) {
          if (!legsRead) {
            ladder.readLegs(i, subtreeSizes, roles, held, active);
            legsRead = true;
          }
          if (!ladder.legsHold(r)) continue;
        }
        if (capsLegs[r] === 1 && !ladder.cappedVolumeMeets(r, i, pv, gv, subtreeSizes)) continue;
        paidAs[i] = r + 1;
        if (2 * r + 3 > code) code = 2 * r + 3;
        break;
      }
      held[i] = code;
    }
    const parent = parents[i];
    if (parent >= 0) {
      gv[parent] += group;
      if (code > held[parent]) held[parent] = code;
    }
  }
  return new PackedRankColumns(paidAs, gv, held);
}

/** The rank columns with the subtree facts kept packed until first read. */
class PackedRankColumns implements RankColumns {
  readonly paidAs: Uint8Array;
  readonly groupVolume: Float64Array;
  readonly #held: Uint8Array;
  #subtreeRank: Uint8Array | undefined;
  #subtreeActive: Uint8Array | undefined;

  constructor(paidAs: Uint8Array, groupVolume: Float64Array, held: Uint8Array) {
    this.paidAs = paidAs;
    this.groupVolume = groupVolume;
    this.#held = held;
  }

  get subtreeRank(): Uint8Array {
    if (this.#subtreeRank === undefined) {
      const held = this.#held;
      const out = new Uint8Array(held.length);
      for (let i = 0; i < held.length; i++) out[i] = held[i] >> 1;
      this.#subtreeRank = out;
    }
    return this.#subtreeRank;
  }

  get subtreeActive(): Uint8Array {
    if (this.#subtreeActive === undefined) {
      const held = this.#held;
      const out = new Uint8Array(held.length);
      for (let i = 0; i < held.length; i++) out[i] = held[i] & 1;
      this.#subtreeActive = out;
    }
    return this.#subtreeActive;
  }
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
  let total = 0;
  for (let i = 0; i < personal.values.length; i++) total += personal.values[i];
  return total <= MAX_SAFE;
}

/**
 * The ladder's requirements as typed arrays (rank index r = code r + 1), so that the hot loop reads numbers
 * only, and the scratch of the leg reading.
 */
class Ladder {
  readonly count: number;
  readonly personalVolume: Float64Array;
  readonly groupVolume: Float64Array;
  /** 1 when the rank asks anything of the legs (legs, leg ranks, recruits). */
  readonly asksLegs: Uint8Array;
  /** 1 when the rank has the max-leg rule. */
  readonly capsLegs: Uint8Array;
  readonly activeLegs: Int32Array;
  readonly legRank: Int32Array;
  readonly recruitsNeeded: Int32Array;
  /** For the max-leg rule: the largest whole GV a leg may count in full, and `groupVolume × share × 10^6`. */
  readonly legCap: Float64Array;
  readonly capNumber: Float64Array;
  readonly capNumerator: readonly bigint[];
  /** What the last legs read hold: `atLeast[c]` legs reach rank code c or higher; active legs; active recruits. */
  readonly atLeast: Int32Array;
  activeLegCount = 0;
  recruits = 0;

  constructor(ranks: readonly CompiledRank[]) {
    const count = ranks.length;
    this.count = count;
    this.personalVolume = Float64Array.from(ranks, (rank) => Number(rank.personalVolume ?? 0n));
    this.groupVolume = Float64Array.from(ranks, (rank) => Number(rank.groupVolume ?? 0n));
    this.asksLegs = Uint8Array.from(ranks, (rank) => (rank.activeLegs > 0 || rank.personallySponsoredActives > 0 ? 1 : 0));
    this.capsLegs = Uint8Array.from(ranks, (rank) => (rank.maxLegShare === null ? 0 : 1));
    this.activeLegs = Int32Array.from(ranks, (rank) => rank.activeLegs);
    this.legRank = Int32Array.from(ranks, (rank) => rank.legRank);
    this.recruitsNeeded = Int32Array.from(ranks, (rank) => rank.personallySponsoredActives);
    this.capNumerator = ranks.map((rank) => (rank.maxLegShare === null ? 0n : (rank.groupVolume ?? 0n) * rank.maxLegShare));
    this.legCap = Float64Array.from(ranks, (rank, r) =>
      rank.maxLegShare === null ? Number.POSITIVE_INFINITY : Number(this.capNumerator[r] / SHARE_ONE),
    );
    this.capNumber = Float64Array.from(this.capNumerator, Number);
    this.atLeast = new Int32Array(count + 2);
  }

  /** Reads what member i's legs (customers aside) hold, from the packed subtree codes. */
  readLegs(i: number, subtreeSizes: Int32Array, roles: Uint8Array, held: Uint8Array, active: Uint8Array): void {
    const atLeast = this.atLeast;
    for (let r = 0; r < atLeast.length; r++) atLeast[r] = 0;
    let activeLegs = 0;
    let recruits = 0;
    for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
      if (roles[c] === 1) continue;
      const code = held[c];
      atLeast[code >> 1]++;
      activeLegs += code & 1;
      recruits += active[c];
    }
    for (let r = atLeast.length - 3; r >= 0; r--) atLeast[r] += atLeast[r + 1];
    this.activeLegCount = activeLegs;
    this.recruits = recruits;
  }

  /** Whether the legs last read meet rank r's leg and recruit requirements. */
  legsHold(r: number): boolean {
    const needed = this.activeLegs[r];
    if (needed > 0 && (this.legRank[r] > 0 ? this.atLeast[this.legRank[r]] : this.activeLegCount) < needed) return false;
    return this.recruits >= this.recruitsNeeded[r];
  }

  /**
   * The max-leg rule: `PV + Σ over legs of min(GV(leg), groupVolume × share) ≥ groupVolume`, decided on
   * integers. Legs at or below the cap count in full (`small`); each of the `k` legs above it counts the cap,
   * so the test is `k × groupVolume × share ≥ groupVolume − PV − small`, both sides times 10^6.
   */
  cappedVolumeMeets(r: number, i: number, pv: Float64Array, gv: Float64Array, subtreeSizes: Int32Array): boolean {
    const cap = this.legCap[r];
    let small = 0;
    let capped = 0;
    for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
      const leg = gv[c];
      if (leg <= cap) small += leg;
      else capped++;
    }
    const missing = this.groupVolume[r] - pv[i] - small; // exact: every term is at most Σ PV
    if (missing <= 0) return true;
    const have = capped * this.capNumber[r];
    const need = missing * 1e6;
    if (have <= MAX_SAFE && need <= MAX_SAFE) return have >= need;
    return BigInt(capped) * this.capNumerator[r] >= BigInt(missing) * SHARE_ONE;
  }
}
