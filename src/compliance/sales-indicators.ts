import { type IndicatorContext, measured, money, notAssessed, percent } from './indicator-context';
import { type IndicatorResult, ratio } from './indicator';

/**
 * Indicator 1: share of rewards paid on retail sales to outside customers.
 *
 * @example
 * ```ts
 * retailRewardShare(context).explanation; // '81.2% of rewards came from retail sales (… of …); …'
 * ```
 */
export function retailRewardShare(context: IndicatorContext): IndicatorResult {
  const { facts } = context;
  const share = ratio(facts.income.retail, facts.income.total);
  if (share === null) return notAssessed(context, 'retail-reward-share', ['commissions paid in the period'], 'nothing was paid');
  return measured(
    context,
    'retail-reward-share',
    share,
    percent,
    `${percent(share)} of rewards came from retail sales (${money(facts, facts.income.retail, facts.incomeDecimals)} of ${money(facts, facts.income.total, facts.incomeDecimals)})`,
    { retail: money(facts, facts.income.retail, facts.incomeDecimals), total: money(facts, facts.income.total, facts.incomeDecimals) },
  );
}

/**
 * Indicator 2: share of sales made to end users outside the network (retail orders, customers' orders).
 *
 * @example
 * ```ts
 * endUserSalesShare(context).value; // 0.83
 * ```
 */
export function endUserSalesShare(context: IndicatorContext): IndicatorResult {
  const { facts } = context;
  const share = ratio(facts.sales.retail, facts.sales.total);
  if (share === null) return notAssessed(context, 'end-user-sales-share', ['orders'], 'the periods have no sales');
  return measured(
    context,
    'end-user-sales-share',
    share,
    percent,
    `${percent(share)} of sales went to outside customers (${money(facts, facts.sales.retail)} of ${money(facts, facts.sales.total)}; affiliates bought ${money(facts, facts.sales.personal)} for themselves and paid ${money(facts, facts.sales.enrollment)} in joining fees)`,
    {
      retail: money(facts, facts.sales.retail),
      personal: money(facts, facts.sales.personal),
      enrollment: money(facts, facts.sales.enrollment),
      total: money(facts, facts.sales.total),
    },
  );
}

/**
 * Indicator 3: of the affiliates who have downline sales, the share whose downline sales come more than 50%
 * from outside customers.
 *
 * @example
 * ```ts
 * downlineRetailMajority(context).figures; // { withDownlineSales: 120, majorityRetail: 90 }
 * ```
 */
export function downlineRetailMajority(context: IndicatorContext): IndicatorResult {
  const { facts, population } = context;
  let withSales = 0;
  let majority = 0;
  for (let k = 0; k < population.length; k++) {
    const s = population[k];
    if (facts.downlineSales[s] <= 0) continue;
    withSales++;
    if (facts.downlineRetail[s] * 2 > facts.downlineSales[s]) majority++;
  }
  if (withSales === 0) return notAssessed(context, 'downline-retail-majority', ['affiliates with downline sales'], 'no affiliate has sales below them');
  const share = majority / withSales;
  return measured(
    context,
    'downline-retail-majority',
    share,
    percent,
    `${percent(share)} of affiliates with downline sales have more than half of them from outside customers (${majority} of ${withSales})`,
    { withDownlineSales: withSales, majorityRetail: majority },
  );
}

/**
 * Indicator 4: share of rewards triggered by affiliates' own purchases and joining fees rather than resale.
 *
 * @example
 * ```ts
 * purchaseTriggeredRewards(context).value; // 0.4
 * ```
 */
export function purchaseTriggeredRewards(context: IndicatorContext): IndicatorResult {
  const { facts } = context;
  const { personal, enrollment, recruiting, total } = facts.income;
  const share = ratio(personal + enrollment + recruiting, total);
  if (share === null) return notAssessed(context, 'purchase-triggered-rewards', ['commissions paid in the period'], 'nothing was paid');
  const d = facts.incomeDecimals;
  const bonuses = recruiting === 0n ? '' : ` and recruiting bonuses (${money(facts, recruiting, d)})`;
  return measured(
    context,
    'purchase-triggered-rewards',
    share,
    percent,
    `${percent(share)} of rewards were triggered by affiliates’ own purchases (${money(facts, personal, d)}) and joining fees (${money(facts, enrollment, d)})${bonuses} out of ${money(facts, total, d)}`,
    { personal: money(facts, personal, d), enrollment: money(facts, enrollment, d), recruiting: money(facts, recruiting, d), total: money(facts, total, d) },
  );
}

