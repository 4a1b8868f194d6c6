/**
 * Who gains, who loses and how concentrated income is, over a population of participants given as what each was
 * paid and what each spent, in exact minor units (`bigint`). Money stays exact; only the shares and the
 * coefficients are doubles.
 *
 * @module
 */
import { gini, topShare } from '../compliance/statistics';
import { formatUnits } from '../money/decimal-string';
import type { ParticipantFigures } from './simulation-types';

const TOP_FRACTION = 0.01;

/**
 * The {@link ParticipantFigures} of a population: participant `k` was paid `paid[k]` and spent `spent[k]` (own
 * purchases and joining fee), both in minor units at `scale` decimals. Net income is `paid − spent`; the Gini of
 * net income counts a loss as no income, so that it lies in [0, 1) like any Gini of non-negative values; the
 * top-1% share is of the commissions paid, to the `ceil(1% · n)` best paid.
 *
 * @example
 * ```ts
 * const figures = participantFigures([0n, 0n, 50_000n], [14_900n, 4_900n, 10_000n], 2);
 * figures.losing;    // { count: 2, share: 0.6666666666666666 }
 * figures.profiting; // { count: 1, share: 0.3333333333333333 }
 * figures.medianNet; // "-49.00"
 * figures.top1Share; // 1
 * ```
 */
export function participantFigures(paid: readonly bigint[], spent: readonly bigint[], scale: number): ParticipantFigures {
  const n = paid.length;
  const net: bigint[] = new Array(n);
  let profiting = 0;
  let losing = 0;
  for (let k = 0; k < n; k++) {
    const value = paid[k] - spent[k];
    net[k] = value;
    if (value > 0n) profiting++;
    else if (value < 0n) losing++;
  }
  net.sort(compareBig);
  const income = new Float64Array(n);
  for (let k = 0; k < n; k++) income[k] = net[k] > 0n ? Number(net[k]) : 0; // ascending: losses first, as zeros
  const gross = Float64Array.from(paid, Number).sort();
  const share = (count: number) => ({ count, share: n === 0 ? 0 : count / n });
  return {
    count: n,
    profiting: share(profiting),
    losing: share(losing),
    medianNet: n === 0 ? null : formatUnits(net[Math.max(0, Math.ceil(n / 2) - 1)], scale),
    gini: gini(income),
    giniGross: gini(gross),
    top1Share: n === 0 ? 0 : topShare(gross, TOP_FRACTION).share,
  };
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
