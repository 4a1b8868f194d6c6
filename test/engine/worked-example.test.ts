import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy, type RoundingMode, runScenario } from '../../src';

// DESIGN §3: plan 10% / 5% / 2%, minPersonalVolume 50; chain A ← B ← C ← D (D's sponsor is C).
// Orders: D retail 100, C personal 40, B personal 60, A personal 50, D enrollment 99. C is inactive (PV 40).
const members = [
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
  { id: 'D', sponsorId: 'C' },
];
const orders = [
  { id: 'o1', affiliateId: 'D', amount: '100', kind: 'retail' },
  { id: 'o2', affiliateId: 'C', amount: '40', kind: 'personal' },
  { id: 'o3', affiliateId: 'B', amount: '60', kind: 'personal' },
  { id: 'o4', affiliateId: 'A', amount: '50', kind: 'personal' },
  { id: 'o5', affiliateId: 'D', amount: '99', kind: 'enrollment' },
] as const;
const plan = { levels: ['0.10', '0.05', '0.02'], minPersonalVolume: '50' };

describe('DESIGN §3 worked example', () => {
  it('compression none', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    // B: level 2 of D's 100 (5.00) + level 1 of C's 40 (4.00) = 9.00
    expect(result.payout('B')).toBe('9.00');
    // A: level 3 of D's 100 (2.00) + level 2 of C's 40 (2.00) + level 1 of B's 60 (6.00) = 10.00
    expect(result.payout('A')).toBe('10.00');
    // C is inactive: its level-1 share of D's order (10.00) is breakage; D earns nothing (no downline).
    expect(result.payout('C')).toBe('0.00');
    expect(result.payout('D')).toBe('0.00');
    expect(result.isActive('C')).toBe(false);
    expect(result.personalVolume('D')).toBe('100.00');
    // potential: 250 × 17% = 42.5 (the enrollment order is not commissionable)
    expect(result.totals).toEqual({
      potential: '42.50',
      paid: '19.00',
      breakage: '23.50',
      capped: '0.00',
      residual: '0.00',
      payouts: '19.00',
    });
    expect(result.payouts()).toEqual([
      { id: 'A', amount: '10.00' },
      { id: 'B', amount: '9.00' },
    ]);
  });

  it('dynamic compression', () => {
    const result = computeCommissions({
      genealogy: Genealogy.fromRecords(members),
      plan: { ...plan, compression: 'dynamic' },
      orders,
    });
    // C is skipped: B is D's level 1 (10.00) and C's level 1 (4.00) = 14.00
    expect(result.payout('B')).toBe('14.00');
    // A is D's level 2 (5.00), C's level 2 (2.00), B's level 1 (6.00) = 13.00
    expect(result.payout('A')).toBe('13.00');
    expect(result.totals.breakage).toBe('15.50');
    expect(result.totals.paid).toBe('27.00');
  });

  it('explains every line of a payout', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    expect(result.explain('A')).toEqual({
      id: 'A',
      active: true,
      exact: '10.00',
      payout: '10.00',
      lines: [
        { orderId: 'o3', buyerId: 'B', kind: 'personal', level: 1, rate: '0.1', volume: '60.00', amount: '6.00' },
        { orderId: 'o2', buyerId: 'C', kind: 'personal', level: 2, rate: '0.05', volume: '40.00', amount: '2.00' },
        { orderId: 'o1', buyerId: 'D', kind: 'retail', level: 3, rate: '0.02', volume: '100.00', amount: '2.00' },
      ],
      bonuses: [],
      caps: [],
    });
    expect(result.explain('C')).toMatchObject({ active: false, exact: '0.00', lines: [] });
  });

  it('runScenario returns the same figures as plain data', () => {
    expect(runScenario({ plan: { ...plan, compression: 'dynamic' }, members, orders })).toEqual({
      payouts: { A: '13.00', B: '14.00' },
      totals: { potential: '42.50', paid: '27.00', breakage: '15.50', capped: '0.00', residual: '0.00', payouts: '27.00' },
    });
  });
});

describe('DESIGN §3 rounding', () => {
  // One 0.05 order two levels deep at 10%: 0.005 exactly.
  const chain = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
  ];
  const run = (rounding: RoundingMode, count: number) =>
    computeCommissions({
      genealogy: Genealogy.fromRecords(chain),
      plan: { levels: ['0', '0.10'], rounding },
      orders: Array.from({ length: count }, (_, i) => ({
        id: `o${i}`,
        affiliateId: 'C',
        amount: '0.05',
        kind: 'retail' as const,
      })),
    });

  it('0.005: half-even → 0.00, half-up → 0.01', () => {
    expect(run('half-even', 1).exact('A')).toBe('0.005');
    expect(run('half-even', 1).payout('A')).toBe('0.00');
    expect(run('half-even', 1).totals.residual).toBe('0.005');
    expect(run('half-up', 1).payout('A')).toBe('0.01');
    expect(run('half-up', 1).totals.residual).toBe('-0.005');
  });

  it('0.015: half-even → 0.02, down → 0.01 with residual 0.005', () => {
    expect(run('half-even', 3).payout('A')).toBe('0.02');
    expect(run('down', 3).payout('A')).toBe('0.01');
    expect(run('down', 3).totals).toMatchObject({ paid: '0.015', payouts: '0.01', residual: '0.005' });
  });

  it('a payee with only zero-rate lines is still listed', () => {
    // B is C's level 1 at rate 0: B has lines (of 0.00) and is a payee; A has the 0.005 line.
    expect(run('half-even', 1).payouts()).toEqual([
      { id: 'A', amount: '0.00' },
      { id: 'B', amount: '0.00' },
    ]);
  });
});
