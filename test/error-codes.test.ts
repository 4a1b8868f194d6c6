import { describe, expect, it } from 'vitest';
import {
  assessCompliance,
  computeCommissions,
  DownlineError,
  ErrorCode,
  Genealogy,
  ingestOrders,
  parsePlan,
  runScenario,
} from '../src';
import { emptyState, readState } from '../src/ledger/period-state';
import { runPeriod } from '../src/ledger/run-period';

const small = () =>
  Genealogy.fromRecords([
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
  ]);
const withCustomer = () =>
  Genealogy.fromRecords([
    { id: 'A', sponsorId: null },
    { id: 'c', sponsorId: 'A', role: 'customer' },
  ]);
const period = () => computeCommissions({ genealogy: small(), plan: { levels: ['0.1', '0.1'] }, orders: [] });
const order = (extra: object) => ({ id: 'o1', affiliateId: 'A', amount: '1.00', kind: 'retail', ...extra });

/** One way to raise each code, with a piece of the message it must carry. */
const triggers: Record<ErrorCode, [() => unknown, string]> = {
  INVALID_MEMBER: [() => Genealogy.fromRecords([{ id: 5 } as never]), 'member #0'],
  EMPTY_ID: [() => Genealogy.fromRecords([{ id: '', sponsorId: null }]), 'member #0'],
  DUPLICATE_MEMBER: [() => Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'A', sponsorId: null }]), '"A"'],
  UNKNOWN_SPONSOR: [() => Genealogy.fromRecords([{ id: 'B', sponsorId: 'Z' }]), 'unknown sponsor "Z"'],
  SELF_SPONSOR: [() => Genealogy.fromRecords([{ id: 'S', sponsorId: 'S' }]), '"S"'],
  CYCLE: [
    () => Genealogy.fromRecords([{ id: 'P', sponsorId: 'Q' }, { id: 'Q', sponsorId: 'P' }, { id: 'R', sponsorId: null }]),
    '"P"',
  ],
  UNKNOWN_MEMBER: [() => small().upline('nobody'), '"nobody"'],
  INVALID_PLAN: [() => parsePlan({ levels: Array(9).fill('0.01') }), 'levels[8]: at most 8 levels'],
  RATES_EXCEED_ONE: [() => parsePlan({ levels: ['0.7', '0.7'] }), 'more than 1'],
  INVALID_ORDER: [() => ingestOrders([order({ kind: 'gift' })] as never, small(), { scale: 2 }), 'order "o1"'],
  INVALID_AMOUNT: [() => ingestOrders([order({ amount: '1e3' })] as never, small(), { scale: 2 }), 'order "o1"'],
  NEGATIVE_AMOUNT: [() => ingestOrders([order({ amount: '-1' })] as never, small(), { scale: 2 }), 'order "o1"'],
  TOO_MANY_DECIMALS: [() => ingestOrders([order({ amount: '0.001' })] as never, small(), { scale: 2 }), 'order "o1"'],
  UNKNOWN_AFFILIATE: [
    () => ingestOrders([order({ id: 'o17', affiliateId: 'M99' })] as never, small(), { scale: 2 }),
    'order "o17": unknown affiliate "M99"',
  ],
  DUPLICATE_ORDER: [() => ingestOrders([order({}), order({})] as never, small(), { scale: 2 }), 'order "o1"'],
  ORDER_BOOK_MISMATCH: [
    () => {
      const genealogy = small();
      const book = ingestOrders([order({})] as never, genealogy, { scale: 3 });
      return computeCommissions({ genealogy, plan: { levels: ['0.1', '0.1'] }, orders: book });
    },
    'scale 3',
  ],
  INVALID_SCENARIO: [() => runScenario({ plan: {}, members: 'none', orders: [] }), 'scenario members'],
  CUSTOMER_SPONSOR: [
    () => Genealogy.fromRecords([{ id: 'c', sponsorId: null, role: 'customer' }, { id: 'B', sponsorId: 'c' }]),
    'member "B": sponsor "c" is a customer',
  ],
  CUSTOMER_ORDER_KIND: [
    () => ingestOrders([order({ affiliateId: 'c', kind: 'personal' })] as never, withCustomer(), { scale: 2 }),
    'order "o1": a customer\'s order is a retail sale',
  ],
  INVALID_DATE: [
    () => assessCompliance({ result: period(), members: [{ id: 'A', sponsorId: null, joinedOn: '2026-02-30' }, { id: 'B', sponsorId: 'A' }] }),
    'member "A": joinedOn must be an ISO date',
  ],
  INVALID_RECORD: [() => assessCompliance({ result: period(), costs: [{ affiliateId: 5, amount: '1.00' }] as never }), 'cost #0: affiliateId must be a string'],
  UNKNOWN_ORDER: [() => assessCompliance({ result: period(), packages: [{ orderId: 'o404', goodsValue: '1.00' }] }), 'package #0: unknown order "o404"'],
  UNKNOWN_RANK: [
    () =>
      computeCommissions({
        genealogy: small(),
        plan: { levels: ['0.1', '0.1'], ranks: [{ name: 'Gold' }] },
        orders: [],
        achievedRanks: { A: 'Platinum' },
      }),
    'unknown rank "Platinum"',
  ],
  VOLUME_TOO_LARGE: [
    () =>
      computeCommissions({
        genealogy: small(),
        plan: { levels: ['0.1', '0.1'], ranks: [{ name: 'Gold' }] },
        orders: [order({ amount: 2n ** 60n, kind: 'personal' })] as never,
      }),
    'past 2^53 minor units',
  ],
  INVALID_PLACEMENT: [
    () =>
      computeCommissions({
        genealogy: small(),
        plan: { levels: ['0.1', '0.1'], binary: { pairVolume: '100', pairAmount: '10' } },
        orders: [],
        placement: [{ id: 'A', parentId: null, side: 'left' }],
      }),
    'placement "A": a placement root (parentId null) has no side',
  ],
  PLACEMENT_SIDE_TAKEN: [
    () =>
      computeCommissions({
        genealogy: Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'A' }]),
        plan: { levels: ['0.1', '0.1'], binary: { pairVolume: '100', pairAmount: '10' } },
        orders: [],
        placement: [
          { id: 'A', parentId: null, side: null },
          { id: 'B', parentId: 'A', side: 'left' },
          { id: 'C', parentId: 'A', side: 'left' },
        ],
      }),
    'placement "C": side "left" of "A" is already taken by "B"',
  ],
  PLACEMENT_CYCLE: [
    () =>
      computeCommissions({
        genealogy: small(),
        plan: { levels: ['0.1', '0.1'], binary: { pairVolume: '100', pairAmount: '10' } },
        orders: [],
        placement: [
          { id: 'A', parentId: 'B', side: 'left' },
          { id: 'B', parentId: 'A', side: 'left' },
        ],
      }),
    '"A"',
  ],
  PERIOD_CLOSED: [
    () => {
      const input = { period: '2026-01', genealogy: small(), plan: { levels: ['0.1', '0.1'] }, orders: [] };
      return runPeriod(runPeriod(emptyState(), input).nextState, input);
    },
    'period "2026-01": closed already',
  ],
  PLAN_MISMATCH: [
    () => {
      const input = { period: '2026-01', genealogy: small(), plan: { levels: ['0.1', '0.1'] }, orders: [] };
      return runPeriod(runPeriod(emptyState(), input).nextState, { ...input, plan: { levels: ['0.2', '0.1'] } });
    },
    'period "2026-01": closed under plan sha256:',
  ],
  ALREADY_REFUNDED: [
    () => {
      const input = { period: '2026-01', genealogy: small(), plan: { levels: ['0.1', '0.1'] }, orders: [order({})] as never[] };
      const { nextState } = runPeriod(emptyState(), { ...input, refunds: [{ id: 'r1', orderId: 'o1' }] });
      return runPeriod(nextState, { ...input, period: '2026-02', orders: [], refunds: [{ id: 'r2', orderId: 'o1' }] });
    },
    'refund "r2": order "o1" has already been refunded in full',
  ],
  INVALID_STATE: [() => readState({ schemaVersion: 99 }), 'state: written with schema version 99'],
  INVALID_OPTIONS: [() => assessCompliance({ result: period() }, { lowIncomeLimit: 'lots' }), 'options.lowIncomeLimit'],
};

describe('every error code', () => {
  it('has a trigger in this table', () => {
    expect(Object.keys(triggers).sort()).toEqual(Object.values(ErrorCode).sort());
  });
  for (const [code, [trigger, fragment]] of Object.entries(triggers)) {
    it(code, () => {
      let caught: unknown;
      try {
        trigger();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DownlineError);
      const error = caught as DownlineError;
      expect(error.code).toBe(code);
      expect(error.issues[0].code).toBe(code);
      expect(error.message).toContain(fragment);
    });
  }
});
