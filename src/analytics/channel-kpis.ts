import { quote, type SafeResult, toSafe } from '../errors';
import { formatUnits } from '../money/decimal-string';
import type { ChannelKpisInput } from './channel-input';
import { overallCpa, periodCpa } from './cpa-kpi';
import { clvKpi } from './clv-kpi';
import type { ChannelKpis, CpaKpi, PeriodKpis, RetentionPair } from './kpi-types';
import { ladderKpi } from './ladder-kpi';
import { memberHistory, type RetentionCounts } from './member-history';
import { periodActivity } from './period-activity';
import { pairWhere, pooled, retentionFigure } from './retention-kpi';
import { roiKpi } from './roi-kpi';
import { validateChannel } from './validate-channel';

/**
 * Business KPIs of a direct-selling channel over one or more periods (DESIGN §1, seeds 000/001/004): ROI, CPA,
 * CLV, retention and the loyalty ladder prospect → customer → regular → representative.
 *
 * - **ROI**, per period and over all periods: `(margin − commissions − channelCosts) / (commissions +
 *   channelCosts)`, `margin = revenue × grossMargin` (the whole revenue without one), revenue = Σ order
 *   amounts (every kind); also `revenuePerCost = revenue / (commissions + channelCosts)`.
 * - **CPA**, per period and over the periods that have one: `(commissions + channelCosts) / members acquired`,
 *   acquired = `joinedOn` within the period, or without join dates (from the second period) first-time buyers.
 * - **Retention**, per consecutive pair and pooled, customers and affiliates apart: of the members who ordered
 *   in t, the share who ordered in t + 1 (with how many left by `leftOn`, and how many t + 1 does not list).
 * - **CLV**: average revenue per buying customer per period × (grossMargin or 1) × `1 / (1 − retention)`,
 *   the customers' pooled retention, the lifetime capped at `maxLifetime` periods.
 * - **Loyalty ladder**, per period and at the last: prospects (customer records with no order yet), customers
 *   (orders in fewer than `regularAfter` periods), regulars (in `regularAfter` or more), representatives
 *   (affiliates).
 *
 * A member *ordered* in a period when the period holds at least one order of theirs, of any kind (an enrollment
 * fee too); roles are those of the member records of the period (a customer who becomes an affiliate moves to
 * the representatives, and is counted in retention by their role in the earlier period).
 *
 * A KPI the data cannot carry is `{ assessed: false, needs }`, never a zero. Members are matched across periods
 * by id; orders are read from the order book's columns, never as objects. Input is validated first (see
 * {@link safeChannelKpis}): all problems of all periods are thrown together in one `DownlineError`, and bad
 * input never yields a partial result. Pure and deterministic.
 *
 * @example
 * ```ts
 * const kpis = channelKpis({
 *   grossMargin: '0.6',
 *   periods: [
 *     {
 *       label: '2026-10', start: '2026-10-01', end: '2026-10-31', commissions: '10.00', channelCosts: '20.00',
 *       members: [{ id: 'A', sponsorId: null, joinedOn: '2026-10-01' }, { id: 'c1', sponsorId: 'A', role: 'customer', joinedOn: '2026-10-02' }],
 *       orders: [{ id: 'o1', affiliateId: 'c1', amount: '100.00', kind: 'retail' }],
 *     },
 *   ],
 * });
 * kpis.roi.assessed && kpis.roi.roi;          // 1   ((60.00 − 10.00 − 20.00) / 30.00)
 * kpis.periods[0].cpa.assessed && kpis.periods[0].cpa.cpa; // "15.00" (30.00 / 2 members joined)
 * kpis.clv.assessed;                           // false: needs at least 2 periods
 * kpis.ladder.customers;                       // 1
 * ```
 */
