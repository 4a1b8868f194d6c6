/**
 * fast-check arbitraries for whole commission periods of varied shape, as plain records shaped like
 * {@link RefInput}, and a seeded shuffle. Shared by the property tests; imports nothing from src/.
 */
import fc from 'fast-check';
import type { Kind, RefInput, RefOrder, RefPlan } from './reference/reference';
import type { RefPlacement, StagePlan, StageRank } from './reference/stages-reference';

/**
 * How sponsors are chosen (members join in order, a sponsor always joins earlier, then the list is shuffled):
 * `random` any earlier member; `forest` the same with a few more roots; `chain` the previous member;
 * `star` one of the roots; `caterpillar` a spine with one leaf per spine node; `recent` one of the last three;
 * `mixed` each member picks one of those rules.
 */
export type Shape = 'random' | 'forest' | 'chain' | 'star' | 'caterpillar' | 'recent' | 'mixed';
export const SHAPES: readonly Shape[] = ['random', 'forest', 'chain', 'star', 'caterpillar', 'recent', 'mixed'];

/**
 * Deterministic Fisher–Yates shuffle driven by a seed (mulberry32), never Math.random; returns a new array.
 *
 * @example
 * shuffled([1, 2, 3, 4], 7); // the same permutation on every run
 */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Sponsor position of member i (always < i), or -1 for a root; `pick` is a random natural. */
function sponsorOf(shape: Shape, i: number, pick: number, roots: number): number {
  if (i < roots) return -1;
  switch (shape) {
    case 'chain':
      return i - 1;
    case 'star':
      return pick % roots;
    case 'caterpillar':
      return i % 2 === 0 ? Math.max(0, i - 2) : i - 1;
    case 'recent':
      return Math.max(0, i - 1 - (pick % 3));
    case 'mixed': {
      const rule = (['chain', 'chain', 'star', 'random', 'recent'] as const)[pick % 5];
      return sponsorOf(rule, i, Math.floor(pick / 5), roots);
    }
    default:
      return pick % i;
  }
}

/**
 * `units` minor units as integer minor units (a number, or a bigint when not safe), or as a decimal string
 * with `scale` decimals, trailing zeros optionally trimmed (so at most `scale` decimals).
 */
function encode(units: number | bigint, scale: number, asString: boolean, trim = false): string | number | bigint {
  if (!asString) return typeof units === 'bigint' && units <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(units) : units;
  const digits = String(units).padStart(scale + 1, '0');
  let text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  if (trim && scale > 0) text = text.replace(/\.?0+$/, '');
  return text;
}
const decimalString = (units: number, scale: number, trim = false) => encode(units, scale, true, trim) as string;

/** 2 to 8 rates as decimal strings with 0–4 decimals, each in [0, 1], summing to at most 1 (sometimes exactly 1). */
export const ratesArb: fc.Arbitrary<string[]> = fc
  .record({
    count: fc.integer({ min: 2, max: 8 }),
    decimals: fc.integer({ min: 0, max: 4 }),
    raw: fc.array(fc.nat({ max: 400 }), { minLength: 8, maxLength: 8 }),
    zeroes: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    monotone: fc.boolean(),
    full: fc.boolean(),
    trim: fc.boolean(),
  })
  .map(({ count, decimals, raw, zeroes, monotone, full, trim }) => {
    const one = 10 ** decimals;
    let units = raw.slice(0, count).map((r, k) => (zeroes[k] && k % 3 === 2 ? 0 : r));
    const sum = units.reduce((a, b) => a + b, 0);
    if (sum > one) units = units.map((u) => Math.floor((u * one) / sum));
    if (full) units[units.length - 1] += one - units.reduce((a, b) => a + b, 0); // the whole sale is paid out
    if (monotone) units.sort((a, b) => b - a);
    return units.map((u) => decimalString(u, decimals, trim));
  });

