import { describe, expect, it } from 'vitest';
import { assessCompliance, computeCommissions, Genealogy, safeAssessCompliance, type ComplianceAssessment, type IndicatorKey } from '../../src';

/*
 * One small period worked by hand. Plan 10% / 5%, minimum PV 50, every kind commissionable, no compression.
 *
 *   A (joined 2026-09-01) ← B (2026-10-05) ← C (2026-10-10) ← customers c1 (2026-10-12), c2 (2026-09-15)
 *
 * Orders: e1 C enrollment 100.00; p1 B personal 50.00; p2 A personal 52.00; r1 c1 retail 200.00;
 * r2 c2 retail 100.00; r3 B retail 40.00 (a sale to a customer without a record).
 * PV: A 52, B 90, C 300 (her customers' orders): all three active.
 * Lines: e1 → B 10.00, A 5.00 (enrollment); p1 → A 5.00 (personal); p2 runs past the root;
 *        r1 → C 20.00, B 10.00; r2 → C 10.00, B 5.00; r3 → A 4.00 (retail).
 * Income: A 14.00 (retail 4, personal 5, enrollment 5); B 25.00 (retail 15, enrollment 10); C 30.00 (retail).
 * Total 69.00: retail 49.00, personal 5.00, enrollment 15.00. Sales 542.00: retail 340, personal 102, fees 100.
 */
const members = [
  { id: 'A', sponsorId: null, joinedOn: '2026-09-01' },
  { id: 'B', sponsorId: 'A', joinedOn: '2026-10-05' },
  { id: 'C', sponsorId: 'B', joinedOn: '2026-10-10' },
  { id: 'c1', sponsorId: 'C', role: 'customer' as const, joinedOn: '2026-10-12' },
  { id: 'c2', sponsorId: 'C', role: 'customer' as const, joinedOn: '2026-09-15' },
];
const orders = [
  { id: 'e1', affiliateId: 'C', amount: '100.00', kind: 'enrollment' as const },
  { id: 'p1', affiliateId: 'B', amount: '50.00', kind: 'personal' as const },
  { id: 'p2', affiliateId: 'A', amount: '52.00', kind: 'personal' as const },
  { id: 'r1', affiliateId: 'c1', amount: '200.00', kind: 'retail' as const },
  { id: 'r2', affiliateId: 'c2', amount: '100.00', kind: 'retail' as const },
  { id: 'r3', affiliateId: 'B', amount: '40.00', kind: 'retail' as const },
];
const plan = { levels: ['0.10', '0.05'], minPersonalVolume: '50', commissionable: ['retail' as const, 'personal' as const, 'enrollment' as const] };

function assess(extra: Record<string, unknown> = {}, options = {}): ComplianceAssessment {
  const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
  return assessCompliance(
    {
      result,
      members,
      start: '2026-10-01',
      end: '2026-10-31',
      costs: [],
      packages: [{ orderId: 'e1', goodsValue: '25.00' }],
      inventory: [
        { affiliateId: 'B', purchased: '100.00', resoldOrConsumed: '60.00' },
        { affiliateId: 'C', purchased: '100.00', resoldOrConsumed: '80.00' },
      ],
      returns: [{ orderId: 'p1', returned: '50.00', refunded: '40.00' }],
      ...extra,
    },
    options,
  );
}
const pick = (a: ComplianceAssessment, key: IndicatorKey) => a.indicators.find((i) => i.key === key)!;

