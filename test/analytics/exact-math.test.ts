import { describe, expect, it } from 'vitest';
import { divideToDecimal, plural, ratio, showPercent, showRatio } from '../../src/analytics/exact-math';

describe('ratio', () => {
  it('divides safe integers as doubles', () => {
    expect(ratio(3n, 5n)).toBe(0.6);
    expect(ratio(-1n, 4n)).toBe(-0.25);
  });
  it('stays precise far past 2^53 and past the range of a double', () => {
    expect(ratio(2n ** 60n + 1n, 2n ** 60n)).toBe(1); // 1 + 2^-60 rounds to 1
    expect(ratio(10n ** 400n, 4n * 10n ** 399n)).toBe(2.5);
    expect(ratio(10n ** 400n, 10n ** 399n)).toBe(10);
    expect(ratio(-(3n * 10n ** 30n), 10n ** 31n)).toBe(-0.3);
    expect(ratio(10n ** 400n, 1n)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('divideToDecimal', () => {
  it('rounds half-even at the scale', () => {
    expect(divideToDecimal(13000n, 3n, 2)).toBe('43.33');
    expect(divideToDecimal(5n, 2n, 0)).toBe('2');
    expect(divideToDecimal(15n, 2n, 0)).toBe('8');
    expect(divideToDecimal(1n, 8n, 2)).toBe('0.00');
  });
});

describe('display helpers', () => {
  it('shows ratios and percentages', () => {
    expect(showRatio(2 / 3)).toBe('0.6667');
    expect(showRatio(3)).toBe('3');
    expect(showRatio(-0.00001)).toBe('0');
    expect(showPercent(0.797)).toBe('79.7%');
    expect(plural(1, 'member')).toBe('1 member');
    expect(plural(0, 'member')).toBe('0 members');
  });
});
