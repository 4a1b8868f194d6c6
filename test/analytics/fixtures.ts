/**
 * A small channel over three months, worked out by hand in test/analytics/hand-computed.test.ts.
 *
 * Affiliates A (root), B and C (sponsored by A); customers c1…c9 referred by A, B or C. The member lists are
 * cumulative, as exports are: a member once listed stays listed (c9 left on 2026-11-20 and is still listed).
 */
import type { ChannelPeriod } from '../../src/analytics';
import type { MemberRecord } from '../../src/genealogy';
import type { OrderRecord } from '../../src/orders';

const A: MemberRecord = { id: 'A', sponsorId: null, joinedOn: '2026-01-10' };
const B: MemberRecord = { id: 'B', sponsorId: 'A', joinedOn: '2026-10-05' };
const C: MemberRecord = { id: 'C', sponsorId: 'A', joinedOn: '2026-11-03' };
const customer = (id: string, sponsorId: string, joinedOn: string, leftOn?: string): MemberRecord =>
  leftOn === undefined
    ? { id, sponsorId, role: 'customer', joinedOn }
    : { id, sponsorId, role: 'customer', joinedOn, leftOn };
const c1 = customer('c1', 'A', '2026-09-20');
const c2 = customer('c2', 'A', '2026-10-02');
const c3 = customer('c3', 'B', '2026-10-12');
const c4 = customer('c4', 'B', '2026-10-25');
const c5 = customer('c5', 'B', '2026-11-08');
const c6 = customer('c6', 'C', '2026-11-15');
const c7 = customer('c7', 'C', '2026-12-01');
const c8 = customer('c8', 'A', '2026-12-10');
const c9 = customer('c9', 'B', '2026-10-30', '2026-11-20');

const order = (id: string, affiliateId: string, amount: string, kind: OrderRecord['kind'] = 'retail'): OrderRecord => ({
  id,
  affiliateId,
  amount,
  kind,
});

export const OCTOBER: ChannelPeriod = {
  label: '2026-10',
  start: '2026-10-01',
  end: '2026-10-31',
  members: [A, B, c1, c2, c3, c4, c9],
  orders: [
    order('o1', 'c1', '100.00'),
    order('o2', 'c2', '50.00'),
    order('o3', 'c3', '80.00'),
    order('o4', 'c9', '40.00'),
    order('o5', 'A', '200.00', 'personal'),
    order('o6', 'B', '99.00', 'enrollment'),
    order('o7', 'c1', '30.00'),
  ],
  commissions: '60.00',
  channelCosts: '140.00',
};

export const NOVEMBER: ChannelPeriod = {
  label: '2026-11',
  start: '2026-11-01',
  end: '2026-11-30',
  members: [A, B, C, c1, c2, c3, c4, c5, c6, c9],
  orders: [
    order('p1', 'c1', '60.00'),
    order('p2', 'c3', '70.00'),
    order('p3', 'c5', '90.00'),
    order('p4', 'A', '150.00', 'personal'),
    order('p5', 'C', '99.00', 'enrollment'),
    order('p6', 'C', '51.00', 'personal'),
  ],
  commissions: 5200, // minor units: 52.00
  channelCosts: '78.00',
};

export const DECEMBER: ChannelPeriod = {
  label: '2026-12',
  start: '2026-12-01',
  end: '2026-12-31',
  members: [A, B, C, c1, c2, c3, c4, c5, c6, c7, c8, c9],
  orders: [
    order('q1', 'c1', '40.00'),
    order('q2', 'c2', '20.00'),
    order('q3', 'c5', '110.00'),
    order('q4', 'c7', '30.00'),
    order('q5', 'B', '75.00', 'personal'),
    order('q6', 'C', '25.00', 'personal'),
  ],
  commissions: '40.00',
  // no channelCosts: counted as 0, and the explanations say so
};

export const QUARTER: readonly ChannelPeriod[] = [OCTOBER, NOVEMBER, DECEMBER];

/** The same periods with every joinedOn removed (leftOn kept). */
export function withoutJoinDates(periods: readonly ChannelPeriod[]): ChannelPeriod[] {
  return periods.map((period) => ({
    ...period,
    members: Array.from(period.members, (member) => {
      const { joinedOn: _dropped, ...rest } = member;
      return rest;
    }),
  }));
}