describe('each indicator’s arithmetic, by hand', () => {
  const a = assess();
  it('1: 49.00 of 69.00 rewards from retail = 71.0%, ok', () => {
    expect(pick(a, 'retail-reward-share')).toMatchObject({ id: 1, verdict: 'ok', figures: { retail: '49.00', total: '69.00' } });
    expect(pick(a, 'retail-reward-share').value).toBeCloseTo(49 / 69, 10);
  });
  it('2: 340.00 of 542.00 sales to outside customers = 62.7%, warning', () => {
    expect(pick(a, 'end-user-sales-share')).toMatchObject({ verdict: 'warning', figures: { retail: '340.00', total: '542.00', personal: '102.00', enrollment: '100.00' } });
  });
  it('3: A (340 of 490), B (300 of 400), C (300 of 300) all have majority-retail downlines', () => {
    expect(pick(a, 'downline-retail-majority')).toMatchObject({ value: 1, verdict: 'ok', figures: { withDownlineSales: 3, majorityRetail: 3 } });
  });
  it('4: (5.00 + 15.00) of 69.00 triggered by purchases = 29.0%, ok', () => {
    expect(pick(a, 'purchase-triggered-rewards')).toMatchObject({ verdict: 'ok' });
    expect(pick(a, 'purchase-triggered-rewards').value).toBeCloseTo(20 / 69, 10);
  });
  it('5: A’s PV 52 sits within 10% above the 50 minimum and is all her own: 1 of 3 actives, warning', () => {
    expect(pick(a, 'qualification-clustering')).toMatchObject({ verdict: 'warning', figures: { active: 3, clustered: 1, minimum: '50.00' } });
  });
  it('6: fees are 18.5% of sales and 21.7% of rewards: the larger is the value, warning under the strict French reading', () => {
    const six = pick(a, 'enrollment-funding');
    expect(six.verdict).toBe('warning');
    expect(six.value).toBeCloseTo(15 / 69, 10);
    expect(six.explanation).toBe(
      '18.5% of sales were joining fees (100.00 of 542.00); 21.7% of rewards came from enrollment fees (15.00 of 69.00); ' +
        'warning above 0.0%, flag above 50.0% (France, Code de la consommation L121-15 (any reward funded by joining fees); ' +
        'EU UCPD Annex I pt 14 ("primarily"); FTC v. BurnLounge: 92.6% of revenue from packages)',
    );
  });
  it('7: B resold 60 of 100 (< 70%), C 80 of 100: 1 of 2 below the rule, flag', () => {
    expect(pick(a, 'inventory-resale-rule')).toMatchObject({ value: 0.5, verdict: 'flag', figures: { affiliates: 2, belowRule: 1 } });
  });
  it('8: 2 buying customers for 3 affiliates = 0.67, flag', () => {
    expect(pick(a, 'retail-customers-per-affiliate')).toMatchObject({ verdict: 'flag', figures: { buyingCustomers: 2, affiliates: 3, activeWithTen: 0 } });
  });
  it('9: 40.00 refunded of 50.00 returned = 80%, flag', () => {
    expect(pick(a, 'inventory-buy-back')).toMatchObject({ value: 0.8, verdict: 'flag' });
  });
  it('10: only C paid more (100.00 fee) than she earned (30.00): 1 of 3, ok', () => {
    expect(pick(a, 'participants-losing-money')).toMatchObject({ verdict: 'ok', figures: { losing: 1, participants: 3, joiningFees: '100.00' } });
  });
  it('11: nobody earned nothing; all three earned at most 1,000.00', () => {
    expect(pick(a, 'zero-earners')).toMatchObject({ value: 0, verdict: 'ok', figures: { zero: 0, atMostLimit: 3, limit: '1,000.00' } });
  });
  it('12: the top 1% is one person, C with 30.00 of 69.00 = 43.5%, Gini of (14, 25, 30) = 308/207 − 4/3', () => {
    const twelve = pick(a, 'income-concentration');
    expect(twelve).toMatchObject({ verdict: 'warning', figures: { top: 1, topAmount: '30.00' } });
    expect(twelve.value).toBeCloseTo(30 / 69, 10);
    expect(twelve.figures.gini).toBeCloseTo(308 / 207 - 4 / 3, 6);
  });
  it('13: pay-to-play is the one Taylor red flag; commission on joining fees flags the indicator', () => {
    expect(pick(a, 'plan-shape')).toMatchObject({ value: 1, verdict: 'flag', figures: { redFlags: 'pay-to-play', flagged: 'enrollment-commissionable' } });
  });
  it('14: 3 affiliate buyers (A, B, C) against c1, c2 and one anonymous retail order: 50.0%, ok (not above)', () => {
    expect(pick(a, 'affiliate-buyer-share')).toMatchObject({ value: 0.5, verdict: 'ok', figures: { affiliateBuyers: 3, customerBuyers: 2, anonymousRetailOrders: 1 } });
  });
  it('15: orders of B, C and c1 (joined in October) paid 5 + 4 + 10 + 5 + 20 + 10 = 54.00 of 69.00, flag', () => {
    const fifteen = pick(a, 'new-recruit-funding');
    expect(fifteen).toMatchObject({ verdict: 'flag', figures: { newMemberRewards: '54.00', recruiters: 2, affiliates: 3 } });
    expect(fifteen.value).toBeCloseTo(54 / 69, 10);
  });
  it('16: a 100.00 package holding 25.00 of goods: 4.00×, flag', () => {
    expect(pick(a, 'fee-to-goods-ratio')).toMatchObject({ value: 4, verdict: 'flag' });
  });
  it('orders flags and warnings by weight, then number; the verdict is the worst', () => {
    expect(a.flags.map((i) => i.id)).toEqual([16, 13, 15, 7, 8, 9]);
    expect(a.warnings.map((i) => i.id)).toEqual([6, 2, 5, 12]);
    expect(a.notAssessed).toEqual([]);
    expect(a.verdict).toBe('flag');
    expect(a.summary).toBe('6 flags, 4 warnings, 0 not assessed: #16 fee-to-goods-ratio, #13 plan-shape, #15 new-recruit-funding, #7 inventory-resale-rule, #8 retail-customers-per-affiliate, #9 inventory-buy-back');
  });
});

