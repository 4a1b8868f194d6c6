/**
 * The growth simulator: a seeded model of a network recruiting into a finite market, run period by period under
 * a compensation plan through the real engine, to see who profits, how concentrated income is, how much of it
 * recruiting pays, and when recruitment saturates (DESIGN §8, indicator 15).
 *
 * @module
 */
import type { IncomeSource } from '../compliance/income-by-source';
import { Genealogy } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import { ratio } from '../money/ratio';
import { seededRandom } from '../sample/seeded-random';
import { findSaturation } from './find-saturation';
import { GrowingNetwork } from './growing-network';
import { participantFigures } from './participant-figures';
import { memberIndexes, periodCommissions } from './period-commissions';
import { drawPeriodOrders } from './period-orders';
import { resolveSimulationOptions, type SimulationOptions } from './simulation-options';
import type { IncomeSourceFigures, PeriodFigures, SalesFigures, SimulationReport } from './simulation-types';

type IncomeUnits = Record<IncomeSource | 'total', bigint>;
type SalesUnits = { personal: bigint; retail: bigint; enrollment: bigint };

/**
 * Simulates a network's growth over `periods` periods under a plan and reports, per period and overall, who
 * joined, took part and left, what was paid, who profits and who loses, how concentrated income is, where the
 * commission money comes from, and when recruitment saturated. Deterministic: the same options give the same
 * report (a seeded generator; no `Math.random`, no clock).
 *
 * The model, each period `t = 1, 2, …`:
 *
 * 1. **Joining.** Period 1 starts with `founders` members (no sponsor). Then every member present at the start
 *    of the period (the founders in period 1) recruits a Poisson number of new members with mean
 *    `recruitRate × (marketSize − joined so far) / marketSize` — the pool of people who could still join shrinks,
 *    so recruiting slows — cut to the market left (members draw in join order; the draws stop when the market is
 *    full). Nobody joins twice, and people who left do not come back.
 * 2. **Orders.** Every member present (newcomers included) buys for themselves (`personal` order of `purchase`)
 *    with probability `activity`, sells to an outside customer (`retail` order of `retailAmount`) with
 *    probability `retailShare`, and pays the joining fee (`enrollment` order of `joiningFee`) in the period they
 *    join — founders too (their fee reaches no upline).
 * 3. **Commissions.** The period is computed with `computeCommissions` under the plan, on the genealogy as it
 *    stands: members who left stay in it (their recruits keep their sponsor) but have no orders, so a plan with a
 *    personal-volume minimum treats them as inactive (compression skips them with `dynamic`). If the plan still
 *    assigns them money (no minimum, pools…), it is forfeited, not paid. Each period stands alone: no payout
 *    threshold, carry or achieved ranks from one period to the next (use `runPeriod` for a ledger).
 * 4. **Dropout.** At the end of the period every member present leaves with probability `dropout`.
 *
 * The network and orders depend on the seed and the probabilities, never on the plan: two plans simulated with
 * the same options see the same members and orders.
 *
 * A participant's **net** is the commissions paid to them minus their own purchases and joining fee (retail sales
 * are the customers' money); they **profit** when it is positive and **lose** when it is negative (`losing.share`
 * is the loss rate). Per period the population is the period's active members, on that period's money; overall it
 * is everyone who ever joined, on all periods' money. **Saturation** is the first period in which
 * `exhaustedShare` (95%) of the market has joined, or else the first in which recruits fall below
 * `saturationFraction` (10%) of the most recruited in any period so far.
 *
 * Runs every period through the engine, so it costs a genealogy build and a commission run per period:
 * 10 periods of 10,000 members take well under a second.
 *
 * @example
 * ```ts
 * import { formatSimulation, simulateGrowth } from 'downline';
 * const report = simulateGrowth({ seed: 7, periods: 10, founders: 10, marketSize: 10_000, recruitRate: 1.2 });
 * report.saturation.period;               // the period when recruitment saturated (or null)
 * report.overall.participants.losing;     // { count, share }: who lost money over the ten periods
 * report.overall.income.shares.recruiting; // share of commissions paid for recruiting
 * console.log(formatSimulation(report));
 * ```
 */
