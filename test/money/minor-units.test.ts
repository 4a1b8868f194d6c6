import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/money/decimal-string';
import { readMinorUnits } from '../../src/money/minor-units';

describe('readMinorUnits', () => {
  it('reads decimal strings at the scale', () => {
    expect(readMinorUnits('12.34', 2)).toBe(1234);
    expect(readMinorUnits('12.3', 2)).toBe(1230);
    expect(readMinorUnits('12', 2)).toBe(1200);
    expect(readMinorUnits('0', 0)).toBe(0);
    expect(readMinorUnits('-0.00', 2)).toBe(0);
  });
  it('reads integers and bigints as minor units', () => {
    expect(readMinorUnits(1234, 2)).toBe(1234);
    expect(readMinorUnits(1234n, 2)).toBe(1234);
    expect(readMinorUnits(2n ** 60n, 2)).toBe(2n ** 60n);
  });
  it('goes to bigint past 2^53', () => {
    expect(readMinorUnits('90071992547409.91', 2)).toBe(9007199254740991);
    expect(readMinorUnits('90071992547409.93', 2)).toBe(9007199254740993n);
    expect(readMinorUnits('123456789012345678901234567890', 0)).toBe(123456789012345678901234567890n);
  });
  it('refuses what is not exact money', () => {
    expect(readMinorUnits('1e3', 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits('NaN', 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits(Number.NaN, 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits(Number.POSITIVE_INFINITY, 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits(2 ** 60, 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits('', 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits('1.', 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits('.1', 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits('1.2.3', 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits(null, 2)).toEqual({ problem: 'invalid' });
    expect(readMinorUnits('-5', 2)).toEqual({ problem: 'negative' });
    expect(readMinorUnits(-5, 2)).toEqual({ problem: 'negative' });
    expect(readMinorUnits(-5n, 2)).toEqual({ problem: 'negative' });
    expect(readMinorUnits(-0.5, 2)).toEqual({ problem: 'negative' });
    expect(readMinorUnits('1.234', 2)).toEqual({ problem: 'too-many-decimals' });
    expect(readMinorUnits(12.5, 2)).toEqual({ problem: 'fractional-number' });
  });
  it('agrees with the bigint parser on every plain decimal', () => {
    const decimalText = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }))
      .map(([units, decimals, scale]) => {
        const digits = units.toString().padStart(decimals + 1, '0');
        const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
        return { text, scale };
      });
    fc.assert(
      fc.property(decimalText, ({ text, scale }) => {
        const expected = parseDecimal(text, scale);
        const got = readMinorUnits(text, scale);
        if (!expected.ok) {
          expect(got).toEqual({ problem: 'too-many-decimals' });
        } else {
          expect(BigInt(got as number | bigint)).toBe(expected.units);
          expect(typeof got === 'number').toBe(expected.units <= BigInt(Number.MAX_SAFE_INTEGER));
        }
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
