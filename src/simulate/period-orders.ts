/**
 * A simulated period's orders: for each member present, an own purchase, a retail sale and the joining fee,
 * drawn from the seeded generator. Amounts are integer minor units.
 *
 * @module
 */
import type { OrderRecord } from '../orders/order-record';
import type { GrowingNetwork } from './growing-network';

/**
 * What a period's members ordered: the order records, what each present member spent (own purchase and joining
 * fee, aligned with `present`), and the totals by kind, all in minor units.
 *
 * @example
 * ```ts
 * const { orders, spent, sales } = drawPeriodOrders(network, network.present, 1, settings, random);
 * ```
 */
export interface PeriodOrders {
  readonly orders: OrderRecord[];
  readonly spent: bigint[];
  readonly sales: { readonly personal: bigint; readonly retail: bigint; readonly enrollment: bigint };
}

/**
 * The probabilities and amounts (minor units) that decide a period's orders.
 *
 * @example
 * ```ts
 * const settings: OrderSettings = { activity: 0.6, retailShare: 0.3, purchase: 10_000n, retailAmount: 6_000n, joiningFee: 4_900n };
 * ```
 */
export interface OrderSettings {
  readonly activity: number;
  readonly retailShare: number;
  readonly purchase: bigint;
  readonly retailAmount: bigint;
  readonly joiningFee: bigint;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Draws the orders of `period` for the members `present` (in that order, two uniforms each, whatever the
 * amounts): a `personal` order of `purchase` with probability `activity`, a `retail` order of `retailAmount`
 * (a sale to an outside customer) with probability `retailShare`, and an `enrollment` order of `joiningFee` for
 * each member who joined in the period. Orders of a zero amount are left out. Order ids are `p<k>`, `r<k>` and
 * `e<k>` for member `m<k>`.
 *
 * @example
 * ```ts
 * const { orders, sales } = drawPeriodOrders(network, network.present, 2, settings, random);
 * sales.enrollment; // joining fees of the period's newcomers, minor units
 * ```
 */
export function drawPeriodOrders(
  network: GrowingNetwork,
  present: readonly number[],
  period: number,
  settings: OrderSettings,
  random: () => number,
): PeriodOrders {
  const { activity, retailShare, purchase, retailAmount, joiningFee } = settings;
  const orders: OrderRecord[] = [];
  const spent: bigint[] = new Array(present.length);
  const amount = (units: bigint) => (units <= SAFE ? Number(units) : units);
  const [purchaseAmount, retailOrderAmount, feeAmount] = [amount(purchase), amount(retailAmount), amount(joiningFee)];
  let buyers = 0;
  let sellers = 0;
  let newcomers = 0;
  for (let p = 0; p < present.length; p++) {
    const k = present[p];
    const id = network.records[k].id;
    const buys = random() < activity;
    const sells = random() < retailShare;
    let cost = 0n;
    if (buys) {
      buyers++;
      cost += purchase;
      if (purchase > 0n) orders.push({ id: `p${k}`, affiliateId: id, amount: purchaseAmount, kind: 'personal' });
    }
    if (sells) {
      sellers++;
      if (retailAmount > 0n) orders.push({ id: `r${k}`, affiliateId: id, amount: retailOrderAmount, kind: 'retail' });
    }
    if (network.joinedIn[k] === period) {
      newcomers++;
      cost += joiningFee;
      if (joiningFee > 0n) orders.push({ id: `e${k}`, affiliateId: id, amount: feeAmount, kind: 'enrollment' });
    }
    spent[p] = cost;
  }
  return {
    orders,
    spent,
    sales: { personal: BigInt(buyers) * purchase, retail: BigInt(sellers) * retailAmount, enrollment: BigInt(newcomers) * joiningFee },
  };
}
