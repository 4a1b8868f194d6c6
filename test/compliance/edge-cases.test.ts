import { describe, expect, it } from 'vitest';
import {
  assessCompliance,
  computeCommissions,
  discloseIncome,
  Genealogy,
  safeAssessCompliance,
  type ComplianceAssessment,
  type IndicatorKey,
} from '../../src';

/*
 * Edge cases found in review: shares that could leave [0, 1], unknown data read as zero, a participant lost
 * across periods, an explanation that disagreed with its value, a band edge decided by floating-point noise,
 * a repeated member record. Each test failed before its fix.
 */

const pick = (a: ComplianceAssessment, key: IndicatorKey) => a.indicators.find((i) => i.key === key)!;
const plan = { levels: ['0.10', '0.05'] };

describe('compliance edge cases', () => {
  // A ← B; B sells 100.00 retail (A earns 10.00), B buys 110.00 for herself (A earns 11.00).
  const members = [
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
  ];
  const orders = [
    { id: 'r1', affiliateId: 'B', amount: '100.00', kind: 'retail' as const },
    { id: 'p1', affiliateId: 'B', amount: '110.00', kind: 'personal' as const },
  ];
  const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });

  it('indicator 9: a return refunding more than the goods returned is refused, not read as a 250% buy-back', () => {
    const outcome = safeAssessCompliance({ result, returns: [{ orderId: 'p1', returned: '100.00', refunded: '250.00' }] });
    // today: accepted, value 2.5, verdict 'ok', explanation "250.0% of the price of returned inventory was refunded"
    if (outcome.success) expect(pick(outcome.data, 'inventory-buy-back').value).toBeLessThanOrEqual(1);
    else expect(outcome.error.issues[0].path).toContain('refunded');
  });

  it('indicator 9: a declared buy-back rate above 1 is refused as an option (a share is in [0, 1])', () => {
    // today: accepted, value 3, "the company declares a buy-back of 300.0%", verdict 'ok'
    const outcome = safeAssessCompliance({ result }, { policies: { buyBackRate: '3' } });
    expect(outcome.success).toBe(false);
  });

  it('indicator 15: member records without any joinedOn are "not assessed: needs join dates", not an ok 0%', () => {
    const a = assessCompliance({ result, members, start: '2026-10-01', end: '2026-10-31' });
    // today: verdict 'ok', value 0 ("0.0% of rewards were paid on purchases of members who joined within the period")
    expect(pick(a, 'new-recruit-funding').verdict).toBe('not-assessed');
  });

  it('discloseIncome: without member records, new and leaving counts are unknown (null), not 0', () => {
    const statement = discloseIncome({ result, start: '2026-10-01', end: '2026-10-31' });
    // today: newMembers { count: 0, share: 0 }, leaving { count: 0 }, stillIn { count: 2, share: 1 }
    expect(statement.newMembers).toBeNull();
    expect(statement.leaving).toBeNull();
    expect(statement.stillIn).toBeNull();
  });

  it('a former affiliate who is a customer in the last period keeps the income they earned as an affiliate', () => {
    // September: A ← B ← C, C sells 100.00 retail: B earns 10.00, A 5.00. October: B is now A's customer, C gone.
    const september = [
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'B' },
    ];
    const october = [
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A', role: 'customer' as const },
    ];
    const sep = computeCommissions({
      genealogy: Genealogy.fromRecords(september),
      plan,
      orders: [{ id: 's1', affiliateId: 'C', amount: '100.00', kind: 'retail' }],
    });
    const oct = computeCommissions({ genealogy: Genealogy.fromRecords(october), plan, orders: [] });
    const statement = discloseIncome([{ result: sep }, { result: oct }]);
    // today: population 2 (A, C) and gross total 5.00: B's 10.00 vanishes (with a third period listing only A,
    // B comes back: population 3, total 15.00)
    expect(statement.gross.total).toBe('15.00');
    expect(statement.population).toBe(3);
  });

  it('indicator 10: the explanation counts the cost records of earlier periods that its value uses', () => {
    // September: A ← B, B sells 100.00 (A earns 10.00); A recorded 500.00 of costs. October: B pays a 1.00 fee,
    // no cost records. A is losing only because of her September cost record.
    const sep = computeCommissions({
      genealogy: Genealogy.fromRecords(members),
      plan,
      orders: [{ id: 's1', affiliateId: 'B', amount: '100.00', kind: 'retail' }],
    });
    const oct = computeCommissions({
      genealogy: Genealogy.fromRecords(members),
      plan,
      orders: [{ id: 'e1', affiliateId: 'B', amount: '1.00', kind: 'enrollment' }],
    });
    const a = assessCompliance([{ result: sep, costs: [{ affiliateId: 'A', amount: '500.00' }] }, { result: oct }]);
    const losing = pick(a, 'participants-losing-money');
    expect(losing.figures).toMatchObject({ losing: 2, participants: 2, recordedCosts: '500.00' });
    // today: '… (2 of 2; costs: joining fees only (1.00); no other cost records given)'
    expect(losing.explanation).not.toContain('joining fees only');
    expect(losing.explanation).toContain('500.00');
  });

  it('indicator 5: a PV of exactly 110% of the minimum is outside the band [min, min × 1.1)', () => {
    // minimum 70.00: A buys 77.00 (= 70.00 × 1.1, not "just above"), B 200.00. 7000 * 1.1 = 7700.000000000001 in doubles.
    const result70 = computeCommissions({
      genealogy: Genealogy.fromRecords(members),
      plan: { ...plan, minPersonalVolume: '70' },
      orders: [
        { id: 'a1', affiliateId: 'A', amount: '77.00', kind: 'personal' },
        { id: 'b1', affiliateId: 'B', amount: '200.00', kind: 'personal' },
      ],
    });
    const clustering = pick(assessCompliance({ result: result70 }), 'qualification-clustering');
    // today: clustered 1 of 2, value 0.5, warning; with minimum 50.00 and PV 55.00 the same case gives 0
    expect(clustering.figures).toMatchObject({ active: 2, clustered: 0 });
  });

  it('period member records with a repeated id (and a member left out) are refused', () => {
    const outcome = safeAssessCompliance({
      result,
      members: [
        { id: 'A', sponsorId: null, joinedOn: '2026-10-02' },
        { id: 'A', sponsorId: null, joinedOn: '2020-01-01' },
      ],
      start: '2026-10-01',
      end: '2026-10-31',
    });
    // today: accepted; A's join day silently becomes 2020-01-01 and B has no dates
    expect(outcome.success).toBe(false);
  });
});
