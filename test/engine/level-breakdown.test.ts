/**
 * `result.levels()`: the unilevel stage split by level. Each level's `paid` must equal the sum of every payee's
 * explained lines at that level (an independent subtree scan), the levels must add up to the stage's total
 * before caps, and `potential` is the level's best rate on all commissionable volume. Seeded, shrinking on.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';
import { resultState } from '../../src/engine/commission-result';
import { ordersByBuyer } from '../../src/engine/explain';
import { payeeLevels } from '../../src/engine/level-breakdown';
import { bigVolumeScenarioArb, deepScenarioArb, scenarioArb, stageScenarioArb } from '../arbitraries';
import type { RefInput } from '../reference/reference';

const Exact = Decimal.clone({ precision: 300 });
const canon = (text: string | number | Decimal) => new Exact(text).toFixed();

function check(input: RefInput): void {
  const result = computeCommissions({ genealogy: Genealogy.fromRecords(input.members), plan: input.plan, orders: input.orders });
  const levels = result.levels();
  const explained = new Map<number, Decimal>();
  for (const { id } of input.members) {
    for (const line of result.explain(id).lines) explained.set(line.level, (explained.get(line.level) ?? new Exact(0)).plus(line.amount));
  }
  for (const level of levels) {
    expect(canon(level.paid), `level ${level.level}`).toBe(canon(explained.get(level.level) ?? new Exact(0)));
    expect(canon(new Exact(level.potential).minus(level.paid))).toBe(canon(level.breakage));
    expect(new Exact(level.breakage).isNegative()).toBe(false);
  }
  for (const level of explained.keys()) expect(level).toBeLessThanOrEqual(levels.length);
  const unilevel = result.stages().find((stage) => stage.stage === 'unilevel');
  const paid = levels.reduce((sum, level) => sum.plus(level.paid), new Exact(0));
  const potential = levels.reduce((sum, level) => sum.plus(level.potential), new Exact(0));
  expect(canon(paid)).toBe(canon(new Exact(unilevel?.paid ?? 0).plus(unilevel?.capped ?? 0)));
  expect(canon(potential)).toBe(canon(unilevel?.potential ?? 0));
}

describe('result.levels()', () => {
  it('adds up, level by level, to the explained lines and to the unilevel stage (random plans and shapes)', () => {
    fc.assert(fc.property(scenarioArb(), (input) => check(input)), { seed: 11, numRuns: 200 });
  });

  it('holds with ranks paying their own levels, caps and the other stages', () => {
    fc.assert(fc.property(stageScenarioArb(), (input) => check(input)), { seed: 12, numRuns: 150 });
  });

  it('holds on deep chains and past 2^53 minor units (the bigint path)', () => {
    fc.assert(fc.property(deepScenarioArb(), (input) => check(input)), { seed: 13, numRuns: 60 });
    fc.assert(fc.property(bigVolumeScenarioArb, (input) => check(input)), { seed: 14, numRuns: 60 });
  });

  it('splits a hand-computed example: 0.10 / 0.05 with dynamic compression past an inactive sponsor', () => {
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
      { id: 'C', sponsorId: 'B' },
      { id: 'D', sponsorId: 'C' },
    ]);
    const orders = [
      { id: 'a', affiliateId: 'A', amount: '50.00', kind: 'personal' as const },
      { id: 'c', affiliateId: 'C', amount: '50.00', kind: 'personal' as const },
      { id: 'd', affiliateId: 'D', amount: '100.00', kind: 'retail' as const },
    ];
    const plan = { levels: ['0.10', '0.05'], minPersonalVolume: '50', compression: 'dynamic' as const };
    // B is inactive (no PV): D's 100 pays C at level 1 (10.00) and A at level 2 (5.00); C's 50 pays A at level 1 (5.00)
    expect(computeCommissions({ genealogy, plan, orders }).levels()).toEqual([
      { level: 1, rate: '0.1', potential: '20.00', paid: '15.00', breakage: '5.00' },
      { level: 2, rate: '0.05', potential: '10.00', paid: '5.00', breakage: '5.00' },
    ]);
  });
});

describe('payeeLevels', () => {
  it('keeps exact sums past 2^52 (a small order, then one just under 2^53 minor units)', () => {
    const genealogy = Genealogy.fromRecords([
      { id: 'A', sponsorId: null },
      { id: 'B', sponsorId: 'A' },
    ]);
    const orders = [
      { id: 'small', affiliateId: 'B', amount: '0.03', kind: 'retail' as const },
      { id: 'large', affiliateId: 'B', amount: '90071992547409.90', kind: 'retail' as const },
    ];
    const result = computeCommissions({ genealogy, plan: { levels: ['0.1', '0.05'] }, orders });
    const { book, compiled, active } = resultState(result);
    const levels = payeeLevels(0, genealogy, book, compiled, active, ordersByBuyer(book, compiled), null);
    // (3 + 9,007,199,254,740,990) cents × 10 (rate 0.1 at the plan's two rate decimals), units of 10^-4
    expect(levels).toEqual([{ level: 1, units: 90_071_992_547_409_930n, lines: 2 }]);
    expect(result.exact('A')).toBe('9007199254740.993');
  });

  it("sums each payee's explained lines by level, amounts and line counts, without building the lines", () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb(), stageScenarioArb(), deepScenarioArb(), bigVolumeScenarioArb), (input) => {
        const genealogy = Genealogy.fromRecords(input.members);
        const result = computeCommissions({ genealogy, plan: input.plan, orders: input.orders });
        const { book, compiled, active, ranks } = resultState(result);
        const grouped = ordersByBuyer(book, compiled);
        for (const { id } of input.members) {
          const expected = new Map<number, { amount: Decimal; lines: number }>();
          for (const line of result.explain(id).lines) {
            const entry = expected.get(line.level) ?? { amount: new Exact(0), lines: 0 };
            expected.set(line.level, { amount: entry.amount.plus(line.amount), lines: entry.lines + 1 });
          }
          const got = payeeLevels(genealogy.indexOf(id), genealogy, book, compiled, active, grouped, ranks?.paidAs ?? null);
          expect(got.map((level) => level.level)).toEqual([...expected.keys()].sort((a, b) => a - b));
          for (const level of got) {
            const want = expected.get(level.level);
            expect(level.lines).toBe(want?.lines);
            const amount = new Exact(level.units.toString()).div(new Exact(10).pow(result.plan.scale + compiled.rateDecimals));
            expect(canon(amount)).toBe(canon(want?.amount ?? 0));
          }
        }
      }),
      { seed: 15, numRuns: 150 },
    );
  });
});
