import { describe, expect, it } from 'vitest';
import { computeCommissions, DownlineError, Genealogy, parsePlan } from '../../src';
import type { PlanInput } from '../../src';

/** A ← B ← C ← D: one line of sponsorship. */
const line = () =>
  Genealogy.fromRecords([
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
    { id: 'D', sponsorId: 'C' },
  ]);
const personal = (id: string, affiliateId: string, amount: string) => ({ id, affiliateId, amount, kind: 'personal' as const });

/** Σ of every line of an explanation, in the exact unit of its `exact` figure, compared as scaled integers. */
function linesAddUp(explanation: ReturnType<ReturnType<typeof computeCommissions>['explain']>): void {
  const amounts = [...explanation.lines, ...explanation.bonuses, ...explanation.caps].map((l) => l.amount);
  const decimals = Math.max(...[explanation.exact, ...amounts].map((a) => (a.split('.')[1] ?? '').length));
  const units = (a: string) => {
    const negative = a.startsWith('-');
    const [whole, fraction = ''] = a.replace('-', '').split('.');
    const value = BigInt(whole + fraction.padEnd(decimals, '0'));
    return negative ? -value : value;
  };
  expect(amounts.reduce((sum, a) => sum + units(a), 0n)).toBe(units(explanation.exact));
}

describe('matching bonus', () => {
  // Unilevel 10% / 5% on D's 100: C earns 10, B earns 5, A nothing (level 3).
  // Matching 50% of generation 1's unilevel, 10% of generation 2's:
  //   A: B's 5 × 50% = 2.50 and C's 10 × 10% = 1.00 → 3.50;  B: C's 10 × 50% = 5.00;  C: D earned nothing.
  // Potential: unilevel 100 × 15% = 15; matching 15 of matched earnings × (50% + 10%) = 9 → 24.
  // Breakage: B's 5 matched at generation 2 has no one above A: 0.50.
  const plan: PlanInput = { levels: ['0.10', '0.05'], matching: { levels: ['0.5', '0.1'] } };

  it('pays by generation on the matched earnings', () => {
    const result = computeCommissions({ genealogy: line(), plan, orders: [personal('o1', 'D', '100.00')] });
    expect([result.payout('A'), result.payout('B'), result.payout('C')]).toEqual(['3.50', '10.00', '10.00']);
    expect(result.earnings('B')).toEqual({ unilevel: '5.00', matching: '5.00' });
    expect(result.totals).toMatchObject({ potential: '24.00', paid: '23.50', breakage: '0.50', capped: '0.00' });
    expect(result.explain('A').bonuses).toEqual([
      { bonus: 'matching', fromId: 'B', generation: 1, base: '5.00', rate: '0.5', amount: '2.50' },
      { bonus: 'matching', fromId: 'C', generation: 2, base: '10.00', rate: '0.1', amount: '1.00' },
    ]);
    for (const id of ['A', 'B', 'C', 'D']) linesAddUp(result.explain(id));
  });

  it('pays by rank: a rank with its own matching row uses it', () => {
    // A buys 50 and is a Leader (PV ≥ 50), matching 20% on one generation: B's 5 × 20% = 1.00.
    // D (PV 100) is a Leader too but has nobody below; B and C have no rank and use the plan's row.
    const ranked: PlanInput = { ...plan, ranks: [{ name: 'Leader', personalVolume: '50', matching: ['0.2'] }] };
    const result = computeCommissions({
      genealogy: line(),
      plan: ranked,
      orders: [personal('o1', 'D', '100.00'), personal('o2', 'A', '50.00')],
    });
    expect(result.rank('A').paidAs).toBe('Leader');
    expect(result.earnings('A')).toEqual({ unilevel: '0.00', matching: '1.00' });
    expect(result.earnings('B')).toEqual({ unilevel: '5.00', matching: '5.00' });
    // potential: unilevel on 150 of volume × 15% = 22.50 (A's own 50 pays no one: 7.50 of breakage), matching
    // 15 of matched earnings × the best rate at each generation (50% + 10%) = 9; paid 15 + 1 + 5 = 21
    expect(result.totals).toMatchObject({ potential: '31.50', paid: '21.00', breakage: '10.50' });
  });
});

