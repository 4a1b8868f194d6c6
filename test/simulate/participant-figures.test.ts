import { describe, expect, it } from 'vitest';
import { participantFigures } from '../../src/simulate/participant-figures';

describe('participantFigures', () => {
  it('counts gains and losses on net income (commissions − own purchases − joining fee), exactly', () => {
    // nets: −149.00, −49.00, 400.00, 0.00
    const f = participantFigures([0n, 0n, 50_000n, 4_900n], [14_900n, 4_900n, 10_000n, 4_900n], 2);
    expect(f.count).toBe(4);
    expect(f.profiting).toEqual({ count: 1, share: 0.25 });
    expect(f.losing).toEqual({ count: 2, share: 0.5 });
    expect(f.medianNet).toBe('-49.00'); // nearest rank: the 2nd of −149, −49, 0, 400
    expect(f.gini).toBe(0.75); // net as income, losses as 0: one of four holds everything
    expect(f.top1Share).toBeCloseTo(50_000 / 54_900, 15);
  });

  it('is all zeros for an empty population', () => {
    expect(participantFigures([], [], 2)).toEqual({
      count: 0,
      profiting: { count: 0, share: 0 },
      losing: { count: 0, share: 0 },
      medianNet: null,
      gini: 0,
      giniGross: 0,
      top1Share: 0,
    });
  });

  it('stays exact past 2^53 minor units', () => {
    const big = 2n ** 60n + 1n;
    const f = participantFigures([big], [1n], 2);
    expect(f.medianNet).toBe('11529215046068469.76');
  });
});
