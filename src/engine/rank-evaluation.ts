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
 * What a sponsor needs to know of a leg is folded in one byte per member, gathered at the sponsor by `|`
 * (see {@link LegFacts}). `subtreeRank` and `subtreeActive` are derived from the pass when first read: the
 * report's business, not the commission run's.
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
  const ladder = new Ladder(ranks);
  return ladder.facts.fits
    ? evaluateByFlags(genealogy, personal.values, active, ladder)
    : evaluateByCodes(genealogy, personal.values, active, ladder);
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
 * The leg facts as flags in a byte: bit 0, the subtree holds an active affiliate; bit 1, the member is active;
 * bit 2 + j, the subtree holds someone paid as `thresholds[j]` or higher, for each distinct `legRank` the ladder
 * asks for. Bits 0 and 2+ fold up by `|` (a subtree holds what any of its legs holds); bit 1 does not. Up to six
 * distinct leg ranks fit (`fits`); a ladder asking for more takes the rank-code fold instead.
 */
class LegFacts {
  readonly thresholds: Int32Array;
  /** Flags of the rank code: the threshold bits it reaches. */
  readonly ofRank: Uint8Array;
  /** Index in `thresholds` of each rank's `legRank` (unused when the rank counts active legs). */
  readonly legSlot: Int32Array;
  readonly fits: boolean;

  constructor(ranks: readonly CompiledRank[]) {
    const wanted = [...new Set(ranks.filter((rank) => rank.activeLegs > 0 && rank.legRank > 0).map((rank) => rank.legRank))];
    this.fits = wanted.length <= 6;
    this.thresholds = Int32Array.from(this.fits ? wanted : []);
    this.ofRank = new Uint8Array(ranks.length + 1);
    this.legSlot = new Int32Array(ranks.length);
    if (!this.fits) return;
    for (let code = 0; code <= ranks.length; code++) {
      for (let j = 0; j < wanted.length; j++) if (code >= wanted[j]) this.ofRank[code] |= 1 << (2 + j);
    }
    ranks.forEach((rank, r) => {
      if (rank.activeLegs > 0 && rank.legRank > 0) this.legSlot[r] = wanted.indexOf(rank.legRank);
    });
  }
}

const SUBTREE_ACTIVE = 1;
const SELF_ACTIVE = 2;
const FOLDED = 0xff & ~SELF_ACTIVE;

function evaluateByFlags(genealogy: Genealogy, pv: Float64Array, active: Uint8Array, ladder: Ladder): RankColumns {
  const n = genealogy.size;
  const { parents } = genealogy;
  const { count, personalVolume, groupVolume, walks } = ladder;
  const ofRank = ladder.facts.ofRank;
  const gv = new Float64Array(n); // the legs' GV gathers here before the member is reached
  const paidAs = new Uint8Array(n);
  const flags = new Uint8Array(n); // the legs' flags gather here the same way
  for (let i = n - 1; i >= 0; i--) {
    const group = gv[i] + pv[i];
    gv[i] = group;
    let own = flags[i];
    if (active[i] === 1) {
      const volume = pv[i];
      // highest rank first; the legs are read only once a rank's volumes pass, and then once per member
      let legsRead = false;
      let code = 0;
      for (let r = count - 1; r >= 0; r--) {
        if (volume < personalVolume[r] || group < groupVolume[r]) continue;
        if (walks[r] === 1) {
          if (!legsRead) {
            ladder.readFlags(i, genealogy, flags, gv);
            legsRead = true;
          }
          if (!ladder.meets(r, i, pv)) continue;
        }
        code = r + 1;
        break;
      }
      if (code > 0) paidAs[i] = code;
      own |= SUBTREE_ACTIVE | SELF_ACTIVE | ofRank[code];
      flags[i] = own;
    }
    const parent = parents[i];
    if (parent >= 0) {
      gv[parent] += group;
      flags[parent] |= own & FOLDED;
    }
  }
  return new DerivedRankColumns(paidAs, gv, parents, flags, 'flags');
}

