/** `result.eachPayout()`: the payees of `payouts()`, in the same order, one at a time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';
import { stageScenarioArb } from '../arbitraries';

describe('eachPayout', () => {
  it('yields exactly payouts(), in genealogy order, on random periods with every stage', () => {
    fc.assert(
      fc.property(stageScenarioArb(), (input) => {
        const result = computeCommissions({ genealogy: Genealogy.fromRecords(input.members), plan: input.plan, orders: input.orders });
        expect([...result.eachPayout()]).toEqual(result.payouts());
      }),
      { seed: 41, numRuns: 150 },
    );
  });

  it('is lazy: the first payee comes before the others are formatted, and a new call starts over', () => {
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'B' },
    ]);
    const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05'] }, orders: [{ id: 'o1', affiliateId: 'C', amount: '100.00', kind: 'retail' }] });
    const payees = result.eachPayout();
    expect(payees.next()).toEqual({ done: false, value: { id: 'A', amount: '5.00' } });
    expect([...payees]).toEqual([{ id: 'B', amount: '10.00' }]);
    expect([...result.eachPayout()].map((p) => p.id)).toEqual(['A', 'B']);
  });
});
