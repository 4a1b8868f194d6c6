/** One gathering of the facts for both the assessment and the disclosure gives what each gives alone. */
import { describe, expect, it } from 'vitest';
import { assessCompliance, complianceProfile, computeCommissions, discloseIncome, DownlineError, Genealogy } from '../../src';
import { assessAndDisclose } from '../../src/compliance/assess-and-disclose';

describe('assessAndDisclose', () => {
  it.each(['burnlounge-like', 'neora-like'] as const)('equals assessCompliance and discloseIncome on a %s period', (name) => {
    const profile = complianceProfile(name, { affiliates: 600, seed: 5 });
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(profile.members), plan: profile.plan, orders: profile.orders });
    const period = { result, members: profile.members, costs: profile.costs, packages: profile.packages, start: profile.start, end: profile.end };
    const options = { lowIncomeLimit: '250', thresholds: { 'zero-earners': { flag: 0.8 } } };
    expect(assessAndDisclose(period, options)).toEqual({ assessment: assessCompliance(period, options), statement: discloseIncome(period, options) });
  });

  it('validates like them: bad options and bad periods throw one DownlineError', () => {
    const profile = complianceProfile('neora-like', { affiliates: 50, seed: 1 });
    const result = computeCommissions({ genealogy: Genealogy.fromRecords(profile.members), plan: profile.plan, orders: profile.orders });
    expect(() => assessAndDisclose({ result }, { lowIncomeLimit: 'lots' })).toThrow(DownlineError);
    expect(() => assessAndDisclose({ result, start: '2026-02-30' })).toThrow(DownlineError);
  });
});
