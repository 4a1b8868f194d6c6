import { describe, expect, it } from 'vitest';
import { channelKpis, formatChannelKpis } from '../../src/analytics';
import { DECEMBER, NOVEMBER, OCTOBER, QUARTER, withoutJoinDates } from './fixtures';

/*
 * The quarter of fixtures.ts, by hand (scale 2, grossMargin 0.6, regularAfter 2).
 *
 * October: members A B c1 c2 c3 c4 c9 (7). Orders c1 100 + c2 50 + c3 80 + c9 40 + A 200 (personal)
 *   + B 99 (enrollment) + c1 30 = 599.00; customers' share 300.00 from c1 c2 c3 c9 (4 buyers); A, B bought.
 *   Cost 60.00 + 140.00 = 200.00. Margin 599 × 0.6 = 359.40, net 159.40, ROI 159.40 / 200 = 0.797,
 *   revenue per cost 599 / 200 = 2.995. Joined in October: B c2 c3 c4 c9 (1 affiliate, 4 customers):
 *   CPA 200 / 5 = 40.00. Ladder: representatives A B; customers c1 c2 c3 c9 (1 period); prospect c4.
 * November: + C c5 c6 (10 members). Orders c1 60 + c3 70 + c5 90 + A 150 + C 99 + C 51 = 520.00; customers'
 *   share 220.00 from c1 c3 c5 (3 buyers); A, C bought. Cost 52.00 + 78.00 = 130.00. Margin 312.00, net
 *   182.00, ROI 1.4, revenue per cost 4. Joined: C c5 c6 → CPA 130 / 3 = 43.333… → 43.33.
 *   Ladder: representatives A B C; regulars c1 c3 (2 periods); customers c2 c9 c5; prospects c4 c6.
 *   Retention Oct → Nov: customers c1 c2 c3 c9 bought, c1 c3 again → 2 / 4 = 0.5; c9 left on 2026-11-20
 *   (≤ 2026-11-30) → left 1. Affiliates A B bought, A again → 1 / 2.
 * December: + c7 c8 (12 members). Orders c1 40 + c2 20 + c5 110 + c7 30 + B 75 + C 25 = 300.00; customers'
 *   share 200.00 from c1 c2 c5 c7 (4 buyers). Cost 40.00 + no channel costs = 40.00. Margin 180.00, net
 *   140.00, ROI 3.5, revenue per cost 7.5. Joined c7 c8 → CPA 40 / 2 = 20.00.
 *   Ladder: representatives 3; regulars c1 (3 periods) c2 (Oct, Dec) c3 c5; customers c7 c9; prospects c4 c6
 *   c8 → 3 + 2 + 4 + 3 = 12. Retention Nov → Dec: customers c1 c3 c5, c1 c5 again → 2 / 3; affiliates A C,
 *   C again → 1 / 2.
 * All periods: revenue 1419.00, commissions 152.00, channel costs 218.00 (2 of 3 periods), cost 370.00; margin
 *   851.40, net 481.40, ROI 481.40 / 370 = 1.30108…, revenue per cost 1419 / 370 = 3.83513…
 *   CPA 370 / 10 = 37.00 (2 affiliates, 8 customers).
 *   Customers' pooled retention (2 + 2) / (4 + 3) = 4 / 7; lifetime 1 / (1 − 4/7) = 7/3 periods.
 *   CLV: customer revenue 720.00 over 4 + 3 + 4 = 11 customer-periods (average 65.4545… → 65.45);
 *   720 / 11 × 0.6 × 7/3 = 3024 / 33 = 91.6363… → 91.64.
 */