/** Plans of every rounding mode, compression and scale 0–4; commissionable kinds usually retail + personal. */
export const planArb: fc.Arbitrary<RefPlan> = fc
  .record({
    levels: ratesArb,
    minPersonalVolumeUnits: fc.constantFrom(0, 1, 500, 2000, 5000),
    compression: fc.constantFrom('none' as const, 'dynamic' as const),
    rounding: fc.constantFrom('half-even' as const, 'half-up' as const, 'down' as const),
    scale: fc.integer({ min: 0, max: 4 }),
    commissionable: fc.oneof(
      { weight: 4, arbitrary: fc.constant<Kind[]>(['retail', 'personal']) },
      { weight: 1, arbitrary: fc.subarray<Kind>(['retail', 'personal', 'enrollment'], { minLength: 1 }) },
    ),
    trim: fc.boolean(),
    // a direct sale commission in a quarter of the plans
    directSale: fc.oneof({ weight: 3, arbitrary: fc.constant('0') }, { weight: 1, arbitrary: fc.constantFrom('0.1', '0.25', '0.035') }),
    // fast start in a quarter of the plans: 1 to 3 fixed amounts in minor units
    fastStart: fc.oneof(
      { weight: 3, arbitrary: fc.constant<number[]>([]) },
      { weight: 1, arbitrary: fc.array(fc.nat({ max: 9_000 }), { minLength: 1, maxLength: 3 }) },
    ),
  })
  .map(({ minPersonalVolumeUnits, trim, fastStart, directSale, ...plan }) => ({
    ...plan,
    // with a direct sale the volume stages may pay more than the volume: let them
    ...(directSale !== '0' ? { directSale, allowRateSumAboveOne: true } : {}),
    minPersonalVolume: decimalString(minPersonalVolumeUnits, plan.scale, trim),
    ...(fastStart.length > 0 ? { fastStart: fastStart.map((units) => decimalString(units, plan.scale, trim)) } : {}),
  }));

export interface ScenarioOptions {
  /** most members in a period (default 60) */
  maxMembers?: number;
  /** most orders in a period (default 80) */
  maxOrders?: number;
  /** largest amount or volume of one order, in minor units (default 20 000) */
  maxUnits?: number;
  /** genealogy shapes to draw from (default all of {@link SHAPES}) */
  shapes?: readonly Shape[];
}

/**
 * A whole period: members of some shape (ids `m0`… given in a shuffled order, sponsors not necessarily first;
 * in half of the periods some members who sponsor nobody are customers, whose orders are retail),
 * orders `o0`… of mixed kinds (amounts as decimal strings or integer minor units, volume sometimes omitted,
 * sometimes zero), and a plan. Plain JSON-able objects.
 *
 * @example
 * fc.assert(fc.property(scenarioArb({ maxMembers: 400 }), (input) => { ... }), { seed: 42 });
 */
