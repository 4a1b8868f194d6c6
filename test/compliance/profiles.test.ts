import { describe, expect, it } from 'vitest';
import { assessCompliance, checkPlan, complianceProfile, type ComplianceProfileName, computeCommissions, discloseIncome, Genealogy } from '../../src';

function assessProfile(name: ComplianceProfileName, seed: number, affiliates = 2000) {
  const profile = complianceProfile(name, { affiliates, seed });
  const result = computeCommissions({ genealogy: Genealogy.fromRecords(profile.members), plan: profile.plan, orders: profile.orders });
  return assessCompliance({ result, ...profile });
}
const verdicts = (assessment: ReturnType<typeof assessProfile>) => new Map(assessment.indicators.map((i) => [i.id, i.verdict]));

describe('synthetic periods shaped like the published records', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`BurnLounge-like (seed ${seed}) is flagged on indicators 6, 10 and 14`, () => {
      const assessment = assessProfile('burnlounge-like', seed);
      const v = verdicts(assessment);
      expect([v.get(6), v.get(10), v.get(14)]).toEqual(['flag', 'flag', 'flag']);
      // joining fees are the heaviest flag
      expect(assessment.flags[0].key).toBe('enrollment-funding');
      expect(assessment.verdict).toBe('flag');
    });
    it(`Neora-like (seed ${seed}) is not flagged on indicators 6, 10 and 14`, () => {
      const v = verdicts(assessProfile('neora-like', seed));
      for (const id of [6, 10, 14]) expect(v.get(id)).toBe('ok');
      for (const id of [1, 2, 3, 4]) expect(v.get(id)).toBe('ok');
    });
  }
  it('the BurnLounge-like figures sit near the court record (≈ 92.6% of revenue from packages, 96.8% of buyers joined)', () => {
    const assessment = assessProfile('burnlounge-like', 11, 5000);
    const six = assessment.indicators[5];
    const fourteen = assessment.indicators[13];
    expect(Number(six.figures.salesShare)).toBeGreaterThan(0.88);
    expect(fourteen.value).toBeGreaterThan(0.94);
  });
  it('the same seed gives the same records', () => {
    expect(complianceProfile('neora-like', { affiliates: 300, seed: 9 })).toEqual(complianceProfile('neora-like', { affiliates: 300, seed: 9 }));
  });
});

