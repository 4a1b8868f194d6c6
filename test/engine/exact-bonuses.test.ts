import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';

describe('ranks and bonuses stay exact past 2^53', () => {
  it('totals.paid equals the sum of exact payouts when rank rows peak at different levels (potentialRateSum > maxRowSum)', () => {
    // Row 0 (no rank) pays 10% / 5%; Leader pays 5% / 10%. maxRowSum = 0.15 but a buyer can pay 0.10 + 0.10.
    // total volume × 0.15 stays under 2^53 exact units, so the single double pass is taken, yet paid > 2^53.
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'B' },
    ]);
    const result = computeCommissions({
      genealogy,
      plan: {
        levels: ['0.1', '0.05'],
        minPersonalVolume: '0',
        ranks: [{ name: 'Leader', personalVolume: '1', levels: ['0.05', '0.1'] }],
      },
      orders: [
        { id: 'a', affiliateId: 'A', amount: '1.00', kind: 'personal' },
        { id: 'b', affiliateId: 'B', amount: '0.01', kind: 'personal' },
        { id: 'c', affiliateId: 'C', amount: '5000000000000.00', kind: 'retail' },
      ],
    });
    expect(result.rank('A').paidAs).toBe('Leader');
    expect(result.rank('B').paidAs).toBeNull();
    expect(result.exact('A')).toBe('500000000000.0005'); // 0.01 × 5% + 5e12 × 10%
    expect(result.exact('B')).toBe('500000000000.00'); // 5e12 × 10%
    expect(result.totals.paid).toBe('1000000000000.0005');
    expect(result.totals.breakage).toBe('0.2015'); // potential (5e12 + 1.01) × 20% − paid
    expect(result.totals.residual).toBe('0.0005'); // half-even: A rounds to …00.00
  });

  it('fast start amounts whose exact units pass 2^53 are paid exactly (scale 8, 6-decimal rates)', () => {
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
    ]);
    const result = computeCommissions({
      genealogy,
      plan: { levels: ['0.123456', '0.1'], scale: 8, fastStart: ['10000.00000001'] },
      orders: [{ id: 'e1', affiliateId: 'B', amount: '100', kind: 'enrollment' }],
    });
    expect(result.exact('A')).toBe('10000.00000001');
    expect(result.payout('A')).toBe('10000.00000001');
    expect(result.totals.paid).toBe('10000.00000001');
    expect(result.totals.breakage).toBe('0.00000000');
    const explained = result.explain('A');
    expect(explained.bonuses.map((line) => line.amount)).toEqual(['10000.00000001']);
    expect(explained.exact).toBe('10000.00000001'); // the bonus lines must sum to exact
  });
});

describe('fast start past 2^53 in all', () => {
  it('counts lines per level and multiplies in bigint when amounts × enrollments pass 2^53 minor units', () => {
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'B' },
    ]);
    const big = '9000000000000000'; // 9 × 10^15 minor units at scale 0, just under 2^53
    const result = computeCommissions({
      genealogy,
      plan: { levels: ['0.1', '0.1'], scale: 0, fastStart: [big, '1'] },
      orders: [
        { id: 'e1', affiliateId: 'C', amount: '1', kind: 'enrollment' },
        { id: 'e2', affiliateId: 'C', amount: '1', kind: 'enrollment' },
        { id: 'e3', affiliateId: 'B', amount: '1', kind: 'enrollment' },
      ],
    });
    expect(result.exact('B')).toBe('18000000000000000'); // two enrollments of C at level 1
    expect(result.exact('A')).toBe('9000000000000002'); // B's at level 1, C's two at level 2
    expect(result.totals.paid).toBe('27000000000000002');
    expect(result.totals.breakage).toBe('1'); // B's enrollment pays its level 2 (1) past the root
  });
});