describe('channelKpis on the hand-computed quarter', () => {
  const kpis = channelKpis({ periods: QUARTER, grossMargin: '0.6' });
  const [oct, nov, dec] = kpis.periods;

  it('echoes the options', () => {
    expect(kpis).toMatchObject({ scale: 2, grossMargin: '0.6', regularAfter: 2, maxLifetime: 20 });
  });

  it('summarises each period', () => {
    expect(oct.activity).toEqual({
      members: 7, affiliates: 2, customers: 5, orders: 7, affiliateBuyers: 2, customerBuyers: 4,
      revenue: '599.00', customerRevenue: '300.00',
    });
    expect(nov.activity).toMatchObject({ members: 10, orders: 6, revenue: '520.00', customerRevenue: '220.00', customerBuyers: 3 });
    expect(dec.activity).toMatchObject({ members: 12, orders: 6, revenue: '300.00', customerRevenue: '200.00', customerBuyers: 4 });
  });

  it('computes the ROI of each period', () => {
    expect(oct.roi).toMatchObject({
      assessed: true, revenue: '599.00', commissions: '60.00', channelCosts: '140.00', cost: '200.00',
      margin: '359.40', net: '159.40', marginBasis: 'gross-margin', orders: 7, periods: 1, periodsWithChannelCosts: 1,
    });
    if (!oct.roi.assessed) throw new Error('unreachable');
    expect(oct.roi.roi).toBeCloseTo(0.797, 12);
    expect(oct.roi.revenuePerCost).toBeCloseTo(2.995, 12);
    expect(oct.roi.explanation).toBe(
      'period "2026-10": ROI = (margin 359.40 − commissions 60.00 − channel costs 140.00) / (60.00 + 140.00)' +
        ' = 159.40 / 200.00 = 0.797; margin = revenue 599.00 × gross margin 0.6; revenue per cost = 599.00 / 200.00 = 2.995',
    );
    expect(nov.roi).toMatchObject({ assessed: true, commissions: '52.00', cost: '130.00', margin: '312.00', net: '182.00', roi: 1.4, revenuePerCost: 4 });
    expect(dec.roi).toMatchObject({
      assessed: true, channelCosts: '0.00', cost: '40.00', net: '140.00', roi: 3.5, revenuePerCost: 7.5, periodsWithChannelCosts: 0,
    });
    if (dec.roi.assessed) expect(dec.roi.explanation).toContain('no channelCosts given: counted as 0');
  });

  it('computes the ROI over all periods', () => {
    expect(kpis.roi).toMatchObject({
      assessed: true, revenue: '1419.00', commissions: '152.00', channelCosts: '218.00', cost: '370.00',
      margin: '851.40', net: '481.40', orders: 19, periods: 3, periodsWithChannelCosts: 2,
    });
    if (!kpis.roi.assessed) throw new Error('unreachable');
    expect(kpis.roi.roi).toBeCloseTo(481.4 / 370, 12);
    expect(kpis.roi.revenuePerCost).toBeCloseTo(1419 / 370, 12);
    expect(kpis.roi.explanation).toContain('all 3 periods: ROI = (margin 851.40 − commissions 152.00 − channel costs 218.00)');
    expect(kpis.roi.explanation).toContain('channelCosts given for 2 of 3 periods, the others counted as 0');
  });

  it('computes the CPA of each period from join dates', () => {
    expect(oct.cpa).toMatchObject({
      assessed: true, cpa: '40.00', cost: '200.00', acquired: 5, affiliates: 1, customers: 4, method: 'joined-on', withoutJoinDate: 0,
    });
    if (oct.cpa.assessed) {
      expect(oct.cpa.explanation).toBe(
        'period "2026-10": CPA = (commissions 60.00 + channel costs 140.00) / 5 members acquired = 200.00 / 5 = 40.00;' +
          ' acquired = joinedOn between 2026-10-01 and 2026-10-31 (1 affiliate, 4 customers)',
      );
    }
    expect(nov.cpa).toMatchObject({ assessed: true, cpa: '43.33', acquired: 3, affiliates: 1, customers: 2 });
    expect(dec.cpa).toMatchObject({ assessed: true, cpa: '20.00', acquired: 2, affiliates: 0, customers: 2 });
    expect(kpis.cpa).toMatchObject({
      assessed: true, cpa: '37.00', cost: '370.00', acquired: 10, affiliates: 2, customers: 8, method: 'joined-on',
      periods: ['2026-10', '2026-11', '2026-12'],
    });
  });

  it('computes the retention of each pair, customers and affiliates apart', () => {
    expect(kpis.retention).toHaveLength(2);
    const [octNov, novDec] = kpis.retention;
    expect(octNov).toMatchObject({
      from: '2026-10', to: '2026-11',
      customers: { assessed: true, role: 'customer', rate: 0.5, bought: 4, retained: 2, left: 1, unlisted: 0 },
      affiliates: { assessed: true, role: 'affiliate', rate: 0.5, bought: 2, retained: 1, left: 0, unlisted: 0 },
    });
    if (octNov.customers.assessed) {
      expect(octNov.customers.explanation).toBe(
        'customer retention from period "2026-10" to "2026-11" = 2 / 4 = 0.5: of the 4 customers who ordered, 2 ordered' +
          ' again in the next period; 1 of the 4 left (leftOn on or before the end of "2026-11" (2026-11-30)), 0 not listed in the next period',
      );
    }
    expect(novDec).toMatchObject({
      customers: { assessed: true, bought: 3, retained: 2, left: 0 },
      affiliates: { assessed: true, bought: 2, retained: 1 },
    });
    if (novDec.customers.assessed) expect(novDec.customers.rate).toBeCloseTo(2 / 3, 15);
    expect(kpis.pooledRetention.customers).toMatchObject({ assessed: true, bought: 7, retained: 4, left: 1, rate: 4 / 7 });
    expect(kpis.pooledRetention.affiliates).toMatchObject({ assessed: true, bought: 4, retained: 2, rate: 0.5 });
  });

  it('computes the CLV from repeat orders', () => {
    expect(kpis.clv).toMatchObject({
      assessed: true, clv: '91.64', averageRevenue: '65.45', customerRevenue: '720.00', customerPeriods: 11,
      retained: 4, bought: 7, capped: false, marginBasis: 'gross-margin',
    });
    if (!kpis.clv.assessed) throw new Error('unreachable');
    expect(kpis.clv.retention).toBeCloseTo(4 / 7, 15);
    expect(kpis.clv.lifetime).toBeCloseTo(7 / 3, 15);
    expect(kpis.clv.explanation).toBe(
      'CLV = average revenue per buying customer per period 65.45 (customer revenue 720.00 / 11 customer-periods)' +
        ' × gross margin 0.6 × expected lifetime 2.3333 periods (1 / (1 − retention 0.5714)) = 91.64;' +
        ' retention = 4 / 7 customers who ordered in a period ordered again in the next, pooled over 2 pairs of periods',
    );
  });

  it('counts the loyalty ladder of each period', () => {
    expect(oct.ladder).toMatchObject({ members: 7, prospects: 1, customers: 4, regulars: 0, representatives: 2 });
    expect(nov.ladder).toMatchObject({ members: 10, prospects: 2, customers: 3, regulars: 2, representatives: 3 });
    expect(dec.ladder).toMatchObject({ members: 12, prospects: 3, customers: 2, regulars: 4, representatives: 3 });
    expect(kpis.ladder).toBe(dec.ladder);
    expect(kpis.ladder.explanation).toBe(
      'period "2026-12", 12 members: 3 prospects (customer records with no order yet) → 2 customers (orders in 1 period)' +
        ' → 4 regulars (orders in 2 periods or more) → 3 representatives (affiliates)',
    );
  });

  it('moves customers up the ladder later with a higher regularAfter', () => {
    // regularAfter 3: at December only c1 has orders in 3 periods; c2 c3 c5 c7 c9 have 1 or 2
    const later = channelKpis({ periods: QUARTER, regularAfter: 3 });
    expect(later.ladder).toMatchObject({ prospects: 3, customers: 5, regulars: 1, representatives: 3 });
    expect(later.ladder.explanation).toContain('5 customers (orders in 1 to 2 periods)');
  });

  it('formats a plain-text summary', () => {
    const text = formatChannelKpis(kpis);
    expect(text.split('\n')[0]).toBe(
      'Channel KPIs over 3 periods, "2026-10" to "2026-12" (scale 2, gross margin 0.6, regular after 2 periods)',
    );
    expect(text).toContain('Period "2026-11" (2026-11-01 to 2026-11-30): 10 members (3 affiliates, 7 customers), 6 orders, revenue 520.00');
    expect(text).toContain('  ROI 1.4 (140.0%): period "2026-11": ROI = ');
    expect(text).toContain('  CPA 43.33: period "2026-11": CPA = ');
    expect(text).toContain('  50.0%: customer retention from period "2026-10" to "2026-11"');
    expect(text).toContain('  CLV 91.64: CLV = ');
    expect(text).toContain('  Ladder at the last period: period "2026-12", 12 members');
  });
});

