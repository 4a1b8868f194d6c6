import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions, type DownlineError, Genealogy, parsePlan, safeParsePlan } from '../../src';
import { scenarioArb } from '../arbitraries';
import { referenceCommissions } from '../reference/reference';
import { type RefRank, referenceRanks } from '../reference/ranks-reference';

const base = { levels: ['0.05', '0.02'], minPersonalVolume: '0' };
const order = (id: string, affiliateId: string, amount: string) => ({ id, affiliateId, amount, kind: 'personal' as const });

describe('max-leg rule (DESIGN §9: 4,350 GV, at most 40% from one leg = 1,740)', () => {
  // A (PV 100) with legs B (GV 3,000) and C (GV 1,000): 100 + min(3,000, 1,740) + 1,000 = 2,840 < 4,350.
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'A' },
    { id: 'D', sponsorId: 'A' },
  ];
  const plan = { ...base, ranks: [{ name: 'Gold', groupVolume: '4350', maxLegShare: '0.4' }] };
  const orders = [order('a', 'A', '100.00'), order('b', 'B', '3000.00'), order('c', 'C', '1000.00')];

  it('counts at most 1,740 from one leg', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    expect(result.groupVolume('A')).toBe('4100.00'); // raw GV passes…
    expect(result.rank('A')).toEqual({ paidAs: null, achieved: null }); // …the capped one does not
    const card = result.rankReport('A');
    expect(card?.next?.name).toBe('Gold');
    expect(card?.next?.missing).toEqual([
      { requirement: 'groupVolume', needed: '4350.00', reached: '2840.00', missing: '1510.00', met: false },
    ]);
  });
  it('holds once a third leg brings the capped volume to 4,440', () => {
    const more = [...orders, order('d', 'D', '1600.00')];
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders: more });
    expect(result.rank('A').paidAs).toBe('Gold');
    expect(result.rankReport('A')?.ranks[0].requirements).toContainEqual({
      requirement: 'groupVolume', needed: '4350.00', reached: '4440.00', missing: '0.00', met: true,
    });
    expect(result.rankReport('A')?.next).toBeNull();
  });
  it('counts a fractional cap exactly (3 units, at most half from a leg: two legs of 2 make 1.5 + 1.5)', () => {
    const result = computeCommissions({
      genealogy: Genealogy.fromRecords(members.slice(0, 3)),
      plan: { ...base, scale: 0, ranks: [{ name: 'R', groupVolume: '3', maxLegShare: '0.5' }] },
      orders: [order('b', 'B', '2'), order('c', 'C', '2')],
    });
    expect(result.rank('A').paidAs).toBe('R');
    // a leg of 1 sits below the 1.5 cap and counts 1, not 1.5: 1 + 1.5 = 2.5 < 3
    const short = computeCommissions({
      genealogy: Genealogy.fromRecords(members.slice(0, 3)),
      plan: { ...base, scale: 0, ranks: [{ name: 'R', groupVolume: '3', maxLegShare: '0.5' }] },
      orders: [order('b', 'B', '1'), order('c', 'C', '2')],
    });
    expect(short.rank('A').paidAs).toBeNull();
    expect(short.rankReport('A')?.next?.missing[0]).toMatchObject({ reached: '2.5', missing: '0.5' });
  });
});

