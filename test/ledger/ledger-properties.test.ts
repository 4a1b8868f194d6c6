/**
 * Issue 6's properties over any sequence of periods: money is conserved exactly (paid out + carried + breakage +
 * forfeited − written off + reversed = potential), a closed period never runs twice and a run is pure, a state
 * survives JSON exactly, and refunding every order returns every member's net to zero.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DownlineError, Genealogy } from '../../src';
import { emptyState, type PeriodState, readState, serializeState } from '../../src/ledger/period-state';
import { type PeriodInput, type PeriodOutcome, runPeriod } from '../../src/ledger/run-period';
import type { RefundRecord } from '../../src/ledger/refunds';
import { scenarioArb } from '../arbitraries';
import type { RefInput } from '../reference/reference';

const D = Decimal.clone({ precision: 200 });
const sum = (values: readonly string[]) => values.reduce((total, v) => total.plus(v), new D(0));

interface Sequence {
  base: RefInput;
  inputs: Array<Omit<PeriodInput, 'refunds'> & { refundPicks: Array<{ pick: number; share: number }> }>;
}

/** 2–6 periods over one genealogy: the orders cut into periods, refund picks, leavers, sometimes a plan change. */
const sequenceArb: fc.Arbitrary<Sequence> = fc
  .record({
    base: scenarioArb({ maxMembers: 25, maxOrders: 40 }),
    cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    refunds: fc.array(fc.array(fc.record({ pick: fc.nat(), share: fc.integer({ min: 0, max: 4 }) }), { maxLength: 4 }), { minLength: 6, maxLength: 6 }),
    leavers: fc.array(fc.option(fc.nat(), { freq: 3 }), { minLength: 6, maxLength: 6 }),
    threshold: fc.constantFrom('0', '1', '25', '400'),
    leaverBalance: fc.constantFrom('pay' as const, 'forfeit' as const),
    change: fc.option(fc.nat({ max: 5 }), { freq: 2 }),
  })
  .map(({ base, cuts, refunds, leavers, threshold, leaverBalance, change }) => {
    const genealogy = Genealogy.fromRecords(base.members);
    const bounds = [0, ...cuts.map((c) => c % (base.orders.length + 1)).sort((a, b) => a - b), base.orders.length];
    const plan = { ...base.plan, payoutThreshold: threshold, leaverBalance, allowRateSumAboveOne: true };
    const changed = { ...plan, levels: [...plan.levels].reverse(), version: 'v2' };
    const inputs = bounds.slice(1).map((end, p) => ({
      period: `p${p}`,
      genealogy,
      plan: change !== null && p >= change ? changed : plan,
      orders: base.orders.slice(bounds[p], end),
      leavers: leavers[p] === null ? [] : [base.members[(leavers[p] as number) % base.members.length].id],
      refundPicks: refunds[p],
    }));
    return { base, inputs };
  });

/** Refunds of earlier orders still refundable: a share (0: all that is left, else 1/share·5 of it) of each pick. */
function refundsFor(state: PeriodState, picks: Sequence['inputs'][number]['refundPicks'], scale: number, period: string): RefundRecord[] {
  const open = Object.entries(state.orders).filter(([, o]) => refundable(o));
  const chosen = new Map<string, RefundRecord>();
  picks.forEach(({ pick, share }, k) => {
    if (open.length === 0) return;
    const [orderId, order] = open[pick % open.length];
    if (chosen.has(orderId)) return;
    const left = new D(order.amount).minus(order.refunded);
    const amount = share === 0 ? undefined : left.times(share).div(5).toDecimalPlaces(scale, Decimal.ROUND_DOWN).toFixed(scale);
    chosen.set(orderId, { id: `${period}r${k}`, orderId, ...(amount === undefined ? {} : { amount }) });
  });
  return [...chosen.values()];
}

/** Something left to refund: part of the price, or an order of price 0 not refunded yet. */
const refundable = (o: PeriodState['orders'][string]) => o.full !== true && (new D(o.amount).gt(o.refunded) || new D(o.amount).isZero());

