import { describe, expect, it } from 'vitest';
import { type DownlineError, Genealogy } from '../../src';
import { emptyState, readState } from '../../src/ledger/period-state';
import { runPeriod } from '../../src/ledger/run-period';

const genealogy = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
]);
const plan = { levels: ['0.1', '0.1'] };
const first = runPeriod(emptyState(), {
  period: '2026-01',
  genealogy,
  plan,
  orders: [{ id: 'o1', affiliateId: 'B', amount: '100.00', kind: 'retail' }],
});
const issues = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DownlineError).issues.map((issue) => `${issue.code} ${issue.path.join('.')}: ${issue.message}`);
  }
  return [];
};

describe('refunds and states that are refused, every problem at once', () => {
  it('names the refund, the order and what is wrong', () => {
    expect(
      issues(() =>
        runPeriod(first.nextState, {
          period: '2026-02',
          genealogy,
          plan,
          orders: [{ id: 'o1', affiliateId: 'B', amount: '5.00', kind: 'retail' }],
        }),
      ),
    ).toEqual(['DUPLICATE_ORDER orders.0.id: order "o1": already recorded in period "2026-01"']);
    expect(
      issues(() =>
        runPeriod(first.nextState, {
          period: '2026-02',
          genealogy,
          plan,
          orders: [],
          leavers: ['Z'],
          refunds: [
            { id: 'r1', orderId: 'o404' },
            { id: 'r2', orderId: 'o1', amount: '100.01' },
            { id: 'r3', orderId: 'o1', amount: '-1' },
            { id: 'r3', orderId: 'o1', amount: '1.00' },
          ],
        }),
      ),
    ).toEqual([
      'UNKNOWN_ORDER refunds.0.orderId: refund "r1": unknown order "o404"',
      'INVALID_AMOUNT refunds.1.amount: refund "r2": amount 100.01 is more than the 100.00 left on order "o1"',
      'NEGATIVE_AMOUNT refunds.2.amount: refund "r3": amount "-1" is negative',
      'INVALID_RECORD refunds.3.id: refund "r3": listed twice',
      'UNKNOWN_MEMBER leavers.0: leavers: unknown member "Z"',
    ]);
  });
  it('reads only states of a known version and shape', () => {
    expect(issues(() => readState('{'))).toEqual(['INVALID_STATE : state: not JSON']);
    expect(issues(() => readState({ ...first.nextState, balances: { A: 'lots' } }))).toEqual([
      'INVALID_STATE balances.A: state balances.A: must be a decimal string',
    ]);
  });
});

describe('the refund window', () => {
  it('keeps an order refundable for refundWindow periods after its own, then drops its lines', () => {
    const windowed = { levels: ['0.1', '0.1'], refundWindow: 1 };
    const order = (id: string) => [{ id, affiliateId: 'B', amount: '100.00', kind: 'retail' as const }];
    const p1 = runPeriod(emptyState(), { period: 'p1', genealogy, plan: windowed, orders: order('o1') });
    const p2 = runPeriod(p1.nextState, { period: 'p2', genealogy, plan: windowed, orders: order('o2') });
    // o1 may still be refunded in p2: it is in the ledger after p1; after p2 it is past the window
    expect(Object.keys(p1.nextState.orders)).toEqual(['o1']);
    expect(Object.keys(p2.nextState.orders)).toEqual(['o2']);
    expect(p2.nextState.ledgerDropped).toBe('p1');
    expect(
      issues(() => runPeriod(p2.nextState, { period: 'p3', genealogy, plan: windowed, orders: [], refunds: [{ id: 'r', orderId: 'o1' }] })),
    ).toEqual(['UNKNOWN_ORDER refunds.0.orderId: refund "r": unknown order "o1" (orders of period "p1" and earlier are past the refund window)']);
    // a window of 0: only the period's own orders, in the period itself
    const none = runPeriod(emptyState(), { period: 'p1', genealogy, plan: { ...windowed, refundWindow: 0 }, orders: order('o1'), refunds: [{ id: 'r', orderId: 'o1' }] });
    expect(none.statement.totals.reversed).toBe('10.00');
    expect(none.nextState.orders).toEqual({});
  });
});
