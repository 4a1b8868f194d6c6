import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';
import { ORDER_STAGES, orderLines } from '../../src/engine/order-lines';
import { resultState } from '../../src/engine/commission-result';
import { stageScenarioArb } from '../arbitraries';

describe('orderLines: every order’s lines, walked up from its buyer', () => {
  it('add up, per payee and stage, to what each order stage paid (no caps)', () => {
    fc.assert(
      fc.property(stageScenarioArb({ caps: false }), (input) => {
        const genealogy = Genealogy.fromRecords(input.members);
        const result = computeCommissions({ genealogy, plan: input.plan, orders: input.orders });
        const lines = orderLines(result);
        const { run, compiled } = resultState(result);
        const sums = new Map<string, bigint>();
        for (let k = 0; k < lines.payee.length; k++) {
          const key = `${ORDER_STAGES[lines.stage[k]]}:${lines.payee[k]}`;
          sums.set(key, (sums.get(key) ?? 0n) + lines.amount.get(k));
        }
        for (const stage of ORDER_STAGES) {
          const column = run.stages.get(stage)?.uncapped;
          for (let i = 0; i < genealogy.size; i++) expect(sums.get(`${stage}:${i}`) ?? 0n).toBe(column?.get(i) ?? 0n);
        }
        // and each order's lines are its own: the unilevel lines of an order match the explanation's
        for (let o = 0; o < Math.min(input.orders.length, 5); o++) {
          const decimals = input.plan.scale + compiled.rateDecimals;
          for (let k = lines.start[o]; k < lines.start[o + 1]; k++) {
            if (lines.stage[k] !== 0) continue;
            const id = genealogy.ids.at(lines.payee[k]);
            const line = result.explain(id).lines.find((l) => l.orderId === input.orders[o].id && l.level === lines.level[k]);
            expect(new Decimal(line?.amount ?? 'NaN').times(new Decimal(10).pow(decimals)).toFixed()).toBe(lines.amount.get(k).toString());
          }
        }
      }),
      { seed: 21, numRuns: 150 },
    );
  });
});
