/**
 * DESIGN §4: the payout invariants, as properties over random periods of every shape (seeded, shrinking on).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';
import type { CommissionResult } from '../../src';
import { bigVolumeScenarioArb, deepScenarioArb, scenarioArb, shuffled } from '../arbitraries';
import { type RefInput, referenceCommissions } from '../reference/reference';

const RUNS = 300;
const run = (input: RefInput): CommissionResult =>
  computeCommissions({ genealogy: Genealogy.fromRecords(input.members), plan: input.plan, orders: input.orders });
const dec = (text: string) => new Decimal(text);
const sameValue = (a: string, b: string) => expect(`${a} = ${b}: ${dec(a).eq(b)}`).toBe(`${a} = ${b}: true`);
const lineKey = (l: { orderId: string; buyerId: string; kind: string; level: number; rate: string; volume: string; amount: string }) =>
  [l.orderId, l.buyerId, l.kind, l.level, dec(l.rate).toFixed(), dec(l.volume).toFixed(), dec(l.amount).toFixed()].join('|');
const payoutMap = (result: CommissionResult) => Object.fromEntries(result.payouts().map((p) => [p.id, p.amount]));

function expectSameAsReference(input: RefInput) {
  const result = run(input);
  const ref = referenceCommissions(input);
  expect(payoutMap(result)).toEqual(Object.fromEntries(ref.rounded));
  for (const [id, exact] of ref.exact) sameValue(result.exact(id), exact);
  for (const key of ['potential', 'paid', 'breakage', 'residual', 'payouts'] as const) {
    sameValue(result.totals[key], ref.totals[key]);
  }
  for (const member of input.members) {
    expect(result.isActive(member.id)).toBe(ref.active.has(member.id));
    const lines = result.explain(member.id).lines.map(lineKey).sort();
    expect(lines).toEqual((ref.lines.get(member.id) ?? []).map(lineKey).sort());
  }
}

describe('equal to the naive reference (one upward walk per order, decimal.js)', () => {
  it('on random periods of every shape, plan and rounding mode', () => {
    fc.assert(fc.property(scenarioArb(), expectSameAsReference), { seed: 20261123, numRuns: RUNS });
  });
  it('on deep chains and wide stars', () => {
    fc.assert(fc.property(deepScenarioArb(), expectSameAsReference), {
      seed: 5,
      numRuns: 40,
    });
  });
  it('past 2^53 minor units', () => {
    fc.assert(fc.property(bigVolumeScenarioArb, expectSameAsReference), { seed: 53, numRuns: 60 });
  });
});

describe('conservation', () => {
  it('potential = paid + breakage and paid = Σ payouts + residual, exactly', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const { totals } = run(input);
        sameValue(totals.potential, dec(totals.paid).plus(totals.breakage).toFixed());
        sameValue(totals.paid, dec(totals.payouts).plus(totals.residual).toFixed());
        expect(dec(totals.breakage).gte(0)).toBe(true);
      }),
      { seed: 1, numRuns: RUNS },
    );
  });
  it('Σ payouts() is the payouts total, and explain lines sum to each exact total', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const result = run(input);
        const sum = result.payouts().reduce((s, p) => s.plus(p.amount), dec('0'));
        sameValue(sum.toFixed(), result.totals.payouts);
        for (const { id } of result.payouts()) {
          const { exact, lines, bonuses } = result.explain(id);
          const all = [...lines, ...bonuses].reduce((s, l) => s.plus(l.amount), dec('0'));
          sameValue(all.toFixed(), exact);
        }
      }),
      { seed: 2, numRuns: RUNS },
    );
  });
});

describe('order of input does not matter', () => {
  it('shuffled members and orders give identical results', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.nat(), (input, s1, s2) => {
        const a = run(input);
        const b = run({ ...input, members: shuffled(input.members, s1), orders: shuffled(input.orders, s2) });
        expect(b.totals).toEqual(a.totals);
        expect(payoutMap(b)).toEqual(payoutMap(a));
        for (const { id } of input.members) {
          expect(b.explain(id).lines.map(lineKey).sort()).toEqual(a.explain(id).lines.map(lineKey).sort());
        }
      }),
      { seed: 3, numRuns: 150 },
    );
  });
});

describe('who is paid', () => {
  it('only from at most levels.length (compressed) levels below, never on their own order', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const genealogy = Genealogy.fromRecords(input.members);
        const result = computeCommissions({ genealogy, plan: input.plan, orders: input.orders });
        for (const { id } of result.payouts()) {
          for (const line of result.explain(id).lines) {
            expect(line.buyerId).not.toBe(id);
            expect(line.level).toBeGreaterThanOrEqual(1);
            expect(line.level).toBeLessThanOrEqual(input.plan.levels.length);
            const distance = genealogy.upline(line.buyerId).indexOf(id) + 1;
            expect(distance).toBeGreaterThan(0); // the payee is above the buyer
            if (input.plan.compression === 'none') expect(line.level).toBe(distance);
            else expect(line.level).toBeLessThanOrEqual(distance);
          }
        }
      }),
      { seed: 4, numRuns: RUNS },
    );
  });
  it('each payout is within half a unit of the exact total (within one unit, below it, for down)', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const result = run(input);
        const unit = dec('10').pow(-input.plan.scale);
        for (const { id, amount } of result.payouts()) {
          const error = dec(result.exact(id)).minus(amount);
          if (input.plan.rounding === 'down') expect(error.gte(0) && error.lt(unit)).toBe(true);
          else expect(error.abs().lte(unit.div(2))).toBe(true);
        }
      }),
      { seed: 6, numRuns: RUNS },
    );
  });
});

describe('monotonicity', () => {
  it('dynamic compression never pays less in total than none when rates do not increase with depth', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const levels = [...input.plan.levels].sort((a, b) => dec(b).comparedTo(a));
        const none = run({ ...input, plan: { ...input.plan, levels, compression: 'none' } });
        const dynamic = run({ ...input, plan: { ...input.plan, levels, compression: 'dynamic' } });
        expect(dec(dynamic.totals.paid).gte(none.totals.paid)).toBe(true);
      }),
      { seed: 8, numRuns: RUNS },
    );
  });
  it('without compression, adding an order never lowers anyone’s exact payout', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.nat({ max: 50_000 }), fc.constantFrom('retail', 'personal', 'enrollment'), (input, who, units, kind) => {
        const plan = { ...input.plan, compression: 'none' as const };
        const before = run({ ...input, plan });
        const buyer = input.members[who % input.members.length];
        const extra = { id: 'extra', affiliateId: buyer.id, amount: units, kind: buyer.role === 'customer' ? 'retail' : kind };
        const after = run({ ...input, plan, orders: [...input.orders, extra] });
        for (const { id } of input.members) expect(dec(after.exact(id)).gte(before.exact(id))).toBe(true);
      }),
      { seed: 9, numRuns: RUNS },
    );
  });
  it('with dynamic compression, adding an order that activates nobody never lowers anyone’s exact payout', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.nat({ max: 50_000 }), (input, who, units) => {
        const plan = { ...input.plan, compression: 'dynamic' as const };
        const before = run({ ...input, plan });
        const buyer = input.members[who % input.members.length].id;
        fc.pre(before.isActive(buyer)); // an already active buyer: the active set cannot change
        const extra = { id: 'extra', affiliateId: buyer, amount: units, kind: 'retail' as const };
        const after = run({ ...input, plan, orders: [...input.orders, extra] });
        for (const { id } of input.members) expect(dec(after.exact(id)).gte(before.exact(id))).toBe(true);
      }),
      { seed: 10, numRuns: RUNS },
    );
  });
});