describe('legs, recruits, paid-as and achieved', () => {
  // A ← B ← C; A ← D. Bronze: PV 50. Silver: 2 legs holding a Bronze, 1 personally sponsored active.
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
    { id: 'D', sponsorId: 'A' },
    { id: 'c1', sponsorId: 'D', role: 'customer' as const },
  ];
  const plan = {
    ...base,
    minPersonalVolume: '10',
    ranks: [
      { name: 'Bronze', personalVolume: '50' },
      { name: 'Silver', activeLegs: 2, legRank: 'Bronze', personallySponsoredActives: 1 },
    ],
  };
  // B buys 20 (active, no rank), C buys 60 (Bronze), D's customer buys 50 (D: PV 50, Bronze), A buys 10 (active).
  const orders = [
    order('a', 'A', '10'),
    order('b', 'B', '20'),
    order('c', 'C', '60'),
    { id: 'r', affiliateId: 'c1', amount: '50', kind: 'retail' as const },
  ];
  const run = (achievedRanks?: Record<string, string>) =>
    computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders, achievedRanks });

  it('a leg holds a rank when anyone in it does; the customer’s order makes D a Bronze', () => {
    const result = run();
    expect(result.rank('C').paidAs).toBe('Bronze');
    expect(result.rank('D').paidAs).toBe('Bronze');
    expect(result.rank('B').paidAs).toBeNull();
    expect(result.rank('A').paidAs).toBe('Silver'); // legs B (holding C) and D; B and D are active recruits
    expect(result.rank('c1')).toEqual({ paidAs: null, achieved: null });
    expect(result.rankReport('A')?.ranks[1].requirements).toEqual([
      { requirement: 'active', needed: 1, reached: 1, missing: 0, met: true },
      { requirement: 'activeLegs', needed: 2, reached: 2, missing: 0, met: true },
      { requirement: 'personallySponsoredActives', needed: 1, reached: 2, missing: 0, met: true },
    ]);
  });
  it('the achieved rank is the highest ever: a previous Silver stays achieved while paid as nothing', () => {
    const result = run({ B: 'Silver', C: 'Bronze' });
    expect(result.rank('B')).toEqual({ paidAs: null, achieved: 'Silver' });
    expect(result.rank('C')).toEqual({ paidAs: 'Bronze', achieved: 'Bronze' });
    expect(result.rankReport('B')).toMatchObject({ paidAs: null, achieved: 'Silver' });
  });
  it('refuses unknown members and rank names in the achieved ranks, together', () => {
    try {
      run({ Z: 'Bronze', B: 'Platinum' });
      expect.unreachable();
    } catch (error) {
      expect((error as DownlineError).issues.map((i) => i.code)).toEqual(['UNKNOWN_MEMBER', 'UNKNOWN_RANK']);
    }
  });
  it('without a ladder, ranks are absent', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan: base, orders });
    expect(result.rank('A')).toEqual({ paidAs: null, achieved: null });
    expect(result.rankReport('A')).toBeNull();
    expect(result.groupVolume('A')).toBeNull();
  });
});

describe('the rank ladder in the plan', () => {
  it('is normalized and validated with paths', () => {
    expect(parsePlan({ ...base, ranks: [{ name: 'G', groupVolume: '4350', maxLegShare: '0.40' }] }).ranks).toEqual([
      { name: 'G', groupVolume: '4350.00', maxLegShare: '0.4' },
    ]);
    const messages = (ranks: unknown) => {
      const outcome = safeParsePlan({ ...base, ranks });
      return outcome.success ? [] : outcome.error.issues.map((i) => i.message);
    };
    expect(messages([{ name: 'B', maxLegShare: '1.5', groupVolume: '10' }, { name: '' }])).toEqual([
      'plan ranks[0].maxLegShare: maxLegShare must be above 0 and at most 1',
      'plan ranks[1].name: a rank name must not be empty',
    ]);
    expect(
      messages([
        { name: 'A', legRank: 'B', activeLegs: 1 },
        { name: 'B', maxLegShare: '0.5' },
        { name: 'B', groupVolume: '1.234' },
      ]),
    ).toEqual([
      'plan ranks[0].legRank: legRank "B" must name a rank listed before "A"',
      'plan ranks[1].maxLegShare: maxLegShare needs groupVolume',
      'plan ranks[2].name: rank "B" is listed twice (first as ranks[1])',
      "plan ranks[2].groupVolume: has 3 decimals, more than the plan's scale 2",
    ]);
  });
});

