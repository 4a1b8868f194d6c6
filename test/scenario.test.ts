import { describe, expect, it } from 'vitest';
import { DownlineError, runScenario } from '../src';

describe('runScenario with the inputs of ranks and binary', () => {
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'A' },
  ];
  const plan = { levels: ['0', '0'], binary: { pairVolume: '100', pairAmount: '10' }, ranks: [{ name: 'Star', personalVolume: '1000' }] };
  const placement = [
    { id: 'A', parentId: null, side: null },
    { id: 'B', parentId: 'A', side: 'left' },
    { id: 'C', parentId: 'A', side: 'right' },
  ];

  it('reads placement, carry and achieved ranks, and returns the carry for the next period', () => {
    // DESIGN §9 again, as a document: A has 250 left and 120 right: 1 pair, carry 150 / 20
    const first = runScenario({
      plan,
      members,
      placement,
      orders: [
        { id: 'b', affiliateId: 'B', amount: '250.00', kind: 'personal' },
        { id: 'c', affiliateId: 'C', amount: '120.00', kind: 'personal' },
      ],
    });
    expect(first.payouts).toEqual({ A: '10.00' });
    expect(first.binaryCarry).toEqual({ A: { left: '150.00', right: '20.00' } });
    // next period: 80 more on the right meets the carried 150 left: 1 pair; carry 50 / 0
    const second = runScenario({
      plan,
      members,
      placement,
      binaryCarry: first.binaryCarry,
      achievedRanks: { B: 'Star' },
      orders: [{ id: 'c2', affiliateId: 'C', amount: '80.00', kind: 'personal' }],
    });
    expect(second.payouts).toEqual({ A: '10.00' });
    expect(second.binaryCarry).toEqual({ A: { left: '50.00', right: '0.00' } });
  });

  it('reports a bad carry and an unknown achieved rank with their paths', () => {
    let error: DownlineError | undefined;
    try {
      runScenario({ plan, members, placement, orders: [], binaryCarry: { Z: { left: '1', right: '1' } }, achievedRanks: { A: 'Moon' } });
    } catch (caught) {
      error = caught as DownlineError;
    }
    expect(error).toBeInstanceOf(DownlineError);
    expect(error?.issues.map((issue) => issue.path.join('.'))).toEqual(['achievedRanks.A', 'binaryCarry.Z']);
  });
});
