import { describe, expect, it } from 'vitest';
import { ratio } from '../../src/money/ratio';

const MAX = Number.MAX_SAFE_INTEGER;

describe('ratio of exact integers', () => {
  it('divides safe integers with one rounding', () => {
    expect(ratio(1n, 4n)).toBe(0.25);
    expect(ratio(3n, 5n)).toBe(0.6);
    expect(ratio(-3n, 4n)).toBe(-0.75);
  });
  it('stays at a double’s precision far past 2^53', () => {
    expect(ratio(3n * BigInt(MAX), 3n * BigInt(MAX))).toBe(1);
    expect(ratio(10n ** 400n, 4n * 10n ** 399n)).toBe(2.5);
    expect(ratio(2n ** 80n + 1n, 2n ** 81n)).toBe(0.5);
  });
});
