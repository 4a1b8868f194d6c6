import { describe, expect, it } from 'vitest';
import { type ChannelPeriod, channelKpis } from '../../src/analytics';
import type { MemberRecord } from '../../src/genealogy';
import type { OrderRecord } from '../../src/orders';

/**
 * Three months of a network of 200,000 members (one affiliate in four, the others customers) and 300,000 orders
 * a month, built with arithmetic only (no random source): the KPIs come out of a few passes over typed
 * columns, and their counts match what the construction implies.
 */
const MEMBERS = 200_000;
const ORDERS = 300_000;

function network(): ChannelPeriod[] {
  const months = ['2026-10', '2026-11', '2026-12'];
  const ends = ['2026-10-31', '2026-11-30', '2026-12-31'];
  const everyone: MemberRecord[] = new Array(MEMBERS);
  for (let k = 0; k < MEMBERS; k++) {
    const affiliate = k % 4 === 0;
    // sponsors: the affiliate 4 slots up the list (a forest of long chains), customers referred by the affiliate before them
    const sponsor = k < 4 ? null : affiliate ? `m${k - 4}` : `m${k - (k % 4)}`;
    everyone[k] = affiliate ? { id: `m${k}`, sponsorId: sponsor } : { id: `m${k}`, sponsorId: sponsor, role: 'customer' };
  }
  return months.map((label, t) => {
    // month t lists the first (t + 2) / 4 of the members (cumulative), orders go round-robin over them
    const listed = Math.floor((MEMBERS * (t + 2)) / 4);
    const orders: OrderRecord[] = new Array(ORDERS);
    for (let n = 0; n < ORDERS; n++) {
      const k = (n * 7 + t) % listed;
      orders[n] = { id: `o${t}-${n}`, affiliateId: `m${k}`, amount: 1000 + (n % 5000), kind: k % 4 === 0 ? 'personal' : 'retail' };
    }
    return {
      label,
      start: `${label}-01`,
      end: ends[t],
      members: everyone.slice(0, listed),
      orders,
      commissions: '123456.78',
      channelCosts: '50000.00',
    };
  });
}

describe('channelKpis at scale', () => {
  it('handles 200,000 members and 900,000 orders over three months', () => {
    const periods = network();
    const kpis = channelKpis({ periods, grossMargin: '0.55' });
    kpis.periods.forEach((period, t) => {
      const { prospects, customers, regulars, representatives, members } = period.ladder;
      expect(members).toBe(periods[t].members.length);
      expect(prospects + customers + regulars + representatives).toBe(members);
      expect(representatives).toBe(members / 4);
      expect(period.activity.orders).toBe(ORDERS);
      // Σ (1000 + n mod 5000) over n < 300000 = 300000 × 1000 + 60 × (0 + 1 + … + 4999)
      //   = 300,000,000 + 60 × 12,497,500 = 1,049,850,000 minor units
      expect(period.activity.revenue).toBe('10498500.00');
    });
    expect(kpis.retention).toHaveLength(2);
    expect(kpis.clv.assessed).toBe(true);
  });
});
