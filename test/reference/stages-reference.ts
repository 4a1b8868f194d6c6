/**
 * The oracle of the payout stages beyond the core unilevel walk: differential (stairstep) with breakaway and
 * generation override, binary pairing with carry, matching by generation, leadership pools, and the caps over
 * all of them. Every rule is written out by the letter, one upward walk per order (or per member), decimal.js
 * for amounts and plain bigints for the largest-remainder splits. It shares no code with src/ on purpose; the
 * unilevel, fast start and direct sale stages and the paid-as ranks come from the other two oracles.
 */
import Decimal from 'decimal.js';
import { type Kind, type RefInput, type RefPlan, referenceCommissions } from './reference';
import { type RefRank, referenceRanks } from './ranks-reference';

const D = Decimal.clone({ precision: 300 });
type Dec = InstanceType<typeof D>;

/** The stages in the engine's order: a payee's stages are rescaled by a cap in this order (ties to the earlier). */
export const STAGE_ORDER = ['unilevel', 'fast-start', 'direct-sale', 'differential', 'generation', 'binary', 'matching', 'pool'] as const;
export type RefStage = (typeof STAGE_ORDER)[number];
export type RefMatchable = 'unilevel' | 'differential' | 'generation' | 'binary';

export interface StageRank extends RefRank {
  levels?: readonly string[];
  /** stairstep rate of the rank */
  differential?: string;
  /** matching rates by generation of the rank */
  matching?: readonly string[];
}
export interface RefBinary {
  pairVolume: string;
  pairAmount: string;
  carryCap?: string | null;
  pairCeiling?: number | null;
}
export interface RefCaps {
  perPayee?: string | null;
  perBonus?: Partial<Record<RefStage, string>>;
  totalShare?: string | null;
  remainder?: 'largest-remainder' | 'company';
}
/** A plan with the payout stages: a superset of {@link RefPlan}, shaped like the engine's plan input. */
export interface StagePlan extends RefPlan {
  ranks?: readonly StageRank[];
  breakaway?: { rank: string; generations: readonly string[] } | null;
  matching?: { levels?: readonly string[]; on?: readonly RefMatchable[] } | null;
  pools?: readonly { name: string; share: string; shares: Readonly<Record<string, number>> }[];
  binary?: RefBinary | null;
  caps?: RefCaps | null;
}
export interface RefPlacement {
  id: string;
  parentId: string | null;
  side: 'left' | 'right' | null;
}
export type RefCarry = Record<string, { left: string; right: string }>;
export interface StageInput extends RefInput {
  plan: StagePlan;
  placement?: readonly RefPlacement[];
  carryIn?: RefCarry;
}
/** An explanation line of a stage beyond the unilevel, shaped like the engine's bonus lines. */
export type RefBonusLine =
  | { bonus: 'differential' | 'generation'; orderId: string; buyerId: string; level: number; rate: string; amount: string }
  | { bonus: 'matching'; fromId: string; generation: number; base: string; rate: string; amount: string }
  | { bonus: 'pool'; pool: string; poolAmount: string; shares: number; totalShares: number; amount: string }
  | { bonus: 'binary'; left: string; right: string; pairsFormed: number; pairs: number; carryLeft: string; carryRight: string; amount: string };

