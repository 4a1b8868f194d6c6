import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChannelKpisInput, type ChannelPeriod, channelKpis } from '../../src/analytics';
import { formatIsoDay, parseIsoDay } from '../../src/dates';
import type { MemberRecord } from '../../src/genealogy';
import { formatUnits } from '../../src/money';
import type { OrderRecord } from '../../src/orders';
import { shuffled } from '../arbitraries';

const MAX_MEMBERS = 14;
const FIRST_DAY = parseIsoDay('2026-01-01') as number;
const PERIOD_DAYS = 30;

const memberArb = fc.record({
  customer: fc.boolean(),
  sponsorPick: fc.nat(),
  joinOffset: fc.option(fc.integer({ min: -40, max: 130 }), { nil: undefined }),
  stay: fc.option(fc.nat({ max: 100 }), { nil: undefined }),
});
const orderArb = fc.record({
  who: fc.nat(),
  kindPick: fc.nat({ max: 2 }),
  amount: fc.oneof(
    { weight: 8, arbitrary: fc.nat({ max: 50_000 }) },
    { weight: 1, arbitrary: fc.bigInt({ min: 2n ** 53n, max: 2n ** 62n }) },
  ),
});
const periodArb = fc.record({
  listed: fc.array(fc.boolean(), { minLength: MAX_MEMBERS, maxLength: MAX_MEMBERS }),
  orders: fc.array(orderArb, { maxLength: 25 }),
  commissions: fc.integer({ min: 1, max: 100_000 }),
  channelCosts: fc.option(fc.nat({ max: 100_000 }), { nil: undefined }),
});
const channelArb = fc.record({
  members: fc.array(memberArb, { minLength: 1, maxLength: MAX_MEMBERS }),
  periods: fc.array(periodArb, { minLength: 1, maxLength: 4 }),
  listing: fc.constantFrom('cumulative', 'random', 'all'),
  grossMargin: fc.option(fc.constantFrom('0', '0.35', '0.6', '1'), { nil: undefined }),
  regularAfter: fc.integer({ min: 2, max: 4 }),
  maxLifetime: fc.integer({ min: 1, max: 30 }),
});
type Channel = fc.Arbitrary<ChannelKpisInput & { amounts: bigint[][] }>;

/** Builds valid periods: 30-day windows from 2026-01-01, members listed by the chosen rule, valid sponsors. */
const inputArb: Channel = channelArb.map((draft) => {
  const ever = new Uint8Array(draft.members.length);
  const amounts: bigint[][] = [];
  const periods: ChannelPeriod[] = draft.periods.map((period, t) => {
    const listed = draft.members.map((_, k) => {
      const on = draft.listing === 'all' || period.listed[k] || (draft.listing === 'cumulative' && ever[k] === 1);
      if (on) ever[k] = 1;
      return on;
    });
    const members: MemberRecord[] = [];
    const ids: string[] = [];
    draft.members.forEach((m, k) => {
      if (!listed[k]) return;
      const j = k === 0 ? -1 : m.sponsorPick % k;
      const sponsorId = j >= 0 && listed[j] && !draft.members[j].customer ? `m${j}` : null;
      const record: { -readonly [K in keyof MemberRecord]: MemberRecord[K] } = { id: `m${k}`, sponsorId };
      if (m.customer) record.role = 'customer';
      if (m.joinOffset !== undefined) record.joinedOn = formatIsoDay(FIRST_DAY + m.joinOffset);
      if (m.stay !== undefined) record.leftOn = formatIsoDay(FIRST_DAY + (m.joinOffset ?? -40) + m.stay);
      members.push(record);
      ids.push(`m${k}`);
    });
    const orders: OrderRecord[] = [];
    const periodAmounts: bigint[] = [];
    if (ids.length > 0) {
      period.orders.forEach((o, n) => {
        const id = ids[o.who % ids.length];
        const customer = draft.members[Number(id.slice(1))].customer;
        const kind = customer ? 'retail' : (['retail', 'personal', 'enrollment'] as const)[o.kindPick];
        orders.push({ id: `o${t}-${n}`, affiliateId: id, amount: o.amount, kind });
        periodAmounts.push(BigInt(o.amount));
      });
    }
    amounts.push(periodAmounts);
    const start = FIRST_DAY + t * PERIOD_DAYS;
    return {
      label: `P${t + 1}`,
      start: formatIsoDay(start),
      end: formatIsoDay(start + PERIOD_DAYS - 1),
      members,
      orders,
      commissions: period.commissions,
      ...(period.channelCosts === undefined ? {} : { channelCosts: period.channelCosts }),
    };
  });
  return { periods, grossMargin: draft.grossMargin, regularAfter: draft.regularAfter, maxLifetime: draft.maxLifetime, amounts };
});

