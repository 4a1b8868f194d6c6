import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';

// No recursion in the engine either: a chain a million deep and a star a million wide compute and explain.
const N = 1_000_000;
describe('engine at depth and width', () => {
  it('a million-deep chain, dynamic compression over inactive stretches', () => {
    const genealogy = Genealogy.fromRecords(
      Array.from({ length: N }, (_, i) => ({ id: `c${i}`, sponsorId: i === 0 ? null : `c${i - 1}` })),
    );
    // everyone buys 1.00 (PV 100 minor units); every third member is inactive (bought nothing)
    const orders = [];
    for (let i = 0; i < N; i++) if (i % 3 !== 1) orders.push({ id: `o${i}`, affiliateId: `c${i}`, amount: 100, kind: 'personal' as const });
    const result = computeCommissions({
      genealogy,
      plan: { levels: ['0.1', '0.05', '0.01'], minPersonalVolume: '1', compression: 'dynamic' },
      orders,
    });
    // c0 is active; its active descendants in order: c2, c3, c5, c6, … ; c0 earns 10% of c2, 5% of c3, 1% of c5
    expect(result.exact('c0')).toBe('0.16');
    expect(result.explain('c0').lines.map((l) => [l.buyerId, l.level])).toEqual([['c2', 1], ['c3', 2], ['c5', 3]]);
    expect(result.payout(`c${N - 1}`)).toBe('0.00');
    const { potential, paid, breakage } = result.totals;
    expect(new Decimal(potential).eq(new Decimal(orders.length).times('0.16'))).toBe(true);
    expect(new Decimal(paid).plus(breakage).eq(potential)).toBe(true);
  });
  it('a million-wide star', () => {
    const members = Array.from({ length: N }, (_, i) => ({ id: `s${i}`, sponsorId: i === 0 ? null : 's0' }));
    const orders = members.slice(1).map((m, i) => ({ id: `o${i}`, affiliateId: m.id, amount: 1, kind: 'retail' as const }));
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan: { levels: ['0.5', '0.5'] }, orders });
    // (N − 1) lines of 0.005 each
    expect(result.exact('s0')).toBe('4999.995');
    expect(result.payout('s0')).toBe('5000.00');
    expect(result.explain('s0').lines).toHaveLength(N - 1);
  });
});
