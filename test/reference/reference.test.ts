import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { type RefInput, type RefLine, type RefPlan, referenceCommissions } from './reference';

// The oracle itself is checked against DESIGN §3's worked example before anything is compared with it.
const plan = (over: Partial<RefPlan> = {}): RefPlan => ({
  levels: ['0.10', '0.05', '0.02'],
  minPersonalVolume: '50',
  compression: 'none',
  rounding: 'half-even',
  scale: 2,
  commissionable: ['retail', 'personal'],
  ...over,
});
const chain = [
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
  { id: 'D', sponsorId: 'C' },
];
const input = (compression: 'none' | 'dynamic'): RefInput => ({
  members: chain,
  orders: [
    { id: 'o1', affiliateId: 'D', amount: '100', kind: 'retail' },
    { id: 'o2', affiliateId: 'C', amount: '40', kind: 'personal' },
    { id: 'o3', affiliateId: 'B', amount: '60', kind: 'personal' },
    { id: 'o4', affiliateId: 'A', amount: 5000, kind: 'personal' }, // 50.00 in minor units
    { id: 'o5', affiliateId: 'D', amount: '99', kind: 'enrollment' },
  ],
  plan: plan({ compression }),
});
const eq = (a: string | undefined, b: string) => expect(`${a} = ${b}: ${new Decimal(a ?? 'NaN').eq(b)}`).toBe(`${a} = ${b}: true`);
const brief = (lines: RefLine[] | undefined) =>
  (lines ?? []).map((l) => `${l.orderId}@${l.level}:${new Decimal(l.amount).toFixed()}`).sort();

describe('reference implementation, DESIGN §3 worked example', () => {
  it('compression none: B 9.00, A 10.00, potential 42.5, breakage 23.5', () => {
    const r = referenceCommissions(input('none'));
    eq(r.exact.get('B'), '9');
    eq(r.exact.get('A'), '10');
    expect(r.rounded.get('B')).toBe('9.00');
    expect(r.rounded.get('A')).toBe('10.00');
    expect([...r.exact.keys()].sort()).toEqual(['A', 'B']);
    expect([...r.active].sort()).toEqual(['A', 'B', 'D']); // D's retail order counts as PV, the enrollment does not
    expect(brief(r.lines.get('B'))).toEqual(['o1@2:5', 'o2@1:4']);
    expect(brief(r.lines.get('A'))).toEqual(['o1@3:2', 'o2@2:2', 'o3@1:6']);
    eq(r.totals.potential, '42.5');
    eq(r.totals.paid, '19');
    eq(r.totals.breakage, '23.5');
    eq(r.totals.residual, '0');
    eq(r.totals.payouts, '19');
  });
  it('dynamic compression: B 14.00, A 13.00, breakage 15.5', () => {
    const r = referenceCommissions(input('dynamic'));
    eq(r.exact.get('B'), '14');
    eq(r.exact.get('A'), '13');
    expect(r.rounded.get('B')).toBe('14.00');
    expect(r.rounded.get('A')).toBe('13.00');
    expect(brief(r.lines.get('B'))).toEqual(['o1@1:10', 'o2@1:4']);
    expect(brief(r.lines.get('A'))).toEqual(['o1@2:5', 'o2@2:2', 'o3@1:6']);
    eq(r.totals.potential, '42.5');
    eq(r.totals.paid, '27');
    eq(r.totals.breakage, '15.5');
  });
});