describe('plan-only check', () => {
  it('flags a plan paying 8 levels on enrollment fees', () => {
    const check = checkPlan({ levels: Array(8).fill('0.05'), commissionable: ['retail', 'personal', 'enrollment'] });
    expect(check.verdict).toBe('flag');
    expect(check.flags).toEqual(['top-weighted-rates', 'enrollment-commissionable']);
    expect(check.warnings).toEqual(['paid-depth', 'personal-commissionable']);
    const depth = check.items.find((i) => i.key === 'paid-depth');
    expect(depth?.explanation).toBe('the plan pays 8 levels above the seller; at or above the 5 levels Taylor counts as a red flag');
  });
  it('passes a two-level plan on retail sales only, and says what it could not assess', () => {
    const check = checkPlan({ levels: ['0.10', '0.05'], commissionable: ['retail'] });
    expect(check.verdict).toBe('ok');
    expect(check.items.filter((i) => i.verdict === 'not-assessed').map((i) => i.key)).toEqual(['payout-threshold', 'seller-margin']);
  });
  it('top-weighted: 0.02 + 0.02 of 0.10 + 0.02 + 0.02 + 0.02 (three levels up or more) = 33.3%; rates rising with depth flag', () => {
    const even = checkPlan({ levels: ['0.10', '0.02', '0.02', '0.02'] }).items.find((i) => i.key === 'top-weighted-rates');
    expect(even?.value).toBeCloseTo(0.04 / 0.16, 10);
    expect(even?.verdict).toBe('ok');
    const rising = checkPlan({ levels: ['0.01', '0.02', '0.05', '0.10'] }).items.find((i) => i.key === 'top-weighted-rates');
    expect(rising?.verdict).toBe('flag');
  });
  it('reads the payout threshold and the seller’s margin from the context (seed 003)', () => {
    const check = checkPlan({ levels: ['0.10', '0.05', '0.05'] }, { payoutThreshold: '100', retailMargin: '0.15' });
    const find = (key: string) => check.items.find((i) => i.key === key);
    expect(find('payout-threshold')).toMatchObject({ verdict: 'warning', value: 100 });
    expect(find('seller-margin')).toMatchObject({ verdict: 'warning' });
    expect(find('seller-margin')?.explanation).toBe('the seller keeps 15.0% of a retail sale, the upline earns 20.0% of it; building a downline pays more than selling');
    expect(checkPlan({ levels: ['0.10', '0.05'] }, { payoutThreshold: '20', retailMargin: '0.25' }).verdict).toBe('warning'); // personal purchases pay
    // a binary or a stairstep pays at any depth
    const binary = checkPlan({ levels: ['0.1', '0.05'], binary: { pairVolume: '100', pairAmount: '10' } }, { payoutThreshold: '20' });
    expect(binary.items.find((i) => i.key === 'paid-depth')).toMatchObject({
      verdict: 'warning',
      value: null,
      explanation: 'the binary pays uplines at any depth; Taylor counts more than 5 paid levels as a red flag',
    });
    // rank rows deeper than the plan's levels count
    const ranked = checkPlan({ levels: ['0.1', '0.05'], ranks: [{ name: 'D', levels: ['0.05', '0.04', '0.03', '0.02', '0.01'] }] });
    expect(ranked.items.find((i) => i.key === 'paid-depth')).toMatchObject({ verdict: 'warning', value: 5 });
    // a plan paying retail profit at a wholesale rate states the seller's margin itself: 1 − 0.7
    const profit = checkPlan({ levels: ['0.10', '0.05'], retailProfit: { wholesaleRate: '0.7' } }, { payoutThreshold: '20' });
    expect(profit.items.find((i) => i.key === 'seller-margin')).toMatchObject({ verdict: 'ok', value: 0.3 });
  });
  it('refuses a bad context with INVALID_OPTIONS naming the field', () => {
    expect(() => checkPlan({ levels: ['0.1', '0.1'] }, { retailMargin: 'lots' })).toThrowError('context.retailMargin');
  });
});

describe('ranks in the compliance stages', () => {
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
    { id: 'C', sponsorId: 'B' },
  ];
  const orders = [
    { id: 'b', affiliateId: 'B', amount: '100.00', kind: 'personal' as const },
    { id: 'c', affiliateId: 'C', amount: '100.00', kind: 'personal' as const },
  ];
  it('the plan check flags a rank reached by recruiting alone and warns when recruits are needed', () => {
    const find = (ranks: object[]) => checkPlan({ levels: ['0.1', '0.05'], ranks } as never).items.find((i) => i.key === 'rank-by-recruiting');
    expect(find([{ name: 'Leader', activeLegs: 3 }])).toMatchObject({ verdict: 'flag', value: 1 });
    expect(find([{ name: 'Leader', activeLegs: 3, groupVolume: '1000' }])).toMatchObject({ verdict: 'warning' });
    expect(find([{ name: 'Seller', personalVolume: '200' }])).toMatchObject({ verdict: 'ok' });
  });
  it('the disclosure is given by paid-as rank', () => {
    const plan = { levels: ['0.10', '0.05'], ranks: [{ name: 'Builder', personallySponsoredActives: 1 }] };
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
    // A (sponsors active B) and B (sponsors active C) are Builders; C holds no rank
    const statement = discloseIncome({ result, costs: [] });
    expect(statement.byGroup?.map((g) => [g.label, g.population, g.gross.total])).toEqual([
      ['no rank', 1, '0.00'],
      ['Builder', 2, '25.00'], // B 10.00 on C's order; A 5.00 on C's and 10.00 on B's
    ]);
  });
});

describe('seller margin with a direct sale commission', () => {
  it('adds the direct sale share to what the seller keeps', () => {
    const item = (plan: object) => checkPlan(plan as never, { retailMargin: '0.15' }).items.find((i) => i.key === 'seller-margin');
    expect(item({ levels: ['0.10', '0.05', '0.05'] })?.verdict).toBe('warning'); // 15% kept against 20% up the line
    expect(item({ levels: ['0.10', '0.05', '0.05'], directSale: '0.10' })).toMatchObject({ verdict: 'ok', value: 0.25 });
  });
});