describe('leadership pool', () => {
  // A (PV 200) is Diamond, B (100) and C (150) Gold, D (10) has no rank. Volume 460; the pool is 1% = 4.60,
  // one share each to Gold and Diamond: 3 shares. In exact units (10^-4): 46000 / 3 = 15333 rest 1, and the
  // leftover unit goes to the largest remainder, ties to the lower member id: A.
  const plan: PlanInput = {
    levels: ['0', '0'],
    ranks: [
      { name: 'Gold', personalVolume: '100' },
      { name: 'Diamond', personalVolume: '200' },
    ],
    pools: [{ name: 'Leaders', share: '0.01', shares: { Gold: 1, Diamond: 1 } }],
  };
  const orders = [personal('a', 'A', '200.00'), personal('b', 'B', '100.00'), personal('c', 'C', '150.00'), personal('d', 'D', '10.00')];

  it('splits the pool by shares, every exact unit allocated', () => {
    const result = computeCommissions({ genealogy: line(), plan, orders });
    expect(['A', 'B', 'C', 'D'].map((id) => result.exact(id))).toEqual(['1.5334', '1.5333', '1.5333', '0.00']);
    expect(result.totals).toMatchObject({ potential: '4.60', paid: '4.60', breakage: '0.00', payouts: '4.59', residual: '0.01' });
    expect(result.explain('A').bonuses).toEqual([
      { bonus: 'pool', pool: 'Leaders', poolAmount: '4.60', shares: 1, totalShares: 3, amount: '1.5334' },
    ]);
  });

  it('is breakage when nobody holds a share', () => {
    const result = computeCommissions({ genealogy: line(), plan, orders: [personal('d', 'D', '10.00')] });
    expect(result.totals).toMatchObject({ potential: '0.10', paid: '0.00', breakage: '0.10' });
  });
});

describe('caps', () => {
  // A ← B ← C; levels 50% / 50%. C buys 100 and B buys 100: B earns 50 (C's level 1), A earns 50 + 50 = 100.
  // Potential 200 × 100% = 200; B's order's level 2 is above the root: 50 of breakage.
  const genealogy = () =>
    Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'B' },
    ]);
  const orders = [personal('c', 'C', '100.00'), personal('b', 'B', '100.00')];

  it('per payee, then a total share of volume in whole cents, with the leftover cent by largest remainder', () => {
    // per payee 80: A 100 → 80 (20 cut). Total at most 50% of 200 = 100.00, and 80 + 50 = 130 are due, shared
    // in cents: A 10000 × 80 / 130 = 6153.8…, B 3846.1…; the leftover cent goes to A (.85 > .15).
    const plan: PlanInput = { levels: ['0.5', '0.5'], caps: { perPayee: '80', totalShare: '0.5' } };
    const result = computeCommissions({ genealogy: genealogy(), plan, orders });
    expect([result.exact('A'), result.exact('B')]).toEqual(['61.54', '38.46']);
    expect(result.totals).toMatchObject({ potential: '200.00', paid: '100.00', capped: '50.00', breakage: '50.00', payouts: '100.00' });
    expect(result.stages()).toEqual([{ stage: 'unilevel', potential: '200.00', paid: '100.00', capped: '50.00' }]);
    expect(result.explain('A').caps).toEqual([
      { cap: 'per-payee', stage: null, amount: '-20.00' },
      { cap: 'total-share', stage: null, amount: '-18.46' },
    ]);
    for (const id of ['A', 'B', 'C']) linesAddUp(result.explain(id));
  });

  it('remainder "company": the cent proportional floors leave over is not paid', () => {
    const plan: PlanInput = { levels: ['0.5', '0.5'], caps: { perPayee: '80', totalShare: '0.5', remainder: 'company' } };
    const result = computeCommissions({ genealogy: genealogy(), plan, orders });
    expect([result.exact('A'), result.exact('B')]).toEqual(['61.53', '38.46']);
    expect(result.totals).toMatchObject({ paid: '99.99', capped: '50.01', breakage: '50.00' });
  });

  it('a total-share cap holds for the rounded payouts too (the reviewer\'s case: half-up on sub-cent amounts)', () => {
    // three sponsors each earn 10% of 0.06 = 0.006; half-up would pay 0.01 each. At most 9% of 0.18 = 0.0162:
    // 1 whole cent to share, and each may take at most the whole cents they were due (none): nothing is paid.
    const pairs = Genealogy.fromRecords(['1', '2', '3'].flatMap((k) => [{ id: `A${k}`, sponsorId: null }, { id: `B${k}`, sponsorId: `A${k}` }]));
    const result = computeCommissions({
      genealogy: pairs,
      plan: { levels: ['0.1', '0'], rounding: 'half-up', caps: { totalShare: '0.09' } },
      orders: ['1', '2', '3'].map((k) => ({ id: `o${k}`, affiliateId: `B${k}`, amount: '0.06', kind: 'retail' as const })),
    });
    expect(result.totals).toMatchObject({ payouts: '0.00', paid: '0.00', capped: '0.018' });
  });

  it('per bonus: one stage capped, the others untouched', () => {
    const plan: PlanInput = { levels: ['0.5', '0.5'], fastStart: ['30'], caps: { perBonus: { unilevel: '60' } } };
    const enrollment = { id: 'e', affiliateId: 'C', amount: '10.00', kind: 'enrollment' as const };
    const result = computeCommissions({ genealogy: genealogy(), plan, orders: [...orders, enrollment] });
    // A: unilevel 100 → 60; B: unilevel 50 and fast start 30 on C's enrollment (B enrolled C)
    expect(result.earnings('A')).toEqual({ unilevel: '60.00', 'fast-start': '0.00' });
    expect(result.earnings('B')).toEqual({ unilevel: '50.00', 'fast-start': '30.00' });
    expect(result.explain('A').caps).toEqual([{ cap: 'per-bonus', stage: 'unilevel', amount: '-40.00' }]);
    expect(result.stages()).toEqual([
      { stage: 'unilevel', potential: '200.00', paid: '110.00', capped: '40.00' },
      { stage: 'fast-start', potential: '30.00', paid: '30.00', capped: '0.00' },
    ]);
    expect(result.totals).toMatchObject({ potential: '230.00', paid: '140.00', capped: '40.00', breakage: '50.00' });
  });
});