describe('channelKpis without a gross margin', () => {
  /*
   * Margin = revenue. October: (599 − 200) / 200 = 1.995. CLV: 720 / 11 × 7/3 = 5040 / 33 = 152.7272… → 152.73.
   */
  const kpis = channelKpis({ periods: QUARTER });
  it('takes the revenue as margin, and says so', () => {
    expect(kpis.periods[0].roi).toMatchObject({ assessed: true, margin: '599.00', net: '399.00', roi: 1.995, marginBasis: 'revenue' });
    if (kpis.periods[0].roi.assessed) {
      expect(kpis.periods[0].roi.explanation).toContain(
        'margin = revenue 599.00 (no grossMargin given: the cost of goods is not deducted, so the ROI is overstated)',
      );
    }
    expect(kpis.clv).toMatchObject({ assessed: true, clv: '152.73', marginBasis: 'revenue' });
    if (kpis.clv.assessed) expect(kpis.clv.explanation).toContain('margin 1 (no grossMargin given: revenue, not margin)');
  });
});

describe('CPA without join dates', () => {
  /*
   * October cannot tell new buyers from returning ones: not assessed. November: first-time buyers c5
   * (customer) and C (affiliate) → 130.00 / 2 = 65.00. December: c7 → 40.00 / 1 = 40.00.
   * Overall over November and December: (130 + 40) / 3 = 56.666… → 56.67.
   */
  const kpis = channelKpis({ periods: withoutJoinDates(QUARTER) });
  it('falls back to first-time buyers from the second period on', () => {
    expect(kpis.periods[0].cpa).toEqual({
      assessed: false,
      needs: 'join dates (joinedOn) on the members of period "2026-10", or an earlier period to tell first-time buyers from returning ones',
    });
    expect(kpis.periods[1].cpa).toMatchObject({ assessed: true, cpa: '65.00', acquired: 2, affiliates: 1, customers: 1, method: 'first-order' });
    expect(kpis.periods[2].cpa).toMatchObject({ assessed: true, cpa: '40.00', acquired: 1, customers: 1, method: 'first-order' });
    if (kpis.periods[2].cpa.assessed) {
      expect(kpis.periods[2].cpa.explanation).toContain('no channelCosts given: counted as 0');
    }
    expect(kpis.cpa).toMatchObject({ assessed: true, cpa: '56.67', cost: '170.00', acquired: 3, periods: ['2026-11', '2026-12'] });
    if (kpis.cpa.assessed) expect(kpis.cpa.explanation).toContain('left out, without a CPA: period "2026-10"');
  });

  it('counts members without joinedOn when only some records carry one', () => {
    // November with joinedOn only on C: C joined within the period, the 9 others are not counted
    const members = Array.from(NOVEMBER.members, (m) => (m.id === 'C' ? m : { id: m.id, sponsorId: m.sponsorId, role: m.role }));
    const result = channelKpis({ periods: [{ ...NOVEMBER, members }] });
    expect(result.periods[0].cpa).toMatchObject({ assessed: true, cpa: '130.00', acquired: 1, withoutJoinDate: 9 });
    if (result.periods[0].cpa.assessed) expect(result.periods[0].cpa.explanation).toContain('9 members without joinedOn not counted');
  });
});