const rankArb: fc.Arbitrary<RefRank[]> = fc
  .array(
    fc.record({
      personalVolume: fc.option(fc.constantFrom('0', '20', '50', '120'), { nil: undefined }),
      groupVolume: fc.option(fc.constantFrom('3', '7', '50', '100', '250', '600'), { nil: undefined }),
      maxLegShare: fc.option(fc.constantFrom('0.3', '0.4', '0.5', '1'), { nil: undefined }),
      activeLegs: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      legRank: fc.nat(),
      personallySponsoredActives: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((raw) =>
    raw.map((r, k) => {
      const rank: RefRank = { name: `R${k}` };
      if (r.personalVolume !== undefined) rank.personalVolume = r.personalVolume;
      if (r.groupVolume !== undefined) {
        rank.groupVolume = r.groupVolume;
        if (r.maxLegShare !== undefined) rank.maxLegShare = r.maxLegShare;
      }
      if (r.activeLegs !== undefined) {
        rank.activeLegs = r.activeLegs;
        if (k > 0 && r.legRank % 2 === 0) rank.legRank = `R${r.legRank % k}`;
      }
      if (r.personallySponsoredActives !== undefined) rank.personallySponsoredActives = r.personallySponsoredActives;
      return rank;
    }),
  );

describe('rank evaluation equals a naive per-affiliate recomputation', () => {
  it('on random periods and ladders', () => {
    fc.assert(
      fc.property(scenarioArb({ maxMembers: 40, maxOrders: 60, maxUnits: 40_000 }), rankArb, (input, ranks) => {
        const plan = { ...input.plan, ranks };
        const ref = referenceCommissions({ ...input, plan: { ...plan, commissionable: [...plan.commissionable] } });
        const pv = new Map([...ref.pv].map(([id, v]) => [id, new Decimal(v)]));
        const expected = referenceRanks(input.members, pv as never, ref.active, ranks);
        const result = computeCommissions({ genealogy: Genealogy.fromRecords(input.members), plan, orders: input.orders });
        for (const { id } of input.members) expect(result.rank(id).paidAs).toBe(expected.get(id));
      }),
      { seed: 61, numRuns: 300 },
    );
  });
});

describe('unilevel rates by rank (DESIGN §9: Bronze 5/2, Silver 7/4/2, Gold 8/5/3/2, Diamond 10/6/4/3/2)', () => {
  const ladder = [
    { name: 'Bronze', personalVolume: '100', levels: ['0.05', '0.02'] },
    { name: 'Silver', personalVolume: '200', levels: ['0.07', '0.04', '0.02'] },
    { name: 'Gold', personalVolume: '300', levels: ['0.08', '0.05', '0.03', '0.02'] },
    { name: 'Diamond', personalVolume: '400', levels: ['0.10', '0.06', '0.04', '0.03', '0.02'] },
  ];
  // A ← B ← C ← D ← E: A Diamond (400), B Gold (300), C Silver (200), D Bronze (100); E buys 1,000 retail.
  const members = ['A', 'B', 'C', 'D', 'E'].map((id, k, all) => ({ id, sponsorId: k === 0 ? null : all[k - 1] }));
  const orders = [
    order('a', 'A', '400'),
    order('b', 'B', '300'),
    order('c', 'C', '200'),
    order('d', 'D', '100'),
    { id: 'e', affiliateId: 'E', amount: '1000', kind: 'retail' as const },
  ];
  const plan = { levels: ['0', '0'], ranks: ladder };

  it('pays each payee by the row of the rank they are paid as', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    // D (Bronze): E's 1,000 at level 1 × 5% = 50.00
    expect(result.payout('D')).toBe('50.00');
    // C (Silver): E's at level 2 × 4% = 40 + D's 100 at level 1 × 7% = 7 → 47.00
    expect(result.payout('C')).toBe('47.00');
    // B (Gold): E's at level 3 × 3% = 30 + D's at level 2 × 5% = 5 + C's 200 at level 1 × 8% = 16 → 51.00
    expect(result.payout('B')).toBe('51.00');
    // A (Diamond): E's at level 4 × 3% = 30 + D's at 3 × 4% = 4 + C's at 2 × 6% = 12 + B's 300 at 1 × 10% = 30 → 76.00
    expect(result.payout('A')).toBe('76.00');
    // potential: the best rate at each level (10 + 6 + 4 + 3 + 2 = 25%) on 2,000 of volume
    expect(result.totals).toMatchObject({ potential: '500.00', paid: '224.00', breakage: '276.00' });
    expect(result.explain('C').lines.map((l) => [l.orderId, l.level, l.rate, l.amount])).toEqual([
      ['d', 1, '0.07', '7.00'],
      ['e', 2, '0.04', '40.00'],
    ]);
  });
  it('a rank pays only as deep as its row: a Bronze three levels up earns nothing', () => {
    const bronzeB = orders.map((o) => (o.id === 'b' ? order('b', 'B', '100') : o));
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders: bronzeB });
    expect(result.rank('B').paidAs).toBe('Bronze');
    // B: C's 200 at level 1 × 5% = 10 + D's 100 at level 2 × 2% = 2; E's order at level 3 pays a Bronze nothing
    expect(result.payout('B')).toBe('12.00');
    expect(result.explain('B').lines.map((l) => l.orderId)).toEqual(['c', 'd']);
  });
  it('a rank without its own rates earns the plan’s levels; the unranked earn the plan’s levels', () => {
    const mixed = { levels: ['0.01', '0.01'], ranks: [{ name: 'Member', personalVolume: '300' }, ladder[3]] };
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan: mixed, orders });
    expect(result.rank('B').paidAs).toBe('Member');
    expect(result.payout('B')).toBe('3.00'); // C's 200 × 1% + D's 100 × 1%
    expect(result.payout('A')).toBe('76.00'); // Diamond row as before
  });
  it('refuses a rank row adding up to more than 1', () => {
    const outcome = safeParsePlan({ levels: ['0.1', '0.1'], ranks: [{ name: 'X', levels: ['0.6', '0.6'] }] });
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.issues[0]).toMatchObject({ code: 'RATES_EXCEED_ONE', path: ['ranks', 0, 'levels'] });
  });
});