describe('binary through the engine, three periods', () => {
  // Placement (separate from sponsorship): A at the root, B left and C right of A, D left of B.
  const genealogy = line();
  const placement = [
    { id: 'A', parentId: null, side: null },
    { id: 'B', parentId: 'A', side: 'left' },
    { id: 'C', parentId: 'A', side: 'right' },
    { id: 'D', parentId: 'B', side: 'left' },
  ] as const;
  const plan: PlanInput = { levels: ['0', '0'], binary: { pairVolume: '100', pairAmount: '10', carryCap: '200', pairCeiling: 2 } };

  it('pairs the weak leg, carries the rest under the cap, flushes pairs above the ceiling', () => {
    // Period 1 (DESIGN §9): A has 250 left (B) and 120 right (C): 1 pair, 10.00; carry 150 / 20.
    const p1 = computeCommissions({ genealogy, plan, placement, orders: [personal('1b', 'B', '250.00'), personal('1c', 'C', '120.00')] });
    expect(p1.payout('A')).toBe('10.00');
    expect(p1.binaryCarry()).toEqual({ A: { left: '150.00', right: '20.00' } });
    expect(p1.explain('A').bonuses).toEqual([
      { bonus: 'binary', left: '250.00', right: '120.00', pairsFormed: 1, pairs: 1, carryLeft: '150.00', carryRight: '20.00', amount: '10.00' },
    ]);
    // Period 2: D buys 300, C 100. A: left 150 + 300 = 450, right 20 + 100 = 120: 1 pair; 350 left over is
    // carried at the cap, 200; right 20. B: 300 on the left, nothing on the right: carry 200 (cap).
    const p2 = computeCommissions({
      genealogy,
      plan,
      placement,
      orders: [personal('2d', 'D', '300.00'), personal('2c', 'C', '100.00')],
      binaryCarry: p1.binaryCarry(),
    });
    expect(p2.payout('A')).toBe('10.00');
    expect(p2.binaryCarry()).toEqual({ A: { left: '200.00', right: '20.00' }, B: { left: '200.00', right: '0.00' } });
    // Period 3: D buys 300, C 500. A: left 200 + 300 = 500, right 20 + 500 = 520: 5 pairs formed, 2 paid
    // (the ceiling), 3 flushed (30.00 of breakage); carry 0 / 20. B: left 200 + 300 = 500, right 0: carry 200.
    const p3 = computeCommissions({
      genealogy,
      plan,
      placement,
      orders: [personal('3d', 'D', '300.00'), personal('3c', 'C', '500.00')],
      binaryCarry: p2.binaryCarry(),
    });
    expect(p3.payout('A')).toBe('20.00');
    expect(p3.totals).toMatchObject({ potential: '50.00', paid: '20.00', breakage: '30.00' });
    expect(p3.binaryCarry()).toEqual({ A: { left: '0.00', right: '20.00' }, B: { left: '200.00', right: '0.00' } });
    expect(p3.explain('A').bonuses[0]).toMatchObject({ pairsFormed: 5, pairs: 2 });
  });

  it('needs a placement, and a plan without binary takes none', () => {
    expect(() => computeCommissions({ genealogy, plan, orders: [] })).toThrow(/the plan pays a binary/);
    expect(() => computeCommissions({ genealogy, plan: { levels: ['0.1', '0.1'] }, orders: [], placement })).toThrow(
      /the plan has no binary; leave placement and binaryCarry out/,
    );
  });
});