describe('KPIs the data does not carry', () => {
  it('one period: no retention, no CLV', () => {
    const kpis = channelKpis({ periods: [OCTOBER] });
    expect(kpis.retention).toEqual([]);
    expect(kpis.clv).toEqual({ assessed: false, needs: 'at least 2 periods, to see how many customers order again' });
    expect(kpis.pooledRetention.customers.assessed).toBe(false);
    expect(kpis.roi).toMatchObject({ assessed: true, revenue: '599.00' });
    if (kpis.roi.assessed) expect(kpis.roi.explanation.startsWith('period "2026-10": ROI')).toBe(true);
    const text = formatChannelKpis(kpis);
    expect(text).not.toContain('Retention\n');
    expect(text).toContain('  CLV not assessed, needs at least 2 periods, to see how many customers order again');
    expect(text).toContain('  Retention not assessed, needs at least one customer who ordered in a period before the last');
  });

  it('nothing spent: no ROI', () => {
    const kpis = channelKpis({ periods: [{ ...OCTOBER, commissions: '0', channelCosts: '0.00' }] });
    expect(kpis.roi).toEqual({
      assessed: false,
      needs: 'commissions or channel costs above zero in period "2026-10" (nothing was spent, so revenue 599.00 has no cost to return on)',
    });
  });

  it('nobody acquired: no CPA', () => {
    const kpis = channelKpis({ periods: [{ ...DECEMBER, start: '2026-12-15' }] });
    expect(kpis.periods[0].cpa).toEqual({
      assessed: false,
      needs: 'at least one member acquired in period "2026-12" (no member joined between 2026-12-15 and 2026-12-31; 40.00 spent)',
    });
    expect(kpis.cpa.assessed).toBe(false);
  });

  it('no customer orders: no customer retention, no CLV', () => {
    const affiliatesOnly = QUARTER.map((p) => ({ ...p, orders: Array.from(p.orders).filter((o) => !o.affiliateId.startsWith('c')) }));
    const kpis = channelKpis({ periods: affiliatesOnly });
    expect(kpis.retention[0].customers).toEqual({
      assessed: false,
      needs: 'at least one customer who ordered in period "2026-10" (customer retention from period "2026-10" to "2026-11")',
    });
    expect(kpis.retention[0].affiliates.assessed).toBe(true);
    expect(kpis.clv).toEqual({ assessed: false, needs: 'orders placed by customers (members with role "customer")' });
  });

  it('customers ordering only in the last period: no retention to build a CLV on', () => {
    const late = QUARTER.map((p, t) => (t < 2 ? { ...p, orders: [] } : p));
    expect(channelKpis({ periods: late }).clv).toEqual({
      assessed: false,
      needs: 'a customer who ordered in a period before the last, to measure retention',
    });
  });
});

