import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy, incomeBySource } from '../../src';
import { bigVolumeScenarioArb, scenarioArb } from '../arbitraries';

const worked = {
  members: [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
    { id: 'D', sponsorId: 'C' },
  ],
  orders: [
    { id: 'o1', affiliateId: 'D', amount: '100', kind: 'retail' as const },
    { id: 'o2', affiliateId: 'C', amount: '40', kind: 'personal' as const },
    { id: 'o3', affiliateId: 'B', amount: '60', kind: 'personal' as const },
    { id: 'o4', affiliateId: 'A', amount: '50', kind: 'personal' as const },
    { id: 'o5', affiliateId: 'D', amount: '99', kind: 'enrollment' as const },
  ],
};

describe('income by source', () => {
  it('splits the DESIGN §3 worked example by hand', () => {
    const genealogy = Genealogy.fromRecords(worked.members);
    const plan = { levels: ['0.10', '0.05', '0.02'], minPersonalVolume: '50', commissionable: ['retail', 'personal', 'enrollment'] as const };
    const result = computeCommissions({ genealogy, plan: { ...plan, commissionable: [...plan.commissionable] }, orders: worked.orders });
    const income = incomeBySource(result);
    // B: D's retail 100 × 5% = 5; C's personal 40 × 10% = 4; D's fee 99 × 5% = 4.95
    expect(income.of('B')).toEqual({ retail: '5.00', personal: '4.00', enrollment: '4.95', recruiting: '0.00', total: '13.95' });
    // A: D's retail 100 × 2% = 2; C's 40 × 5% = 2 and B's 60 × 10% = 6 personal; D's fee 99 × 2% = 1.98
    expect(income.of('A')).toEqual({ retail: '2.00', personal: '8.00', enrollment: '1.98', recruiting: '0.00', total: '11.98' });
    expect(income.of('D')).toEqual({ retail: '0.00', personal: '0.00', enrollment: '0.00', recruiting: '0.00', total: '0.00' });
    expect(income.totals).toEqual({ retail: '7.00', personal: '12.00', enrollment: '6.93', recruiting: '0.00', total: result.totals.paid });
  });

  it('leaves a kind the plan does not pay on at zero', () => {
    const genealogy = Genealogy.fromRecords(worked.members);
    const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05', '0.02'], minPersonalVolume: '50' }, orders: worked.orders });
    expect(incomeBySource(result).totals.enrollment).toBe('0.00');
  });

  it('sums exactly to each payee’s exact commission and to the period’s paid (random periods, past 2^53 too)', () => {
    const check = (input: Parameters<typeof computeCommissions>[0] & { members: { id: string }[] }) => {
      const result = computeCommissions(input);
      const income = incomeBySource(result);
      for (const { id } of input.members) expect(income.of(id).total).toBe(result.exact(id));
      expect(income.totals.total).toBe(result.totals.paid);
      expect(income.units.total).toBe(income.units.retail + income.units.personal + income.units.enrollment + income.units.recruiting);
    };
    const run = (input: { members: { id: string; sponsorId: string | null }[]; orders: never[]; plan: never }) =>
      check({ genealogy: Genealogy.fromRecords(input.members), plan: input.plan, orders: input.orders, members: input.members });
    fc.assert(fc.property(scenarioArb(), (input) => run(input as never)), { seed: 41, numRuns: 300 });
    fc.assert(fc.property(bigVolumeScenarioArb, (input) => run(input as never)), { seed: 42, numRuns: 60 });
  });
});
