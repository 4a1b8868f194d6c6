/**
 * The period when recruitment saturates, from the recruits and the membership of each period.
 *
 * @module
 */
import { groupThousands } from '../money/decimal-string';
import type { Saturation } from './simulation-types';

/**
 * Finds when recruitment saturated. Period `t` (1-based; `recruited[t − 1]` members recruited in it,
 * `members[t − 1]` joined by its end, founders included) saturates when
 *
 * - the market is exhausted: `members ≥ exhaustedShare × marketSize` (`reason: 'market-exhausted'`), or
 * - recruiting slowed: some period so far recruited anyone, and this one recruited fewer than `fraction` of the
 *   most any period so far recruited (`reason: 'recruiting-slowed'`).
 *
 * The first such period is the answer; when both hold in it, the market's exhaustion is the reason given.
 * `period` is `null` when no period saturates (the network was still growing, or never grew).
 *
 * @example
 * ```ts
 * findSaturation({ recruited: [12, 40, 90, 30, 6], members: [22, 62, 152, 182, 188], marketSize: 200, fraction: 0.1, exhaustedShare: 0.95 });
 * // { period: 5, reason: 'recruiting-slowed', peakPeriod: 3, peakRecruits: 90, … } (6 < 10% of 90)
 * ```
 */
export function findSaturation(input: {
  readonly recruited: readonly number[];
  readonly members: readonly number[];
  readonly marketSize: number;
  readonly fraction: number;
  readonly exhaustedShare: number;
}): Saturation {
  const { recruited, members, marketSize, fraction, exhaustedShare } = input;
  let peak = 0;
  let peakPeriod: number | null = null;
  let found: { period: number; reason: 'market-exhausted' | 'recruiting-slowed'; peakSoFar: number } | null = null;
  for (let t = 0; t < recruited.length; t++) {
    if (recruited[t] > peak) {
      peak = recruited[t];
      peakPeriod = t + 1;
    }
    if (found !== null) continue;
    if (members[t] >= exhaustedShare * marketSize) found = { period: t + 1, reason: 'market-exhausted', peakSoFar: peak };
    else if (peak > 0 && recruited[t] < fraction * peak) found = { period: t + 1, reason: 'recruiting-slowed', peakSoFar: peak };
  }
  const base = { peakPeriod, peakRecruits: peak, fraction, exhaustedShare };
  if (found === null) {
    return {
      period: null,
      reason: null,
      ...base,
      explanation:
        peak === 0
          ? 'no saturation: nobody was recruited'
          : `no saturation in ${recruited.length} periods: recruits never fell below ${pct(fraction)} of the peak (${count(peak)}) and ${count(members[members.length - 1])} of ${count(marketSize)} joined (exhausted at ${pct(exhaustedShare)})`,
    };
  }
  const t = found.period;
  const explanation =
    found.reason === 'market-exhausted'
      ? `period ${t}: the market is exhausted, ${count(members[t - 1])} of ${count(marketSize)} joined (${pct(members[t - 1] / marketSize)}, at least ${pct(exhaustedShare)})`
      : `period ${t}: recruiting slowed to ${count(recruited[t - 1])} recruits, below ${pct(fraction)} of the peak so far (${count(found.peakSoFar)}); ${count(members[t - 1])} of ${count(marketSize)} joined`;
  return { period: t, reason: found.reason, ...base, explanation };
}

function count(value: number): string {
  return groupThousands(String(value));
}

function pct(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
