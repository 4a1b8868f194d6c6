import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCompliance, computeCommissions, discloseIncome, Genealogy, INDICATORS } from '../../src';
import { verdictOf } from '../../src/compliance/indicator';
import { type RefInput } from '../reference/reference';
import { scenarioArb, shuffled } from '../arbitraries';

const RUNS = 120;
const SHARES = new Set([1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 14, 15]);

function assess(input: RefInput, copies = 1) {
  const result = () => computeCommissions({ genealogy: Genealogy.fromRecords(input.members), plan: input.plan, orders: input.orders });
  const periods = Array.from({ length: copies }, () => ({ result: result(), members: input.members, costs: [] }));
  return assessCompliance(copies === 1 ? periods[0] : periods);
}

describe('compliance assessment properties (random periods)', () => {
  it('every indicator is assessed with a value or not assessed with a reason; shares lie in [0, 1]; verdicts follow the thresholds', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const a = assess(input);
        expect(a.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
        for (const i of a.indicators) {
          if (i.verdict === 'not-assessed') {
            expect(i.value).toBeNull();
            expect(i.needs.length).toBeGreaterThan(0);
            continue;
          }
          expect(i.value).not.toBeNull();
          if (SHARES.has(i.id)) {
            expect(i.value).toBeGreaterThanOrEqual(0);
            expect(i.value).toBeLessThanOrEqual(1);
          }
          // the verdict is the threshold's, except where a declared fact decides (no minimum, no fees, a flagged plan item)
          if (![5, 13, 16].includes(i.id)) expect(i.verdict).toBe(verdictOf(i.value as number, i.threshold));
        }
        expect(a.flags.every((i) => i.verdict === 'flag')).toBe(true);
        for (let k = 1; k < a.flags.length; k++) expect(a.flags[k - 1].weight).toBeGreaterThanOrEqual(a.flags[k].weight);
      }),
      { seed: 51, numRuns: RUNS },
    );
  });

  it('members and orders in any order give the same assessment', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), (input, seed) => {
        const again = { ...input, members: shuffled(input.members, seed), orders: shuffled(input.orders, seed + 1) };
        expect(JSON.stringify(assess(again))).toBe(JSON.stringify(assess(input)));
      }),
      { seed: 52, numRuns: RUNS },
    );
  });

  it('the same period twice gives the same shares as once (sums double, distinct people do not)', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const once = assess(input);
        const twice = assess(input, 2);
        // (not 14: each retail order without a customer record counts as one more customer)
        for (const id of [1, 2, 3, 4, 6, 10, 11, 12]) {
          const a = once.indicators[id - 1];
          const b = twice.indicators[id - 1];
          expect(b.verdict).toBe(a.verdict);
          if (a.value !== null) expect(b.value).toBeCloseTo(a.value, 9);
        }
      }),
      { seed: 53, numRuns: 60 },
    );
  });
});

describe('income disclosure of random periods', () => {
  it('its population is every affiliate, and its figures agree with the payouts', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const result = computeCommissions({ genealogy: Genealogy.fromRecords(input.members), plan: input.plan, orders: input.orders });
        const statement = discloseIncome({ result, costs: [] });
        const affiliates = input.members.filter((m) => m.role !== 'customer');
        expect(statement.population).toBe(affiliates.length);
        const earning = affiliates.filter((m) => result.payout(m.id).replace(/[0.]/g, '') !== '').length;
        expect(statement.earningZero.count).toBe(affiliates.length - earning);
        expect(statement.gross.total).toBe(result.totals.payouts);
      }),
      { seed: 54, numRuns: RUNS },
    );
  });
});
