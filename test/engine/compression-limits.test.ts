import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';

// Two statements one might expect of dynamic compression hold only under conditions; these examples show why,
// so that nobody "fixes" the property tests by dropping the conditions.
const chain = Genealogy.fromRecords([
  { id: 'B', sponsorId: null },
  { id: 'C', sponsorId: 'B' },
  { id: 'D', sponsorId: 'C' },
]);
const orders = [
  { id: 'b', affiliateId: 'B', amount: '50', kind: 'personal' as const },
  { id: 'd', affiliateId: 'D', amount: '100', kind: 'retail' as const },
];

describe('dynamic compression, where intuition fails', () => {
  it('pays less than none when deeper levels pay more (rates 1% then 20%)', () => {
    const plan = { levels: ['0.01', '0.20'], minPersonalVolume: '50' };
    // C is inactive. none: B is D's level 2 → 20.00. dynamic: B moves up to level 1 → 1.00.
    expect(computeCommissions({ genealogy: chain, plan: { ...plan, compression: 'none' }, orders }).payout('B')).toBe('20.00');
    expect(computeCommissions({ genealogy: chain, plan: { ...plan, compression: 'dynamic' }, orders }).payout('B')).toBe('1.00');
  });
  it('an order that activates someone can lower their upline (B drops from level 1 to level 2)', () => {
    const plan = { levels: ['0.10', '0.01'], minPersonalVolume: '50', compression: 'dynamic' as const, commissionable: ['retail' as const] };
    const before = computeCommissions({ genealogy: chain, plan, orders });
    const after = computeCommissions({
      genealogy: chain,
      plan,
      orders: [...orders, { id: 'c', affiliateId: 'C', amount: '50', kind: 'personal' as const }],
    });
    expect(before.payout('B')).toBe('10.00'); // D's 100 at level 1
    expect(after.payout('B')).toBe('1.00'); // C now takes level 1; C's personal order is not commissionable
  });
});
