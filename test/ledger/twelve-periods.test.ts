/**
 * Issue 6's twelve-period scenario, every figure worked by hand. A ← B ← C ← D (each sponsored by the one
 * before), retail orders. Plan v1 pays 10% / 5%; from period 7 plan v2 pays 10% / 5% / 2%. Both carry any
 * balance below 20.00 and forfeit a leaver's balance. Figures are per member: earned − reversed, then the
 * balance (carried in + earned − reversed) is paid out when it reaches 20.00, else carried.
 */
import { describe, expect, it } from 'vitest';
import { DownlineError, Genealogy } from '../../src';
import { emptyState, type PeriodState, readState, serializeState } from '../../src/ledger/period-state';
import { type PeriodInput, type PeriodOutcome, runPeriod } from '../../src/ledger/run-period';

const line = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
  { id: 'D', sponsorId: 'C' },
]);
// B leaves at the end of period 11; from period 12 C is sponsored by A
const withoutB = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'C', sponsorId: 'A' },
  { id: 'D', sponsorId: 'C' },
]);
const v1 = { levels: ['0.10', '0.05'], payoutThreshold: '20', leaverBalance: 'forfeit', version: 'v1' } as const;
const v2 = { levels: ['0.10', '0.05', '0.02'], payoutThreshold: '20', leaverBalance: 'forfeit', version: 'v2' } as const;
const order = (id: string, affiliateId: string, amount: string) => ({ id, affiliateId, amount, kind: 'retail' as const });

const periods: PeriodInput[] = [
  // 1: C buys 100: B 10, A 5; both below 20: carried (B 10, A 5)
  { period: '2026-01', genealogy: line, plan: v1, orders: [order('o1', 'C', '100.00')] },
  // 2: D buys 200: C 20 → paid 20; B 10 + 10 = 20 → paid 20; A carries 5
  { period: '2026-02', genealogy: line, plan: v1, orders: [order('o2', 'D', '200.00')] },
  // 3: o1 (period 1) refunded in full: B −10 (balance −10), A −5 (balance 0)
  { period: '2026-03', genealogy: line, plan: v1, orders: [], refunds: [{ id: 'r1', orderId: 'o1' }] },
  // 4: C buys 300: B 30 − 10 owed = 20 → paid 20; A 15 carried
  { period: '2026-04', genealogy: line, plan: v1, orders: [order('o3', 'C', '300.00')] },
  // 5: 100 of o3 refunded (a third): B −10, A −5; D buys 50: C 5, B 2.50.
  //    B 2.50 − 10 = −7.50; A 15 − 5 = 10; C 5: all carried
  { period: '2026-05', genealogy: line, plan: v1, orders: [order('o4', 'D', '50.00')], refunds: [{ id: 'r2', orderId: 'o3', amount: '100.00' }] },
  // 6: the other 200 of o3 refunded: B −20, A −10; C buys 400: B 40, A 20.
  //    B −7.50 + 40 − 20 = 12.50 carried; A 10 + 20 − 10 = 20 → paid 20; C carries 5
  { period: '2026-06', genealogy: line, plan: v1, orders: [order('o5', 'C', '400.00')], refunds: [{ id: 'r3', orderId: 'o3' }] },
  // 7: plan v2 from this period on. D buys 500: C 50, B 25, A 10 (level 3).
  //    C 5 + 50 = 55 → paid; B 12.50 + 25 = 37.50 → paid; A 10 carried
  { period: '2026-07', genealogy: line, plan: v2, orders: [order('o6', 'D', '500.00')] },
  // 8: half of o6 refunded: C −25, B −12.50, A −5 (its lines were paid under v2). C −25, B −12.50, A 5
  { period: '2026-08', genealogy: line, plan: v2, orders: [], refunds: [{ id: 'r4', orderId: 'o6', amount: '250.00' }] },
  // 9: D buys 100: C 10, B 5, A 2. C −15, B −7.50, A 7
  { period: '2026-09', genealogy: line, plan: v2, orders: [order('o7', 'D', '100.00')] },
  // 10: C buys 200: B 20, A 10. B 12.50, A 17 carried; C −15
  { period: '2026-10', genealogy: line, plan: v2, orders: [order('o8', 'C', '200.00')] },
  // 11: D buys 100: C 10, B 5, A 2. C −5; A 19; B 12.50 + 5 = 17.50 and B leaves: forfeited
  { period: '2026-11', genealogy: line, plan: v2, orders: [order('o9', 'D', '100.00')], leavers: ['B'] },
  // 12: without B. D buys 300: C 30, A 15 (level 2 now). 50 of o9 (period 11) refunded: C −5, B −2.50, A −1.
  //     C −5 + 30 − 5 = 20 → paid; A 19 + 15 − 1 = 33 → paid; B (gone) −2.50: a clawback still owed
  { period: '2026-12', genealogy: withoutB, plan: v2, orders: [order('o10', 'D', '300.00')], refunds: [{ id: 'r5', orderId: 'o9', amount: '50.00' }] },
];

