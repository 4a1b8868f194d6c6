import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { type RefInput, referenceCommissions } from './reference';

// The oracle itself is checked against DESIGN §3's worked example before anything is compared with it.
const input = (compression: 'none' | 'dynamic'): RefInput => ({
  members: [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
    { id: 'D', sponsorId: 'C' },
  ],
  orders: [
    { id: 'o1', affiliateId: 'D', amount: '100', kind: 'retail' },
    { id: 'o2', affiliateId: 'C', amount: '40', kind: 'personal' },
    { id: 'o3', affiliateId: 'B', amount: '60', kind: 'personal' },
    { id: 'o4', affiliateId: 'A', amount: 5000, kind: 'personal' },
    { id: 'o5', affiliateId: 'D', amount: '99', kind: 'enrollment' },
  ],
  plan: {
    levels: ['0.10', '0.05', '0.02'],
    minPersonalVolume: '50',
    compression,
    rounding: 'half-even',
    scale: 2,
    commissionable: ['retail', 'personal'],
  },
});
const eq = (a: string | undefined, b: string) => expect(new Decimal(a ?? 'NaN').eq(b)).toBe(true);

describe('reference implementation', () => {
  it('DESIGN §3, compression none', () => {
    const r = referenceCommissions(input('none'));
    eq(r.exact.get('B'), '9');
    eq(r.exact.get('A'), '10');
    eq(r.totals.potential, '42.5');
    eq(r.totals.breakage, '23.5');
  });
  it('DESIGN §3, dynamic compression', () => {
    const r = referenceCommissions(input('dynamic'));
    eq(r.exact.get('B'), '14');
    eq(r.exact.get('A'), '13');
    eq(r.totals.breakage, '15.5');
  });
  it('DESIGN §3 rounding', () => {
    const base = input('none');
    const one = (rounding: RefInput['plan']['rounding'], count: number) =>
      referenceCommissions({
        members: base.members.slice(0, 3),
        orders: Array.from({ length: count }, (_, i) => ({ id: `x${i}`, affiliateId: 'C', amount: '0.05', kind: 'retail' as const })),
        plan: { ...base.plan, levels: ['0', '0.10'], minPersonalVolume: '0', rounding },
      });
    expect(one('half-even', 1).rounded.get('A')).toBe('0.00');
    expect(one('half-up', 1).rounded.get('A')).toBe('0.01');
    expect(one('half-even', 3).rounded.get('A')).toBe('0.02');
    expect(one('down', 3).rounded.get('A')).toBe('0.01');
    eq(one('down', 3).totals.residual, '0.005');
  });
});
