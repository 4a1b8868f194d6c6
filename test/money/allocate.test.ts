import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, byId, floorShares } from '../../src/money/allocate';

/** The largest remainder method by the letter: exact fractions, a full sort, ties by the given order. */
function naive(amount: bigint, weights: bigint[], tie: (a: number, b: number) => number): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (amount * w) / total);
  const rest = weights.map((w, k) => amount * w - parts[k] * total);
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  const order = weights.map((_, k) => k).sort((a, b) => (rest[a] === rest[b] ? tie(a, b) : rest[b] > rest[a] ? 1 : -1));
  for (const k of order) {
    if (left === 0n) break;
    parts[k] += 1n;
    left -= 1n;
  }
  return parts;
}

describe('allocate (largest remainder)', () => {
  it('splits as the examples say', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(10n, [0n, 3n, 1n])).toEqual([0n, 8n, 2n]);
    expect(allocate(10n, [0n, 3n, 1n], (a, b) => b - a)).toEqual([0n, 7n, 3n]);
    expect(allocate(5n, [0n, 0n])).toEqual([0n, 0n]);
    expect(floorShares(100n, [1n, 1n, 1n])).toEqual({ parts: [33n, 33n, 33n], left: 1n, remainders: [1n, 1n, 1n] });
    const ids = ['b', 'a', 'c'];
    expect(allocate(2n, [1n, 1n, 1n], byId(ids))).toEqual([1n, 1n, 0n]); // the ties go to "a", then "b"
  });
  it('equals the method by the letter, small and large lists (the large ones rank by doubles first)', () => {
    const weight = fc.oneof(fc.bigInt({ min: 0n, max: 20n }), fc.bigInt({ min: 0n, max: 2n ** 80n }));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 90n }), fc.array(weight, { minLength: 1, maxLength: 60 }), fc.boolean(), (amount, weights, reverse) => {
        const tie = reverse ? (a: number, b: number) => b - a : (a: number, b: number) => a - b;
        const parts = allocate(amount, weights, tie);
        expect(parts).toEqual(naive(amount, weights, tie));
        if (weights.some((w) => w > 0n)) expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
  it('ranks remainders that share a double exactly', () => {
    // weights whose remainders differ below a double's precision: only the exact comparison orders them
    const total = 2n ** 70n;
    const weights = Array.from({ length: 40 }, (_, k) => total / 40n + BigInt(k % 3));
    expect(allocate(2n ** 69n + 17n, weights)).toEqual(naive(2n ** 69n + 17n, weights, (a, b) => a - b));
  });
});
