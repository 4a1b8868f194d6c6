import type { Genealogy } from '../genealogy';
import type { ExactColumn } from '../money/exact-column';
import type { CompiledPlan } from './compiled-plan';
import type { BonusSums } from './fast-start';
import { levelSums } from './level-sums';
import { exactKernelSums } from './payee-sums';

/**
 * Who the stairstep pays above each member: `rate[i]` the member's differential numerator (by paid-as rank; 0
 * without a rank), `leader[i]` 1 for an affiliate paid as the breakaway rank or higher, and `next[i]` the nearest
 * strict ancestor that either has a higher rate than `i` or is a leader (-1: none) — where `i`'s volume goes next.
 *
 * @example
 * ```ts
 * const links = stairstepLinks(genealogy, compiled, ranks.paidAs);
 * links.next[genealogy.indexOf('C')]; // the upline that earns the next step on C's volume
 * ```
 */
export interface StairstepLinks {
  readonly rate: Float64Array;
  readonly leader: Uint8Array;
  readonly next: Int32Array;
}

/**
 * One forward pass in preorder: each member's `next` is found from its parent by jumping along the parents'
 * own `next` links. Every member skipped has a rate no higher than the one before it and is no leader, so it
 * can neither earn a step on this volume nor stop it; each jump reaches a strictly higher rate or a leader, so
 * a member takes at most (ranks + 1) jumps.
 *
 * @example
 * ```ts
 * const { rate, leader, next } = stairstepLinks(genealogy, compiled, ranks.paidAs);
 * ```
 */
export function stairstepLinks(genealogy: Genealogy, compiled: CompiledPlan, paidAs: Uint8Array): StairstepLinks {
  const n = genealogy.size;
  const rates = compiled.differentialRates ?? new Float64Array(1);
  const leaderRank = compiled.leaderRank;
  const { parents } = genealogy;
  const rate = new Float64Array(n);
  const leader = new Uint8Array(n);
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = paidAs[i];
    const own = rates[r];
    rate[i] = own;
    if (leaderRank > 0 && r >= leaderRank) leader[i] = 1;
    let p = parents[i];
    while (p >= 0 && leader[p] === 0 && rate[p] <= own) p = next[p];
    next[i] = p;
  }
  return { rate, leader, next };
}

/**
 * The differential kernel, linear in volume: each member's volume enters at the member itself (a member earns
 * their own rate on their own volume) and climbs along `next`; each member it reaches earns `volume × (own rate
 * − the rate of the member it came from)`. A leader keeps the volume that reaches it: its group breaks away.
 * Returns the payees' sums and, in `group`, each leader's breakaway group volume (zero elsewhere).
 *
 * @example
 * ```ts
 * const { pay, group } = differentialKernel(links, volume);
 * ```
 */
export function differentialKernel(links: StairstepLinks, volume: Float64Array): { pay: Float64Array; group: Float64Array } {
  const { rate, leader, next } = links;
  const n = volume.length;
  const flow = Float64Array.from(volume);
  const pay = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const f = flow[i];
    if (f === 0) continue;
    const step = rate[i] * f;
    pay[i] += step;
    if (leader[i] !== 0) continue;
    const q = next[i];
    if (q >= 0) {
      flow[q] += f;
      pay[q] -= step;
    }
  }
  for (let i = 0; i < n; i++) if (leader[i] === 0) flow[i] = 0;
  return { pay, group: flow };
}

/**
 * Stage 3d: the differential (stairstep) and, with breakaway, the generation override. Each rank has a
 * percentage; an affiliate earns the difference between their percentage and the highest one already paid
 * below them on the same volume, their own volume included. A leader's group (the volume that reaches them)
 * breaks away: the differential above stops there, and the leaders above earn the generation rates on it, the
 * nearest leader above first (only leaders count as generations). Both stages are linear in volume and run in
 * a fixed number of passes (links, the reverse fold, and the generation kernel on the leaders), exactly at any
 * size through {@link exactKernelSums}.
 *
 * @example
 * ```ts
 * const { differential, generation } = differentialSums(genealogy, volumes.commissionable, volumes.commissionableTotal, compiled, ranks.paidAs);
 * ```
 */
export function differentialSums(
  genealogy: Genealogy,
  volume: ExactColumn,
  total: bigint,
  compiled: CompiledPlan,
  paidAs: Uint8Array,
  links: StairstepLinks = stairstepLinks(genealogy, compiled, paidAs),
): { differential: BonusSums; generation: BonusSums | null } {
  const differential = exactKernelSums(volume, total, compiled.differentialMax, (v) => differentialKernel(links, v).pay);
  const withPotential = (sums: { exact: ExactColumn; paid: bigint }, rateSum: bigint): BonusSums => ({ ...sums, potential: total * rateSum });
  if (compiled.leaderRank === 0 || compiled.generationRates.length === 0) {
    return { differential: withPotential(differential, compiled.differentialMax), generation: null };
  }
  const rates = compiled.generationRates;
  const generation = exactKernelSums(volume, total, compiled.generationSum, (v) =>
    levelSums(genealogy, differentialKernel(links, v).group, rates, links.leader, 'dynamic'),
  );
  return {
    differential: withPotential(differential, compiled.differentialMax),
    generation: withPotential(generation, compiled.generationSum),
  };
}
