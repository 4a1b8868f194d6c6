import { payeeSums } from '../engine/payee-sums';
import { NO_DAY } from '../dates/iso-day';
import { DownlineError, ErrorCode } from '../errors';
import { ExactColumn } from '../money/exact-column';
import { roundedPayout } from '../engine/round-payouts';
import { roundQuotientFloat } from '../money/rounding';
import type { Plan } from '../plan/plan';
import { INCOME_SOURCES, type IncomeSource } from './income-by-source';
import { MemberUnion } from './member-union';
import type { PeriodData } from './read-period';

/** Share of a qualification minimum that counts as "just above" it (PV in `[min, min × 1.1)`). */
export const CLUSTER_BAND = 0.1;

/**
 * Everything the indicators and the disclosure read, gathered in one pass per period and summed over the
 * periods. Money totals are exact integers: income in units of `10^-incomeDecimals`, sales and costs in minor
 * units of `scale`. Per-member figures are by union slot (see {@link MemberUnion}).
 *
 * @example
 * ```ts
 * const facts = complianceFacts(readPeriods([period]));
 * facts.income.enrollment * 100n / facts.income.total; // percent of rewards funded by joining fees
 * ```
 */
export interface ComplianceFacts {
  readonly periods: number;
  readonly plan: Plan;
  readonly scale: number;
  readonly incomeDecimals: number;
  readonly income: Readonly<Record<IncomeSource | 'total', bigint>>;
  /** Sales (order amounts) by kind; `customers` is the part of `retail` bought by customer members. */
  readonly sales: { readonly retail: bigint; readonly customers: bigint; readonly personal: bigint; readonly enrollment: bigint; readonly total: bigint };
  /** Distinct buyers: affiliates who bought for themselves or joined, customer members who bought, and retail orders without a customer record. */
  readonly buyers: { readonly affiliates: number; readonly customers: number; readonly anonymousRetailOrders: number };
  readonly union: MemberUnion;
  /** Per slot: Σ rounded payouts (minor units), Σ costs (minor units), join/leave days, role code. */
  readonly gross: Float64Array;
  readonly costs: Float64Array;
  readonly joined: Int32Array;
  readonly left: Int32Array;
  /** Per slot: paid-as rank code in the last period that had the member (0 = none), and the ladder's names. */
  readonly paidAs: Uint8Array;
  readonly rankNames: readonly string[];
  /** Per slot: 1 when the member was an affiliate in at least one period (a participant). */
  readonly everAffiliate: Uint8Array;
  /** Whether every period gave join days (some member records with `joinedOn`) / member records at all. */
  readonly joinDatesKnown: boolean;
  readonly memberRecordsGiven: boolean;
  readonly firstStart: number | null;
  readonly lastEnd: number | null;
  /** How many periods came with cost records (`costs`, possibly empty). */
  readonly periodsWithCostRecords: number;
  readonly costRecordsTotal: bigint;
  readonly joiningFeesTotal: bigint;
  /** Per slot: sales of the member's downline (everyone below), and the retail part of it. */
  readonly downlineSales: Float64Array;
  readonly downlineRetail: Float64Array;
  /** Active affiliates (summed over periods) and those whose PV sits just above the minimum, mostly bought by themselves. */
  readonly cluster: { readonly minimum: bigint; readonly active: number; readonly clustered: number } | null;
  /** Summed over periods: affiliates, active affiliates, customers who bought, active affiliates with ≥ 10 buying customers. */
  readonly customerReach: { readonly affiliates: number; readonly active: number; readonly buyingCustomers: number; readonly activeWithTen: number };
  /** Rewards funded by orders of members who joined within their period, exact income units; null without dates. */
  readonly newMemberRewards: bigint | null;
  /** In the last period: affiliates, and affiliates who personally sponsored at least one affiliate. */
  readonly recruiting: { readonly affiliates: number; readonly recruiters: number };
  readonly returns: { readonly count: number; readonly returned: bigint; readonly refunded: bigint } | null;
  readonly packages: { readonly count: number; readonly fees: bigint; readonly goods: bigint } | null;
  readonly inventory: { readonly affiliates: number; readonly belowRule: number; readonly purchased: bigint; readonly resoldOrConsumed: bigint } | null;
}