export function simulateGrowth(options: SimulationOptions = {}): SimulationReport {
  const settings = resolveSimulationOptions(options);
  const { plan, units } = settings;
  const scale = plan.scale;
  const random = seededRandom(settings.seed);
  const network = new GrowingNetwork(settings.marketSize);
  const orderSettings = { activity: settings.activity, retailShare: settings.retailShare, ...units };
  const totalPaid: bigint[] = [];
  const totalSpent: bigint[] = [];
  const periods: PeriodFigures[] = [];
  const sales: SalesUnits = { personal: 0n, retail: 0n, enrollment: 0n };
  const money = { commissions: 0n, payouts: 0n, forfeited: 0n };
  let income: IncomeUnits | null = null;
  let incomeDecimals = scale;
  let genealogy: Genealogy | null = null;
  let indexes: Int32Array = new Int32Array(0);
  let leftSoFar = 0;

  for (let t = 1; t <= settings.periods; t++) {
    const before = network.size;
    if (t === 1) network.addFounders(settings.founders, 1);
    const recruited = network.recruit(t, settings.recruitRate, random);
    const joined = network.size - before;
    const present = network.present.slice();
    const drawn = drawPeriodOrders(network, present, t, orderSettings, random);
    if (genealogy === null || genealogy.size !== network.size) {
      genealogy = Genealogy.fromRecords(network.records);
      indexes = memberIndexes(genealogy, network);
    }
    const period = periodCommissions({ genealogy, indexes, plan, orders: drawn.orders, network, present });
    const left = network.leave(t, settings.dropout, random);
    leftSoFar += left;

    for (let k = totalPaid.length; k < network.size; k++) {
      totalPaid.push(0n);
      totalSpent.push(0n);
    }
    for (let p = 0; p < present.length; p++) {
      totalPaid[present[p]] += period.paid[p];
      totalSpent[present[p]] += drawn.spent[p];
    }
    sales.personal += drawn.sales.personal;
    sales.retail += drawn.sales.retail;
    sales.enrollment += drawn.sales.enrollment;
    money.commissions += period.commissions;
    money.payouts += period.payouts;
    money.forfeited += period.forfeited;
    incomeDecimals = period.income.decimals;
    income = addIncome(income, period.income.units);

    periods.push({
      period: t,
      joined,
      recruited,
      active: present.length,
      qualified: period.qualified,
      left,
      members: network.size,
      marketRemaining: network.remaining,
      sales: salesFigures(drawn.sales, scale),
      commissions: formatUnits(period.commissions, scale),
      payouts: formatUnits(period.payouts, scale),
      forfeited: formatUnits(period.forfeited, scale),
      income: incomeFigures(period.income.units, period.income.decimals, scale),
      participants: participantFigures(period.paid, drawn.spent, scale),
    });
  }

  const saturation = findSaturation({
    recruited: periods.map((p) => p.recruited),
    members: periods.map((p) => p.members),
    marketSize: settings.marketSize,
    fraction: settings.saturationFraction,
    exhaustedShare: settings.exhaustedShare,
  });
  const { units: _units, ...echo } = settings;
  return {
    settings: echo,
    scale,
    periods,
    overall: {
      joined: network.size,
      left: leftSoFar,
      activeAtEnd: network.present.length,
      sales: salesFigures(sales, scale),
      commissions: formatUnits(money.commissions, scale),
      payouts: formatUnits(money.payouts, scale),
      forfeited: formatUnits(money.forfeited, scale),
      income: incomeFigures(income ?? zeroIncome(), incomeDecimals, scale),
      participants: participantFigures(totalPaid, totalSpent, scale),
    },
    saturation,
  };
}

function zeroIncome(): IncomeUnits {
  return { retail: 0n, personal: 0n, enrollment: 0n, recruiting: 0n, total: 0n };
}

function addIncome(sum: IncomeUnits | null, add: Readonly<IncomeUnits>): IncomeUnits {
  const base = sum ?? zeroIncome();
  return {
    retail: base.retail + add.retail,
    personal: base.personal + add.personal,
    enrollment: base.enrollment + add.enrollment,
    recruiting: base.recruiting + add.recruiting,
    total: base.total + add.total,
  };
}

function salesFigures(units: Readonly<SalesUnits>, scale: number): SalesFigures {
  return {
    personal: formatUnits(units.personal, scale),
    retail: formatUnits(units.retail, scale),
    enrollment: formatUnits(units.enrollment, scale),
    total: formatUnits(units.personal + units.retail + units.enrollment, scale),
  };
}

function incomeFigures(units: Readonly<IncomeUnits>, decimals: number, scale: number): IncomeSourceFigures {
  const text = (value: bigint) => formatUnits(value, decimals, scale);
  const share = (part: bigint) => (units.total === 0n ? 0 : ratio(part, units.total));
  return {
    retail: text(units.retail),
    personal: text(units.personal),
    enrollment: text(units.enrollment),
    fastStart: text(units.recruiting),
    total: text(units.total),
    shares: { recruiting: share(units.enrollment + units.recruiting), retail: share(units.retail), personal: share(units.personal) },
  };
}
