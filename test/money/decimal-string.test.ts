import { describe, expect, it } from 'vitest';
import { compareDecimals, formatUnits, parseDecimal } from '../../src/money/decimal-string';

describe('parseDecimal', () => {
  it('scales plain decimals exactly', () => {
    expect(parseDecimal('12.5', 2)).toEqual({ ok: true, units: 1250n, decimals: 1 });
    expect(parseDecimal('0', 6)).toEqual({ ok: true, units: 0n, decimals: 0 });
    expect(parseDecimal('123456789012345678901234.99', 2)).toMatchObject({ units: 12345678901234567890123499n });
  });
  it('refuses exponents, signs, blanks and NaN', () => {
    for (const text of ['1e3', '+1', ' 1', '1 ', '.5', '5.', 'NaN', 'Infinity', '', '1,5', '0x10']) {
      expect(parseDecimal(text, 2)).toEqual({ ok: false, problem: 'invalid' });
    }
  });
  it('reports negatives and too many decimals', () => {
    expect(parseDecimal('-1.00', 2)).toEqual({ ok: false, problem: 'negative' });
    expect(parseDecimal('-0.00', 2)).toMatchObject({ ok: true, units: 0n });
    expect(parseDecimal('0.125', 2)).toEqual({ ok: false, problem: 'too-many-decimals', decimals: 3 });
  });
});

describe('formatUnits', () => {
  it('keeps the minimum decimals and trims the rest', () => {
    expect(formatUnits(1250n, 2)).toBe('12.50');
    expect(formatUnits(5n, 3, 2)).toBe('0.005');
    expect(formatUnits(120000n, 4, 2)).toBe('12.00');
    expect(formatUnits(120000n, 4, 0)).toBe('12');
    expect(formatUnits(-7n, 2)).toBe('-0.07');
    expect(formatUnits(42n, 0)).toBe('42');
  });
  it('round-trips with parseDecimal', () => {
    for (const text of ['0.00', '1.05', '99999999999999999999.99', '0.01']) {
      const read = parseDecimal(text, 2);
      expect(read.ok && formatUnits(read.units, 2)).toBe(text);
    }
  });
});

describe('compareDecimals', () => {
  it('orders by value, not by text', () => {
    expect(['9.00', '10.00', '0.50', '-1', '10.5'].sort(compareDecimals)).toEqual(['-1', '0.50', '9.00', '10.00', '10.5']);
    expect(compareDecimals('10.5', '10.50')).toBe(0);
    expect(compareDecimals('0.005', '0.01')).toBeLessThan(0);
  });
});