/**
 * Gathers the facts of one or more validated periods (in time order; the last one's plan and genealogy are
 * the reference). All periods must use the same currency scale.
 *
 * @example
 * ```ts
 * const facts = complianceFacts(readPeriods([september, october]));
 * ```
 */
export function complianceFacts(data: readonly PeriodData[]): ComplianceFacts {
  const last = data[data.length - 1];
  const scale = last.result.plan.scale;
  data.forEach((d, p) => {
    if (d.result.plan.scale !== scale) {
      throw DownlineError.of(ErrorCode.InvalidOptions, `periods[${p}]: currency scale ${d.result.plan.scale} differs from the last period's ${scale}`, ['periods', p]);
    }
  });
  const union = new MemberUnion(last.state.genealogy);
  const slotsOf = data.map((d) => union.add(d.state.genealogy));
  const size = union.size;
  const gross = new Float64Array(size);
  const costs = new Float64Array(size);
  const joined = new Int32Array(size).fill(NO_DAY);
  const left = new Int32Array(size).fill(NO_DAY);
  const downlineSales = new Float64Array(size);
  const downlineRetail = new Float64Array(size);
  const boughtAsAffiliate = new Uint8Array(size);
  const boughtAsCustomer = new Uint8Array(size);
  const everAffiliate = new Uint8Array(size);
  const paidAs = new Uint8Array(size);
  const incomeDecimals = Math.max(...data.map((d) => d.income.decimals));
  const income = { retail: 0n, personal: 0n, enrollment: 0n, recruiting: 0n, total: 0n };
  const sales = { retail: 0n, customers: 0n, personal: 0n, enrollment: 0n, total: 0n };
  let anonymousRetailOrders = 0;
  let costRecordsTotal = 0n;
  let joiningFeesTotal = 0n;
  const reach = { affiliates: 0, active: 0, buyingCustomers: 0, activeWithTen: 0 };
  let cluster: { minimum: bigint; active: number; clustered: number } | null = null;
  let newMemberRewards: bigint | null = 0n;
  let returns: ComplianceFacts['returns'] = null;
  let packages: ComplianceFacts['packages'] = null;
  let inventory: ComplianceFacts['inventory'] = null;

  data.forEach((d, p) => {
    const slots = slotsOf[p];
    const { genealogy, book, compiled, active, run, personal } = d.state;
    const { exact } = run;
    const n = genealogy.size;
    const { roles, parents } = genealogy;
    const lift = 10n ** BigInt(incomeDecimals - d.income.decimals);
    for (const source of INCOME_SOURCES) income[source] += d.income.units[source] * lift;
    income.total += d.income.units.total * lift;

    // orders: sales by kind, buyers, each member's own sales
    const own = new Float64Array(n);
    const ownRetail = new Float64Array(n);
    const kindSales = salesByKind(book.amounts, book.kinds, book.buyers, roles, own, ownRetail);
    sales.retail += kindSales.retail;
    sales.customers += kindSales.customers;
    sales.personal += kindSales.personal;
    sales.enrollment += kindSales.enrollment;
    sales.total += kindSales.retail + kindSales.personal + kindSales.enrollment;
    for (let i = 0; i < book.count; i++) {
      const buyer = book.buyers[i];
      if (book.kinds[i] !== 0) boughtAsAffiliate[slots[buyer]] = 1;
      else if (roles[buyer] === 1) boughtAsCustomer[slots[buyer]] = 1;
      else anonymousRetailOrders++;
    }
    // a reverse preorder loop folds each subtree's sales into its root (post-order, no recursion)
    const below = new Float64Array(n);
    const belowRetail = new Float64Array(n);
    for (let i = n - 1; i > 0; i--) {
      const parent = parents[i];
      if (parent < 0) continue;
      below[parent] += below[i] + own[i];
      belowRetail[parent] += belowRetail[i] + ownRetail[i];
    }

    // per member: payouts, costs, dates, downline sales; customers reached per affiliate
    const buyingCustomersOf = new Int32Array(n);
    const { rounding } = d.result.plan;
    const denominator = 10 ** compiled.rateDecimals;
    const inverse = 1 / denominator;
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      const value = exact.values[i];
      if (value > 0) gross[slot] += roundQuotientFloat(value, denominator, rounding, inverse);
      else if (value !== 0) gross[slot] += Number(roundedPayout(exact, i, compiled.rateDecimals, rounding));
      const cost = d.costs.values[i];
      costs[slot] += cost >= 0 ? cost : Number(d.costs.get(i));
      if (roles[i] === 0) everAffiliate[slot] = 1;
      if (d.state.ranks !== null) paidAs[slot] = d.state.ranks.paidAs[i];
      downlineSales[slot] += below[i];
      downlineRetail[slot] += belowRetail[i];
      if (d.joined !== null && d.joined[i] !== NO_DAY) joined[slot] = d.joined[i];
      if (d.left !== null && d.left[i] !== NO_DAY) left[slot] = d.left[i];
      if (roles[i] === 1 && own[i] > 0) {
        reach.buyingCustomers++;
        if (parents[i] >= 0) buyingCustomersOf[parents[i]]++;
      }
    }
    for (let i = 0; i < n; i++) {
      if (roles[i] === 1) continue;
      reach.affiliates++;
      if (active[i] === 1) {
        reach.active++;
        if (buyingCustomersOf[i] >= 10) reach.activeWithTen++;
      }
    }

    // purchases just above the qualification minimum
    const minimum = compiled.minPersonalVolume;
    if (minimum > 0n) {
      cluster ??= { minimum, active: 0, clustered: 0 };
      cluster.minimum = minimum;
      // PV in [min, min × 1.1): compared as integers, 10·PV < 11·min (exact while 11·min is a safe integer)
      const ceiling = Number(minimum) * 11;
      const exactBand = ceiling <= Number.MAX_SAFE_INTEGER;
      const bought = book.affiliateVolumes.byKind[1];
      for (let i = 0; i < n; i++) {
        if (active[i] !== 1) continue;
        cluster.active++;
        const pv = personal.values[i] >= 0 ? personal.values[i] : Number(personal.get(i));
        const self = bought.values[i] >= 0 ? bought.values[i] : Number(bought.get(i));
        const inBand = exactBand ? pv * 10 < ceiling : personal.get(i) * 10n < minimum * 11n;
        if (inBand && self * 2 >= pv) cluster.clustered++;
      }
    }

    // rewards funded by the orders of members who joined within the period
    if (newMemberRewards !== null && d.joined !== null && d.start !== null && d.end !== null) {
      newMemberRewards += newMemberPaid(d) * lift;
    } else {
      newMemberRewards = null;
    }

    costRecordsTotal += d.costRecordsTotal;
    joiningFeesTotal += d.joiningFeesTotal;
    if (d.returns !== null) {
      returns = { count: (returns?.count ?? 0) + d.returns.count, returned: (returns?.returned ?? 0n) + d.returns.returned, refunded: (returns?.refunded ?? 0n) + d.returns.refunded };
    }
    if (d.packages !== null) {
      packages = { count: (packages?.count ?? 0) + d.packages.count, fees: (packages?.fees ?? 0n) + d.packages.fees, goods: (packages?.goods ?? 0n) + d.packages.goods };
    }
    if (d.inventory !== null) {
      inventory = {
        affiliates: (inventory?.affiliates ?? 0) + d.inventory.affiliates,
        belowRule: (inventory?.belowRule ?? 0) + d.inventory.belowRule,
        purchased: (inventory?.purchased ?? 0n) + d.inventory.purchased,
        resoldOrConsumed: (inventory?.resoldOrConsumed ?? 0n) + d.inventory.resoldOrConsumed,
      };
    }
  });

  let affiliateBuyers = 0;
  let customerBuyers = 0;
  for (let s = 0; s < size; s++) {
    affiliateBuyers += boughtAsAffiliate[s];
    customerBuyers += boughtAsCustomer[s];
  }
  const starts = data.map((d) => d.start);
  const ends = data.map((d) => d.end);
  return {
    periods: data.length,
    plan: last.result.plan,
    scale,
    incomeDecimals,
    income,
    sales,
    buyers: { affiliates: affiliateBuyers, customers: customerBuyers, anonymousRetailOrders },
    union,
    gross,
    costs,
    joined,
    left,
    everAffiliate,
    paidAs,
    rankNames: last.result.plan.ranks.map((rank) => rank.name),
    joinDatesKnown: data.every((d) => d.joined !== null),
    memberRecordsGiven: data.every((d) => d.left !== null),
    firstStart: starts.every((s) => s !== null) ? Math.min(...(starts as number[])) : null,
    lastEnd: ends.every((e) => e !== null) ? Math.max(...(ends as number[])) : null,
    periodsWithCostRecords: data.filter((d) => d.costRecordsGiven).length,
    costRecordsTotal,
    joiningFeesTotal,
    downlineSales,
    downlineRetail,
    cluster,
    customerReach: reach,
    newMemberRewards,
    recruiting: recruiting(last),
    returns,
    packages,
    inventory,
  };
}

