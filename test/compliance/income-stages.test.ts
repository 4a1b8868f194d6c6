import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy, incomeBySource } from '../../src';
import type { PlanInput } from '../../src';

const chain = (ids: string[]) => Genealogy.fromRecords(ids.map((id, k) => ({ id, sponsorId: k === 0 ? null : ids[k - 1] })));
const order = (id: string, affiliateId: string, amount: string, kind: 'retail' | 'personal' | 'enrollment') => ({ id, affiliateId, amount, kind });

/** Each payee's parts add up to their exact commission, and all of them to `paid`. */
function addsUp(result: ReturnType<typeof computeCommissions>, ids: string[]): void {
  const income = incomeBySource(result);
  for (const id of ids) expect(income.of(id).total).toBe(result.exact(id));
  expect(income.totals.total).toBe(result.totals.paid);
}

describe('income by source over every stage', () => {
  const ranks: PlanInput['ranks'] = [
    { name: 'Consultant', personalVolume: '50', differential: '0.05', matching: ['0.1'] },
    { name: 'Manager', groupVolume: '500', differential: '0.10', matching: ['0.2'] },
    { name: 'Director', groupVolume: '1000', differential: '0.15', matching: ['0.3'] },
  ];
  const orders = [
    order('e1', 'E', '200.00', 'retail'),
    order('d1', 'D', '300.00', 'personal'),
    order('c1', 'C', '100.00', 'retail'),
    order('b1', 'B', '600.00', 'personal'),
    order('a1', 'A', '100.00', 'personal'),
    order('j1', 'E', '50.00', 'enrollment'),
  ];
  const ids = ['A', 'B', 'C', 'D', 'E'];

  it('splits the differential by the kind of the volume it is paid on', () => {
    // D earns 10% on its own 300 (personal) and 10% − 5% on E's 200 (retail)
    const result = computeCommissions({ genealogy: chain(ids), plan: { levels: ['0', '0'], ranks }, orders });
    expect(incomeBySource(result).of('D')).toMatchObject({ retail: '10.00', personal: '30.00', enrollment: '0.00' });
    addsUp(result, ids);
  });

  it('adds up with breakaway, matching, pools, fast start and caps together', () => {
    const plan: PlanInput = {
      levels: ['0.05', '0.03'],
      fastStart: ['20'],
      ranks,
      breakaway: { rank: 'Director', generations: ['0.04', '0.02'] },
      matching: { on: ['unilevel', 'differential'] },
      pools: [{ name: 'Leaders', share: '0.01', shares: { Manager: 1, Director: 2 } }],
      caps: { perPayee: '90', totalShare: '0.3', perBonus: { matching: '5' } },
    };
    const result = computeCommissions({ genealogy: chain(ids), plan, orders });
    expect(result.totals.capped).not.toBe('0.00');
    addsUp(result, ids);
    // fast start on E's enrollment is recruiting money, whatever the caps took
    expect(incomeBySource(result).of('D').recruiting).not.toBe('0.00');
  });
});

describe('income by source of a binary paid from carried volume alone', () => {
  it('counts it in the plan\'s first commissionable kind', () => {
    // no orders at all: A's carried 300 / 300 makes 3 pairs of 10.00
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'A' },
    ]);
    const result = computeCommissions({
      genealogy,
      plan: { levels: ['0', '0'], binary: { pairVolume: '100', pairAmount: '10' } },
      orders: [],
      placement: [
        { id: 'A', parentId: null, side: null },
        { id: 'B', parentId: 'A', side: 'left' },
        { id: 'C', parentId: 'A', side: 'right' },
      ],
      binaryCarry: { A: { left: '300', right: '300' } },
    });
    expect(result.totals.paid).toBe('30.00');
    expect(incomeBySource(result).of('A')).toMatchObject({ retail: '30.00', total: '30.00' });
    addsUp(result, ['A', 'B', 'C']);
  });
});