describe('missing data is never a pass', () => {
  const bare = assess({ members: undefined, start: undefined, end: undefined, costs: undefined, packages: undefined, inventory: undefined, returns: undefined });
  it('says what each unassessable indicator needs', () => {
    expect(bare.notAssessed.map((i) => i.id)).toEqual([7, 9, 15, 16]);
    expect(pick(bare, 'new-recruit-funding').explanation).toBe('not assessed: needs join dates (members[].joinedOn) and period dates (start, end)');
    for (const i of bare.notAssessed) expect(i.needs.length).toBeGreaterThan(0);
  });
  it('counts joining fees as costs even without cost records, and says so', () => {
    expect(pick(bare, 'participants-losing-money').explanation).toContain('costs: joining fees only (100.00); no other cost records given');
  });
  it('without fees or cost records, losses are not assessed', () => {
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders: orders.filter((o) => o.kind !== 'enrollment') });
    expect(pick(assessCompliance({ result }), 'participants-losing-money').verdict).toBe('not-assessed');
  });
  it('declared policies stand in for measurements, marked as declared', () => {
    const declared = assess({ inventory: undefined, returns: undefined }, { policies: { seventyPercentRule: true, buyBackRate: '0.9' } });
    expect(pick(declared, 'inventory-resale-rule')).toMatchObject({ verdict: 'ok' });
    expect(pick(declared, 'inventory-resale-rule').explanation).toContain('declared, not measured');
    expect(pick(declared, 'inventory-buy-back')).toMatchObject({ value: 0.9, verdict: 'ok' });
  });
});

describe('thresholds are configurable and carry their source', () => {
  it('an override changes the verdict and the cited source', () => {
    const a = assess({}, { thresholds: { 'enrollment-funding': { warning: null, flag: 0.2, source: 'house rule' } } });
    const six = pick(a, 'enrollment-funding');
    expect(six.verdict).toBe('flag');
    expect(six.threshold).toEqual({ direction: 'above', warning: null, flag: 0.2, source: 'house rule' });
    expect(six.explanation.endsWith('flag above 20.0% (house rule)')).toBe(true);
  });
  it('bad options are refused with every issue and its path', () => {
    expect(() => assess({}, { thresholds: { nonsense: {} }, lowIncomeLimit: '-1' })).toThrowError(/options\.thresholds\.nonsense|options\.lowIncomeLimit/);
  });
});

describe('several periods', () => {
  // September: A ← B, A ← X (X leaves on the 20th). October: X is gone from the records, C joins under B.
  const september = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'X', sponsorId: 'A', leftOn: '2026-09-20' },
  ];
  const october = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B', joinedOn: '2026-10-03' },
  ];
  const plan2 = { levels: ['0.10', '0.05'] };
  const run = (members: typeof september, orders: { id: string; affiliateId: string; amount: string; kind: 'retail' | 'personal' }[]) =>
    computeCommissions({ genealogy: Genealogy.fromRecords(members), plan: plan2, orders });
  const a = assessCompliance([
    {
      result: run(september, [
        { id: 's1', affiliateId: 'B', amount: '100.00', kind: 'retail' }, // A 10.00
        { id: 's2', affiliateId: 'X', amount: '50.00', kind: 'personal' }, // A 5.00
      ]),
      members: september,
      start: '2026-09-01',
      end: '2026-09-30',
      costs: [{ affiliateId: 'X', amount: '30.00' }],
    },
    {
      result: run(october, [{ id: 't1', affiliateId: 'C', amount: '200.00', kind: 'retail' }]), // B 20.00, A 10.00
      members: october,
      start: '2026-10-01',
      end: '2026-10-31',
      costs: [],
    },
  ]);
  it('sums income over the periods: 40.00 retail of 45.00', () => {
    expect(pick(a, 'retail-reward-share').figures).toEqual({ retail: '40.00', total: '45.00' });
    expect(a.periods).toBe(2);
  });
  it('keeps those who left in the population: A 25.00, B 20.00, C 0, X 0 (and X paid 30.00)', () => {
    expect(pick(a, 'zero-earners').figures).toMatchObject({ zero: 2, participants: 4 });
    expect(pick(a, 'participants-losing-money').figures).toMatchObject({ losing: 1, participants: 4 });
    expect(pick(a, 'income-concentration').figures).toMatchObject({ top: 1, topAmount: '25.00' });
  });
  it('names the period of a bad record', () => {
    expect(() => assessCompliance([{ result: run(september, []), costs: [{ affiliateId: 'Z', amount: '1' }] }])).toThrowError(
      'cost #0: unknown affiliate "Z"',
    );
    const outcome = safeAssessCompliance([{ result: run(september, []) }, { result: run(october, []), start: '2026-10-31', end: '2026-10-01' }]);
    expect(outcome.success).toBe(false);
    if (!outcome.success) {
      expect(outcome.error.issues[0]).toMatchObject({ code: 'INVALID_DATE', path: ['periods', 1, 'end'] });
    }
  });
});

describe('what is not a period', () => {
  it('is refused with a coded error, never a TypeError', () => {
    for (const bad of [{}, { result: {} }, null]) {
      const outcome = safeAssessCompliance(bad as never);
      expect(outcome.success).toBe(false);
      if (!outcome.success) expect(outcome.error.issues[0]).toMatchObject({ code: 'INVALID_RECORD', path: ['result'] });
    }
    const outcome = safeAssessCompliance([{ result: null }] as never);
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.issues[0].path).toEqual(['periods', 0, 'result']);
  });
});