/** The fold for ladders asking for many leg ranks: `2 × highest rank in the subtree + subtree active`, by max. */
function evaluateByCodes(genealogy: Genealogy, pv: Float64Array, active: Uint8Array, ladder: Ladder): RankColumns {
  const n = genealogy.size;
  const { parents } = genealogy;
  const { count, personalVolume, groupVolume, walks } = ladder;
  const gv = new Float64Array(n);
  const paidAs = new Uint8Array(n);
  const held = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const group = gv[i] + pv[i];
    gv[i] = group;
    let own = held[i];
    if (active[i] === 1) {
      own |= 1;
      const volume = pv[i];
      let legsRead = false;
      for (let r = count - 1; r >= 0; r--) {
        if (volume < personalVolume[r] || group < groupVolume[r]) continue;
        if (walks[r] === 1) {
          if (!legsRead) {
            ladder.readCodes(i, genealogy, held, gv, active);
            legsRead = true;
          }
          if (!ladder.meets(r, i, pv)) continue;
        }
        paidAs[i] = r + 1;
        if (2 * r + 3 > own) own = 2 * r + 3;
        break;
      }
      held[i] = own;
    }
    const parent = parents[i];
    if (parent >= 0) {
      gv[parent] += group;
      if (own > held[parent]) held[parent] = own;
    }
  }
  return new DerivedRankColumns(paidAs, gv, parents, held, 'codes');
}

/** The rank columns, with the subtree facts derived from the pass's fold on first read. */
class DerivedRankColumns implements RankColumns {
  readonly paidAs: Uint8Array;
  readonly groupVolume: Float64Array;
  readonly #parents: Int32Array;
  readonly #fold: Uint8Array;
  readonly #kind: 'flags' | 'codes';
  #subtreeRank: Uint8Array | undefined;
  #subtreeActive: Uint8Array | undefined;

  constructor(paidAs: Uint8Array, groupVolume: Float64Array, parents: Int32Array, fold: Uint8Array, kind: 'flags' | 'codes') {
    this.paidAs = paidAs;
    this.groupVolume = groupVolume;
    this.#parents = parents;
    this.#fold = fold;
    this.#kind = kind;
  }

  get subtreeRank(): Uint8Array {
    if (this.#subtreeRank === undefined) {
      const fold = this.#fold;
      const n = fold.length;
      if (this.#kind === 'codes') {
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) out[i] = fold[i] >> 1;
        this.#subtreeRank = out;
      } else {
        const out = Uint8Array.from(this.paidAs);
        const parents = this.#parents;
        for (let i = n - 1; i >= 0; i--) {
          const parent = parents[i];
          if (parent >= 0 && out[i] > out[parent]) out[parent] = out[i];
        }
        this.#subtreeRank = out;
      }
    }
    return this.#subtreeRank;
  }

  get subtreeActive(): Uint8Array {
    if (this.#subtreeActive === undefined) {
      const fold = this.#fold;
      const out = new Uint8Array(fold.length);
      for (let i = 0; i < fold.length; i++) out[i] = fold[i] & 1;
      this.#subtreeActive = out;
    }
    return this.#subtreeActive;
  }
}

/**
 * The ladder's requirements as typed arrays (rank index r = code r + 1), so that the hot loop reads numbers
 * only, and what the last member's legs hold.
 */
class Ladder {
  readonly count: number;
  readonly personalVolume: Float64Array;
  readonly groupVolume: Float64Array;
  /** 1 when deciding the rank takes a walk over the legs (leg counts, recruits, or the max-leg rule). */
  readonly walks: Uint8Array;
  readonly activeLegs: Int32Array;
  readonly legRank: Int32Array;
  readonly recruitsNeeded: Int32Array;
  /** The ranks with the max-leg rule, and for each rank the largest whole GV a leg counts in full. */
  readonly capped: Int32Array;
  readonly capsLegs: Uint8Array;
  readonly legCap: Float64Array;
  /** `groupVolume × share × 10^6` of each rank, as a double and exactly. */
  readonly capNumber: Float64Array;
  readonly capNumerator: readonly bigint[];
  readonly facts: LegFacts;
  /** What the legs last read hold, per leg flag bit (flags fold) or per rank code and up (codes fold). */
  readonly legsWith: Int32Array;
  activeLegCount = 0;
  recruits = 0;
  /** Per capped rank: Σ GV of the legs at or under the cap, and how many legs are above it. */
  readonly small: Float64Array;
  readonly over: Float64Array;

  constructor(ranks: readonly CompiledRank[]) {
    const count = ranks.length;
    this.count = count;
    this.personalVolume = Float64Array.from(ranks, (rank) => Number(rank.personalVolume ?? 0n));
    this.groupVolume = Float64Array.from(ranks, (rank) => Number(rank.groupVolume ?? 0n));
    this.walks = Uint8Array.from(ranks, (rank) =>
      rank.activeLegs > 0 || rank.personallySponsoredActives > 0 || rank.maxLegShare !== null ? 1 : 0,
    );
    this.activeLegs = Int32Array.from(ranks, (rank) => rank.activeLegs);
    this.legRank = Int32Array.from(ranks, (rank) => rank.legRank);
    this.recruitsNeeded = Int32Array.from(ranks, (rank) => rank.personallySponsoredActives);
    this.capped = Int32Array.from(ranks.flatMap((rank, r) => (rank.maxLegShare === null ? [] : [r])));
    this.capsLegs = Uint8Array.from(ranks, (rank) => (rank.maxLegShare === null ? 0 : 1));
    this.capNumerator = ranks.map((rank) => (rank.maxLegShare === null ? 0n : (rank.groupVolume ?? 0n) * rank.maxLegShare));
    this.legCap = Float64Array.from(ranks, (rank, r) =>
      rank.maxLegShare === null ? Number.POSITIVE_INFINITY : Number(this.capNumerator[r] / SHARE_ONE),
    );
    this.capNumber = Float64Array.from(this.capNumerator, Number);
    this.facts = new LegFacts(ranks);
    this.legsWith = new Int32Array(Math.max(8, count + 2));
    this.small = new Float64Array(count);
    this.over = new Float64Array(count);
  }

