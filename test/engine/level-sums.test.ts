import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Genealogy } from '../../src';
import { levelSums } from '../../src/engine/level-sums';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The kernel's contract, walked the slowest way: each buyer climbs from its sponsor with a level counter;
 * an active ancestor earns `volume × rate[level]` and the level advances; an inactive one takes a level with
 * `none` (breakage) and is skipped with `dynamic`. In bigint, so that the kernel's doubles are checked exactly.
 */
function naive(g: Genealogy, volume: Float64Array, rates: Float64Array, active: Uint8Array, compression: 'none' | 'dynamic'): bigint[] {
  const acc: bigint[] = new Array(g.size).fill(0n);
  const levels = Math.min(rates.length, 8);
  for (let buyer = 0; buyer < g.size; buyer++) {
    const v = BigInt(volume[buyer]);
    let level = 0;
    for (let p = g.parents[buyer]; p >= 0 && level < levels; p = g.parents[p]) {
      if (active[p] !== 0) acc[p] += v * BigInt(rates[level++]);
      else if (compression === 'none') level++;
    }
  }
  return acc;
}

/** A forest of `sponsors.length` members: member i's sponsor is `sponsors[i]` (an earlier member) or none. */
function forest(sponsors: number[]): Genealogy {
  return Genealogy.fromRecords(sponsors.map((s, i) => ({ id: `m${i}`, sponsorId: s < 0 ? null : `m${s}` })));
}

type Shape = 'random' | 'chain' | 'broom' | 'star' | 'recent';

/** Sponsor of member i (< i), or -1 for a root. */
function sponsorOf(shape: Shape, i: number, pick: number, roots: number): number {
  if (i < roots) return -1;
  switch (shape) {
    case 'chain':
      return i - 1;
    case 'broom': // a long handle, then a bushy head
      return i < 24 ? i - 1 : 12 + (pick % (i - 12));
    case 'star':
      return pick % roots;
    case 'recent':
      return Math.max(0, i - 1 - (pick % 3));
    default:
      return pick % i;
  }
}

const caseArb = fc
  .record({
    shape: fc.constantFrom<Shape>('random', 'chain', 'broom', 'star', 'recent'),
    size: fc.integer({ min: 1, max: 80 }),
    roots: fc.integer({ min: 1, max: 3 }),
    picks: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
    levels: fc.integer({ min: 1, max: 8 }),
    // rate numerators: 0 allowed (a level that pays nothing, as in a fast start's unit rows), up to 10^6
    rates: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 1_000_000 })), {
      minLength: 8,
      maxLength: 8,
    }),
    // probability that a member is active: none, sparse (leaders), most, all
    activeShare: fc.constantFrom(0, 0.1, 0.5, 0.8, 1),
    activeSeeds: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 80, maxLength: 80 }),
    volumeSeeds: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 80, maxLength: 80 }),
    zeroShare: fc.constantFrom(0, 0.3),
    // one buyer may take the whole budget: sums right at the exactness limit
    whale: fc.boolean(),
    compression: fc.constantFrom<'none' | 'dynamic'>('none', 'dynamic'),
  })
  .map((c) => {
    const sponsors = Array.from({ length: c.size }, (_, i) => sponsorOf(c.shape, i, c.picks[i], Math.min(c.roots, c.size)));
    const g = forest(sponsors);
    const n = g.size;
    const rates = Float64Array.from(c.rates.slice(0, c.levels));
    const rateSum = rates.reduce((s, r) => s + r, 0);
    // the caller's guarantee (exactKernelSums): Σ volume × Σ rates ≤ 2^53 − 1
    const budget = Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, rateSum));
    const volume = new Float64Array(n);
    const each = Math.floor(budget / n);
    for (let i = 0; i < n; i++) volume[i] = c.volumeSeeds[i] < c.zeroShare ? 0 : Math.floor(c.volumeSeeds[i] * each);
    if (c.whale) {
      const spent = volume.reduce((s, v) => s + v, 0);
      volume[n - 1] += budget - spent; // the deepest-numbered member buys the rest of the budget
    }
    const active = new Uint8Array(n);
    for (let i = 0; i < n; i++) active[i] = c.activeSeeds[i] < c.activeShare ? 1 : 0;
    return { g, volume, rates, active, compression: c.compression };
  });

describe('levelSums', () => {
  it('equals a per-buyer upward walk, bit for bit, on random forests at the exactness limit', () => {
    fc.assert(
      fc.property(caseArb, ({ g, volume, rates, active, compression }) => {
        const got = levelSums(g, volume, rates, active, compression);
        const want = naive(g, volume, rates, active, compression);
        expect(got.length).toBe(g.size);
        for (let i = 0; i < g.size; i++) {
          expect(want[i] <= MAX_SAFE).toBe(true);
          // Object.is: the same double, +0 included
          if (!Object.is(got[i], Number(want[i]))) expect([i, got[i]]).toEqual([i, Number(want[i])]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('pays through chains far deeper than the plan, with every level counted or skipped', () => {
    const n = 200;
    const g = forest(Array.from({ length: n }, (_, i) => i - 1));
    const volume = new Float64Array(n).fill(1);
    const rates = Float64Array.of(1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000);
    const everyOther = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    for (const compression of ['none', 'dynamic'] as const) {
      for (const active of [new Uint8Array(n).fill(1), everyOther, new Uint8Array(n)]) {
        for (let levels = 1; levels <= 8; levels++) {
          const r = rates.subarray(0, levels);
          const got = Array.from(levelSums(g, volume, r, active, compression));
          expect(got).toEqual(naive(g, volume, r, active, compression).map(Number));
        }
      }
    }
    // the chain's top member, active, with everyone below active: one buyer per level
    const all = levelSums(g, volume, rates, new Uint8Array(n).fill(1), 'dynamic');
    expect(all[g.indexOf('m0')]).toBe(11_111_111);
    // every other member active, dynamic: m0 still collects eight levels, two members per level
    const half = levelSums(g, volume, rates, everyOther, 'dynamic');
    expect(half[g.indexOf('m0')]).toBe(2 * 11_111_111);
  });
});
