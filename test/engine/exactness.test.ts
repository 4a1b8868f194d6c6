import { describe, expect, it } from 'vitest';
import { computeCommissions, Genealogy } from '../../src';

const chain = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
]);

// Expected values are computed here with bigints: volume (minor units) × rate numerator (6 decimals),
// i.e. amounts in units of 10^-8.
const fmt8 = (units: bigint) => {
  const s = units.toString().padStart(9, '0');
  return `${s.slice(0, -8)}.${s.slice(-8)}`.replace(/0{1,6}$/, '');
};

describe('exact past 2^53', () => {
  it('keeps every digit when single volumes exceed 2^53 minor units', () => {
    const v1 = 9007199254740993n; // "90071992547409.93": 2^53 + 1 minor units
    const v2 = 1234567890123456789012n; // "12345678901234567890.12"
    const result = computeCommissions({
      genealogy: chain,
      plan: { levels: ['0.123457', '0.654321'], compression: 'dynamic' },
      orders: [
        { id: 'o1', affiliateId: 'C', amount: '90071992547409.93', kind: 'retail' },
        { id: 'o2', affiliateId: 'C', amount: '12345678901234567890.12', kind: 'retail' },
      ],
    });
    const b = (v1 + v2) * 123457n;
    const a = (v1 + v2) * 654321n;
    expect(result.exact('B')).toBe(fmt8(b));
    expect(result.exact('A')).toBe(fmt8(a));
    expect(result.totals.paid).toBe(fmt8(a + b));
    expect(result.totals.potential).toBe(fmt8((v1 + v2) * 777778n));
    expect(result.totals.breakage).toBe('0.00');
    // explain lines are exact too and sum to the total
    const lines = result.explain('A').lines;
    expect(lines.map((l) => l.amount)).toEqual([fmt8(v1 * 654321n), fmt8(v2 * 654321n)]);
  });

  it('stays exact when volumes are safe but volume × rate sums pass 2^53', () => {
    // 10^12 minor units × 0.999999 per level × many buyers: the single-pass double sums would lose digits.
    const members = [{ id: 'top', sponsorId: null as string | null }, { id: 'mid', sponsorId: 'top' }];
    for (let i = 0; i < 50; i++) members.push({ id: `b${i}`, sponsorId: 'mid' });
    const orders = members.slice(2).map((m, i) => ({
      id: `o${i}`,
      affiliateId: m.id,
      amount: 1_000_000_000_003 + i, // minor units, safe integers
      kind: 'retail' as const,
    }));
    const result = computeCommissions({
      genealogy: Genealogy.fromRecords(members),
      plan: { levels: ['0.000001', '0.999999'], rounding: 'half-even' },
      orders,
    });
    const total = orders.reduce((s, o) => s + BigInt(o.amount), 0n);
    expect(total * 999999n > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(result.exact('mid')).toBe(fmt8(total * 1n));
    expect(result.exact('top')).toBe(fmt8(total * 999999n));
    // rounding half-even of top's total to cents, by bigint
    const topUnits = total * 999999n; // 10^-8
    const q = topUnits / 1_000_000n;
    const r = topUnits % 1_000_000n;
    const rounded = r * 2n > 1_000_000n || (r * 2n === 1_000_000n && q % 2n === 1n) ? q + 1n : q;
    const cents = rounded.toString();
    expect(result.payout('top')).toBe(`${cents.slice(0, -2)}.${cents.slice(-2)}`);
  });
});
