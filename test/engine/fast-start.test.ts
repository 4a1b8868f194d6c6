import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy, incomeBySource } from '../../src';

// DESIGN §9: on an enrollment, 50 to the sponsor and 20 to the sponsor's sponsor.
describe('fast start', () => {
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
  ];
  const plan = { levels: ['0.10', '0.05'], minPersonalVolume: '0', fastStart: ['50', '20'] };
  const enrol = { id: 'e1', affiliateId: 'C', amount: '99.00', kind: 'enrollment' as const };

  it('pays 50 to the enroller and 20 to the enroller’s sponsor on each enrollment', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders: [enrol] });
    expect(result.payout('B')).toBe('50.00');
    expect(result.payout('A')).toBe('20.00');
    expect(result.payout('C')).toBe('0.00');
    // the joining fee itself is not commissionable here: only the fast start is paid
    expect(result.totals).toMatchObject({ potential: '70.00', paid: '70.00', breakage: '0.00', payouts: '70.00' });
    expect(result.explain('B')).toMatchObject({
      exact: '50.00',
      lines: [],
      bonuses: [{ bonus: 'fast-start', orderId: 'e1', buyerId: 'C', level: 1, amount: '50.00' }],
    });
    expect(result.payouts()).toEqual([
      { id: 'A', amount: '20.00' },
      { id: 'B', amount: '50.00' },
    ]);
  });

  it('adds to the unilevel commission of the same payee, and counts as a recruiting bonus', () => {
    const sale = { id: 'r1', affiliateId: 'C', amount: '100.00', kind: 'retail' as const };
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders: [enrol, sale] });
    expect(result.payout('B')).toBe('60.00'); // 50 + 100 × 10%
    expect(result.payout('A')).toBe('25.00'); // 20 + 100 × 5%
    expect(incomeBySource(result).of('B')).toEqual({ retail: '10.00', personal: '0.00', enrollment: '0.00', recruiting: '50.00', total: '60.00' });
  });

  it('follows the plan’s qualification and compression', () => {
    // B inactive (minimum 10, B bought nothing); A bought 10
    const orders = [enrol, { id: 'a', affiliateId: 'A', amount: '10', kind: 'personal' as const }];
    const none = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan: { ...plan, minPersonalVolume: '10' }, orders });
    expect(none.payout('B')).toBe('0.00');
    expect(none.payout('A')).toBe('20.00'); // level 2 stays level 2; B's 50 is breakage
    // A's own 10.00 is commissionable too and runs past the root: 1.50 more potential and breakage
    expect(none.totals).toMatchObject({ potential: '71.50', paid: '20.00', breakage: '51.50' });
    const dynamic = computeCommissions({
      genealogy: Genealogy.fromRecords(members),
      plan: { ...plan, minPersonalVolume: '10', compression: 'dynamic' },
      orders,
    });
    expect(dynamic.payout('A')).toBe('50.00'); // B skipped: A moves up to level 1
  });
});