describe('retail profit', () => {
  // A ← B, and c a customer B referred. B sells 100 retail (70 wholesale): profit 30. c buys 40 with no
  // wholesale cost given: at the plan's wholesale rate 75%, the profit is 10. B earns 40 of retail profit.
  // Unilevel 10% / 10%: B's sale pays A 10 (level 1); c's order starts its walk at B: B 4, A 4.
  // Potential: unilevel 140 × 20% = 28 (B's sale's level 2 is above the root: 10 of breakage) + profit 40.
  const genealogy = () =>
    Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'c', sponsorId: 'B', role: 'customer' },
    ]);
  const plan: PlanInput = { levels: ['0.1', '0.1'], retailProfit: { wholesaleRate: '0.75' } };

  it('pays the seller the price minus the wholesale cost', () => {
    const result = computeCommissions({
      genealogy: genealogy(),
      plan,
      orders: [
        { id: 'r1', affiliateId: 'B', amount: '100.00', wholesale: '70.00', kind: 'retail' },
        { id: 'r2', affiliateId: 'c', amount: '40.00', kind: 'retail' },
      ],
    });
    expect(result.earnings('B')).toEqual({ unilevel: '4.00', 'retail-profit': '40.00' });
    expect(result.payout('A')).toBe('14.00');
    expect(result.totals).toMatchObject({ potential: '68.00', paid: '58.00', breakage: '10.00' });
    expect(result.explain('B').bonuses).toEqual([
      { bonus: 'retail-profit', orderId: 'r1', buyerId: 'B', level: 0, amount: '30.00' },
      { bonus: 'retail-profit', orderId: 'r2', buyerId: 'c', level: 0, amount: '10.00' },
    ]);
    linesAddUp(result.explain('B'));
  });

  it('refuses a wholesale cost above the price or on an order that is not retail', () => {
    const run = () =>
      computeCommissions({
        genealogy: genealogy(),
        plan,
        orders: [
          { id: 'r1', affiliateId: 'B', amount: '50.00', wholesale: '60.00', kind: 'retail' },
          { id: 'p1', affiliateId: 'B', amount: '50.00', wholesale: '40.00', kind: 'personal' },
        ],
      });
    expect(run).toThrow(DownlineError);
    expect(() => run()).toThrow(/order "r1": wholesale "60.00" is more than the amount/);
    try {
      run();
    } catch (error) {
      expect((error as DownlineError).issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
        ['INVALID_AMOUNT', 'orders.0.wholesale'],
        ['INVALID_ORDER', 'orders.1.wholesale'],
      ]);
    }
  });
});