/** Ladder and retention counted the slow way, with maps keyed by id. */
function reference(input: ChannelKpisInput) {
  const regularAfter = input.regularAfter ?? 2;
  const periodsWithOrder = new Map<string, number>();
  const latest = new Map<string, MemberRecord>();
  const buyersOf: Set<string>[] = [];
  const ladders: number[][] = [];
  const retention: { customer: number[]; affiliate: number[] }[] = [];
  const acquired: number[] = [];
  input.periods.forEach((period, t) => {
    const members = Array.from(period.members);
    const buyers = new Set(Array.from(period.orders, (o) => o.affiliateId));
    buyersOf.push(buyers);
    const start = parseIsoDay(period.start) as number;
    const end = parseIsoDay(period.end) as number;
    const withJoin = members.filter((m) => m.joinedOn !== undefined);
    acquired.push(
      withJoin.length > 0
        ? withJoin.filter((m) => (parseIsoDay(m.joinedOn) as number) >= start && (parseIsoDay(m.joinedOn) as number) <= end).length
        : t === 0
          ? -1
          : [...buyers].filter((id) => !periodsWithOrder.has(id)).length,
    );
    for (const id of buyers) periodsWithOrder.set(id, (periodsWithOrder.get(id) ?? 0) + 1);
    const ladder = [0, 0, 0, 0];
    for (const m of members) {
      const count = periodsWithOrder.get(m.id) ?? 0;
      ladder[m.role !== 'customer' ? 3 : count === 0 ? 0 : count < regularAfter ? 1 : 2]++;
    }
    ladders.push(ladder);
    if (t > 0) {
      const previous = Array.from(input.periods[t - 1].members);
      const listedNow = new Set(members.map((m) => m.id));
      for (const m of members) latest.set(m.id, m);
      const counts = { customer: [0, 0, 0, 0], affiliate: [0, 0, 0, 0] };
      for (const m of previous) {
        if (!buyersOf[t - 1].has(m.id)) continue;
        const c = counts[m.role === 'customer' ? 'customer' : 'affiliate'];
        c[0]++;
        if (buyers.has(m.id)) c[1]++;
        const leftOn = latest.get(m.id)?.leftOn;
        if (leftOn !== undefined && (parseIsoDay(leftOn) as number) <= end) c[2]++;
        if (!listedNow.has(m.id)) c[3]++;
      }
      retention.push(counts);
    } else {
      for (const m of members) latest.set(m.id, m);
    }
  });
  return { ladders, retention, acquired };
}

const RUNS = { seed: 20_261_001, numRuns: 300 };

describe('channelKpis properties', () => {
  it('retention rates lie in [0, 1], with retained, left and unlisted at most bought', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const kpis = channelKpis(input);
        const figures = kpis.retention.flatMap((pair) => [pair.customers, pair.affiliates]);
        figures.push(kpis.pooledRetention.customers, kpis.pooledRetention.affiliates);
        for (const figure of figures) {
          if (!figure.assessed) continue;
          expect(figure.rate).toBeGreaterThanOrEqual(0);
          expect(figure.rate).toBeLessThanOrEqual(1);
          expect(figure.retained).toBeLessThanOrEqual(figure.bought);
          expect(figure.left).toBeLessThanOrEqual(figure.bought);
          expect(figure.unlisted).toBeLessThanOrEqual(figure.bought);
        }
        if (kpis.clv.assessed) expect(kpis.clv.lifetime).toBeLessThanOrEqual(input.maxLifetime as number);
      }),
      RUNS,
    );
  });

  it('ladder counts add up to the members of each period', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const kpis = channelKpis(input);
        kpis.periods.forEach((period, t) => {
          const { prospects, customers, regulars, representatives, members } = period.ladder;
          expect(prospects + customers + regulars + representatives).toBe(members);
          expect(members).toBe(input.periods[t].members.length);
          expect(representatives).toBe(period.activity.affiliates);
        });
      }),
      RUNS,
    );
  });

  it('ROI revenue equals Σ order amounts exactly, per period and over all periods', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const kpis = channelKpis(input);
        let total = 0n;
        kpis.periods.forEach((period, t) => {
          const sum = input.amounts[t].reduce((a, b) => a + b, 0n);
          total += sum;
          expect(period.activity.revenue).toBe(formatUnits(sum, 2));
          expect(period.roi.assessed && period.roi.revenue).toBe(formatUnits(sum, 2)); // commissions ≥ 0.01
        });
        expect(kpis.roi.assessed && kpis.roi.revenue).toBe(formatUnits(total, 2));
      }),
      RUNS,
    );
  });

  it('ladder, retention and acquisitions match a reference counted with maps', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const kpis = channelKpis(input);
        const ref = reference(input);
        kpis.periods.forEach((period, t) => {
          const { prospects, customers, regulars, representatives } = period.ladder;
          expect([prospects, customers, regulars, representatives]).toEqual(ref.ladders[t]);
          if (period.cpa.assessed) expect(period.cpa.acquired).toBe(ref.acquired[t]);
          else expect(ref.acquired[t] <= 0).toBe(true);
        });
        kpis.retention.forEach((pair, t) => {
          for (const [figure, counts] of [
            [pair.customers, ref.retention[t].customer],
            [pair.affiliates, ref.retention[t].affiliate],
          ] as const) {
            if (figure.assessed) expect([figure.bought, figure.retained, figure.left, figure.unlisted]).toEqual(counts);
            else expect(counts[0]).toBe(0);
          }
        });
      }),
      RUNS,
    );
  });

  it('the order of member and order records does not matter', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, seed) => {
        const reordered = {
          ...input,
          periods: input.periods.map((period, t) => ({
            ...period,
            members: shuffled(Array.from(period.members), seed + t),
            orders: shuffled(Array.from(period.orders), seed + 100 + t),
          })),
        };
        expect(channelKpis(reordered)).toEqual(channelKpis(input));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