export function channelKpis(input: ChannelKpisInput): ChannelKpis {
  const { options, periods } = validateChannel(input);
  const { scale, grossMargin, regularAfter, maxLifetime } = options;
  const show = (units: bigint) => formatUnits(units, scale);
  const activities = periods.map((period) => periodActivity(period.book, period.roles));
  const facts = memberHistory(periods, activities, regularAfter);

  const periodKpis: PeriodKpis[] = [];
  const cpas: { cpa: CpaKpi; commissions: bigint; channelCosts: bigint }[] = [];
  const withoutCpa: string[] = [];
  let revenue = 0n;
  let customerRevenue = 0n;
  let customerPeriods = 0;
  let commissions = 0n;
  let channelCosts = 0n;
  let periodsWithChannelCosts = 0;
  let orders = 0;
  for (let t = 0; t < periods.length; t++) {
    const period = periods[t];
    const activity = activities[t];
    const fact = facts[t];
    const periodRevenue = activity.revenue[0] + activity.revenue[1];
    const periodOrders = activity.orders[0] + activity.orders[1];
    const costs = period.channelCosts ?? 0n;
    revenue += periodRevenue;
    customerRevenue += activity.revenue[1];
    customerPeriods += activity.buyers[1];
    commissions += period.commissions;
    channelCosts += costs;
    if (period.channelCosts !== null) periodsWithChannelCosts++;
    orders += periodOrders;
    const cpa = periodCpa({
      index: t,
      label: period.label,
      start: period.start,
      end: period.end,
      commissions: period.commissions,
      channelCosts: costs,
      channelCostsGiven: period.channelCosts !== null,
      facts: fact,
      scale,
    });
    if (cpa.assessed) cpas.push({ cpa, commissions: period.commissions, channelCosts: costs });
    else withoutCpa.push(period.label);
    periodKpis.push({
      label: period.label,
      start: period.start,
      end: period.end,
      activity: {
        members: fact.members[0] + fact.members[1],
        affiliates: fact.members[0],
        customers: fact.members[1],
        orders: periodOrders,
        affiliateBuyers: activity.buyers[0],
        customerBuyers: activity.buyers[1],
        revenue: show(periodRevenue),
        customerRevenue: show(activity.revenue[1]),
      },
      roi: roiKpi({
        scope: `period ${quote(period.label)}`,
        revenue: periodRevenue,
        commissions: period.commissions,
        channelCosts: costs,
        orders: periodOrders,
        periods: 1,
        periodsWithChannelCosts: period.channelCosts === null ? 0 : 1,
        scale,
        grossMargin,
      }),
      cpa,
      ladder: ladderKpi(period.label, fact.ladder, regularAfter),
    });
  }

  const retention: RetentionPair[] = [];
  const customerCounts: RetentionCounts[] = [];
  const affiliateCounts: RetentionCounts[] = [];
  for (let t = 1; t < periods.length; t++) {
    const [affiliates, customers] = facts[t].retentionFromPrevious as readonly [RetentionCounts, RetentionCounts];
    const where = pairWhere(periods[t - 1].label, periods[t].label, periods[t].end);
    affiliateCounts.push(affiliates);
    customerCounts.push(customers);
    retention.push({
      from: where.from,
      to: where.to,
      customers: retentionFigure('customer', customers, where),
      affiliates: retentionFigure('affiliate', affiliates, where),
    });
  }
  const first = periods[0].label;
  const last = periods[periods.length - 1].label;
  const pooledWhere = {
    from: first,
    to: last,
    scope: `pooled over the ${periods.length - 1} consecutive pairs of periods from ${quote(first)} to ${quote(last)}`,
    earlier: 'a period before the last',
    leftBy: 'the end of the next period',
  };
  const customerRetention = pooled(customerCounts);

  return {
    scale,
    grossMargin: grossMargin === null ? null : grossMargin.text,
    regularAfter,
    maxLifetime,
    periods: periodKpis,
    roi: roiKpi({
      scope: periods.length === 1 ? `period ${quote(first)}` : `all ${periods.length} periods`,
      revenue,
      commissions,
      channelCosts,
      orders,
      periods: periods.length,
      periodsWithChannelCosts,
      scale,
      grossMargin,
    }),
    cpa: overallCpa(cpas, withoutCpa, scale),
    retention,
    pooledRetention: {
      customers: retentionFigure('customer', customerRetention, pooledWhere),
      affiliates: retentionFigure('affiliate', pooled(affiliateCounts), pooledWhere),
    },
    clv: clvKpi({
      periods: periods.length,
      customerRevenue,
      customerPeriods,
      retention: customerRetention,
      grossMargin,
      maxLifetime,
      scale,
    }),
    ladder: periodKpis[periodKpis.length - 1].ladder,
  };
}

/**
 * {@link channelKpis} without throwing: `{ success: true, data }` or `{ success: false, error }` with every
 * issue (code, path such as `['periods', 1, 'channelCosts']`, and a message naming the period and record).
 *
 * @example
 * ```ts
 * const result = safeChannelKpis({ periods: [{ ...october, channelCosts: 'lots' }] });
 * if (!result.success) console.log(result.error.issues[0].message);
 * // period "2026-10": channelCosts "lots" must be a decimal string (like "1250.00") or a safe integer of minor units
 * ```
 */
export function safeChannelKpis(input: ChannelKpisInput): SafeResult<ChannelKpis> {
  return toSafe(() => channelKpis(input));
}
