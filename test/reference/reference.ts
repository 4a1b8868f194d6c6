/**
 * The oracle: DESIGN §3 implemented as plainly as possible, one upward walk per order with decimal.js.
 * It shares no code with src/ on purpose; property tests compare the engine against it.
 */
import Decimal from 'decimal.js';
import { type RefRank, referenceRanks } from './ranks-reference';

const D = Decimal.clone({ precision: 200 });
type Dec = InstanceType<typeof D>;

export type Kind = 'retail' | 'personal' | 'enrollment';
export interface RefPlan {
  levels: readonly string[];
  minPersonalVolume: string;
  compression: 'none' | 'dynamic';
  rounding: 'half-even' | 'half-up' | 'down';
  scale: number;
  commissionable: readonly Kind[];
  /** Share of each retail sale paid to its seller (the affiliate, or the customer's referrer), qualified or not. */
  directSale?: string;
  /** Fixed amounts paid up the line on each enrollment order (level 1 first), like a sale of one unit. */
  fastStart?: readonly string[];
  /** A rank ladder; ranks with `levels` pay their own rates to payees paid as them (see ranks-reference.ts). */
  ranks?: readonly (RefRank & { levels?: readonly string[] })[];
  /** Passed through to the engine: lets the volume stages add up past 1 (the oracle computes the same either way). */
  allowRateSumAboveOne?: boolean;
}
export interface RefOrder {
  id: string;
  affiliateId: string;
  amount: string | number | bigint;
  volume?: string | number | bigint;
  kind: Kind;
}
export interface RefInput {
  /** `role: 'customer'`: buys retail, never earns; the orders count in the PV of the referring sponsor. */
  members: readonly { id: string; sponsorId: string | null; role?: 'affiliate' | 'customer' }[];
  orders: readonly RefOrder[];
  plan: RefPlan;
}
export interface RefLine {
  orderId: string;
  buyerId: string;
  kind: Kind;
  level: number;
  rate: string;
  volume: string;
  amount: string;
}
export interface RefResult {
  /** payee → exact total, payees with at least one line */
  exact: Map<string, string>;
  /** payee → payout rounded once to `plan.scale` with `plan.rounding`, as `toFixed(scale)` */
  rounded: Map<string, string>;
  /** payee → one line per (order, level) at which the payee was reached as an active ancestor */
  lines: Map<string, RefLine[]>;
  /** payee → fast start lines (enrollment order, level, fixed amount) */
  bonuses: Map<string, { orderId: string; level: number; amount: string }[]>;
  /** members with PV ≥ minPersonalVolume */
  active: Set<string>;
  /** PV per member id (customers' orders folded into their referrer), exact decimal strings */
  pv: Map<string, string>;
  /** exact decimal strings; `payouts` = Σ rounded */
  totals: { potential: string; paid: string; breakage: string; residual: string; payouts: string };
}

const MODES = { 'half-even': Decimal.ROUND_HALF_EVEN, 'half-up': Decimal.ROUND_HALF_UP, down: Decimal.ROUND_DOWN };

/** Strings are decimal strings; numbers and bigints are integer minor units. */
function money(value: string | number | bigint, scale: number): Dec {
  return typeof value === 'string' ? new D(value) : new D(value.toString()).div(new D(10).pow(scale));
}

/**
 * DESIGN §3 by the letter: PV per member, then for each commissionable order one upward walk from the buyer's
 * sponsor (loops, no recursion), each payee's exact total rounded once. Inputs are trusted (valid forest).
 *
 * @example
 * referenceCommissions({ members: [{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }],
 *   orders: [{ id: 'o1', affiliateId: 'B', amount: '10', kind: 'retail' }, { id: 'o2', affiliateId: 'A', amount: 100, kind: 'personal' }],
 *   plan: { levels: ['0.1', '0.05'], minPersonalVolume: '0', compression: 'none', rounding: 'half-even', scale: 2, commissionable: ['retail', 'personal'] },
 * }).rounded.get('A'); // '1.00'
 */
