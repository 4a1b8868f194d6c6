import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';

describe('a forest with an inactive stretch, sub-cent rates and half-up rounding', () => {
  // Two trees. R ← S1, R ← S2, S1 ← X ← Y ← Z ; Q ← W.
  // Plan 8% / 4% / 2.5% / 1%, minPersonalVolume 20.
  // PV: R 20, S1 10, S2 25, X 0, Y 30, Z 33.33 (retail; the 50.00 enrollment does not count), Q 0, W 12.34.
  // Active: R, S2, Y, Z. Inactive: S1, X, Q, W.
  const genealogy = Genealogy.fromRecords([
    { id: 'R', sponsorId: null },
    { id: 'S1', sponsorId: 'R' },
    { id: 'S2', sponsorId: 'R' },
    { id: 'X', sponsorId: 'S1' },
    { id: 'Y', sponsorId: 'X' },
    { id: 'Z', sponsorId: 'Y' },
    { id: 'Q', sponsorId: null },
    { id: 'W', sponsorId: 'Q' },
  ]);
  const orders = [
    { id: 'r1', affiliateId: 'R', amount: '20.00', kind: 'personal' },
    { id: 's1', affiliateId: 'S1', amount: '10.00', kind: 'personal' },
    { id: 's2', affiliateId: 'S2', amount: '25.00', kind: 'personal' },
    { id: 'y1', affiliateId: 'Y', amount: '30.00', kind: 'personal' },
    { id: 'z1', affiliateId: 'Z', amount: '33.33', kind: 'retail' },
    { id: 'w1', affiliateId: 'W', amount: '12.34', kind: 'retail' },
    { id: 'e1', affiliateId: 'Z', amount: '50.00', kind: 'enrollment' },
  ] as const;
  const plan = { levels: ['0.08', '0.04', '0.025', '0.01'], minPersonalVolume: '20', rounding: 'half-up' } as const;
  // potential = (20 + 10 + 25 + 30 + 33.33 + 12.34) × 15.5% = 130.67 × 0.155 = 20.25385

  it('dynamic: inactive X and S1 are skipped', () => {
    const result = computeCommissions({ genealogy, plan: { ...plan, compression: 'dynamic' }, orders });
    // Z's 33.33: level 1 Y (8% = 2.6664), level 2 R (4% = 1.3332), levels 3–4 run past the root.
    // Y's 30: level 1 R (2.40). S1's 10: R (0.80). S2's 25: R (2.00). W's 12.34: Q inactive, nothing.
    expect(result.exact('Y')).toBe('2.6664');
    expect(result.exact('R')).toBe('6.5332'); // 1.3332 + 2.40 + 0.80 + 2.00
    expect(result.payout('Y')).toBe('2.67');
    expect(result.payout('R')).toBe('6.53');
    expect(result.payout('Z')).toBe('0.00'); // active, but nobody below
    expect(result.totals).toEqual({
      potential: '20.25385',
      paid: '9.1996',
      breakage: '11.05425',
      capped: '0.00',
      residual: '-0.0004', // 9.1996 − (2.67 + 6.53)
      payouts: '9.20',
    });
    expect(result.payouts().map((p) => p.id)).toEqual(['R', 'Y']);
  });

  it('none: the levels of inactive X and S1 are breakage', () => {
    const result = computeCommissions({ genealogy, plan: { ...plan, compression: 'none' }, orders });
    // Z's 33.33: level 1 Y (2.6664), levels 2–3 X, S1 inactive, level 4 R (1% = 0.3333).
    // Y's 30: levels 1–2 inactive, level 3 R (2.5% = 0.75). S1's 10 → R 0.80. S2's 25 → R 2.00.
    expect(result.exact('R')).toBe('3.8833');
    expect(result.payout('R')).toBe('3.88');
    expect(result.payout('Y')).toBe('2.67');
    expect(result.totals).toEqual({
      potential: '20.25385',
      paid: '6.5497',
      breakage: '13.70415',
      capped: '0.00',
      residual: '-0.0003',
      payouts: '6.55',
    });
    expect(result.explain('R').lines.map((l) => [l.orderId, l.level, l.amount])).toEqual([
      ['s1', 1, '0.80'],
      ['s2', 1, '2.00'],
      ['y1', 3, '0.75'],
      ['z1', 4, '0.3333'],
    ]);
  });
});

describe('eight levels down a chain of ten', () => {
  // M0 ← M1 ← … ← M9; M9 sells 1000.00; rates 10/5/4/3/2/1/0.5/0.5 % (26% in all).
  const genealogy = Genealogy.fromRecords(
    Array.from({ length: 10 }, (_, i) => ({ id: `M${i}`, sponsorId: i === 0 ? null : `M${i - 1}` })),
  );
  const result = computeCommissions({
    genealogy,
    plan: { levels: ['0.1', '0.05', '0.04', '0.03', '0.02', '0.01', '0.005', '0.005'] },
    orders: [{ id: 'big', affiliateId: 'M9', amount: '1000.00', kind: 'retail' }],
  });
  it('pays exactly eight uplines, nearest first, and nobody above', () => {
    const expected = ['100.00', '50.00', '40.00', '30.00', '20.00', '10.00', '5.00', '5.00'];
    expected.forEach((amount, k) => expect(result.payout(`M${8 - k}`)).toBe(amount));
    expect(result.payout('M0')).toBe('0.00'); // the ninth level up
    expect(result.payouts()).toHaveLength(8);
    expect(result.totals).toMatchObject({ potential: '260.00', paid: '260.00', breakage: '0.00' });
  });
});

describe('rounding happens once per payee, not per line', () => {
  // 1000 recruits of one sponsor each sell 0.01 at level-1 rate 10%: 1000 lines of 0.001.
  // Rounding each line would pay 0.00; rounding the exact total 1.000 once pays 1.00.
  const members = [{ id: 'top', sponsorId: null as string | null }];
  for (let i = 0; i < 1000; i++) members.push({ id: `r${i}`, sponsorId: 'top' });
  const result = computeCommissions({
    genealogy: Genealogy.fromRecords(members),
    plan: { levels: ['0.1', '0.05'], rounding: 'down' },
    orders: members.slice(1).map((m, i) => ({ id: `o${i}`, affiliateId: m.id, amount: 1, kind: 'retail' as const })),
  });
  it('pays 1.00 with no residual', () => {
    expect(result.payout('top')).toBe('1.00');
    expect(result.explain('top').lines).toHaveLength(1000);
    expect(result.explain('top').lines[0].amount).toBe('0.001');
    expect(result.totals).toMatchObject({ paid: '1.00', residual: '0.00', breakage: '0.50' });
  });
});