export interface StageResult {
  /** payee → the lines of the differential, generation, matching, pool and binary stages (before the caps) */
  lines: Map<string, RefBonusLine[]>;
  /** the stages the plan runs, in the engine's order */
  stages: RefStage[];
  /** the exact unit: 10^-(scale + the most decimals of any rate) */
  unit: Dec;
  paidAs: Map<string, string | null>;
  active: Set<string>;
  /** stage → payee → exact amount before the caps (zeros left out) */
  uncapped: Map<RefStage, Map<string, Dec>>;
  /** stage → payee → exact amount after the caps (zeros left out) */
  capped: Map<RefStage, Map<string, Dec>>;
  /** payee → exact total after the caps, for every member (zeros included) */
  exact: Map<string, Dec>;
  /** the payees the engine lists (a unilevel, fast start or direct sale line, or a non-zero amount of another stage) with their rounded payout */
  rounded: Map<string, string>;
  /** matched earnings per member (rounded to minor units) */
  matchBase: Map<string, Dec>;
  /** what the caps took per payee */
  cut: Map<string, Dec>;
  /** payee → what each cap took from them, shaped like the engine's cap lines (negative amounts) */
  capLines: Map<string, { cap: 'per-bonus' | 'per-payee' | 'total-share'; stage: RefStage | null; amount: string }[]>;
  binaryCarry: RefCarry;
  totals: { potential: Dec; paid: Dec; capped: Dec; breakage: Dec; residual: Dec; payouts: Dec };
  /**
   * Each stage's potential (`core`: unilevel, fast start and direct sale together, as the core oracle adds them
   * up), paid after the caps, and what the caps took from it.
   */
  stageTotals: { potential: Map<string, Dec>; paid: Map<RefStage, Dec>; capped: Map<RefStage, Dec> };
}

const MODES = { 'half-even': Decimal.ROUND_HALF_EVEN, 'half-up': Decimal.ROUND_HALF_UP, down: Decimal.ROUND_DOWN };

function money(value: string | number | bigint, scale: number): Dec {
  return typeof value === 'string' ? new D(value) : new D(value.toString()).div(new D(10).pow(scale));
}
const zero = () => new D(0);
function add(map: Map<string, Dec>, id: string, amount: Dec): void {
  if (amount.isZero()) return;
  map.set(id, (map.get(id) ?? zero()).plus(amount));
}

/**
 * Largest remainder, naively: each weight's floor of `amount × w / Σw`, then the left-over units one each to the
 * largest remainders, ties to the earlier weight. `floorsOnly` keeps the left-over units out.
 */
export function largestRemainder(amount: bigint, weights: readonly bigint[], floorsOnly = false, limits?: readonly bigint[]): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (amount * w) / total);
  if (floorsOnly) return parts;
  const rests = weights.map((w, k) => ({ k, rest: amount * w - parts[k] * total }));
  rests.sort((a, b) => (a.rest === b.rest ? a.k - b.k : a.rest > b.rest ? -1 : 1));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  for (const { k } of rests) {
    if (left === 0n) break;
    if (limits !== undefined && parts[k] >= limits[k]) continue; // full: the unit goes to the next one
    parts[k] += 1n;
    left -= 1n;
  }
  return parts;
}

/** Every rate the plan writes: the exact unit has as many decimals as the longest (trailing zeros do not count). */
function rateDecimals(plan: StagePlan): number {
  const rates = [
    ...plan.levels,
    ...(plan.ranks ?? []).flatMap((r) => [...(r.levels ?? []), ...(r.matching ?? []), ...(r.differential === undefined ? [] : [r.differential])]),
    plan.directSale ?? '0',
    ...(plan.breakaway?.generations ?? []),
    ...(plan.matching?.levels ?? []),
    ...(plan.pools ?? []).map((p) => p.share),
    ...(plan.caps?.totalShare == null ? [] : [plan.caps.totalShare]),
  ];
  return Math.max(0, ...rates.map((r) => new D(r).decimalPlaces()));
}

/**
 * One period, every stage by the letter, then the caps. Largest-remainder ties go to the lower member id.
 */
