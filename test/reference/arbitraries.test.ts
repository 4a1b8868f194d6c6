import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigVolumeScenarioArb, deepScenarioArb, scenarioArb, shuffled } from '../arbitraries';
import { type RefInput, referenceCommissions } from './reference';

const DECIMAL = /^\d+(\.\d+)?$/;
const decimals = (text: string) => (text.split('.')[1] ?? '').length;

/** Minor units of an amount or volume, checking its form on the way. */
function units(value: string | number | bigint, scale: number): bigint {
  if (typeof value === 'number') {
    expect(Number.isSafeInteger(value) && value >= 0, `number ${value}`).toBe(true);
    return BigInt(value);
  }
  if (typeof value === 'bigint') {
    expect(value >= 0n).toBe(true);
    return value;
  }
  expect(value).toMatch(DECIMAL);
  expect(decimals(value), `${value} at scale ${scale}`).toBeLessThanOrEqual(scale);
  return BigInt(new Decimal(value).times(new Decimal(10).pow(scale)).toFixed(0));
}

/** Depth of every member (roots 0), by iterating up; fails on a cycle or a missing sponsor. */
function depths(input: RefInput): Map<string, number> {
  const sponsor = new Map(input.members.map((m) => [m.id, m.sponsorId]));
  const depth = new Map<string, number>();
  for (const { id } of input.members) {
    let d = 0;
    let p = sponsor.get(id);
    while (p !== null) {
      if (p === undefined || !sponsor.has(p)) throw new Error(`a sponsor of ${id} is missing`);
      if (++d > input.members.length) throw new Error(`a cycle above ${id}`);
      p = sponsor.get(p);
    }
    depth.set(id, d);
  }
  return depth;
}

function wellFormed(input: RefInput): void {
  const { members, orders, plan } = input;
  expect(members.length).toBeGreaterThan(0);
  expect(new Set(members.map((m) => m.id)).size).toBe(members.length);
  expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
  for (const m of members) expect(m.id).toMatch(/^m\d+$/);
  for (const o of orders) expect(o.id).toMatch(/^(o|big)\d+$/);
  depths(input);
  const ids = new Set(members.map((m) => m.id));
  for (const o of orders) {
    expect(ids.has(o.affiliateId)).toBe(true);
    expect(['retail', 'personal', 'enrollment']).toContain(o.kind);
    units(o.amount, plan.scale);
    if ('volume' in o) units(o.volume as string | number | bigint, plan.scale);
  }

  expect(plan.levels.length).toBeGreaterThanOrEqual(2);
  expect(plan.levels.length).toBeLessThanOrEqual(8);
  let sum = new Decimal(0);
  for (const rate of plan.levels) {
    expect(rate).toMatch(DECIMAL);
    expect(decimals(rate)).toBeLessThanOrEqual(4);
    expect(new Decimal(rate).lte(1)).toBe(true);
    sum = sum.plus(rate);
  }
  expect(sum.lte(1), `Σ rates ${sum}`).toBe(true);
  expect(Number.isInteger(plan.scale) && plan.scale >= 0 && plan.scale <= 4).toBe(true);
  expect(plan.minPersonalVolume).toMatch(DECIMAL);
  expect(decimals(plan.minPersonalVolume)).toBeLessThanOrEqual(plan.scale);
  expect(['none', 'dynamic']).toContain(plan.compression);
  expect(['half-even', 'half-up', 'down']).toContain(plan.rounding);
  expect(plan.commissionable.length).toBeGreaterThan(0);
  expect(new Set(plan.commissionable).size).toBe(plan.commissionable.length);
  for (const k of plan.commissionable) expect(['retail', 'personal', 'enrollment']).toContain(k);
  referenceCommissions(input); // the oracle runs on it
}

