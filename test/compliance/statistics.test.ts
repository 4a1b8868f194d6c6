import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ceilFraction,
  countAtMost,
  countBelow,
  exactSum,
  gini,
  mergeSortedRuns,
  nearestRank,
  sortedAscending,
  topShare,
} from '../../src/compliance/statistics';

const MAX = Number.MAX_SAFE_INTEGER;

// Ten incomes in cents, ascending: 0, 0, 100.00, 250.00, 400.00, 900.00, 1,200.00, 5,000.00, 9,000.00,
// 1,248,000.00.
const TEN = Float64Array.of(0, 0, 10_000, 25_000, 40_000, 90_000, 120_000, 500_000, 900_000, 124_800_000);

/** Σ x exactly, one bigint per value: the naive reference. */
function bigSum(values: ArrayLike<number>): bigint {
  let sum = 0n;
  for (let i = 0; i < values.length; i++) sum += BigInt(values[i]);
  return sum;
}

/** Gini by its definition, Σ_i Σ_j |x_i − x_j| / (2·n·Σx), the numerator in bigint: O(n²). */
function naiveGini(values: readonly number[]): number {
  const n = values.length;
  const total = bigSum(values);
  if (n <= 1 || total === 0n) return 0;
  let differences = 0n;
  for (const a of values) for (const b of values) differences += BigInt(a > b ? a - b : b - a);
  return Number(differences) / (2 * n * Number(total));
}

/** ceil(k·n/100) in integers: the nearest rank of the k-th percentile, without floating point. */
function rankOfPercent(k: number, n: number): number {
  return Math.max(1, Math.floor((k * n + 99) / 100));
}

const ascending = (values: number[]): Float64Array => Float64Array.from(values).sort();
const amountArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX }) },
);

describe('sortedAscending', () => {
  it('sorts numerically into a copy', () => {
    const values = Float64Array.of(300, 5, 40, 1_000, 0);
    expect([...sortedAscending(values)]).toEqual([0, 5, 40, 300, 1_000]);
    expect([...values]).toEqual([300, 5, 40, 1_000, 0]);
  });
});

