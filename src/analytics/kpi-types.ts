/**
 * The shapes `channelKpis` returns. Every KPI is either assessed (its values, the counts behind them and a
 * one-line `explanation` with the actual numbers) or `{ assessed: false, needs }` saying what data it lacks:
 * never a silent zero. Money is a decimal string at the input's scale (exact, or rounded half-even where it is
 * an average); ratios are numbers.
 *
 * @module
 */

/**
 * A KPI the data does not carry, and what it would need.
 *
 * @example
 * ```ts
 * const cpa: NotAssessed = { assessed: false, needs: 'join dates (joinedOn) on the members of period "2026-10"…' };
 * ```
 */
export interface NotAssessed {
  readonly assessed: false;
  readonly needs: string;
}

/**
 * Return on the money the channel cost: `ROI = (margin − commissions − channelCosts) / (commissions +
 * channelCosts)`, with `margin = revenue × grossMargin` (or the revenue itself without a gross margin), and
 * `revenuePerCost = revenue / (commissions + channelCosts)`. `margin` and `net` are exact (they may carry the
 * gross margin's decimals).
 *
 * @example
 * ```ts
 * const roi: RoiKpi = {
 *   assessed: true, revenue: '1000.00', commissions: '150.00', channelCosts: '50.00', cost: '200.00',
 *   margin: '600.00', net: '400.00', marginBasis: 'gross-margin', revenuePerCost: 5, roi: 2,
 *   orders: 12, periods: 1, periodsWithChannelCosts: 1, explanation: 'ROI = (margin 600.00 − …) = 2',
 * };
 * ```
 */
export interface RoiKpi {
  readonly assessed: true;
  readonly revenue: string;
  readonly commissions: string;
  /** `'0.00'` for periods that gave none (see `periodsWithChannelCosts`). */
  readonly channelCosts: string;
  /** commissions + channel costs. */
  readonly cost: string;
  readonly margin: string;
  /** margin − cost. */
  readonly net: string;
  /** `'gross-margin'` when `grossMargin` was given, else `'revenue'` (the cost of goods is not deducted). */
  readonly marginBasis: 'gross-margin' | 'revenue';
  readonly revenuePerCost: number;
  readonly roi: number;
  readonly orders: number;
  readonly periods: number;
  readonly periodsWithChannelCosts: number;
  readonly explanation: string;
}

/**
 * Cost per acquisition: `(commissions + channelCosts) / members acquired`. A member is acquired in a period
 * when their `joinedOn` lies within it (`method: 'joined-on'`), or, for a period whose records carry no join
 * date and that has an earlier period, when their first order in any period is in it (`'first-order'`).
 *
 * @example
 * ```ts
 * const cpa: CpaKpi = {
 *   assessed: true, cpa: '50.00', cost: '200.00', acquired: 4, affiliates: 1, customers: 3,
 *   method: 'joined-on', withoutJoinDate: 0, periods: ['2026-10'], explanation: 'CPA = (…) / 4 = 50.00',
 * };
 * ```
 */
export interface CpaKpi {
  readonly assessed: true;
  /** Rounded half-even to the scale. */
  readonly cpa: string;
  readonly cost: string;
  readonly acquired: number;
  readonly affiliates: number;
  readonly customers: number;
  /** Over several periods, `'joined-on'` only when every period counted used join dates. */
  readonly method: 'joined-on' | 'first-order' | 'mixed';
  /** Members whose record has no `joinedOn` (not counted as acquired) in the periods using join dates. */
  readonly withoutJoinDate: number;
  /** Labels of the periods counted. */
  readonly periods: readonly string[];
  readonly explanation: string;
}

/**
 * Retention of one role from one period to the next: `rate = retained / bought`, where `bought` counts the
 * members of that role who ordered in the first period and `retained` those of them who ordered in the next.
 * `left` of them have a `leftOn` on or before the end of the next period; `unlisted` are not in its members.
 *
 * @example
 * ```ts
 * const r: RetentionFigure = {
 *   assessed: true, role: 'customer', from: '2026-10', to: '2026-11', rate: 0.6,
 *   bought: 5, retained: 3, left: 1, unlisted: 0, explanation: '…',
 * };
 * ```
 */
export interface RetentionFigure {
  readonly assessed: true;
  readonly role: 'customer' | 'affiliate';
  /** Label of the first period, or of the first pair's first period when pooled. */
  readonly from: string;
  readonly to: string;
  readonly rate: number;
  readonly bought: number;
  readonly retained: number;
  readonly left: number;
  readonly unlisted: number;
  readonly explanation: string;
}

/**
 * Retention from one period to the next, customers and affiliates apart (by their role in the first period).
 *
 * @example
 * ```ts
 * kpis.retention[0].customers.assessed && kpis.retention[0].customers.rate; // 0.6
 * ```
 */