describe('plan validation of the new features', () => {
  const issues = (input: unknown) => {
    try {
      parsePlan(input);
    } catch (error) {
      return (error as DownlineError).issues.map((issue) => issue.message);
    }
    return [];
  };
  it('quotes the path of every problem', () => {
    expect(
      issues({
        levels: ['0.1', '0.1'],
        ranks: [
          { name: 'Silver', differential: '0.10' },
          { name: 'Gold', differential: '0.05' },
          { name: 'Ruby' },
        ],
        breakaway: { rank: 'Emerald', generations: ['0.04'] },
        pools: [{ name: 'P', share: '0.01', shares: { Onyx: 1 } }],
        binary: { pairVolume: '0', pairAmount: '10.001' },
        caps: { perBonus: { bogus: '1' } },
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('ranks[2].differential: every rank needs a differential rate when one has'),
        expect.stringContaining('breakaway.rank: unknown rank "Emerald"'),
        expect.stringContaining('pools[0].shares.Onyx: unknown rank "Onyx"'),
        expect.stringContaining('binary.pairVolume: must be above 0'),
        expect.stringContaining('caps.perBonus.bogus: "bogus" is not a stage: unilevel, fast-start'),
      ]),
    );
    expect(
      issues({
        levels: ['0.1', '0.1'],
        caps: { perBonus: { binary: '10' } },
        matching: { levels: [], on: ['differential'] },
      }),
    ).toEqual([
      expect.stringContaining('caps.perBonus.binary: the plan runs no binary stage'),
      expect.stringContaining('matching.on[0]: the plan runs no differential stage to match'),
      expect.stringContaining("matching.levels: a matching bonus needs rates: matching.levels or a rank's matching"),
    ]);
    // field checks come first: the plan-wide checks run once every field is valid
    expect(issues({ levels: ['0.1', '0.1'], ranks: [{ name: 'R' }], pools: [{ name: 'P', share: '2', shares: { R: 2e9 } }] })).toEqual([
      expect.stringContaining('pools[0].share: a pool share is at most 1, got "2"'),
      expect.stringContaining('pools[0].shares.R: a number of shares is at most 1000000000'),
    ]);
    expect(issues({ levels: ['0.1', '0.1'], ranks: [{ name: 'S', differential: '0.1' }, { name: 'G', differential: '0.05' }] })).toEqual([
      expect.stringContaining('ranks[1].differential: differential "0.05" of "G" is below "0.1" of the rank under it'),
    ]);
    expect(issues({ levels: ['0.1', '0.1'], pools: [{ name: 'P', share: '0.01', shares: {} }] })).toEqual([
      expect.stringContaining('pools: pools are shared by rank: the plan needs ranks'),
    ]);
  });
  it('refuses volume stages that pay more than the volume, unless allowed', () => {
    const plan = { levels: ['0.5', '0.3'], directSale: '0.1', ranks: [{ name: 'S', differential: '0.1' }], breakaway: { rank: 'S', generations: ['0.05'] } };
    expect(issues(plan)).toEqual([
      'plan stages (best level rates + direct sale + top differential + generations + pools): rates add up to 1.05, more than 1; set allowRateSumAboveOne to allow it',
    ]);
    expect(issues({ ...plan, allowRateSumAboveOne: true })).toEqual([]);
  });

  it('normalizes and re-parses to the same plan', () => {
    const plan = parsePlan({
      levels: ['0.10', '0.05'],
      ranks: [{ name: 'S', differential: '0.050', matching: ['0.10'] }],
      breakaway: { rank: 'S', generations: ['0.040'] },
      matching: { on: ['unilevel', 'differential'] },
      pools: [{ name: 'P', share: '0.010', shares: { S: 2 } }],
      binary: { pairVolume: '100', pairAmount: '10' },
      caps: { perPayee: '1000', totalShare: '0.50' },
    });
    expect(plan).toMatchObject({
      ranks: [{ name: 'S', differential: '0.05', matching: ['0.1'] }],
      breakaway: { rank: 'S', generations: ['0.04'] },
      matching: { levels: [], on: ['unilevel', 'differential'] },
      pools: [{ name: 'P', share: '0.01', shares: { S: 2 } }],
      binary: { pairVolume: '100.00', pairAmount: '10.00', carryCap: null, pairCeiling: null },
      caps: { perPayee: '1000.00', perBonus: {}, totalShare: '0.5', remainder: 'largest-remainder' },
    });
    expect(parsePlan(plan)).toEqual(plan);
  });
});