/**
 * Sales by kind (the customer part of retail apart) in minor units, and each member's own sales and own
 * retail sales in `own` / `ownRetail`. Sums in doubles while the grand total is a safe integer (every partial
 * sum is then exact), in bigint otherwise.
 */
function salesByKind(
  amounts: ExactColumn,
  kinds: Uint8Array,
  buyers: Int32Array,
  roles: Uint8Array,
  own: Float64Array,
  ownRetail: Float64Array,
): { retail: bigint; customers: bigint; personal: bigint; enrollment: bigint } {
  const values = amounts.values;
  const count = buyers.length;
  const sums = [0, 0, 0, 0]; // retail, personal, enrollment, customers
  const narrow = amounts.isNarrow;
  for (let i = 0; i < count && narrow; i++) {
    const amount = values[i];
    const buyer = buyers[i];
    const kind = kinds[i];
    sums[kind] += amount;
    if (kind === 0) {
      ownRetail[buyer] += amount;
      if (roles[buyer] === 1) sums[3] += amount;
    }
    own[buyer] += amount;
  }
  if (narrow && sums[0] + sums[1] + sums[2] <= Number.MAX_SAFE_INTEGER) {
    return { retail: BigInt(sums[0]), personal: BigInt(sums[1]), enrollment: BigInt(sums[2]), customers: BigInt(sums[3]) };
  }
  own.fill(0);
  ownRetail.fill(0);
  const big = [0n, 0n, 0n, 0n];
  for (let i = 0; i < count; i++) {
    const amount = amounts.get(i);
    const buyer = buyers[i];
    big[kinds[i]] += amount;
    if (kinds[i] === 0) {
      ownRetail[buyer] += Number(amount); // shares only, as below
      if (roles[buyer] === 1) big[3] += amount;
    }
    own[buyer] += Number(amount); // shares only: a double is precise enough for "more than half"
  }
  return { retail: big[0], personal: big[1], enrollment: big[2], customers: big[3] };
}

