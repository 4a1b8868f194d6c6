import type { Genealogy } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import { type CompiledPlan, type CompiledRank, SHARE_ONE } from './compiled-plan';
import type { RankColumns } from './rank-evaluation';

/**
 * One requirement of a rank for one affiliate: what is needed, what the affiliate reached, and what is
 * missing (zero when met). Volumes are decimal strings at the plan's scale (the capped group volume may carry
 * more decimals: a leg counts at most `groupVolume × maxLegShare`), counts are numbers.
 *
 * @example
 * ```ts
 * const line: RequirementLine = { requirement: 'groupVolume', needed: '4350.00', reached: '3900.00', missing: '450.00', met: false };
 * ```
 */
export interface RequirementLine {
  readonly requirement: 'active' | 'personalVolume' | 'groupVolume' | 'activeLegs' | 'personallySponsoredActives';
  readonly needed: string | number;
  readonly reached: string | number;
  readonly missing: string | number;
  readonly met: boolean;
}

/**
 * The rank report card of one affiliate: paid-as and achieved rank, their volumes, and for every rank of the
 * ladder each requirement with the figure reached and what is missing; `next` is the first rank above the
 * paid-as rank, the one to work towards.
 *
 * @example
 * ```ts
 * const card = result.rankReport('A');
 * card.paidAs;        // 'Silver'
 * card.next?.missing; // the requirements of Gold not met yet
 * ```
 */
export interface RankReport {
  readonly id: string;
  readonly paidAs: string | null;
  readonly achieved: string | null;
  readonly personalVolume: string;
  readonly groupVolume: string;
  readonly ranks: readonly { readonly name: string; readonly held: boolean; readonly requirements: readonly RequirementLine[] }[];
  readonly next: { readonly name: string; readonly missing: readonly RequirementLine[] } | null;
}

/**
 * The report card of the affiliate at preorder index `i`, recomputed from the rank columns on request.
 *
 * @example
 * ```ts
 * rankReport(genealogy.indexOf('A'), 'A', genealogy, compiled, columns, personal, active, achievedCode);
 * ```
 */
export function rankReport(
  i: number,
  id: string,
  genealogy: Genealogy,
  compiled: CompiledPlan,
  columns: RankColumns,
  personal: Float64Array,
  active: Uint8Array,
  achieved: number,
): RankReport {
  const { scale } = compiled.plan;
  const money = (units: bigint) => formatUnits(units, scale);
  const { subtreeSizes, roles } = genealogy;
  const legs: number[] = [];
  for (let c = i + 1, end = i + subtreeSizes[i]; c < end; c += subtreeSizes[c]) if (roles[c] === 0) legs.push(c);
  const pv = BigInt(personal[i]);
  const ranks = compiled.ranks.map((rank, r) => {
    const requirements: RequirementLine[] = [count('active', 1, active[i])];
    if (rank.personalVolume !== null) requirements.push(volume('personalVolume', rank.personalVolume, pv, money));
    if (rank.groupVolume !== null) requirements.push(groupLine(rank, pv, legs, columns, scale));
    if (rank.activeLegs > 0) {
      const held = legs.filter((c) => (rank.legRank > 0 ? columns.subtreeRank[c] >= rank.legRank : columns.subtreeActive[c] === 1));
      requirements.push(count('activeLegs', rank.activeLegs, held.length));
    }
    if (rank.personallySponsoredActives > 0) {
      requirements.push(count('personallySponsoredActives', rank.personallySponsoredActives, legs.filter((c) => active[c] === 1).length));
    }
    return { name: rank.name, held: columns.paidAs[i] >= r + 1, requirements };
  });
  const paidAs = columns.paidAs[i];
  const above = ranks[paidAs];
  return {
    id,
    paidAs: paidAs === 0 ? null : compiled.ranks[paidAs - 1].name,
    achieved: achieved === 0 ? null : compiled.ranks[achieved - 1].name,
    personalVolume: money(pv),
    groupVolume: money(BigInt(columns.groupVolume[i])),
    ranks,
    next: above === undefined ? null : { name: above.name, missing: above.requirements.filter((line) => !line.met) },
  };
}

function count(requirement: RequirementLine['requirement'], needed: number, reached: number): RequirementLine {
  return { requirement, needed, reached, missing: Math.max(0, needed - reached), met: reached >= needed };
}

function volume(requirement: RequirementLine['requirement'], needed: bigint, reached: bigint, money: (u: bigint) => string): RequirementLine {
  return { requirement, needed: money(needed), reached: money(reached), missing: money(needed > reached ? needed - reached : 0n), met: reached >= needed };
}

/** GV counted for a rank: PV plus each leg's GV, each leg at most `groupVolume × maxLegShare` (exact). */
function groupLine(rank: CompiledRank, pv: bigint, legs: number[], columns: RankColumns, scale: number): RequirementLine {
  const needed = rank.groupVolume as bigint;
  // in units of 10^-(scale + 6): a capped leg counts groupVolume × share exactly
  const cap = rank.maxLegShare === null ? null : needed * rank.maxLegShare;
  let counted = pv * SHARE_ONE;
  for (const c of legs) {
    const leg = BigInt(columns.groupVolume[c]) * SHARE_ONE;
    counted += cap !== null && leg > cap ? cap : leg;
  }
  const target = needed * SHARE_ONE;
  const text = (units: bigint) => formatUnits(units, scale + 6, scale);
  return {
    requirement: 'groupVolume',
    needed: text(target),
    reached: text(counted),
    missing: text(target > counted ? target - counted : 0n),
    met: counted >= target,
  };
}