  /** Reads member i's legs from the flags fold: leg counts per flag, recruits, and the max-leg sums. */
  readFlags(i: number, genealogy: Genealogy, flags: Uint8Array, gv: Float64Array): void {
    const { subtreeSizes, roles } = genealogy;
    const customers = genealogy.customerCount > 0;
    const thresholds = this.facts.thresholds.length;
    const legsWith = this.legsWith;
    for (let j = 0; j < thresholds; j++) legsWith[j] = 0;
    this.#clearCaps();
    let activeLegs = 0;
    let recruits = 0;
    for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
      this.#addCapped(gv[c]);
      if (customers && roles[c] === 1) continue;
      const leg = flags[c];
      activeLegs += leg & SUBTREE_ACTIVE;
      recruits += (leg & SELF_ACTIVE) >> 1;
      for (let j = 0; j < thresholds; j++) legsWith[j] += (leg >> (2 + j)) & 1;
    }
    this.activeLegCount = activeLegs;
    this.recruits = recruits;
  }

  /** Reads member i's legs from the codes fold: legs reaching each rank code or higher, recruits, max-leg sums. */
  readCodes(i: number, genealogy: Genealogy, held: Uint8Array, gv: Float64Array, active: Uint8Array): void {
    const { subtreeSizes, roles } = genealogy;
    const atLeast = this.legsWith;
    atLeast.fill(0);
    this.#clearCaps();
    let activeLegs = 0;
    let recruits = 0;
    for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
      this.#addCapped(gv[c]);
      if (roles[c] === 1) continue;
      const code = held[c];
      atLeast[code >> 1]++;
      activeLegs += code & 1;
      recruits += active[c];
    }
    for (let r = this.count; r >= 0; r--) atLeast[r] += atLeast[r + 1];
    this.activeLegCount = activeLegs;
    this.recruits = recruits;
  }

  #clearCaps(): void {
    for (let k = 0; k < this.capped.length; k++) {
      this.small[this.capped[k]] = 0;
      this.over[this.capped[k]] = 0;
    }
  }

  #addCapped(leg: number): void {
    for (let k = 0; k < this.capped.length; k++) {
      const r = this.capped[k];
      if (leg <= this.legCap[r]) this.small[r] += leg;
      else this.over[r]++;
    }
  }

  /** Whether the legs last read (member i's) meet rank r's leg, recruit and max-leg requirements. */
  meets(r: number, i: number, pv: Float64Array): boolean {
    const needed = this.activeLegs[r];
    if (needed > 0) {
      const legRank = this.legRank[r];
      let legs = this.activeLegCount;
      if (legRank > 0) legs = this.legsWith[this.facts.fits ? this.facts.legSlot[r] : legRank];
      if (legs < needed) return false;
    }
    if (this.recruits < this.recruitsNeeded[r]) return false;
    return this.capsLegs[r] === 0 || this.#cappedVolumeMeets(r, i, pv);
  }

  /**
   * The max-leg rule: `PV + Σ over legs of min(GV(leg), groupVolume × share) ≥ groupVolume`, decided on
   * integers. Legs at or below the cap count in full (`small`); each of the `k` legs above it counts the cap,
   * so the test is `k × groupVolume × share ≥ groupVolume − PV − small`, both sides times 10^6.
   */
  #cappedVolumeMeets(r: number, i: number, pv: Float64Array): boolean {
    const missing = this.groupVolume[r] - pv[i] - this.small[r]; // exact: every term is at most Σ PV
    if (missing <= 0) return true;
    const capped = this.over[r];
    const have = capped * this.capNumber[r];
    const need = missing * 1e6;
    if (have <= MAX_SAFE && need <= MAX_SAFE) return have >= need;
    return BigInt(capped) * this.capNumerator[r] >= BigInt(missing) * SHARE_ONE;
  }
}