describe('reference implementation, rounding', () => {
  // C's 0.05 order: B is level 1 at rate 0, A is level 2 at 10% → A earns 0.005 per order.
  const rounding = (mode: RefPlan['rounding'], count: number) =>
    referenceCommissions({
      members: chain.slice(0, 3),
      orders: Array.from({ length: count }, (_, i) => ({ id: `x${i}`, affiliateId: 'C', amount: '0.05', kind: 'retail' as const })),
      plan: plan({ levels: ['0', '0.10'], minPersonalVolume: '0', rounding: mode }),
    });
  it('0.005: half-even 0.00, half-up 0.01', () => {
    eq(rounding('half-even', 1).exact.get('A'), '0.005');
    expect(rounding('half-even', 1).rounded.get('A')).toBe('0.00');
    expect(rounding('half-up', 1).rounded.get('A')).toBe('0.01');
    eq(rounding('half-up', 1).totals.residual, '-0.005');
  });
  it('0.015: half-even 0.02, down 0.01 with residual 0.005', () => {
    expect(rounding('half-even', 3).rounded.get('A')).toBe('0.02');
    expect(rounding('down', 3).rounded.get('A')).toBe('0.01');
    eq(rounding('down', 3).totals.residual, '0.005');
  });
  it('a payee reached at a zero rate still has a line and a 0.00 payout', () => {
    const r = rounding('half-even', 1);
    expect(r.rounded.get('B')).toBe('0.00');
    expect(brief(r.lines.get('B'))).toEqual(['x0@1:0']);
  });
  it('each payee is rounded once, not each line (DESIGN §9: 6 decimals)', () => {
    const r = referenceCommissions({
      members: chain.slice(0, 2),
      orders: [{ id: 'o', affiliateId: 'B', amount: '0.000005', kind: 'retail' }],
      plan: plan({ levels: ['0.1', '0'], minPersonalVolume: '0', scale: 6 }),
    });
    expect(r.rounded.get('A')).toBe('0.000000');
    const up = referenceCommissions({
      members: chain.slice(0, 2),
      orders: [{ id: 'o', affiliateId: 'B', amount: 5, kind: 'retail' }],
      plan: plan({ levels: ['0.1', '0'], minPersonalVolume: '0', scale: 6, rounding: 'half-up' }),
    });
    expect(up.rounded.get('A')).toBe('0.000001');
  });
});

describe('reference implementation, inputs', () => {
  const two = (amount: string | number | bigint, volume?: string | number | bigint) =>
    referenceCommissions({
      members: chain.slice(0, 2),
      orders: [{ id: 'o', affiliateId: 'B', amount, ...(volume === undefined ? {} : { volume }), kind: 'retail' }],
      plan: plan({ levels: ['0.5', '0.25'], minPersonalVolume: '0', scale: 2 }),
    });
  it('numbers and bigints are minor units, strings are decimals; volume defaults to amount', () => {
    for (const r of [two('12.34'), two(1234), two(1234n), two('999', '12.34'), two(1, 1234n)]) {
      eq(r.exact.get('A'), '6.17');
      eq(r.totals.potential, '9.255');
      eq(r.totals.breakage, '3.085'); // level 2 runs past the root
    }
    eq(two('5', 0).totals.potential, '0');
    expect(two('5', 0).rounded.get('A')).toBe('0.00');
  });
  it('stays exact past 2^53 minor units', () => {
    const r = two(2n ** 70n + 1n); // 1180591620717411303425 minor units
    eq(r.exact.get('A'), '5902958103587056517.125');
    expect(r.rounded.get('A')).toBe('5902958103587056517.12'); // half-even
    eq(r.totals.residual, '0.005');
    eq(two('90071992547409.93').exact.get('A'), '45035996273704.965');
  });
  it('pays only commissionable kinds, counts PV on non-enrollment orders only', () => {
    const r = referenceCommissions({
      members: chain.slice(0, 2),
      orders: [
        { id: 'e', affiliateId: 'B', amount: '100', kind: 'enrollment' },
        { id: 'p', affiliateId: 'A', amount: '100', kind: 'enrollment' },
      ],
      plan: plan({ commissionable: ['enrollment'], minPersonalVolume: '1' }),
    });
    expect(r.active.size).toBe(0);
    expect(r.exact.size).toBe(0);
    eq(r.totals.potential, '34');
    eq(r.totals.breakage, '34');
  });
  it('walks a 200 000-deep chain with loops', () => {
    const n = 200_000;
    const members = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, sponsorId: i === 0 ? null : `m${i - 1}` }));
    const r = referenceCommissions({
      members,
      orders: [
        { id: 'deep', affiliateId: `m${n - 1}`, amount: '100', kind: 'retail' },
        { id: 'top', affiliateId: 'm0', amount: '50', kind: 'personal' },
      ],
      plan: plan({ compression: 'dynamic' }),
    });
    expect(brief(r.lines.get('m0'))).toEqual(['deep@1:10']);
    eq(r.totals.breakage, '15.5'); // levels 2 and 3 of 'deep' and all of 'top' run past the root
  });
  it('refuses a sponsor cycle instead of looping', () => {
    const cyclic = [
      { id: 'X', sponsorId: 'Y' },
      { id: 'Y', sponsorId: 'X' },
    ];
    expect(() =>
      referenceCommissions({
        members: cyclic,
        orders: [{ id: 'o', affiliateId: 'X', amount: '1', kind: 'retail' }],
        plan: plan({ compression: 'dynamic' }),
      }),
    ).toThrow(/cycle/);
  });
});