export function referenceCommissions({ members, orders, plan }: RefInput): RefResult {
  const sponsor = new Map(members.map((m) => [m.id, m.sponsorId]));
  const customers = new Set(members.filter((m) => m.role === 'customer').map((m) => m.id));
  const pv = new Map<string, Dec>();
  for (const o of orders) {
    if (o.kind === 'enrollment') continue;
    // a customer's purchase is a retail sale of the affiliate who referred them
    const owner = customers.has(o.affiliateId) ? sponsor.get(o.affiliateId) : o.affiliateId;
    if (owner == null) continue;
    pv.set(owner, (pv.get(owner) ?? new D(0)).plus(money(o.volume ?? o.amount, plan.scale)));
  }
  const min = new D(plan.minPersonalVolume);
  const active = new Set(
    members.filter((m) => !customers.has(m.id) && (pv.get(m.id) ?? new D(0)).gte(min)).map((m) => m.id),
  );
  // each payee's rate row: their paid-as rank's levels when it has its own, else the plan's levels
  const ladder = plan.ranks ?? [];
  const paidAs = ladder.length === 0 ? new Map<string, string | null>() : referenceRanks(members, pv, active, ladder);
  const rowOf = (id: string) => {
    const name = paidAs.get(id) ?? null;
    const rank = ladder.find((r) => r.name === name);
    return (rank?.levels ?? plan.levels).map((r) => new D(r));
  };
  const rows = [plan.levels, ...ladder.map((r) => r.levels ?? plan.levels)];
  const depth = Math.max(...rows.map((row) => row.length));
  // potential: at each level the best rate any row pays there
  let rateSum = new D(0);
  for (let k = 0; k < depth; k++) rateSum = rateSum.plus(D.max(...rows.map((row) => new D(row[k] ?? 0))));

  const exact = new Map<string, Dec>();
  const lines = new Map<string, RefLine[]>();
  let potential = new D(0);
  let paid = new D(0);
  for (const o of orders) {
    if (!plan.commissionable.includes(o.kind)) continue;
    const volume = money(o.volume ?? o.amount, plan.scale);
    potential = potential.plus(volume.times(rateSum));
    let level = 1;
    let steps = 0; // a path in a forest visits each member at most once
    let p = sponsor.get(o.affiliateId) ?? null;
    while (p !== null && level <= depth) {
      if (++steps > members.length) throw new Error(`reference: sponsor cycle above ${o.affiliateId}`);
      const rates = active.has(p) ? rowOf(p) : [];
      if (active.has(p) && level > rates.length) {
        level++; // the payee's rank pays fewer levels: rank-based depth
      } else if (active.has(p)) {
        const amount = volume.times(rates[level - 1]);
        exact.set(p, (exact.get(p) ?? new D(0)).plus(amount));
        paid = paid.plus(amount);
        const list = lines.get(p) ?? [];
        list.push({
          orderId: o.id,
          buyerId: o.affiliateId,
          kind: o.kind,
          level,
          rate: (ladder.find((r) => r.name === (paidAs.get(p as string) ?? null))?.levels ?? plan.levels)[level - 1],
          volume: volume.toFixed(),
          amount: amount.toFixed(),
        });
        lines.set(p, list);
        level++;
      } else if (plan.compression === 'none') {
        level++;
      }
      p = sponsor.get(p) ?? null;
    }
  }
  const bonuses = new Map<string, { orderId: string; level: number; amount: string }[]>();
  // direct sale: the seller of each retail order earns its share, whether qualified or not
  const direct = new D(plan.directSale ?? 0);
  for (const o of orders) {
    if (o.kind !== 'retail' || direct.isZero()) continue;
    const volume = money(o.volume ?? o.amount, plan.scale);
    potential = potential.plus(volume.times(direct));
    const seller = customers.has(o.affiliateId) ? (sponsor.get(o.affiliateId) ?? null) : o.affiliateId;
    if (seller === null) continue;
    const amount = volume.times(direct);
    exact.set(seller, (exact.get(seller) ?? new D(0)).plus(amount));
    paid = paid.plus(amount);
    bonuses.set(seller, [...(bonuses.get(seller) ?? []), { orderId: o.id, level: 0, amount: amount.toFixed() }]);
  }
  // fast start: each enrollment order pays fixed amounts up the line, same qualification and compression
  const amounts = (plan.fastStart ?? []).map((a) => new D(a));
  for (const o of orders) {
    if (o.kind !== 'enrollment' || amounts.length === 0) continue;
    potential = potential.plus(amounts.reduce((a, b) => a.plus(b), new D(0)));
    let level = 1;
    for (let p = sponsor.get(o.affiliateId) ?? null; p !== null && level <= amounts.length; p = sponsor.get(p) ?? null) {
      if (active.has(p)) {
        const amount = amounts[level - 1];
        exact.set(p, (exact.get(p) ?? new D(0)).plus(amount));
        paid = paid.plus(amount);
        bonuses.set(p, [...(bonuses.get(p) ?? []), { orderId: o.id, level, amount: amount.toFixed() }]);
        level++;
      } else if (plan.compression === 'none') {
        level++;
      }
    }
  }
  const rounded = new Map<string, string>();
  let payouts = new D(0);
  for (const [id, total] of exact) {
    const r = total.toDecimalPlaces(plan.scale, MODES[plan.rounding]);
    rounded.set(id, r.toFixed(plan.scale));
    payouts = payouts.plus(r);
  }
  return {
    exact: new Map([...exact].map(([id, total]) => [id, total.toFixed()])),
    rounded,
    lines,
    bonuses,
    active,
    pv: new Map(members.map((m) => [m.id, (pv.get(m.id) ?? new D(0)).toFixed()])),
    totals: {
      potential: potential.toFixed(),
      paid: paid.toFixed(),
      breakage: potential.minus(paid).toFixed(),
      residual: paid.minus(payouts).toFixed(),
      payouts: payouts.toFixed(plan.scale),
    },
  };
}