export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<RefInput> {
  const { maxMembers = 60, maxOrders = 80, maxUnits = 20_000, shapes = SHAPES } = options;
  const unitsArb = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.nat({ max: maxUnits }) });
  return fc
    .record({
      n: fc.integer({ min: 1, max: maxMembers }),
      roots: fc.integer({ min: 1, max: 3 }),
      shape: fc.constantFrom(...shapes),
      picks: fc.array(fc.nat(), { minLength: maxMembers, maxLength: maxMembers }),
      orders: fc.array(
        fc.record({
          buyer: fc.nat(),
          kind: fc.constantFrom<Kind>('retail', 'retail', 'personal', 'personal', 'enrollment'),
          units: unitsArb,
          asString: fc.boolean(),
          trim: fc.boolean(),
          volumeUnits: fc.option(unitsArb, { freq: 4 }),
          volumeAsString: fc.boolean(),
        }),
        { maxLength: maxOrders },
      ),
      plan: planArb,
      order: fc.nat(),
      customerMix: fc.constantFrom(0, 0, 1, 2),
    })
    .map(({ n, roots, shape, picks, orders, plan, order, customerMix }) => {
      const rootCount = Math.min(n, shape === 'forest' ? roots + 2 : roots);
      const sponsors = Array.from({ length: n }, (_, i) => sponsorOf(shape, i, picks[i], rootCount));
      // customers are members nobody names as sponsor: none, about a third of them, or about two thirds
      const sponsoring = new Set(sponsors);
      const customer = sponsors.map((_, i) => customerMix > 0 && !sponsoring.has(i) && picks[i] % 3 < customerMix);
      const members = sponsors.map((sponsor, i) => {
        const member: RefInput['members'][number] = { id: `m${i}`, sponsorId: sponsor < 0 ? null : `m${sponsor}` };
        return customer[i] ? { ...member, role: 'customer' as const } : member;
      });
      const refOrders: RefOrder[] = orders.map((o, k) => {
        const buyer = o.buyer % n;
        const ref: RefOrder = {
          id: `o${k}`,
          affiliateId: `m${buyer}`,
          amount: encode(o.units, plan.scale, o.asString, o.trim),
          kind: customer[buyer] ? 'retail' : o.kind,
        };
        if (o.volumeUnits !== null) ref.volume = encode(o.volumeUnits, plan.scale, o.volumeAsString, o.trim);
        return ref;
      });
      return { members: shuffled(members, order), orders: refOrders, plan };
    });
}

/** Deep and long genealogies: chains, caterpillars and mixtures of up to `maxMembers` (default 400) members. */
export function deepScenarioArb(maxMembers = 400, maxOrders = 200): fc.Arbitrary<RefInput> {
  return scenarioArb({ maxMembers, maxOrders, shapes: ['chain', 'caterpillar', 'mixed', 'recent'] });
}

/**
 * Periods with 1–6 extra orders of a commissionable kind whose volumes are 2^50 to 2^70 minor units (written
 * as decimal strings such as "90071992547409.93", or as bigints), so that single volumes or their sums pass
 * 2^53 minor units. Not JSON-able when a bigint is drawn.
 */
