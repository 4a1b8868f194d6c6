import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy, incomeBySource } from '../../src';

// Seed 002: a commission to the ambassador who converted a prospect into a customer.
describe('direct sale commission', () => {
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'c1', sponsorId: 'B', role: 'customer' as const },
    { id: 'c0', sponsorId: null, role: 'customer' as const },
  ];
  const plan = { levels: ['0.10', '0.05'], minPersonalVolume: '50', directSale: '0.20' };
  const orders = [
    { id: 'r1', affiliateId: 'c1', amount: '100.00', kind: 'retail' as const }, // B converted c1: B is the seller
    { id: 'r2', affiliateId: 'A', amount: '30.00', kind: 'retail' as const }, // A sold to an outside customer
    { id: 'r3', affiliateId: 'c0', amount: '10.00', kind: 'retail' as const }, // a company customer: no seller
  ];

  it('pays the seller 20% of each retail sale, qualified or not, on top of the unilevel', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    // B: PV 100 (c1's order), active; direct sale 100 × 20% = 20.00; B is level 1 of c1's order: 10.00
    expect(result.payout('B')).toBe('30.00');
    // A: PV 30, inactive: no unilevel; still earns the direct sale on r2: 30 × 20% = 6.00
    expect(result.isActive('A')).toBe(false);
    expect(result.payout('A')).toBe('6.00');
    // potential: unilevel 15% of 140 = 21.00, direct sale 20% of 140 = 28.00; paid 36.00
    expect(result.totals).toMatchObject({ potential: '49.00', paid: '36.00', breakage: '13.00' });
    expect(result.explain('B').bonuses).toEqual([{ bonus: 'direct-sale', orderId: 'r1', buyerId: 'c1', level: 0, amount: '20.00' }]);
    expect(result.explain('A')).toMatchObject({ active: false, exact: '6.00', lines: [] });
    expect(incomeBySource(result).of('B')).toMatchObject({ retail: '30.00', total: '30.00' });
  });
});
