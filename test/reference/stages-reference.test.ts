import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { largestRemainder, referenceStages, type StageInput, type StagePlan } from './stages-reference';

// The stages oracle on figures small enough to check by hand, before anything is compared with it.
const plan = (over: Partial<StagePlan> = {}): StagePlan => ({
  levels: ['0.10', '0.05'],
  minPersonalVolume: '0',
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
];
const value = (d: Decimal | undefined) => (d ?? new Decimal(0)).toFixed();

describe('stages oracle', () => {
  it('largest remainder: floors, then the left-over units to the largest remainders, ties to the earlier', () => {
    expect(largestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(largestRemainder(10n, [0n, 3n, 1n])).toEqual([0n, 8n, 2n]);
    expect(largestRemainder(10n, [0n, 3n, 1n], true)).toEqual([0n, 7n, 2n]);
    expect(largestRemainder(5n, [0n, 0n])).toEqual([0n, 0n]);
  });

  it('binary, DESIGN §9: left 250, right 120, pairs of 100 paying 10 → 1 pair, carry 150 and 20', () => {
    const input: StageInput = {
      members: chain.slice(0, 1).concat([{ id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'A' }]),
      orders: [
        { id: 'b', affiliateId: 'B', amount: '250', kind: 'personal' },
        { id: 'c', affiliateId: 'C', amount: '120', kind: 'personal' },
      ],
      plan: plan({ levels: ['0', '0'], binary: { pairVolume: '100', pairAmount: '10' } }),
      placement: [
        { id: 'A', parentId: null, side: null },
        { id: 'B', parentId: 'A', side: 'left' },
        { id: 'C', parentId: 'A', side: 'right' },
      ],
    };
    const ref = referenceStages(input);
    expect(value(ref.exact.get('A'))).toBe('10');
    expect(ref.binaryCarry).toEqual({ A: { left: '150.00', right: '20.00' } });
    // carried in, the 150 / 20 and a new 100 on the right make one more pair
    const next = referenceStages(
      { ...input, orders: [{ id: 'c2', affiliateId: 'C', amount: '100', kind: 'personal' }], carryIn: ref.binaryCarry },
    );
    expect(value(next.exact.get('A'))).toBe('10');
    expect(next.binaryCarry).toEqual({ A: { left: '50.00', right: '20.00' } });
  });

  it('matching and a per-payee cap: A matches half of B’s unilevel, then is capped at 8 over both stages', () => {
    // C buys 100: B earns 10% = 10, A 5% = 5. A matches 50% of B's 10 (generation 1) = 5: A 10 in all.
    const input: StageInput = {
      members: chain,
      orders: [{ id: 'c', affiliateId: 'C', amount: '100', kind: 'personal' }],
      plan: plan({ matching: { levels: ['0.5'] } }),
    };
    const ref = referenceStages(input);
    expect(value(ref.uncapped.get('matching')?.get('A'))).toBe('5');
    expect(value(ref.exact.get('A'))).toBe('10');
    expect(ref.totals.potential.toFixed()).toBe('22.5'); // 15% × 100 + 50% × (10 + 5) matched earnings
    // capped at 8: A's unilevel 5 and matching 5 rescaled to 4 + 4
    const capped = referenceStages({ ...input, plan: { ...input.plan, caps: { perPayee: '8' } } });
    expect(value(capped.exact.get('A'))).toBe('8');
    expect(value(capped.capped.get('unilevel')?.get('A'))).toBe('4');
    expect(value(capped.capped.get('matching')?.get('A'))).toBe('4');
    // B's unilevel 10 is capped at 8 too: 4 taken in all; paid 8 + 8, breakage 22.5 − 16 − 4 = 2.5
    expect(value(capped.exact.get('B'))).toBe('8');
    expect(capped.totals.capped.toFixed()).toBe('4');
    expect(capped.totals.breakage.toFixed()).toBe('2.5');
  });

  it('a pool split by shares, the left-over unit to the earlier member on a tie', () => {
    // 2.5% of 100.01 = 2.50025 = 250,025 units of 0.00001, split 1 : 1 between B and C (rank R by PV ≥ 50):
    // 125,012.5 each, so 125,013 to B (the lower id) and 125,012 to C; A (PV 0) holds no share
    const input: StageInput = {
      members: chain,
      orders: [
        { id: 'b', affiliateId: 'B', amount: '50', kind: 'personal' },
        { id: 'c', affiliateId: 'C', amount: '50.01', kind: 'personal' },
      ],
      plan: plan({ levels: ['0', '0'], ranks: [{ name: 'R', personalVolume: '50' }], pools: [{ name: 'P', share: '0.025', shares: { R: 1 } }] }),
    };
    const ref = referenceStages(input);
    expect(value(ref.exact.get('B'))).toBe('1.25013');
    expect(value(ref.exact.get('C'))).toBe('1.25012');
    expect(value(ref.exact.get('A'))).toBe('0');
    // the records in another order change nothing: the tie goes to the lower id
    const reversed = referenceStages({ ...input, members: [...input.members].reverse() });
    expect(value(reversed.exact.get('B'))).toBe('1.25013');
  });
});