describe('CLV lifetime cap', () => {
  it('caps the expected lifetime at maxLifetime and says so', () => {
    // lifetime 7/3 > 2: capped; 720 / 11 × 0.6 × 2 = 864 / 11 = 78.5454… → 78.55
    const kpis = channelKpis({ periods: QUARTER, grossMargin: '0.6', maxLifetime: 2 });
    expect(kpis.clv).toMatchObject({ assessed: true, clv: '78.55', lifetime: 2, capped: true });
    if (kpis.clv.assessed) {
      expect(kpis.clv.explanation).toContain(
        'expected lifetime 2 periods (capped at maxLifetime: 1 / (1 − retention 0.5714) would be 2.3333 periods)',
      );
    }
  });

  it('a retention of 1 would be unbounded', () => {
    // c1 orders in both periods and is the only customer: retention 1 / 1; 100.00 a period × 20 = 2000.00
    const members = [
      { id: 'A', sponsorId: null },
      { id: 'c1', sponsorId: 'A', role: 'customer' as const },
    ];
    const period = (label: string, start: string, end: string, id: string) => ({
      label, start, end, members, commissions: '10.00',
      orders: [{ id, affiliateId: 'c1', amount: '100.00', kind: 'retail' as const }],
    });
    const kpis = channelKpis({
      periods: [period('w1', '2026-01-05', '2026-01-11', 'x1'), period('w2', '2026-01-12', '2026-01-18', 'x2')],
    });
    expect(kpis.clv).toMatchObject({ assessed: true, clv: '2000.00', retention: 1, lifetime: 20, capped: true });
    if (kpis.clv.assessed) expect(kpis.clv.explanation).toContain('would be unbounded');
  });
});

describe('members across periods', () => {
  /*
   * Lists of active members only: c1 is listed in periods 1 and 3, not 2. Her history carries over the gap:
   * orders in periods 1 and 3 make her a regular at period 3. c2, listed in period 1 only, bought there and is
   * not listed in period 2: retention 1 → 2 counts her as unlisted.
   */
  const A = { id: 'A', sponsorId: null };
  const c1 = { id: 'c1', sponsorId: 'A', role: 'customer' as const };
  const c2 = { id: 'c2', sponsorId: 'A', role: 'customer' as const };
  const c3 = { id: 'c3', sponsorId: 'A', role: 'customer' as const };
  const buy = (id: string, who: string) => ({ id, affiliateId: who, amount: '10.00', kind: 'retail' as const });
  const kpis = channelKpis({
    periods: [
      { label: 'p1', start: '2026-01-01', end: '2026-01-31', commissions: '1.00', members: [A, c1, c2], orders: [buy('a', 'c1'), buy('b', 'c2')] },
      { label: 'p2', start: '2026-02-01', end: '2026-02-28', commissions: '1.00', members: [c3, A], orders: [buy('c', 'c3')] },
      { label: 'p3', start: '2026-03-01', end: '2026-03-31', commissions: '1.00', members: [c1, A, c3], orders: [buy('d', 'c1')] },
    ],
  });
  it('keeps the history of a member who skips a period', () => {
    expect(kpis.periods[2].ladder).toMatchObject({ members: 3, prospects: 0, customers: 1, regulars: 1, representatives: 1 });
  });
  it('counts buyers the next period does not list', () => {
    expect(kpis.retention[0].customers).toMatchObject({ bought: 2, retained: 0, unlisted: 2 });
    expect(kpis.retention[1].customers).toMatchObject({ bought: 1, retained: 0, unlisted: 0 });
  });
});
