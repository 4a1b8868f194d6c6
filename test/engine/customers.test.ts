import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';
import { scenarioArb } from '../arbitraries';

describe('customers in the genealogy', () => {
  // A ← B ← c1 (customer of B). Plan 10% / 5%, minimum PV 50, no compression.
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'c1', sponsorId: 'B', role: 'customer' as const },
  ];
  const plan = { levels: ['0.10', '0.05'], minPersonalVolume: '50' };

  it('a customer’s purchase is PV of the referring affiliate and pays from the referrer up', () => {
    const genealogy = Genealogy.fromRecords(members);
    const result = computeCommissions({
      genealogy,
      plan,
      orders: [
        { id: 'o1', affiliateId: 'c1', amount: '60.00', kind: 'retail' },
        { id: 'o2', affiliateId: 'A', amount: '50.00', kind: 'personal' },
      ],
    });
    // B has no order of her own: PV 60 comes from c1, so B is active and earns level 1 on o1: 6.00.
    expect(result.personalVolume('B')).toBe('60.00');
    expect(result.isActive('B')).toBe(true);
    expect(result.payout('B')).toBe('6.00');
    // A (PV 50, active) earns level 2 on o1: 3.00; A's own order runs past the root: 50 × 15% = 7.50 breakage.
    expect(result.payout('A')).toBe('3.00');
    // The customer never qualifies and never earns; her PV went to B.
    expect(result.isActive('c1')).toBe(false);
    expect(result.personalVolume('c1')).toBe('0.00');
    expect(result.payout('c1')).toBe('0.00');
    expect(result.totals).toMatchObject({ potential: '16.50', paid: '9.00', breakage: '7.50' });
    expect(result.explain('B').lines).toEqual([
      { orderId: 'o1', buyerId: 'c1', kind: 'retail', level: 1, rate: '0.1', volume: '60.00', amount: '6.00' },
    ]);
  });

  it('with a minimum of 0 a customer is still never active', () => {
    const genealogy = Genealogy.fromRecords(members);
    const result = computeCommissions({ genealogy, plan: { ...plan, minPersonalVolume: '0' }, orders: [] });
    expect(result.isActive('B')).toBe(true);
    expect(result.isActive('c1')).toBe(false);
  });

  it('a company customer (no referrer) adds to potential and breakage only', () => {
    const genealogy = Genealogy.fromRecords([...members, { id: 'c0', sponsorId: null, role: 'customer' }]);
    const result = computeCommissions({
      genealogy,
      plan,
      orders: [{ id: 'o1', affiliateId: 'c0', amount: '100.00', kind: 'retail' }],
    });
    expect(result.totals).toMatchObject({ potential: '15.00', paid: '0.00', breakage: '15.00' });
  });

  it('removing every customer changes no affiliate’s PV-independent lines: customers are leaves', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const genealogy = Genealogy.fromRecords(input.members);
        for (let i = 0; i < genealogy.size; i++) {
          if (genealogy.roles[i] === 1) expect(genealogy.subtreeSizes[i]).toBe(1);
        }
        const customers = input.members.filter((m) => m.role === 'customer').length;
        expect(genealogy.customerCount).toBe(customers);
      }),
      { seed: 31, numRuns: 200 },
    );
  });
});
