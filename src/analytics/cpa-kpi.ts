import { formatUnits } from '../money/decimal-string';
import { quote } from '../errors';
import { divideToDecimal, plural } from './exact-math';
import type { CpaKpi, NotAssessed } from './kpi-types';
import type { PeriodFacts } from './member-history';

/**
 * What the CPA of one period reads: its label and dates, position, money (minor units) and member facts.
 *
 * @example
 * ```ts
 * const input: PeriodCpaInput = {
 *   index: 1, label: '2026-11', start: '2026-11-01', end: '2026-11-30',
 *   commissions: 15000n, channelCosts: 5000n, channelCostsGiven: true, facts, scale: 2,
 * };
 * ```
 */
export interface PeriodCpaInput {
  readonly index: number;
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly commissions: bigint;
  readonly channelCosts: bigint;
  readonly channelCostsGiven: boolean;
  readonly facts: PeriodFacts;
  readonly scale: number;
}

/**
 * CPA of one period: `(commissions + channelCosts) / members acquired`, rounded half-even to the scale.
 *
 * - When any member record of the period carries a `joinedOn`, the acquired members are those whose `joinedOn`
 *   lies within `[start, end]` (records without one are not counted, and the explanation says how many).
 * - Otherwise, from the second period on, they are the first-time buyers: members whose first order in any
 *   period is in this one.
 * - The first period without join dates, or a period that acquired nobody, is not assessed.
 *
 * @example
 * ```ts
 * const kpi = periodCpa(input); // 4 members joined within the period, 150.00 + 50.00 spent
 * kpi.assessed && kpi.cpa;      // "50.00"
 * ```
 */
export function periodCpa(input: PeriodCpaInput): CpaKpi | NotAssessed {
  const { facts, label, start, end, scale } = input;
  const scope = `period ${quote(label)}`;
  const members = facts.members[0] + facts.members[1];
  if (facts.withJoinDate === 0 && input.index === 0) {
    return {
      assessed: false,
      needs: `join dates (joinedOn) on the members of ${scope}, or an earlier period to tell first-time buyers from returning ones`,
    };
  }
  const byJoinDate = facts.withJoinDate > 0;
  const [affiliates, customers] = byJoinDate ? facts.joined : facts.firstTimeBuyers;
  const acquired = affiliates + customers;
  const cost = formatUnits(input.commissions + input.channelCosts, scale);
  if (acquired === 0) {
    return {
      assessed: false,
      needs: byJoinDate
        ? `at least one member acquired in ${scope} (no member joined between ${start} and ${end}; ${cost} spent)`
        : `at least one member acquired in ${scope} (no member placed a first order in it, and no record carries joinedOn; ${cost} spent)`,
    };
  }
  const withoutJoinDate = byJoinDate ? members - facts.withJoinDate : 0;
  const how = byJoinDate
    ? `acquired = joinedOn between ${start} and ${end} (${plural(affiliates, 'affiliate')}, ${plural(customers, 'customer')})` +
      (withoutJoinDate > 0 ? `; ${plural(withoutJoinDate, 'member')} without joinedOn not counted` : '')
    : `acquired = first order in any period placed in this one (${plural(affiliates, 'affiliate')}, ${plural(customers, 'customer')}; the records carry no joinedOn)`;
  return cpaKpi({
    scope,
    commissions: input.commissions,
    channelCosts: input.channelCosts,
    affiliates,
    customers,
    method: byJoinDate ? 'joined-on' : 'first-order',
    withoutJoinDate,
    periods: [label],
    how: how + (input.channelCostsGiven ? '' : '; no channelCosts given: counted as 0'),
    scale,
  });
}

/**
 * CPA over several periods: Σ (commissions + channelCosts) / Σ acquired over the periods whose own CPA is
 * assessed (a period that cannot count its acquisitions would distort the ratio, so its cost is left out
 * too). Not assessed when no period is.
 *
 * @example
 * ```ts
 * const total = overallCpa([{ cpa: novemberCpa, commissions: 15000n, channelCosts: 5000n }], 2);
 * total.assessed && total.periods; // ['2026-11']
 * ```
 */
export function overallCpa(
  assessed: readonly { readonly cpa: CpaKpi; readonly commissions: bigint; readonly channelCosts: bigint }[],
  skipped: readonly string[],
  scale: number,
): CpaKpi | NotAssessed {
  if (assessed.length === 0) {
    return { assessed: false, needs: 'a period with a CPA: join dates (joinedOn) on the members, or at least two periods' };
  }
  let commissions = 0n;
  let channelCosts = 0n;
  let affiliates = 0;
  let customers = 0;
  let withoutJoinDate = 0;
  const methods = new Set<CpaKpi['method']>();
  for (const item of assessed) {
    commissions += item.commissions;
    channelCosts += item.channelCosts;
    affiliates += item.cpa.affiliates;
    customers += item.cpa.customers;
    withoutJoinDate += item.cpa.withoutJoinDate;
    methods.add(item.cpa.method);
  }
  const periods = assessed.map((item) => item.cpa.periods[0]);
  const method = methods.size === 1 ? [...methods][0] : 'mixed';
  const how =
    `acquired = ${plural(affiliates, 'affiliate')}, ${plural(customers, 'customer')} (${method === 'mixed' ? 'by joinedOn or first order, period by period' : method === 'joined-on' ? 'by joinedOn' : 'by first order'})` +
    (skipped.length > 0 ? `; left out, without a CPA: ${skipped.map((l) => `period ${quote(l)}`).join(', ')}` : '');
  return cpaKpi({
    scope: `${plural(periods.length, 'period')} with a CPA (${periods.map((l) => quote(l)).join(', ')})`,
    commissions,
    channelCosts,
    affiliates,
    customers,
    method,
    withoutJoinDate,
    periods,
    how,
    scale,
  });
}

function cpaKpi(parts: {
  scope: string;
  commissions: bigint;
  channelCosts: bigint;
  affiliates: number;
  customers: number;
  method: CpaKpi['method'];
  withoutJoinDate: number;
  periods: readonly string[];
  how: string;
  scale: number;
}): CpaKpi {
  const { scale } = parts;
  const show = (units: bigint) => formatUnits(units, scale);
  const cost = parts.commissions + parts.channelCosts;
  const acquired = parts.affiliates + parts.customers;
  const cpa = divideToDecimal(cost, BigInt(acquired), scale);
  return {
    assessed: true,
    cpa,
    cost: show(cost),
    acquired,
    affiliates: parts.affiliates,
    customers: parts.customers,
    method: parts.method,
    withoutJoinDate: parts.withoutJoinDate,
    periods: parts.periods,
    explanation:
      `${parts.scope}: CPA = (commissions ${show(parts.commissions)} + channel costs ${show(parts.channelCosts)})` +
      ` / ${plural(acquired, 'member')} acquired = ${show(cost)} / ${acquired} = ${cpa}; ${parts.how}`,
  };
}
