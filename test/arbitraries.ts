/**
 * fast-check arbitraries for whole commission periods of varied shape, as plain JSON-able records, and a
 * seeded shuffle. Shared by the property tests.
 */
import fc from 'fast-check';
import type { Kind, RefInput, RefOrder, RefPlan } from './reference/reference';

export type Shape = 'random' | 'chain' | 'star' | 'caterpillar' | 'recent' | 'forest';
const SHAPES: Shape[] = ['random', 'chain', 'star', 'caterpillar', 'recent', 'forest'];

/** Deterministic Fisher–Yates shuffle driven by a seed (mulberry32), never Math.random. */
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

/** Sponsor position of member i (members join in order, sponsors always earlier), or -1 for a root. */
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
    default:
      return pick % i;
  }
}

/** Writes `units` minor units as a decimal string at `scale`, or keeps them as integer minor units. */
function encode(units: number, scale: number, asString: boolean): string | number {
  if (!asString) return units;
  if (scale === 0) return String(units);
  const text = String(units).padStart(scale + 1, '0');
  return `${text.slice(0, -scale)}.${text.slice(-scale)}`;
}

/** Rates as decimal strings with `decimals` decimals, summing to at most 1. */
const ratesArb = fc
  .record({
    count: fc.integer({ min: 2, max: 8 }),
    decimals: fc.integer({ min: 0, max: 4 }),
    raw: fc.array(fc.nat({ max: 400 }), { minLength: 8, maxLength: 8 }),
    zeroes: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    monotone: fc.boolean(),
  })
  .map(({ count, decimals, raw, zeroes, monotone }) => {
    const one = 10 ** decimals;
    let units = raw.slice(0, count).map((r, k) => (zeroes[k] && k % 3 === 2 ? 0 : r));
    const sum = units.reduce((a, b) => a + b, 0);
    if (sum > one) units = units.map((u) => Math.floor((u * one) / sum));
    if (monotone) units.sort((a, b) => b - a);
    return units.map((u) => encode(u, decimals, true) as string);
  });

export const planArb: fc.Arbitrary<RefPlan> = fc.record({
  levels: ratesArb,
  minPersonalVolumeUnits: fc.constantFrom(0, 1, 500, 2000, 5000),
  compression: fc.constantFrom('none' as const, 'dynamic' as const),
  rounding: fc.constantFrom('half-even' as const, 'half-up' as const, 'down' as const),
  scale: fc.integer({ min: 0, max: 4 }),
  commissionable: fc.oneof(
    { weight: 4, arbitrary: fc.constant<Kind[]>(['retail', 'personal']) },
    { weight: 1, arbitrary: fc.subarray<Kind>(['retail', 'personal', 'enrollment'], { minLength: 1 }) },
  ),
}).map(({ minPersonalVolumeUnits, ...plan }) => ({
  ...plan,
  minPersonalVolume: encode(minPersonalVolumeUnits, plan.scale, true) as string,
}));

export interface ScenarioOptions {
  maxMembers?: number;
  maxOrders?: number;
  maxUnits?: number;
}

/** A whole period: members of some shape (ids in a shuffled input order), orders, and a plan. */
export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<RefInput> {
  const { maxMembers = 60, maxOrders = 80, maxUnits = 20_000 } = options;
  return fc
    .record({
      n: fc.integer({ min: 1, max: maxMembers }),
      roots: fc.integer({ min: 1, max: 3 }),
      shape: fc.constantFrom(...SHAPES),
      picks: fc.array(fc.nat(), { minLength: maxMembers, maxLength: maxMembers }),
      orders: fc.array(
        fc.record({
          buyer: fc.nat(),
          kind: fc.constantFrom<Kind>('retail', 'retail', 'personal', 'personal', 'enrollment'),
          units: fc.oneof(fc.constant(0), fc.nat({ max: maxUnits })),
          asString: fc.boolean(),
          volumeUnits: fc.option(fc.nat({ max: maxUnits }), { freq: 4 }),
        }),
        { maxLength: maxOrders },
      ),
      plan: planArb,
      order: fc.nat(),
    })
    .map(({ n, roots, shape, picks, orders, plan, order }) => {
      const rootCount = shape === 'forest' ? Math.min(n, roots + 2) : Math.min(n, roots);
      const members = Array.from({ length: n }, (_, i) => {
        const sponsor = sponsorOf(shape, i, picks[i], rootCount);
        return { id: `m${i}`, sponsorId: sponsor < 0 ? null : `m${sponsor}` };
      });
      const refOrders: RefOrder[] = orders.map((o, k) => ({
        id: `o${k}`,
        affiliateId: `m${o.buyer % n}`,
        amount: encode(o.units, plan.scale, o.asString),
        ...(o.volumeUnits === null ? {} : { volume: encode(o.volumeUnits, plan.scale, !o.asString) }),
        kind: o.kind,
      }));
      return { members: shuffled(members, order), orders: refOrders, plan };
    });
}

/** Periods whose volumes pass 2^53 minor units, one by one or in their sums. */
export const bigVolumeScenarioArb: fc.Arbitrary<RefInput> = fc
  .record({
    base: scenarioArb({ maxMembers: 25, maxOrders: 30 }),
    big: fc.array(fc.bigInt({ min: 2n ** 50n, max: 2n ** 70n }), { minLength: 30, maxLength: 30 }),
  })
  .map(({ base, big }) => ({
    ...base,
    orders: base.orders.map((o, k) => (k % 2 === 0 ? { ...o, amount: big[k], volume: undefined } : o)),
  }));