/** What the period paid on the orders of members who joined within it, exact income units. */
function newMemberPaid(d: PeriodData): bigint {
  const { genealogy, book, compiled, active, ranks } = d.state;
  const n = genealogy.size;
  const joined = d.joined as Int32Array;
  const start = d.start as number;
  const end = d.end as number;
  const column = new ExactColumn(n);
  let total = 0n;
  const { byKind } = book.affiliateVolumes;
  for (let i = 0; i < n; i++) {
    if (joined[i] === NO_DAY || joined[i] < start || joined[i] > end) continue;
    let volume = 0n;
    for (let k = 0; k < 3; k++) if (compiled.commissionableKind[k] === 1) volume += byKind[k].get(i);
    if (volume === 0n) continue;
    column.set(i, volume);
    total += volume;
  }
  if (total === 0n) return 0n;
  return payeeSums(genealogy, { commissionable: column, commissionableTotal: total }, compiled, active, ranks?.paidAs ?? null).paid;
}

/** Affiliates of the last period and how many of them personally sponsored at least one affiliate. */
function recruiting(last: PeriodData): { affiliates: number; recruiters: number } {
  const { roles, parents, size } = last.state.genealogy;
  const recruited = new Uint8Array(size);
  let affiliates = 0;
  for (let i = 0; i < size; i++) {
    if (roles[i] === 1) continue;
    affiliates++;
    if (parents[i] >= 0) recruited[parents[i]] = 1;
  }
  let recruiters = 0;
  for (let i = 0; i < size; i++) recruiters += recruited[i];
  return { affiliates, recruiters };
}