describe('exactSum', () => {
  it('adds small columns', () => {
    expect(exactSum([])).toBe(0n);
    expect(exactSum(TEN)).toBe(126_485_000n);
    expect(exactSum([5, -7, 2])).toBe(0n);
  });

  it('stays exact past 2^53', () => {
    // 2^53 − 1 three times is 27021597764222973: a double would print 27021597764222976.
    expect(exactSum([MAX, MAX, MAX])).toBe(3n * BigInt(MAX));
    expect(exactSum([MAX, 1, 1, 1])).toBe(BigInt(MAX) + 3n);
    expect(exactSum([-MAX, -MAX, 1])).toBe(-2n * BigInt(MAX) + 1n);
    expect(exactSum([MAX, MAX, -MAX, -MAX, 7])).toBe(7n);
  });

  it('stays exact over more than one block of the split sum (2^20 values near 2^52)', () => {
    const count = 2 ** 20 + 5;
    const values = new Float64Array(count).fill(2 ** 52 + 1);
    expect(exactSum(values)).toBe(BigInt(count) * (2n ** 52n + 1n));
  });

  it('equals the bigint sum of any safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -MAX, max: MAX }), { maxLength: 40 }), (values) => {
        expect(exactSum(values)).toBe(bigSum(values));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('ceilFraction', () => {
  it('treats a product within rounding error of an integer as that integer', () => {
    expect(ceilFraction(0.1, 30)).toBe(3);
    expect(ceilFraction(0.25, 10)).toBe(3);
    expect(ceilFraction(0.99, 100)).toBe(99);
    expect(ceilFraction(0, 7)).toBe(0);
    expect(ceilFraction(1, 7)).toBe(7);
  });

  it('equals the integer ceil(k·n/1000) for fractions of three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 50_000_000 }), (k, n) => {
        expect(ceilFraction(k / 1000, n)).toBe(Math.floor((k * n + 999) / 1000));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe('nearestRank', () => {
  it('picks ranks ceil(p·n) of ten incomes', () => {
    // n = 10: p10 → rank 1, p25 → ceil(2.5) = 3, p50 → 5, p75 → ceil(7.5) = 8, p90 → 9,
    // p99 → ceil(9.9) = 10.
    expect(nearestRank(TEN, 0.1)).toBe(0);
    expect(nearestRank(TEN, 0.25)).toBe(10_000);
    expect(nearestRank(TEN, 0.5)).toBe(40_000);
    expect(nearestRank(TEN, 0.75)).toBe(500_000);
    expect(nearestRank(TEN, 0.9)).toBe(900_000);
    expect(nearestRank(TEN, 0.99)).toBe(124_800_000);
    expect(nearestRank(TEN, 0)).toBe(0);
    expect(nearestRank(TEN, 1)).toBe(124_800_000);
  });

  it('refuses an empty array and p outside [0, 1]', () => {
    expect(() => nearestRank(new Float64Array(0), 0.5)).toThrow(RangeError);
    expect(() => nearestRank(TEN, -0.01)).toThrow(RangeError);
    expect(() => nearestRank(TEN, 1.01)).toThrow(RangeError);
    expect(() => nearestRank(TEN, Number.NaN)).toThrow(RangeError);
  });

  it('equals the integer nearest rank, is monotone, and lies between the minimum and the maximum', () => {
    fc.assert(
      fc.property(fc.array(amountArb, { minLength: 1, maxLength: 300 }), (values) => {
        const sorted = ascending(values);
        const n = sorted.length;
        let previous = -Infinity;
        for (let k = 0; k <= 100; k++) {
          const value = nearestRank(sorted, k / 100);
          expect(value).toBe(sorted[rankOfPercent(k, n) - 1]);
          expect(value).toBeGreaterThanOrEqual(previous);
          expect(value).toBeGreaterThanOrEqual(sorted[0]);
          expect(value).toBeLessThanOrEqual(sorted[n - 1]);
          previous = value;
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('countAtMost and countBelow', () => {
  it('count by threshold', () => {
    expect(countAtMost(TEN, 0)).toBe(2);
    expect(countAtMost(TEN, 100_000)).toBe(6);
    expect(countAtMost(TEN, -1)).toBe(0);
    expect(countBelow(Float64Array.of(-500, -20, 0, 80), 0)).toBe(2);
    expect(countBelow(new Float64Array(0), 0)).toBe(0);
  });

  it('equal brute-force counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }),
        fc.integer({ min: -60, max: 60 }),
        (values, limit) => {
          const sorted = ascending(values);
          expect(countAtMost(sorted, limit)).toBe(values.filter((v) => v <= limit).length);
          expect(countBelow(sorted, limit)).toBe(values.filter((v) => v < limit).length);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('gini', () => {
  it('of ten incomes, by hand', () => {
    // Prefix sums C_k: 0, 0, 10000, 35000, 75000, 165000, 285000, 785000, 1685000, 126485000; Σ C_k = 129,525,000.
    // Numerator (n + 1)·Σx − 2·Σ C_k = 11 · 126,485,000 − 2 · 129,525,000 = 1,132,285,000.
    // G = 1,132,285,000 / (10 · 126,485,000) = 0.89519…
    expect(gini(TEN)).toBe(1_132_285_000 / 1_264_850_000);
    expect(gini(TEN)).toBeCloseTo(naiveGini([...TEN]), 12);
  });

  it('of small cases', () => {
    expect(gini(Float64Array.of(0, 0, 0, 1000))).toBe(0.75);
    expect(gini(Float64Array.of(100, 200, 300, 400))).toBe(0.25);
    expect(gini(new Float64Array(0))).toBe(0);
    expect(gini(Float64Array.of(12_345))).toBe(0);
    expect(gini(Float64Array.of(0, 0, 0))).toBe(0);
  });

  it('is exactly 0 for equal values, even when their sum passes 2^53', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 1, max: 200 }), (value, n) => {
        expect(gini(new Float64Array(n).fill(value))).toBe(0);
      }),
      { seed: 42, numRuns: 500 },
    );
    const many = new Float64Array(2 ** 20 + 3).fill(2 ** 40 + 7); // several blocks, sums near 2^60
    expect(gini(many)).toBe(0);
  });

  it('is in [0, 1) and agrees with the definition', () => {
    fc.assert(
      fc.property(fc.array(amountArb, { maxLength: 60 }), (values) => {
        const g = gini(ascending(values));
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
        expect(Math.abs(g - naiveGini(values))).toBeLessThan(1e-12);
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('keeps the numerator exact with amounts near 2^53', () => {
    const values = [MAX, MAX - 1, 2 ** 52, 3, 0, MAX - 2];
    // Σ_i Σ_j |x_i − x_j| is computed in bigint by naiveGini, then divided once: the same rounding as gini.
    expect(gini(ascending(values))).toBe(naiveGini(values));
  });
});

describe('topShare', () => {
  it('of ten incomes: the top 1% is one participant', () => {
    // ceil(0.01 · 10) = 1: the largest income, 124,800,000 of 126,485,000.
    expect(topShare(TEN, 0.01)).toEqual({ count: 1, share: 124_800_000 / 126_485_000, amount: 124_800_000n });
    expect(topShare(TEN, 0.2)).toEqual({ count: 2, share: 125_700_000 / 126_485_000, amount: 125_700_000n });
    expect(topShare(TEN, 1)).toEqual({ count: 10, share: 1, amount: 126_485_000n });
  });

  it('is 0 for a zero total and counts nobody in an empty population', () => {
    expect(topShare(Float64Array.of(0, 0), 0.01)).toEqual({ count: 1, share: 0, amount: 0n });
    expect(topShare(new Float64Array(0), 0.01)).toEqual({ count: 0, share: 0, amount: 0n });
    expect(() => topShare(TEN, 1.5)).toThrow(RangeError);
  });

  it('is in [0, 1] and at least the fraction for any data', () => {
    fc.assert(
      fc.property(
        fc.array(amountArb, { minLength: 1, maxLength: 200 }),
        fc.constantFrom(0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.9, 1),
        (values, fraction) => {
          const sorted = ascending(values);
          const { count, share, amount } = topShare(sorted, fraction);
          expect(count).toBe(Math.max(1, Math.ceil(fraction * sorted.length - 1e-9)));
          expect(amount).toBe(bigSum(sorted.subarray(sorted.length - count)));
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          if (amount > 0n) expect(share).toBeGreaterThanOrEqual(fraction);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('mergeSortedRuns', () => {
  it('merges runs without touching the input', () => {
    const values = Float64Array.of(1, 5, 9, 2, 3, 10);
    expect([...mergeSortedRuns(values, [0, 3, 6])]).toEqual([1, 2, 3, 5, 9, 10]);
    expect([...values]).toEqual([1, 5, 9, 2, 3, 10]);
    expect(mergeSortedRuns(values, [0, 6])).toBe(values);
  });

  it('equals a sort of the whole, for any number of runs, empty ones included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 12 }), { maxLength: 9 }),
        (runs) => {
          const bounds = [0];
          for (const run of runs) bounds.push(bounds[bounds.length - 1] + run.length);
          const values = Float64Array.from(runs.flatMap((run) => [...ascending(run)]));
          const merged = mergeSortedRuns(values, bounds);
          expect([...merged]).toEqual([...ascending(runs.flat())]);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