function run(sequence: Sequence): { outcomes: PeriodOutcome[]; states: PeriodState[]; inputs: PeriodInput[] } {
  const states = [emptyState()];
  const outcomes: PeriodOutcome[] = [];
  const inputs: PeriodInput[] = [];
  for (const { refundPicks, ...input } of sequence.inputs) {
    const state = states[states.length - 1];
    const full = { ...input, refunds: refundsFor(state, refundPicks, sequence.base.plan.scale, input.period) };
    inputs.push(full);
    const outcome = runPeriod(state, full);
    outcomes.push(outcome);
    states.push(outcome.nextState);
  }
  return { outcomes, states, inputs };
}

describe('a ledger over any sequence of periods', () => {
  it('conserves money exactly, in each period and over all of them', () => {
    fc.assert(
      fc.property(sequenceArb, (sequence) => {
        const { outcomes, states } = run(sequence);
        let potential = new D(0);
        let accounted = new D(0);
        for (const { statement, result } of outcomes) {
          const t = statement.totals;
          expect(new D(t.carriedIn).plus(t.earned).minus(t.reversed).toFixed()).toBe(
            new D(t.paidOut).plus(t.carriedOut).plus(t.forfeited).minus(t.writtenOff).toFixed(),
          );
          expect(new D(t.earned).toFixed()).toBe(new D(result.totals.paid).toFixed());
          potential = potential.plus(result.totals.potential);
          accounted = accounted
            .plus(t.paidOut)
            .plus(t.forfeited)
            .minus(t.writtenOff)
            .plus(t.reversed)
            .plus(result.totals.breakage)
            .plus(result.totals.capped);
        }
        const carried = sum(Object.values(states[states.length - 1].balances));
        expect(accounted.plus(carried).toFixed()).toBe(potential.toFixed());
      }),
      { seed: 61, numRuns: 120 },
    );
  });

  it('never runs a closed period again; the same state and input give byte-identical output; states survive JSON', () => {
    fc.assert(
      fc.property(sequenceArb, (sequence) => {
        const { outcomes, states, inputs } = run(sequence);
        const last = inputs.length - 1;
        let code: string | null = null;
        try {
          runPeriod(states[last + 1], inputs[last]);
        } catch (error) {
          code = (error as DownlineError).code;
        }
        expect(code).toBe('PERIOD_CLOSED');
        const again = runPeriod(states[last], inputs[last]);
        expect(serializeState(again.nextState)).toBe(serializeState(outcomes[last].nextState));
        expect(JSON.stringify(again.statement)).toBe(JSON.stringify(outcomes[last].statement));
        for (const state of states) {
          const text = serializeState(state);
          expect(readState(text)).toEqual(state);
          expect(serializeState(readState(text))).toBe(text);
        }
      }),
      { seed: 62, numRuns: 60 },
    );
  });

  it('refunding every order returns every member’s net (earned − reversed) to zero, exactly', () => {
    fc.assert(
      fc.property(sequenceArb, (sequence) => {
        const { outcomes, states, inputs } = run(sequence);
        const state = states[states.length - 1];
        const everything = Object.entries(state.orders)
          .filter(([, o]) => refundable(o))
          .map(([orderId], k) => ({ id: `all${k}`, orderId }));
        const final = runPeriod(state, { ...inputs[inputs.length - 1], period: 'zz', orders: [], leavers: [], refunds: everything });
        const net = new Map<string, Decimal>();
        for (const { statement } of [...outcomes, final]) {
          for (const [id, m] of Object.entries(statement.members)) net.set(id, (net.get(id) ?? new D(0)).plus(m.earned).minus(m.reversed));
        }
        for (const [id, value] of net) expect(`${id}: ${value.toFixed()}`).toBe(`${id}: 0`);
      }),
      { seed: 63, numRuns: 100 },
    );
  });
});
