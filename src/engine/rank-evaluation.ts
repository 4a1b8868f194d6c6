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
  const gv = Float64Array.from(pv);
  const paidAs = new Uint8Array(n);
  const subtreeRank = new Uint8Array(n);
  const subtreeActive = new Uint8Array(n);
  const rules = ranks.map(prepare);
  const legs = { atLeast: new Int32Array(ranks.length + 2), active: 0, recruits: 0 };
  // the cheap tests of each rank as plain numbers, so the hot loop reads typed arrays only
  const count = rules.length;
  const pvNeeded = Float64Array.from(rules, (rule) => rule.personalVolume);
  const gvNeeded = Float64Array.from(rules, (rule) => rule.groupVolume);
  const asksLegs = Uint8Array.from(rules, (rule) => (rule.needsLegs ? 1 : 0));
  const capsLegs = Uint8Array.from(rules, (rule) => (rule.rank.maxLegShare === null ? 0 : 1));
  for (let i = n - 1; i >= 0; i--) {
    if (active[i] === 1) {
      subtreeActive[i] = 1;
      const own = pv[i];
      const group = gv[i];
      // highest rank first; the legs are read only once a rank's volumes pass, and then once per member
      let legsRead = false;
      for (let r = count - 1; r >= 0; r--) {
        if (own < pvNeeded[r] || group < gvNeeded[r]) continue;
        if (asksLegs[r] === 1) {
          if (!legsRead) {
            readLegs(i, subtreeSizes, roles, subtreeRank, subtreeActive, active, legs);
            legsRead = true;
          }
          if (!legsHold(rules[r].rank, legs)) continue;
        }
        if (capsLegs[r] === 1 && !cappedVolumeMeets(rules[r], i, pv, gv, subtreeSizes)) continue;
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

interface PreparedRank {
  readonly rank: CompiledRank;
  readonly personalVolume: number;
  readonly groupVolume: number;
  /** For the max-leg rule: the largest whole GV a leg may count in full, and `groupVolume × share × 10^6`. */
  readonly legCap: number;
  readonly capNumerator: bigint;
  /** Whether the rank asks anything of the legs (legs, leg ranks, recruits). */
  readonly needsLegs: boolean;
}

function prepare(rank: CompiledRank): PreparedRank {
  const group = rank.groupVolume ?? 0n;
  const capNumerator = rank.maxLegShare === null ? 0n : group * rank.maxLegShare;
  return {
    rank,
    personalVolume: Number(rank.personalVolume ?? 0n),
    groupVolume: Number(group),
    legCap: rank.maxLegShare === null ? Number.POSITIVE_INFINITY : Number(capNumerator / SHARE_ONE),
    capNumerator,
    needsLegs: rank.activeLegs > 0 || rank.personallySponsoredActives > 0,
  };
}

/** What member i's legs hold: how many reach each rank code or higher, hold an active affiliate, are active recruits. */
function readLegs(
  i: number,
  subtreeSizes: Int32Array,
  roles: Uint8Array,
  subtreeRank: Uint8Array,
  subtreeActive: Uint8Array,
  active: Uint8Array,
  legs: { atLeast: Int32Array; active: number; recruits: number },
): void {
  const atLeast = legs.atLeast;
  atLeast.fill(0);
  let activeLegs = 0;
  let recruits = 0;
  for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
    if (roles[c] === 1) continue;
    atLeast[subtreeRank[c]]++;
    activeLegs += subtreeActive[c];
    recruits += active[c];
  }
  for (let r = atLeast.length - 3; r >= 0; r--) atLeast[r] += atLeast[r + 1];
  legs.active = activeLegs;
  legs.recruits = recruits;
}

function legsHold(rank: CompiledRank, legs: { atLeast: Int32Array; active: number; recruits: number }): boolean {
  if (rank.activeLegs > 0 && (rank.legRank > 0 ? legs.atLeast[rank.legRank] : legs.active) < rank.activeLegs) return false;
  return legs.recruits >= rank.personallySponsoredActives;
}

/**
 * The max-leg rule: `PV + Σ over legs of min(GV(leg), groupVolume × share) ≥ groupVolume`, decided on integers.
 * Legs at or below the cap count in full (`small`); each of the `k` legs above it counts the cap, so the test is
 * `k × groupVolume × share ≥ groupVolume − PV − small`, both sides times 10^6.
 */
function cappedVolumeMeets(rule: PreparedRank, i: number, pv: Float64Array, gv: Float64Array, subtreeSizes: Int32Array): boolean {
  let small = 0;
  let capped = 0;
  for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) {
    if (gv[c] <= rule.legCap) small += gv[c];
    else capped++;
  }
  const missing = rule.groupVolume - pv[i] - small; // exact: every term is at most Σ PV
  if (missing <= 0) return true;
  const have = capped * Number(rule.capNumerator);
  const need = missing * 1e6;
  if (have <= MAX_SAFE && need <= MAX_SAFE) return have >= need;
  return BigInt(capped) * rule.capNumerator >= BigInt(missing) * SHARE_ONE;
}
