import { CLUSTER_BAND } from './compliance-facts';
import { type IndicatorResult, percent as pct, ratio } from './indicator';
import { type IndicatorContext, measured, money, notAssessed, percent } from './indicator-context';

/**
 * Indicator 5: share of active affiliates whose PV sits within 10% above the qualification minimum and was
 * at least half bought by themselves: buying to qualify.
 *
 * @example
 * ```ts
 * qualificationClustering(context).figures; // { active: 200, clustered: 150, minimum: '100.00' }
 * ```
 */
export function qualificationClustering(context: IndicatorContext): IndicatorResult {
  const { facts } = context;
  const cluster = facts.cluster;
  if (cluster === null) {
    return measured(context, 'qualification-clustering', 0, percent, 'the plan has no personal volume minimum to buy up to', { active: facts.customerReach.active }, 'ok');
  }
  if (cluster.active === 0) return notAssessed(context, 'qualification-clustering', ['active affiliates'], 'nobody qualified');
  const share = cluster.clustered / cluster.active;
  const minimum = money(facts, cluster.minimum);
  return measured(
    context,
    'qualification-clustering',
    share,
    percent,
    `${percent(share)} of active affiliates (${cluster.clustered} of ${cluster.active}) qualified with a volume within ${pct(CLUSTER_BAND)} above the ${minimum} minimum, at least half of it bought by themselves`,
    { active: cluster.active, clustered: cluster.clustered, minimum },
  );
}

/**
 * Indicator 7: the 70% rule — measured from inventory records, or read from the declared policy.
 *
 * @example
 * ```ts
 * inventoryResaleRule(context).verdict; // 'not-assessed' without inventory records or a declared policy
 * ```
 */
export function inventoryResaleRule(context: IndicatorContext): IndicatorResult {
  const { facts, policies } = context;
  const inventory = facts.inventory;
  if (inventory !== null && inventory.affiliates > 0) {
    const share = inventory.belowRule / inventory.affiliates;
    return measured(
      context,
      'inventory-resale-rule',
      share,
      percent,
      `${percent(share)} of affiliates with inventory records resold or consumed less than 70% of what they bought (${inventory.belowRule} of ${inventory.affiliates}; ${money(facts, inventory.resoldOrConsumed)} of ${money(facts, inventory.purchased)} overall)`,
      { affiliates: inventory.affiliates, belowRule: inventory.belowRule, purchased: money(facts, inventory.purchased), resoldOrConsumed: money(facts, inventory.resoldOrConsumed) },
    );
  }
  if (policies.seventyPercentRule !== undefined) {
    const has = policies.seventyPercentRule;
    return measured(context, 'inventory-resale-rule', has ? 0 : 1, percent,
      has ? 'the company declares a 70% rule (declared, not measured)' : 'the company declares no 70% rule',
      { declared: has ? 'yes' : 'no' }, has ? 'ok' : 'warning');
  }
  return notAssessed(context, 'inventory-resale-rule', ['inventory records (inventory) or the declared policy (policies.seventyPercentRule)']);
}

/**
 * Indicator 8: buying customers per affiliate (Amway's ten-customer rule), and how many active affiliates
 * serve ten or more.
 *
 * @example
 * ```ts
 * retailCustomersPerAffiliate(context).value; // 5.1 for a Neora-like period
 * ```
 */
export function retailCustomersPerAffiliate(context: IndicatorContext): IndicatorResult {
  const { facts, policies } = context;
  const { affiliates, active, buyingCustomers, activeWithTen } = facts.customerReach;
  if (buyingCustomers === 0 && facts.buyers.anonymousRetailOrders > 0) {
    return notAssessed(context, 'retail-customers-per-affiliate', ['customer records (members with role "customer")'], 'retail orders carry no customer identity');
  }
  if (affiliates === 0) return notAssessed(context, 'retail-customers-per-affiliate', ['affiliates']);
  const perAffiliate = buyingCustomers / affiliates;
  const policy = policies.tenCustomerRule === undefined ? '' : `; the company ${policies.tenCustomerRule ? 'declares' : 'declares no'} ten-customer rule`;
  return measured(
    context,
    'retail-customers-per-affiliate',
    perAffiliate,
    (v) => (Math.round(v * 100) / 100).toFixed(2),
    `${(Math.round(perAffiliate * 100) / 100).toFixed(2)} buying customers per affiliate (${buyingCustomers} customers, ${affiliates} affiliates); ${activeWithTen} of ${active} active affiliates served ten or more${policy}`,
    { buyingCustomers, affiliates, active, activeWithTen },
  );
}

/**
 * Indicator 9: share of the price of returned inventory that the company refunded — measured from return
 * records, or read from the declared buy-back rate.
 *
 * @example
 * ```ts
 * inventoryBuyBack(context).value; // 0.9
 * ```
 */
export function inventoryBuyBack(context: IndicatorContext): IndicatorResult {
  const { facts, policies } = context;
  const returns = facts.returns;
  if (returns !== null && returns.returned > 0n) {
    const share = ratio(returns.refunded, returns.returned) as number;
    return measured(
      context,
      'inventory-buy-back',
      share,
      percent,
      `${percent(share)} of the price of returned inventory was refunded (${money(facts, returns.refunded)} of ${money(facts, returns.returned)}, ${returns.count} returns)`,
      { returns: returns.count, returned: money(facts, returns.returned), refunded: money(facts, returns.refunded) },
    );
  }
  if (policies.buyBackRate !== undefined) {
    const rate = Number(policies.buyBackRate);
    return measured(context, 'inventory-buy-back', rate, percent, `the company declares a buy-back of ${percent(rate)} (declared, not measured)`, { declared: policies.buyBackRate });
  }
  return notAssessed(context, 'inventory-buy-back', ['inventory return records (returns) or the declared buy-back rate (policies.buyBackRate)']);
}

/**
 * Indicator 15: share of rewards funded by the purchases of members who joined within the period: the
 * rewards that need continued recruiting to last.
 *
 * @example
 * ```ts
 * newRecruitFunding(context).value; // 0.62
 * ```
 */
export function newRecruitFunding(context: IndicatorContext): IndicatorResult {
  const { facts } = context;
  const { affiliates, recruiters } = facts.recruiting;
  if (facts.newMemberRewards === null) {
    return notAssessed(context, 'new-recruit-funding', ['join dates (members[].joinedOn)', 'period dates (start, end)']);
  }
  const share = ratio(facts.newMemberRewards, facts.income.total);
  if (share === null) return notAssessed(context, 'new-recruit-funding', ['commissions paid in the period'], 'nothing was paid');
  const d = facts.incomeDecimals;
  const recruiting = affiliates === 0 ? '' : `; ${percent(recruiters / affiliates)} of affiliates have recruited an affiliate (${recruiters} of ${affiliates})`;
  return measured(
    context,
    'new-recruit-funding',
    share,
    percent,
    `${percent(share)} of rewards were paid on purchases of members who joined within the period (${money(facts, facts.newMemberRewards, d)} of ${money(facts, facts.income.total, d)})${recruiting}`,
    { newMemberRewards: money(facts, facts.newMemberRewards, d), total: money(facts, facts.income.total, d), recruiters, affiliates },
  );
}