export function referenceStages(input: StageInput): StageResult {
  const { members, orders, plan } = input;
  const scale = plan.scale;
  const unit = new D(10).pow(-(scale + rateDecimals(plan)));
  const toUnits = (amount: Dec): bigint => {
    const q = amount.div(unit);
    if (!q.isInteger()) throw new Error(`stages reference: ${amount.toFixed()} is not a whole number of units ${unit.toFixed()}`);
    return BigInt(q.toFixed(0));
  };
  const fromUnits = (units: bigint): Dec => new D(units.toString()).times(unit);
  const sponsor = new Map(members.map((m) => [m.id, m.sponsorId]));
  const isCustomer = new Set(members.filter((m) => m.role === 'customer').map((m) => m.id));
  const ids = members.map((m) => m.id);
  // largest-remainder ties go to the lower member id (code units), whatever the order of the records
  const idOrder = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  // the core stages and qualification, from the core oracle
  const core = referenceCommissions(input);
  const active = core.active;
  const ladder = plan.ranks ?? [];
  const pv = new Map([...core.pv].map(([id, v]) => [id, new D(v)]));
  const paidAs = ladder.length === 0 ? new Map(ids.map((id) => [id, null])) : referenceRanks(members, pv, active, ladder);
  const rankCode = (id: string) => {
    const name = paidAs.get(id) ?? null;
    return name === null ? 0 : ladder.findIndex((r) => r.name === name) + 1;
  };
  const rankOf = (id: string): StageRank | null => {
    const code = rankCode(id);
    return code === 0 ? null : ladder[code - 1];
  };

  const lines = new Map<string, RefBonusLine[]>();
  const line = (id: string, l: RefBonusLine) => lines.set(id, [...(lines.get(id) ?? []), l]);
  const stages: RefStage[] = ['unilevel'];
  const uncapped = new Map<RefStage, Map<string, Dec>>();
  const potentialOf = new Map<string, Dec>();
  const unilevel = new Map<string, Dec>();
  for (const [id, lines] of core.lines) for (const l of lines) add(unilevel, id, new D(l.amount));
  uncapped.set('unilevel', unilevel);
  // unilevel, fast start and direct sale: their potentials together, from the core oracle
  potentialOf.set('core', new D(core.totals.potential));
  if ((plan.fastStart ?? []).length > 0) {
    const fast = new Map<string, Dec>();
    for (const [id, list] of core.bonuses) for (const b of list) if (b.level > 0) add(fast, id, new D(b.amount));
    stages.push('fast-start');
    uncapped.set('fast-start', fast);
  }
  if (!new D(plan.directSale ?? '0').isZero()) {
    const direct = new Map<string, Dec>();
    for (const [id, list] of core.bonuses) for (const b of list) if (b.level === 0) add(direct, id, new D(b.amount));
    stages.push('direct-sale');
    uncapped.set('direct-sale', direct);
  }

  const commissionable = orders.filter((o) => plan.commissionable.includes(o.kind as Kind));
  const volumeOf = (o: (typeof orders)[number]) => money(o.volume ?? o.amount, scale);
  const commissionableTotal = commissionable.reduce((sum, o) => sum.plus(volumeOf(o)), zero());

  // differential (stairstep) and generation override
  const stairstep = ladder.length > 0 && ladder.every((r) => r.differential !== undefined);
  if (stairstep) {
    const breakaway = plan.breakaway ?? null;
    const leaderCode = breakaway === null ? 0 : ladder.findIndex((r) => r.name === breakaway.rank) + 1;
    const isLeader = (id: string) => leaderCode > 0 && rankCode(id) >= leaderCode;
    const rateOf = (id: string) => new D(rankOf(id)?.differential ?? '0');
    const differential = new Map<string, Dec>();
    const generation = new Map<string, Dec>();
    for (const o of commissionable) {
      const volume = volumeOf(o);
      // walk from the buyer (included) up: each member earns their rate above the highest one already paid
      let highest = zero();
      let distance = 0;
      for (let u: string | null = o.affiliateId; u !== null; u = sponsor.get(u) ?? null, distance++) {
        const rate = rateOf(u);
        if (rate.gt(highest)) {
          const step = rate.minus(highest);
          add(differential, u, volume.times(step));
          line(u, { bonus: 'differential', orderId: o.id, buyerId: o.affiliateId, level: distance, rate: step.toFixed(), amount: volume.times(step).toFixed() });
          highest = rate;
        }
        if (isLeader(u)) break; // the leader's group breaks away
      }
      if (breakaway === null) continue;
      // the order's group: the first leader at or above the buyer; the leaders above it earn the generations
      let leader: string | null = o.affiliateId;
      while (leader !== null && !isLeader(leader)) leader = sponsor.get(leader) ?? null;
      if (leader === null) continue;
      let g = 0;
      for (let u = sponsor.get(leader) ?? null; u !== null && g < breakaway.generations.length; u = sponsor.get(u) ?? null) {
        if (!isLeader(u)) continue;
        g++;
        const rate = new D(breakaway.generations[g - 1]);
        add(generation, u, volume.times(rate));
        line(u, { bonus: 'generation', orderId: o.id, buyerId: o.affiliateId, level: g, rate: rate.toFixed(), amount: volume.times(rate).toFixed() });
      }
    }
    stages.push('differential');
    uncapped.set('differential', differential);
    const top = ladder.reduce((best, r) => D.max(best, new D(r.differential as string)), zero());
    potentialOf.set('differential', commissionableTotal.times(top));
    if (breakaway !== null) {
      stages.push('generation');
      uncapped.set('generation', generation);
      potentialOf.set('generation', commissionableTotal.times(breakaway.generations.reduce((s, r) => s.plus(r), zero())));
    }
  }

  // binary
  const binaryCarry: RefCarry = {};
  if (plan.binary != null) {
    const rules = plan.binary;
    const placement = input.placement ?? [];
    const placed = new Map(placement.map((p) => [p.id, p]));
    // the binary volume of an affiliate: their commissionable orders and those of the customers they referred
    const own = new Map<string, Dec>();
    for (const o of commissionable) {
      const owner = isCustomer.has(o.affiliateId) ? (sponsor.get(o.affiliateId) ?? null) : o.affiliateId;
      if (owner !== null) add(own, owner, volumeOf(o));
    }
    const legs = new Map<string, { left: Dec; right: Dec }>(placement.map((p) => [p.id, { left: zero(), right: zero() }]));
    for (const p of placement) {
      const v = own.get(p.id) ?? zero();
      // the member's volume counts in every leg it sits in: walk up the placement parents
      for (let child = p; child.parentId !== null; child = placed.get(child.parentId) as RefPlacement) {
        const leg = legs.get(child.parentId) as { left: Dec; right: Dec };
        if (child.side === 'left') leg.left = leg.left.plus(v);
        else leg.right = leg.right.plus(v);
      }
    }
    const pairVolume = new D(rules.pairVolume);
    const pairAmount = new D(rules.pairAmount);
    const binary = new Map<string, Dec>();
    let potential = zero();
    for (const p of placement) {
      const carry = input.carryIn?.[p.id];
      const leg = legs.get(p.id) as { left: Dec; right: Dec };
      const sides = { left: leg.left.plus(carry === undefined ? 0 : money(carry.left, scale)), right: leg.right.plus(carry === undefined ? 0 : money(carry.right, scale)) };
      let { left, right } = sides;
      let formed = zero();
      let pairs = zero();
      if (active.has(p.id)) {
        formed = D.min(left, right).div(pairVolume).floor();
        pairs = rules.pairCeiling == null ? formed : D.min(formed, rules.pairCeiling);
        add(binary, p.id, pairs.times(pairAmount));
        potential = potential.plus(formed.times(pairAmount));
        left = left.minus(formed.times(pairVolume));
        right = right.minus(formed.times(pairVolume));
      }
      if (rules.carryCap != null) {
        left = D.min(left, rules.carryCap);
        right = D.min(right, rules.carryCap);
      }
      if (!left.isZero() || !right.isZero()) binaryCarry[p.id] = { left: left.toFixed(scale), right: right.toFixed(scale) };
      if (!formed.isZero() || !sides.left.isZero() || !sides.right.isZero()) {
        line(p.id, {
          bonus: 'binary',
          left: sides.left.toFixed(),
          right: sides.right.toFixed(),
          pairsFormed: formed.toNumber(),
          pairs: pairs.toNumber(),
          carryLeft: left.toFixed(),
          carryRight: right.toFixed(),
          amount: pairs.times(pairAmount).toFixed(),
        });
      }
    }
    stages.push('binary');
    uncapped.set('binary', binary);
    potentialOf.set('binary', potential);
  }

  // matching
  const matchBase = new Map<string, Dec>();
  const rowOf = (id: string): readonly string[] => rankOf(id)?.matching ?? plan.matching?.levels ?? [];
  const matchingRows = [plan.matching?.levels ?? [], ...ladder.map((r) => r.matching ?? plan.matching?.levels ?? [])];
  const pays = (plan.matching != null || ladder.some((r) => r.matching !== undefined)) && matchingRows.some((row) => row.length > 0);
  if (pays) {
    const on = plan.matching?.on ?? ['unilevel'];
    for (const id of ids) {
      let sum = zero();
      for (const stage of on) sum = sum.plus(uncapped.get(stage)?.get(id) ?? 0);
      matchBase.set(id, sum.toDecimalPlaces(scale, MODES[plan.rounding]));
    }
    const matching = new Map<string, Dec>();
    for (const m of ids) {
      const base = matchBase.get(m) as Dec;
      if (base.isZero()) continue;
      // walk up from m's sponsor, generations counted like unilevel levels under the plan's compression
      let generation = 1;
      for (let p = sponsor.get(m) ?? null; p !== null; p = sponsor.get(p) ?? null) {
        if (active.has(p)) {
          const rate = rowOf(p)[generation - 1];
          if (rate !== undefined) add(matching, p, base.times(rate));
          if (rate !== undefined && !new D(rate).isZero()) {
            line(p, { bonus: 'matching', fromId: m, generation, base: base.toFixed(), rate: new D(rate).toFixed(), amount: base.times(rate).toFixed() });
          }
          generation++;
        } else if (plan.compression === 'none') {
          generation++;
        }
      }
    }
    let best = zero();
    for (let g = 0; g < 8; g++) best = best.plus(D.max(0, ...matchingRows.map((row) => new D(row[g] ?? 0))));
    const baseTotal = [...matchBase.values()].reduce((s, b) => s.plus(b), zero());
    stages.push('matching');
    uncapped.set('matching', matching);
    potentialOf.set('matching', baseTotal.times(best));
  }

  // leadership pools
  if ((plan.pools ?? []).length > 0 && ladder.length > 0) {
    const pool = new Map<string, Dec>();
    let potential = zero();
    for (const rule of plan.pools ?? []) {
      const amount = toUnits(commissionableTotal.times(rule.share));
      potential = potential.plus(fromUnits(amount));
      const holders = idOrder.filter((id) => {
        const name = paidAs.get(id) ?? null;
        return name !== null && (rule.shares[name] ?? 0) > 0;
      });
      const shares = holders.map((id) => rule.shares[paidAs.get(id) as string]);
      const parts = largestRemainder(amount, shares.map(BigInt));
      const totalShares = shares.reduce((a, b) => a + b, 0);
      holders.forEach((id, k) => {
        add(pool, id, fromUnits(parts[k]));
        line(id, { bonus: 'pool', pool: rule.name, poolAmount: fromUnits(amount).toFixed(), shares: shares[k], totalShares, amount: fromUnits(parts[k]).toFixed() });
      });
    }
    stages.push('pool');
    uncapped.set('pool', pool);
    potentialOf.set('pool', potential);
  }

  // caps, in units
  const table = new Map<RefStage, Map<string, bigint>>();
  for (const stage of stages) {
    const column = new Map<string, bigint>();
    for (const id of ids) column.set(id, toUnits(uncapped.get(stage)?.get(id) ?? zero()));
    table.set(stage, column);
  }
  const totalOf = (id: string) => stages.reduce((s, stage) => s + (table.get(stage)?.get(id) ?? 0n), 0n);
  const cutUnits = new Map<string, bigint>(ids.map((id) => [id, 0n]));
  const capLines: StageResult['capLines'] = new Map();
  const take = (id: string, units: bigint, cap: 'per-bonus' | 'per-payee' | 'total-share', stage: RefStage | null = null) => {
    cutUnits.set(id, (cutUnits.get(id) ?? 0n) + units);
    if (units !== 0n) capLines.set(id, [...(capLines.get(id) ?? []), { cap, stage, amount: fromUnits(-units).toFixed() }]);
  };
  /** the payee's stages shared out again to add up to `kept`, by largest remainder over the stages in order */
  const rescale = (id: string, kept: bigint) => {
    const amounts = stages.map((stage) => table.get(stage)?.get(id) ?? 0n);
    const parts = largestRemainder(kept, amounts);
    stages.forEach((stage, s) => table.get(stage)?.set(id, parts[s]));
  };
  const caps = plan.caps ?? null;
  const lift = (amount: string) => toUnits(new D(amount));
  if (caps !== null) {
    for (const stage of stages) {
      const limit = caps.perBonus?.[stage];
      if (limit === undefined) continue;
      for (const id of ids) {
        const v = table.get(stage)?.get(id) ?? 0n;
        if (v > lift(limit)) {
          take(id, v - lift(limit), 'per-bonus', stage);
          table.get(stage)?.set(id, lift(limit));
        }
      }
    }
    if (caps.perPayee != null) {
      const limit = lift(caps.perPayee);
      for (const id of ids) {
        const total = totalOf(id);
        if (total > limit) {
          take(id, total - limit, 'per-payee');
          rescale(id, limit);
        }
      }
    }
    if (caps.totalShare != null) {
      // the cap in whole minor units (rounded down), shared out in whole minor units: payouts stay within it
      const minor = new D(10).pow(-scale);
      const limitMinor = BigInt(commissionableTotal.times(caps.totalShare).div(minor).floor().toFixed(0));
      const perMinor = toUnits(minor);
      const payees = idOrder.filter((id) => totalOf(id) !== 0n);
      const totals = payees.map(totalOf);
      const sum = totals.reduce((a, b) => a + b, 0n);
      if (sum > limitMinor * perMinor) {
        // a payee takes at most the whole minor units of what they were due; units nobody can take stay unpaid
        const limits = totals.map((total) => total / perMinor);
        const parts = largestRemainder(limitMinor, totals, caps.remainder === 'company', limits).map((part) => part * perMinor);
        payees.forEach((id, k) => {
          take(id, totals[k] - parts[k], 'total-share');
          rescale(id, parts[k]);
        });
      }
    }
  }
  const capped = new Map<RefStage, Map<string, Dec>>();
  for (const stage of stages) {
    const column = new Map<string, Dec>();
    for (const id of ids) {
      const v = table.get(stage)?.get(id) ?? 0n;
      if (v !== 0n) column.set(id, fromUnits(v));
    }
    capped.set(stage, column);
  }
  const exact = new Map(ids.map((id) => [id, fromUnits(totalOf(id))]));
  const listed = new Set<string>([...core.exact.keys()]);
  for (const stage of stages) {
    if (stage === 'unilevel' || stage === 'fast-start' || stage === 'direct-sale') continue;
    for (const [id, v] of uncapped.get(stage) ?? []) if (!v.isZero()) listed.add(id);
  }
  const rounded = new Map<string, string>();
  let payouts = zero();
  for (const id of listed) {
    const r = (exact.get(id) as Dec).toDecimalPlaces(scale, MODES[plan.rounding]);
    rounded.set(id, r.toFixed(scale));
    payouts = payouts.plus(r);
  }
  const potential = [...potentialOf.values()].reduce((s, p) => s.plus(p), zero());
  const paid = [...exact.values()].reduce((s, v) => s.plus(v), zero());
  const cappedTotal = fromUnits([...cutUnits.values()].reduce((a, b) => a + b, 0n));
  return {
    lines,
    stages,
    unit,
    paidAs,
    active,
    uncapped,
    capped,
    exact,
    rounded,
    matchBase,
    cut: new Map([...cutUnits].map(([id, u]) => [id, fromUnits(u)])),
    capLines,
    binaryCarry,
    stageTotals: {
      potential: potentialOf,
      paid: new Map(stages.map((stage) => [stage, [...(capped.get(stage)?.values() ?? [])].reduce((a, b) => a.plus(b), zero())])),
      capped: new Map(
        stages.map((stage) => {
          const before = [...(uncapped.get(stage)?.values() ?? [])].reduce((a, b) => a.plus(b), zero());
          const after = [...(capped.get(stage)?.values() ?? [])].reduce((a, b) => a.plus(b), zero());
          return [stage, before.minus(after)];
        }),
      ),
    },
    totals: {
      potential,
      paid,
      capped: cappedTotal,
      breakage: potential.minus(paid).minus(cappedTotal),
      residual: paid.minus(payouts),
      payouts,
    },
  };
}