describe('scenario arbitraries are well-formed', () => {
  it('scenarioArb: unique ids, existing sponsors, no cycles, rates Σ ≤ 1, decimals ≤ scale, JSON-able', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        wellFormed(input);
        expect(JSON.parse(JSON.stringify(input))).toEqual(input);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  it('deepScenarioArb and large scenarioArb', () => {
    fc.assert(fc.property(deepScenarioArb(), wellFormed), { seed: 43, numRuns: 40 });
    fc.assert(fc.property(scenarioArb({ maxMembers: 400, maxOrders: 200 }), wellFormed), { seed: 44, numRuns: 40 });
  });
  it('bigVolumeScenarioArb: commissionable volume passes 2^53 minor units', () => {
    fc.assert(
      fc.property(bigVolumeScenarioArb, (input) => {
        wellFormed(input);
        const total = input.orders
          .filter((o) => input.plan.commissionable.includes(o.kind))
          .reduce((s, o) => s + units(o.volume ?? o.amount, input.plan.scale), 0n);
        expect(total > 2n ** 53n).toBe(true);
      }),
      { seed: 45, numRuns: 100 },
    );
  });
});

describe('scenario arbitraries are varied', () => {
  const sample = fc.sample(scenarioArb(), { seed: 42, numRuns: 400 });
  const deep = fc.sample(deepScenarioArb(), { seed: 42, numRuns: 60 });
  const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  const maxDepth = (input: RefInput) => maxOf([...depths(input).values()]);
  const maxWidth = (input: RefInput) => {
    const children = new Map<string, number>();
    for (const m of input.members) if (m.sponsorId !== null) children.set(m.sponsorId, (children.get(m.sponsorId) ?? 0) + 1);
    return maxOf([...children.values()]);
  };
  const some = (predicate: (input: RefInput) => boolean, from = sample) => expect(from.some(predicate)).toBe(true);

  it('shapes: several roots, deep chains (hundreds), wide stars', () => {
    some((s) => s.members.filter((m) => m.sponsorId === null).length >= 3);
    some((s) => maxDepth(s) >= 50);
    some((s) => maxDepth(s) >= 200, deep);
    some((s) => maxWidth(s) >= 40);
    some((s) => s.members.length === 1);
  });
  it('members: inactive, zero-volume, and active ones', () => {
    const active = (s: RefInput) => referenceCommissions(s).active;
    some((s) => active(s).size > 0 && active(s).size < s.members.length);
    some((s) => s.members.some((m) => !s.orders.some((o) => o.affiliateId === m.id)));
    some((s) => s.orders.some((o) => o.amount === 0 || o.amount === '0'));
  });
  it('orders: every kind, strings and minor units, volume omitted or given', () => {
    const orders = sample.flatMap((s) => s.orders);
    for (const kind of ['retail', 'personal', 'enrollment']) expect(orders.some((o) => o.kind === kind)).toBe(true);
    expect(orders.some((o) => typeof o.amount === 'number')).toBe(true);
    expect(orders.some((o) => typeof o.amount === 'string' && o.amount.includes('.'))).toBe(true);
    expect(orders.some((o) => !('volume' in o))).toBe(true);
    expect(orders.some((o) => 'volume' in o && o.volume !== o.amount)).toBe(true);
  });
  it('plans: 2–8 levels, every mode, compression, scale, varied commissionable kinds, rates summing to 1', () => {
    const plans = sample.map((s) => s.plan);
    for (let n = 2; n <= 8; n++) expect(plans.some((p) => p.levels.length === n)).toBe(true);
    for (let scale = 0; scale <= 4; scale++) expect(plans.some((p) => p.scale === scale)).toBe(true);
    for (const mode of ['half-even', 'half-up', 'down']) expect(plans.some((p) => p.rounding === mode)).toBe(true);
    for (const c of ['none', 'dynamic']) expect(plans.some((p) => p.compression === c)).toBe(true);
    expect(plans.some((p) => p.commissionable.includes('enrollment'))).toBe(true);
    expect(plans.filter((p) => p.commissionable.join() === 'retail,personal').length).toBeGreaterThan(plans.length / 2);
    expect(plans.some((p) => p.levels.reduce((s, r) => s.plus(r), new Decimal(0)).eq(1))).toBe(true);
    expect(plans.some((p) => p.levels.some((r) => decimals(r) === 4))).toBe(true);
  });
});

describe('shuffled', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  it('is a seeded permutation', () => {
    expect(shuffled(items, 7)).toEqual(shuffled(items, 7));
    expect(shuffled(items, 7)).not.toEqual(shuffled(items, 8));
    expect([...shuffled(items, 7)].sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual(Array.from({ length: 50 }, (_, i) => i)); // input untouched
    expect(shuffled([], 1)).toEqual([]);
  });
});
