import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUNDING_MODES, roundQuotient, roundQuotientFloat } from '../../src/money/rounding';

describe('roundQuotient', () => {
  it('rounds halves by mode', () => {
    expect(roundQuotient(5n, 10n, 'half-even')).toBe(0n);
    expect(roundQuotient(15n, 10n, 'half-even')).toBe(2n);
    expect(roundQuotient(25n, 10n, 'half-even')).toBe(2n);
    expect(roundQuotient(5n, 10n, 'half-up')).toBe(1n);
    expect(roundQuotient(19n, 10n, 'down')).toBe(1n);
    expect(roundQuotient(-15n, 10n, 'half-up')).toBe(-2n);
    expect(roundQuotient(-19n, 10n, 'down')).toBe(-1n);
  });
  it('DESIGN §9: 0.0000005 at 6 decimals is 0 half-even and 0.000001 half-up', () => {
    // 0.0000005 = 5 units at 7 decimals; rounding to 6 decimals divides by 10.
    expect(roundQuotient(5n, 10n, 'half-even')).toBe(0n);
    expect(roundQuotient(5n, 10n, 'half-up')).toBe(1n);
  });
  it('errs by at most half a unit (one unit for down)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        for (const mode of ROUNDING_MODES) {
          const error = n - roundQuotient(n, d, mode) * d;
          if (mode === 'down') expect(error >= 0n && error < d).toBe(true);
          else expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
        }
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('roundQuotientFloat', () => {
  it('equals the bigint rounding on every safe integer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(1, 10, 100, 1000, 10_000, 100_000, 1_000_000),
        (n, d) => {
          for (const mode of ROUNDING_MODES) {
            expect(BigInt(roundQuotientFloat(n, d, mode))).toBe(roundQuotient(BigInt(n), BigInt(d), mode));
          }
        },
      ),
      { seed: 12, numRuns: 3000 },
    );
  });
  it('survives the double division rounding up near 2^53', () => {
    const n = 9007199254740991; // 2^53 - 1 = 9007199254740991: n / 10 rounds in a double
    for (const mode of ROUNDING_MODES) {
      expect(BigInt(roundQuotientFloat(n, 10, mode))).toBe(roundQuotient(BigInt(n), 10n, mode));
    }
  });
});
