/**
 * fast-check arbitraries for whole commission periods of varied shape, as plain records shaped like
 * {@link RefInput}, and a seeded shuffle. Shared by the property tests; imports nothing from src/.
 */
import fc from 'fast-check';
import type { Kind, RefInput, RefOrder, RefPlan } from './reference/reference';

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
    ...(directSale !== '0' ? { directSale } : {}),
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