export interface RetentionPair {
  readonly from: string;
  readonly to: string;
  readonly customers: RetentionFigure | NotAssessed;
  readonly affiliates: RetentionFigure | NotAssessed;
}

/**
 * Customer lifetime value from repeat orders:
 * `CLV = (customer revenue / customer-periods) × (grossMargin or 1) × lifetime`, with
 * `lifetime = 1 / (1 − retention)` periods from the customers' pooled period-to-period retention, capped at
 * `maxLifetime` (`capped` says when). A *customer-period* is one customer with an order in one period.
 *
 * @example
 * ```ts
 * const clv: ClvKpi = {
 *   assessed: true, clv: '150.00', averageRevenue: '100.00', customerRevenue: '1500.00', customerPeriods: 15,
 *   retention: 0.6, retained: 6, bought: 10, lifetime: 2.5, capped: false, marginBasis: 'gross-margin',
 *   explanation: 'CLV = …',
 * };
 * ```
 */
export interface ClvKpi {
  readonly assessed: true;
  /** Rounded half-even to the scale, computed from the exact fractions. */
  readonly clv: string;
  /** Average revenue per buying customer per period, rounded half-even. */
  readonly averageRevenue: string;
  readonly customerRevenue: string;
  readonly customerPeriods: number;
  readonly retention: number;
  readonly retained: number;
  readonly bought: number;
  readonly lifetime: number;
  readonly capped: boolean;
  readonly marginBasis: 'gross-margin' | 'revenue';
  readonly explanation: string;
}

/**
 * The loyalty ladder (prospect → customer → regular → representative) at the end of a period; the four counts
 * add up to `members`, everyone the period lists.
 *
 * - *prospect*: a customer record with no order in this or any earlier period;
 * - *customer*: a customer record with orders in at least 1 and fewer than `regularAfter` periods so far
 *   (exactly one period with the default `regularAfter` 2);
 * - *regular*: a customer record with orders in `regularAfter` or more periods so far;
 * - *representative*: an affiliate (sells and may sponsor), whatever their orders.
 *
 * @example
 * ```ts
 * const ladder: LadderKpi = {
 *   label: '2026-12', members: 12, prospects: 2, customers: 3, regulars: 4, representatives: 3, explanation: '…',
 * };
 * ```
 */
export interface LadderKpi {
  readonly label: string;
  readonly members: number;
  readonly prospects: number;
  readonly customers: number;
  readonly regulars: number;
  readonly representatives: number;
  readonly explanation: string;
}

/**
 * What one period holds, by role of the member (members listed, orders, buyers, revenue).
 *
 * @example
 * ```ts
 * kpis.periods[0].activity.revenue; // "1000.00"
 * ```
 */
export interface PeriodActivitySummary {
  readonly members: number;
  readonly affiliates: number;
  readonly customers: number;
  readonly orders: number;
  readonly affiliateBuyers: number;
  readonly customerBuyers: number;
  /** Σ order amounts, exact. */
  readonly revenue: string;
  /** Σ amounts of the orders placed by customers, exact. */
  readonly customerRevenue: string;
}

/**
 * The KPIs of one period.
 *
 * @example
 * ```ts
 * const october: PeriodKpis = kpis.periods[0];
 * october.cpa.assessed ? october.cpa.cpa : october.cpa.needs;
 * ```
 */
export interface PeriodKpis {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly activity: PeriodActivitySummary;
  readonly roi: RoiKpi | NotAssessed;
  readonly cpa: CpaKpi | NotAssessed;
  readonly ladder: LadderKpi;
}

/**
 * Everything `channelKpis` computes: per period, per consecutive pair of periods, and over all periods.
 *
 * @example
 * ```ts
 * const kpis: ChannelKpis = channelKpis({ periods, grossMargin: '0.6' });
 * kpis.roi.assessed && kpis.roi.roi;  // ROI over all periods
 * kpis.ladder.regulars;               // at the last period
 * ```
 */
export interface ChannelKpis {
  readonly scale: number;
  readonly grossMargin: string | null;
  readonly regularAfter: number;
  readonly maxLifetime: number;
  readonly periods: readonly PeriodKpis[];
  /** Over all periods. */
  readonly roi: RoiKpi | NotAssessed;
  /** Over the periods whose CPA is assessed. */
  readonly cpa: CpaKpi | NotAssessed;
  /** One entry per consecutive pair of periods. */
  readonly retention: readonly RetentionPair[];
  /** All consecutive pairs pooled: Σ retained / Σ bought. */
  readonly pooledRetention: { readonly customers: RetentionFigure | NotAssessed; readonly affiliates: RetentionFigure | NotAssessed };
  readonly clv: ClvKpi | NotAssessed;
  /** At the last period. */
  readonly ladder: LadderKpi;
}