function runAll(): { outcomes: PeriodOutcome[]; states: PeriodState[] } {
  const states: PeriodState[] = [emptyState()];
  const outcomes: PeriodOutcome[] = [];
  for (const input of periods) {
    const outcome = runPeriod(states[states.length - 1], input);
    outcomes.push(outcome);
    // every state goes through JSON and back, as a company would store it
    states.push(readState(serializeState(outcome.nextState)));
  }
  return { outcomes, states };
}

describe('twelve periods: plan change, threshold carry, refunds of closed periods, a leaver', () => {
  const { outcomes, states } = runAll();
  const totals = outcomes.map((o) => o.statement.totals);
  const balances = states.slice(1).map((s) => s.balances);

  it('pays out what reaches the threshold and carries the rest', () => {
    expect(totals.map((t) => t.paidOut)).toEqual(['0.00', '40.00', '0.00', '20.00', '0.00', '20.00', '92.50', '0.00', '0.00', '0.00', '0.00', '53.00']);
    expect(balances).toEqual([
      { A: '5.00', B: '10.00' },
      { A: '5.00' },
      { B: '-10.00' },
      { A: '15.00' },
      { A: '10.00', B: '-7.50', C: '5.00' },
      { B: '12.50', C: '5.00' },
      { A: '10.00' },
      { A: '5.00', B: '-12.50', C: '-25.00' },
      { A: '7.00', B: '-7.50', C: '-15.00' },
      { A: '17.00', B: '12.50', C: '-15.00' },
      { A: '19.00', C: '-5.00' },
      { B: '-2.50' },
    ]);
  });

  it('reverses refunds of closed periods for the same payees and levels, proportionally', () => {
    expect(totals.map((t) => t.reversed)).toEqual(['0.00', '0.00', '15.00', '0.00', '15.00', '30.00', '0.00', '42.50', '0.00', '0.00', '0.00', '8.50']);
    expect(outcomes[7].statement.reversals).toEqual([
      { refundId: 'r4', orderId: 'o6', period: '2026-07', payeeId: 'C', stage: 'unilevel', level: 1, amount: '-25.00' },
      { refundId: 'r4', orderId: 'o6', period: '2026-07', payeeId: 'B', stage: 'unilevel', level: 2, amount: '-12.50' },
      { refundId: 'r4', orderId: 'o6', period: '2026-07', payeeId: 'A', stage: 'unilevel', level: 3, amount: '-5.00' },
    ]);
  });

  it('settles the leaver as the plan says and keeps a clawback owed after they left', () => {
    expect(outcomes[10].statement.members.B).toMatchObject({ carriedIn: '12.50', earned: '5.00', forfeited: '17.50', carriedOut: '0.00' });
    expect(outcomes[11].statement.members.B).toMatchObject({ carriedIn: '0.00', reversed: '2.50', carriedOut: '-2.50' });
  });

  it('records the plan of every period, and keeps the money identity in every period and over all of them', () => {
    expect(states[12].periods.map((p) => p.planVersion)).toEqual([...Array(6).fill('v1'), ...Array(6).fill('v2')]);
    expect(new Set(states[12].periods.map((p) => p.planHash)).size).toBe(2);
    expect(outcomes.map((o) => o.result.planHash)).toEqual(states[12].periods.map((p) => p.planHash));
    expect(outcomes[6].result.plan.version).toBe('v2');
    const cents = (text: string) => (text.startsWith('-') ? -1n : 1n) * BigInt(text.replace(/^-/, '').replace('.', '')); // 2 decimals
    let potential = 0n;
    let accounted = 0n;
    for (const [k, { statement, result }] of outcomes.entries()) {
      const t = statement.totals;
      expect(cents(t.carriedIn) + cents(t.earned) - cents(t.reversed)).toBe(cents(t.paidOut) + cents(t.carriedOut) + cents(t.forfeited) - cents(t.writtenOff));
      potential += cents(result.totals.potential);
      accounted += cents(t.paidOut) + cents(t.forfeited) - cents(t.writtenOff) + cents(t.reversed) + cents(result.totals.breakage) + cents(result.totals.residual) + cents(result.totals.capped);
      if (k === outcomes.length - 1) accounted += cents(t.carriedOut);
    }
    // paid out + carried + breakage (with forfeits) + reversed = potential, over the twelve periods
    expect(accounted).toBe(potential);
  });

  it('never pays a closed period twice, and refuses to run it with another plan', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as DownlineError).code;
      }
      return null;
    };
    expect(code(() => runPeriod(states[5], periods[4]))).toBe('PERIOD_CLOSED');
    expect(code(() => runPeriod(states[5], { ...periods[4], plan: v2 }))).toBe('PLAN_MISMATCH');
    expect(code(() => runPeriod(states[5], { ...periods[2], period: '2026-02-bis' }))).toBe('PERIOD_CLOSED'); // out of order
    expect(code(() => runPeriod(states[4], { ...periods[4], refunds: [{ id: 'again', orderId: 'o1' }] }))).toBe('ALREADY_REFUNDED');
  });

  it('is pure: the same state and input give byte-identical output', () => {
    const again = runPeriod(states[4], periods[4]);
    expect(serializeState(again.nextState)).toBe(serializeState(outcomes[4].nextState));
    expect(JSON.stringify(again.statement)).toBe(JSON.stringify(outcomes[4].statement));
  });
});