export const bigVolumeScenarioArb: fc.Arbitrary<RefInput> = fc
  .record({
    base: scenarioArb({ maxMembers: 25, maxOrders: 30 }),
    big: fc.array(
      fc.record({
        units: fc.bigInt({ min: 2n ** 50n, max: 2n ** 70n }),
        buyer: fc.nat(),
        kind: fc.nat(),
        asString: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        asVolume: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ base, big }) => {
    const { scale, commissionable } = base.plan;
    const extra = big.map((b, k): RefOrder => {
      const value = encode(k === 0 ? b.units + 2n ** 53n : b.units, scale, b.asString); // the first alone passes 2^53
      const buyer = base.members[b.buyer % base.members.length];
      return {
        id: `big${k}`,
        affiliateId: buyer.id,
        kind: buyer.role === 'customer' ? 'retail' : commissionable[b.kind % commissionable.length],
        ...(b.asVolume ? { amount: '1', volume: value } : { amount: value }),
      };
    });
    return { ...base, orders: [...base.orders, ...extra] };
  });

// ---------------------------------------------------------------------------------------------------------------
// Payout stages (differential, breakaway, matching, pools, binary, caps). New arbitraries only: the ones above
// keep their distributions.

const STAGE_RATES = ['0.01', '0.02', '0.025', '0.04', '0.05', '0.1', '0.125', '0.2', '0.0375', '0.001', '0.000125', '0.012345'] as const;
const stageRateArb = fc.constantFrom(...STAGE_RATES);
const MATCHABLE = ['unilevel', 'differential', 'generation', 'binary'] as const;
const CAPPABLE = ['unilevel', 'fast-start', 'direct-sale', 'differential', 'generation', 'binary', 'matching', 'pool'] as const;

/** The raw draw of the stage features, turned into plan fields once the plan's scale is known. */
const stageFeaturesArb = fc.record({
  ranks: fc.array(
    fc.record({
      pv: fc.option(fc.constantFrom(0, 500, 2_000, 8_000, 20_000), { freq: 2 }),
      gv: fc.option(fc.constantFrom(0, 5_000, 20_000, 60_000, 150_000), { freq: 2 }),
      maxLegShare: fc.option(fc.constantFrom('0.5', '0.75'), { freq: 3 }),
      legs: fc.option(fc.record({ count: fc.integer({ min: 1, max: 2 }), withRank: fc.boolean() }), { freq: 4 }),
      recruits: fc.option(fc.integer({ min: 1, max: 2 }), { freq: 4 }),
      step: fc.nat({ max: 1_000 }),
      levels: fc.option(ratesArb, { freq: 4 }),
      matching: fc.option(fc.array(stageRateArb, { minLength: 1, maxLength: 4 }), { freq: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  differentialDecimals: fc.integer({ min: 1, max: 6 }),
  differential: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  // one plan in eight has no ladder at all (matching then by the plan's rows only; no pools)
  ladder: fc.oneof({ weight: 7, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  breakaway: fc.option(fc.record({ rank: fc.nat(), generations: fc.array(stageRateArb, { minLength: 1, maxLength: 3 }) }), { freq: 2 }),
  matching: fc.option(
    fc.record({
      levels: fc.option(fc.array(stageRateArb, { maxLength: 4 }), { freq: 4 }),
      on: fc.option(fc.subarray([...MATCHABLE], { minLength: 1 }), { freq: 4 }),
    }),
    { freq: 2 },
  ),
  pools: fc.array(
    fc.record({ share: fc.constantFrom('0.01', '0.02', '0.035', '0.1', '0.0025', '0.00125'), shares: fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }) }),
    { maxLength: 2 },
  ),
  caps: fc.option(
    fc.record({
      perPayee: fc.option(fc.nat({ max: 8_000 }), { freq: 2 }),
      perBonus: fc.array(fc.record({ stage: fc.constantFrom(...CAPPABLE), units: fc.nat({ max: 3_000 }) }), { maxLength: 3 }),
      totalShare: fc.option(fc.constantFrom('0', '0.01', '0.05', '0.1', '0.3', '0.6'), { freq: 2 }),
      remainder: fc.constantFrom('largest-remainder' as const, 'company' as const),
    }),
    { freq: 2 },
  ),
});
type StageFeatures = typeof stageFeaturesArb extends fc.Arbitrary<infer T> ? T : never;

/** The plan fields of a drawn feature set at `scale`: a ladder (with differential rates unless told not to), breakaway, matching, pools, caps. */
function stagePlanFields(f: StageFeatures, scale: number, trim: boolean): Partial<StagePlan> {
  const one = 10 ** f.differentialDecimals;
  let rate = 0;
  const ranks: StageRank[] = f.ranks.map((r, k) => {
    rate += Math.ceil((r.step * one) / 10_000); // each step at most 0.1, zero only when drawn so: increasing (or equal) rates
    const rank: StageRank = { name: `R${k + 1}` };
    if (r.pv !== null) rank.personalVolume = decimalString(r.pv, scale, trim);
    if (r.gv !== null) {
      rank.groupVolume = decimalString(r.gv, scale, trim);
      if (r.maxLegShare !== null) rank.maxLegShare = r.maxLegShare;
    }
    if (r.legs !== null) {
      rank.activeLegs = r.legs.count;
      if (r.legs.withRank && k > 0) rank.legRank = `R${k}`;
    }
    if (r.recruits !== null) rank.personallySponsoredActives = r.recruits;
    if (f.differential) rank.differential = decimalString(rate, f.differentialDecimals, trim);
    if (r.levels !== null) rank.levels = r.levels;
    if (r.matching !== null) rank.matching = r.matching;
    return rank;
  });
  if (!f.ladder) ranks.length = 0;
  const fields: Partial<StagePlan> = { ranks };
  if (f.differential && f.breakaway !== null && ranks.length > 0) fields.breakaway = { rank: ranks[f.breakaway.rank % ranks.length].name, generations: f.breakaway.generations };
  if (f.matching !== null) {
    fields.matching = {
      ...(f.matching.levels !== null ? { levels: f.matching.levels } : {}),
      ...(f.matching.on !== null ? { on: f.matching.on } : {}),
    };
  }
  if (f.pools.length > 0 && ranks.length > 0) {
    fields.pools = f.pools.map((p, k) => ({
      name: `pool${k}`,
      share: p.share,
      shares: Object.fromEntries(ranks.map((r, j) => [r.name, p.shares[j]]).filter(([, s]) => s !== 0 || k === 0)),
    }));
  }
  if (f.caps !== null) {
    fields.caps = {
      ...(f.caps.perPayee !== null ? { perPayee: decimalString(f.caps.perPayee, scale, trim) } : {}),
      ...(f.caps.perBonus.length > 0
        ? { perBonus: Object.fromEntries(f.caps.perBonus.map((b) => [b.stage, decimalString(b.units, scale, trim)])) }
        : {}),
      ...(f.caps.totalShare !== null ? { totalShare: f.caps.totalShare } : {}),
      remainder: f.caps.remainder,
    };
  }
  return fields;
}

/** One order in minor units for about two members in three (so that ranks, legs and pairs form). */
const boostArb = fc.array(fc.option(fc.nat({ max: 30_000 }), { freq: 3 }), { minLength: 40, maxLength: 40 });
function boostOrders(members: RefInput['members'], boost: readonly (number | null)[], prefix: string): RefOrder[] {
  const out: RefOrder[] = [];
  members.forEach((m, k) => {
    const units = boost[k % boost.length];
    if (units === null || k >= boost.length) return;
    out.push({ id: `${prefix}${k}`, affiliateId: m.id, amount: units, kind: m.role === 'customer' || k % 3 === 0 ? 'retail' : 'personal' });
  });
  return out;
}

export interface StageScenarioOptions extends ScenarioOptions {
  /** draw caps (default true) */
  caps?: boolean;
}

/**
 * A period of {@link scenarioArb} (customers, orders, both compressions, every rounding mode and scale), plus
 * one order for about two members in three, with the payout stages on top: a ladder of 1–4 ranks (none in one
 * plan in eight) (PV / GV / leg / recruit requirements, sometimes rank rates), in
 * most plans with non-decreasing differential rates (1–4 decimals, steps of at most 0.1), optional breakaway at
 * one rank with 1–3 generation rates, optional matching (plan rows and rank rows, sometimes empty, `on` any
 * matchable stages), 0–2 leadership pools, and optional caps (per payee, per bonus, total share, either
 * remainder rule). No binary: see {@link binaryPeriodsArb}.
 *
 * @example
 * fc.assert(fc.property(stageScenarioArb(), (input) => { ... }), { seed: 7 });
 */
export function stageScenarioArb(options: StageScenarioOptions = {}): fc.Arbitrary<StageScenario> {
  const { caps = true, ...scenario } = options;
  return fc
    .record({
      base: scenarioArb({ maxMembers: 40, maxOrders: 60, ...scenario }),
      features: stageFeaturesArb,
      trim: fc.boolean(),
      boost: boostArb,
    })
    .map(({ base, features, trim, boost }) => {
      const fields = stagePlanFields(caps ? features : { ...features, caps: null }, base.plan.scale, trim);
      const plan = consistentStages({ ...base.plan, ...fields });
      return { ...base, orders: [...base.orders, ...boostOrders(base.members, boost, 'b')], plan };
    });
}

/**
 * What parsePlan refuses, left out of a drawn plan: caps and matching that name stages the plan does not run, a
 * matching bonus without any rate; and the volume stages may add up past 1 (allowRateSumAboveOne).
 */
function consistentStages(plan: StagePlan): StagePlan {
  const out: StagePlan = { ...plan, allowRateSumAboveOne: true };
  const ranks = out.ranks ?? [];
  const matches = out.matching != null || ranks.some((rank) => rank.matching !== undefined);
  const runs = [
    'unilevel',
    ...((out.fastStart ?? []).length > 0 ? ['fast-start'] : []),
    ...(/[1-9]/.test(out.directSale ?? '0') ? ['direct-sale'] : []),
    ...(ranks.length > 0 && ranks.every((rank) => rank.differential !== undefined) ? ['differential'] : []),
    ...(out.breakaway != null ? ['generation'] : []),
    ...(out.binary != null ? ['binary'] : []),
    ...(matches ? ['matching'] : []),
    ...((out.pools ?? []).length > 0 ? ['pool'] : []),
  ];
  if (out.matching != null) {
    const on = (out.matching.on ?? ['unilevel']).filter((stage) => runs.includes(stage));
    const rated = (out.matching.levels ?? []).length > 0 || (out.ranks ?? []).some((rank) => rank.matching !== undefined);
    if (!rated) delete out.matching;
    else out.matching = { ...out.matching, on: on.length > 0 ? on : ['unilevel'] };
  }
  if (out.caps?.perBonus !== undefined) {
    const kept = Object.entries(out.caps.perBonus).filter(([stage]) => runs.includes(stage) && (stage !== 'matching' || out.matching != null));
    out.caps = { ...out.caps, perBonus: Object.fromEntries(kept) };
  }
  return out;
}

/** A period with its plan's stage fields, as the engine and {@link referenceStages} take them. */
export interface StageScenario extends RefInput {
  plan: StagePlan;
}

/** Three periods of one genealogy under one binary plan, with a binary placement. */
export interface BinaryPeriods {
  members: RefInput['members'];
  plan: StagePlan;
  placement: RefPlacement[];
  periods: (readonly RefOrder[])[];
}

/**
 * Three periods of a binary plan: a {@link stageScenarioArb} period (its orders are period 1; two more periods
 * of orders on the same members), the binary rules at the plan's scale (pair volume 1–8,000 minor units, pair
 * amount, sometimes a carry cap and a pair ceiling; matching sometimes on the binary), and a placement: each
 * affiliate in turn is left out (1 in 6), made a root, or put on a free side of an earlier placed one; the
 * records come shuffled.
 */
export function binaryPeriodsArb(): fc.Arbitrary<BinaryPeriods> {
  const moreOrders = fc.array(
    fc.record({ buyer: fc.nat(), kind: fc.constantFrom<Kind>('retail', 'personal', 'personal', 'enrollment'), units: fc.nat({ max: 20_000 }) }),
    { maxLength: 50 },
  );
  return fc
    .record({
      base: stageScenarioArb({ maxMembers: 30, maxOrders: 40 }),
      more: fc.tuple(moreOrders, moreOrders),
      boosts: fc.tuple(boostArb, boostArb),
      picks: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
      rules: fc.record({
        pairVolume: fc.integer({ min: 1, max: 8_000 }),
        pairAmount: fc.nat({ max: 5_000 }),
        carryCap: fc.option(fc.nat({ max: 30_000 }), { freq: 2 }),
        pairCeiling: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 2 }),
      }),
      matchBinary: fc.boolean(),
      order: fc.nat(),
    })
    .map(({ base, more, boosts, picks, rules, matchBinary, order }) => {
      const { scale } = base.plan;
      const affiliates = base.members.filter((m) => m.role !== 'customer');
      const placement: RefPlacement[] = [];
      const free: Array<{ id: string; side: 'left' | 'right' }> = [];
      affiliates.forEach((m, k) => {
        const pick = picks[k % picks.length];
        if (pick % 6 === 5) return; // not placed
        if (free.length === 0 || pick % 9 === 0) {
          placement.push({ id: m.id, parentId: null, side: null });
        } else {
          const [slot] = free.splice(pick % free.length, 1);
          placement.push({ id: m.id, parentId: slot.id, side: slot.side });
        }
        free.push({ id: m.id, side: 'left' }, { id: m.id, side: 'right' });
      });
      const customers = new Set(base.members.filter((m) => m.role === 'customer').map((m) => m.id));
      const periods = [
        base.orders,
        ...more.map((list, p) =>
          list.map((o, k): RefOrder => {
            const buyer = base.members[o.buyer % base.members.length].id;
            return { id: `p${p + 2}o${k}`, affiliateId: buyer, amount: o.units, kind: customers.has(buyer) ? 'retail' : o.kind };
          }).concat(boostOrders(base.members, boosts[p], `p${p + 2}b`)),
        ),
      ];
      const plan: StagePlan = {
        ...base.plan,
        binary: {
          pairVolume: decimalString(rules.pairVolume, scale),
          pairAmount: decimalString(rules.pairAmount, scale),
          ...(rules.carryCap !== null ? { carryCap: decimalString(rules.carryCap, scale) } : {}),
          ...(rules.pairCeiling !== null ? { pairCeiling: rules.pairCeiling } : {}),
        },
      };
      if (matchBinary) plan.matching = { levels: ['0.1', '0.05'], on: ['binary', 'unilevel'] };
      return { members: base.members, plan, placement: shuffled(placement, order), periods };
    });
}

/**
 * {@link stageScenarioArb} periods made large: the scale sometimes raised by 8 (at most 12; amounts given in
 * minor units then mean less), and 1–5 extra orders of 2^40 to 2^50 minor units, so that the stage kernels take
 * their digit (bigint) paths while the period's PV stays below 2^53 (ranks are evaluated in doubles); with
 * enrollment commissionable, sometimes an enrollment order past 2^53 (not PV).
 */
export function bigStageScenarioArb(): fc.Arbitrary<StageScenario> {
  return fc
    .record({
      base: stageScenarioArb({ maxMembers: 25, maxOrders: 30 }),
      raise: fc.boolean(),
      big: fc.array(fc.record({ units: fc.bigInt({ min: 2n ** 40n, max: 2n ** 50n }), buyer: fc.nat(), asString: fc.boolean() }), { minLength: 1, maxLength: 5 }),
      huge: fc.bigInt({ min: 2n ** 53n, max: 2n ** 60n }),
    })
    .map(({ base, raise, big, huge }) => {
      const scale = raise ? Math.min(12, base.plan.scale + 8) : base.plan.scale;
      const orders: RefOrder[] = big.map((b, k) => {
        const buyer = base.members[b.buyer % base.members.length];
        return { id: `big${k}`, affiliateId: buyer.id, kind: buyer.role === 'customer' ? 'retail' : 'personal', amount: encode(b.units, scale, b.asString) };
      });
      const enrollee = base.members.find((m) => m.role !== 'customer');
      if (base.plan.commissionable.includes('enrollment') && enrollee !== undefined) {
        orders.push({ id: 'huge', affiliateId: enrollee.id, kind: 'enrollment', amount: encode(huge, scale, true) });
      }
      return { ...base, orders: [...base.orders, ...orders], plan: { ...base.plan, scale } };
    });
}

/**
 * Cuts records into chunks of the given sizes (the last chunk takes what is left), some of them empty: how the
 * builder property tests feed the same records in random chunks.
 */
export function chunksOf<T>(records: readonly T[], sizes: readonly number[]): T[][] {
  const chunks: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    chunks.push(records.slice(at, at + size));
    at += size;
  }
  chunks.push(records.slice(at));
  return chunks;
}
