/**
 * Runs one simulated period through the engine and reads back, per member, what is paid, what is forfeited
 * (members who left), who qualified, and the income split by source.
 *
 * @module
 */
import { incomeBySource, type IncomeSource } from '../compliance/income-by-source';
import { resultState } from '../engine/commission-result';
import { computeCommissions } from '../engine/compute-commissions';
import { roundedPayout } from '../engine/round-payouts';
import type { Genealogy } from '../genealogy';
import { parseDecimal } from '../money/decimal-string';
import type { OrderRecord } from '../orders/order-record';
import type { Plan } from '../plan/plan';
import type { GrowingNetwork } from './growing-network';

/**
 * A period's commissions as the simulator reads them, in minor units (`income` in exact units of
 * `10^-income.decimals`).
 *
 * @example
 * ```ts
 * const { payouts, forfeited, paid, qualified } = periodCommissions({ genealogy, indexes, plan, orders, network, present });
 * ```
 */
export interface PeriodCommissions {
  /** The engine's rounded payouts, all payees: `payouts + forfeited`. */
  readonly commissions: bigint;
  /** Rounded payouts of the members present. */
  readonly payouts: bigint;
  /** Rounded payouts of members who had left: not paid. */
  readonly forfeited: bigint;
  /** What each present member is paid, aligned with `present`. */
  readonly paid: bigint[];
  /** Present members who met the plan's qualification. */
  readonly qualified: number;
  readonly income: { readonly units: Readonly<Record<IncomeSource | 'total', bigint>>; readonly decimals: number };
}

/**
 * The preorder index in `genealogy` of each member of `network` (by join order).
 *
 * @example
 * ```ts
 * const indexes = memberIndexes(Genealogy.fromRecords(network.records), network);
 * indexes[0]; // where m0 sits in the genealogy's columns
 * ```
 */
export function memberIndexes(genealogy: Genealogy, network: GrowingNetwork): Int32Array {
  const indexes = new Int32Array(network.size);
  for (let k = 0; k < network.size; k++) indexes[k] = genealogy.indexOf(network.records[k].id);
  return indexes;
}

/**
 * Computes the period with `computeCommissions` on the genealogy as it stands (members who left included, with no
 * orders) and splits the rounded payouts: members present are paid, members who left forfeit what the engine
 * assigned them (only possible when the plan lets a member without personal volume earn).
 *
 * @example
 * ```ts
 * const period = periodCommissions({ genealogy, indexes: memberIndexes(genealogy, network), plan, orders, network, present });
 * period.payouts + period.forfeited === period.commissions; // true
 * ```
 */
export function periodCommissions(input: {
  readonly genealogy: Genealogy;
  readonly indexes: Int32Array;
  readonly plan: Plan;
  readonly orders: readonly OrderRecord[];
  readonly network: GrowingNetwork;
  readonly present: readonly number[];
}): PeriodCommissions {
  const { genealogy, indexes, plan, orders, network, present } = input;
  const result = computeCommissions({ genealogy, plan, orders });
  const { run, compiled, active } = resultState(result);
  const { exact } = run;
  let payouts = 0n;
  let forfeited = 0n;
  for (let k = 0; k < network.size; k++) {
    if (network.leftAfter[k] === 0) continue;
    const i = indexes[k];
    if (exact.values[i] !== 0) forfeited += roundedPayout(exact, i, compiled.rateDecimals, plan.rounding);
  }
  const paid: bigint[] = new Array(present.length);
  let qualified = 0;
  for (let p = 0; p < present.length; p++) {
    const i = indexes[present[p]];
    const amount = exact.values[i] === 0 ? 0n : roundedPayout(exact, i, compiled.rateDecimals, plan.rounding);
    paid[p] = amount;
    payouts += amount;
    qualified += active[i];
  }
  const income = incomeBySource(result);
  const total = parseDecimal(result.totals.payouts, plan.scale);
  if (!total.ok) throw new TypeError(`unexpected payout total ${result.totals.payouts}`);
  return { commissions: total.units, payouts, forfeited, paid, qualified, income: { units: income.units, decimals: income.decimals } };
}