/**
 * Indicator 6: share of sales and of rewards funded by joining fees and starter kits; the value is the larger
 * of the two.
 *
 * @example
 * ```ts
 * enrollmentFunding(context).explanation; // '92.6% of sales were joining fees (…); 90.1% of rewards came from them (…); …'
 * ```
 */
export function enrollmentFunding(context: IndicatorContext): IndicatorResult {
  const { facts } = context;
  const salesShare = ratio(facts.sales.enrollment, facts.sales.total);
  // fast start and other recruiting bonuses are paid out of joining fees too
  const funded = facts.income.enrollment + facts.income.recruiting;
  const rewardShare = ratio(funded, facts.income.total);
  if (salesShare === null && rewardShare === null) {
    return notAssessed(context, 'enrollment-funding', ['orders'], 'the periods have no sales and paid nothing');
  }
  const d = facts.incomeDecimals;
  const parts: string[] = [];
  if (salesShare !== null) parts.push(`${percent(salesShare)} of sales were joining fees (${money(facts, facts.sales.enrollment)} of ${money(facts, facts.sales.total)})`);
  const bonuses = facts.income.recruiting === 0n ? '' : `, recruiting bonuses ${money(facts, facts.income.recruiting, d)} included`;
  if (rewardShare !== null) parts.push(`${percent(rewardShare)} of rewards came from enrollment fees (${money(facts, funded, d)} of ${money(facts, facts.income.total, d)}${bonuses})`);
  return measured(context, 'enrollment-funding', Math.max(salesShare ?? 0, rewardShare ?? 0), percent, parts.join('; '), {
    salesShare: salesShare ?? 'none',
    rewardShare: rewardShare ?? 'none',
    enrollmentSales: money(facts, facts.sales.enrollment),
    enrollmentRewards: money(facts, funded, d),
  });
}

/**
 * Indicator 14: share of buyers who are affiliates (bought for themselves or paid to join) rather than
 * customers (customer members who bought; a retail order without a customer record counts as one customer).
 *
 * @example
 * ```ts
 * affiliateBuyerShare(context).value; // 0.968 for a BurnLounge-like period
 * ```
 */
export function affiliateBuyerShare(context: IndicatorContext): IndicatorResult {
  const { affiliates, customers, anonymousRetailOrders } = context.facts.buyers;
  const outside = customers + anonymousRetailOrders;
  const buyers = affiliates + outside;
  if (buyers === 0) return notAssessed(context, 'affiliate-buyer-share', ['orders'], 'nobody bought anything');
  const share = affiliates / buyers;
  const anonymous = anonymousRetailOrders > 0 ? `; ${anonymousRetailOrders} retail orders without a customer record counted as one customer each` : '';
  return measured(
    context,
    'affiliate-buyer-share',
    share,
    percent,
    `${percent(share)} of buyers were affiliates (${affiliates} of ${buyers}: ${customers} customers${anonymous})`,
    { affiliateBuyers: affiliates, customerBuyers: customers, anonymousRetailOrders, buyers },
  );
}

/**
 * Indicator 16: joining fees against the retail value of the goods in the packages they buy.
 *
 * @example
 * ```ts
 * feeToGoodsRatio(context).value; // 4.2: the fee is 4.2 times what its goods are worth
 * ```
 */
export function feeToGoodsRatio(context: IndicatorContext): IndicatorResult {
  const { facts } = context;
  if (facts.sales.enrollment === 0n) {
    return measured(context, 'fee-to-goods-ratio', 0, times, 'no joining fees were paid', { fees: money(facts, 0n) }, 'ok');
  }
  const packages = facts.packages;
  if (packages === null || packages.count === 0) {
    return notAssessed(context, 'fee-to-goods-ratio', ['the retail value of the goods in joining packages (packages)']);
  }
  if (packages.goods === 0n) {
    return measured(context, 'fee-to-goods-ratio', Number.POSITIVE_INFINITY, times, `${packages.count} packages sold for ${money(facts, packages.fees)} contain no goods`, {
      packages: packages.count,
      fees: money(facts, packages.fees),
      goods: money(facts, 0n),
    });
  }
  const value = ratio(packages.fees, packages.goods) as number;
  return measured(
    context,
    'fee-to-goods-ratio',
    value,
    times,
    `${packages.count} packages sold for ${money(facts, packages.fees)} contain goods worth ${money(facts, packages.goods)} at retail: ${times(value)} their value`,
    { packages: packages.count, fees: money(facts, packages.fees), goods: money(facts, packages.goods) },
  );
}

function times(value: number): string {
  return Number.isFinite(value) ? `${(Math.round(value * 100) / 100).toFixed(2)}×` : '∞×';
}