const rowsArb = fc.array(fc.array(fc.constantFrom('0', '0.01', '0.025', '0.05', '0.1'), { minLength: 1, maxLength: 8 }), {
  minLength: 4,
  maxLength: 4,
});

describe('rates by rank equal the reference', () => {
  it('payouts, totals and lines, both compressions', () => {
    fc.assert(
      fc.property(scenarioArb({ maxMembers: 40, maxOrders: 60, maxUnits: 40_000 }), rankArb, rowsArb, fc.boolean(), (input, ranks, rows, own) => {
        const ladder = ranks.map((rank, k) => (own || k % 2 === 0 ? { ...rank, levels: rows[k] } : rank));
        const plan = { ...input.plan, ranks: ladder, allowRateSumAboveOne: true };
        const ref = referenceCommissions({ ...input, plan: { ...plan, commissionable: [...plan.commissionable] } });
        const result = computeCommissions({ genealogy: Genealogy.fromRecords(input.members), plan, orders: input.orders });
        for (const { id } of input.members) {
          expect(new Decimal(result.exact(id)).eq(ref.exact.get(id) ?? 0)).toBe(true);
          const lines = result.explain(id).lines.map((l) => `${l.orderId}|${l.level}|${new Decimal(l.rate).toFixed()}|${new Decimal(l.amount).toFixed()}`).sort();
          const expected = (ref.lines.get(id) ?? []).map((l) => `${l.orderId}|${l.level}|${new Decimal(l.rate).toFixed()}|${new Decimal(l.amount).toFixed()}`).sort();
          expect(lines).toEqual(expected);
        }
        expect(new Decimal(result.totals.potential).eq(ref.totals.potential)).toBe(true);
        expect(new Decimal(result.totals.paid).eq(ref.totals.paid)).toBe(true);
        expect(result.payouts().length).toBe(new Set([...ref.lines.keys(), ...ref.bonuses.keys()]).size);
      }),
      { seed: 62, numRuns: 300 },
    );
  });
});

describe('a richer plan with its features off', () => {
  it('pays exactly the core unilevel lines: a ladder without rates of its own changes no line', () => {
    fc.assert(
      fc.property(scenarioArb({ maxMembers: 40, maxOrders: 60 }), rankArb, (input, ranks) => {
        const genealogy = Genealogy.fromRecords(input.members);
        const core = computeCommissions({ genealogy, plan: { ...input.plan, fastStart: [] }, orders: input.orders });
        const rich = computeCommissions({ genealogy, plan: { ...input.plan, fastStart: [], ranks }, orders: input.orders });
        expect(rich.toJSON()).toEqual(core.toJSON());
        for (const { id } of input.members) expect(rich.explain(id).lines).toEqual(core.explain(id).lines);
      }),
      { seed: 63, numRuns: 200 },
    );
  });
});
