/**
 * The period the report tests render: the seeded burnlounge-like profile (joining fees, packages, costs,
 * dates) under an 8-level plan with a three-step ladder whose top rank pays its own levels.
 */
import { type CompliancePeriod, complianceProfile, computeCommissions, Genealogy, parsePlan } from '../../src';

export function reportPeriod(affiliates = 400, seed = 7): CompliancePeriod {
  const profile = complianceProfile('burnlounge-like', { affiliates, seed });
  const plan = parsePlan({
    ...profile.plan,
    ranks: [
      { name: 'Silver', groupVolume: '500' },
      { name: 'Gold', groupVolume: '3000', levels: ['0.1', '0.06', '0.05', '0.04', '0.03', '0.03', '0.03', '0.03'] },
    ],
  });
  const result = computeCommissions({ genealogy: Genealogy.fromRecords(profile.members), plan, orders: profile.orders });
  return { result, members: profile.members, costs: profile.costs, packages: profile.packages, start: profile.start, end: profile.end };
}
