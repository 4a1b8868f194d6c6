import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors';
import { Genealogy } from '../../src/genealogy';
import { ingestOrders, safeIngestOrders } from '../../src/orders';
import type { OrderRecord } from '../../src/orders';

const genealogy = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
]);

function issuesOf(orders: unknown[], scale = 2) {
  const result = safeIngestOrders(orders as OrderRecord[], genealogy, { scale, path: ['orders'] });
  if (result.success) throw new Error('expected the orders to be refused');
  return result.error.issues;
}

describe('ingestOrders', () => {
  it('stores orders in columns, volume defaulting to amount', () => {
    const book = ingestOrders(
      [
        { id: 'o1', affiliateId: 'B', amount: '100.00', kind: 'retail' },
        { id: 'o2', affiliateId: 'A', amount: 4990, volume: '30', kind: 'personal' },
        { id: 'o3', affiliateId: 'B', amount: 9900n, kind: 'enrollment' },
      ],
      genealogy,
      { scale: 2 },
    );
    expect(book.count).toBe(3);
    expect([...book.ids]).toEqual(['o1', 'o2', 'o3']);
    expect([...book.buyers].map((i) => genealogy.ids.at(i))).toEqual(['B', 'A', 'B']);
    expect([...book.kinds]).toEqual([0, 1, 2]);
    expect([0, 1, 2].map((i) => book.amounts.get(i))).toEqual([10000n, 4990n, 9900n]);
    expect([0, 1, 2].map((i) => book.volumes.get(i))).toEqual([10000n, 3000n, 9900n]);
  });
  it('keeps volumes past 2^53 exact', () => {
    const book = ingestOrders(
      [{ id: 'o1', affiliateId: 'A', amount: '123456789012345678.91', kind: 'retail' }],
      genealogy,
      { scale: 2 },
    );
    expect(book.volumes.isNarrow).toBe(false);
    expect(book.volumes.get(0)).toBe(12345678901234567891n);
  });

  it.each([
    [ErrorCode.UnknownAffiliate, { id: 'o17', affiliateId: 'M99', amount: '1', kind: 'retail' }, 'order "o17": unknown affiliate "M99"', 'affiliateId'],
    [ErrorCode.NegativeAmount, { id: 'o2', affiliateId: 'A', amount: '-5.00', kind: 'retail' }, 'order "o2": amount "-5.00" is negative', 'amount'],
    [ErrorCode.InvalidAmount, { id: 'o3', affiliateId: 'A', amount: '1e3', kind: 'retail' }, 'order "o3": amount "1e3" is not a plain decimal string (like "12.50") or a safe integer of minor units', 'amount'],
    [ErrorCode.InvalidAmount, { id: 'o4', affiliateId: 'A', amount: Number.NaN, kind: 'retail' }, 'order "o4": amount NaN is not a plain decimal string (like "12.50") or a safe integer of minor units', 'amount'],
    [ErrorCode.InvalidAmount, { id: 'o5', affiliateId: 'A', amount: 12.5, kind: 'retail' }, 'order "o5": amount 12.5 is a fractional number: give a decimal string or integer minor units', 'amount'],
    [ErrorCode.TooManyDecimals, { id: 'o6', affiliateId: 'A', amount: '1.234', kind: 'retail' }, 'order "o6": amount "1.234" has more decimals than the plan\'s scale (2)', 'amount'],
    [ErrorCode.NegativeAmount, { id: 'o7', affiliateId: 'A', amount: '1', volume: -3, kind: 'retail' }, 'order "o7": volume -3 is negative', 'volume'],
    [ErrorCode.InvalidOrder, { id: 'o8', affiliateId: 'A', amount: '1', kind: 'gift' }, 'order "o8": kind must be one of "retail", "personal", "enrollment", got "gift"', 'kind'],
    [ErrorCode.InvalidOrder, { id: '', affiliateId: 'A', amount: '1', kind: 'retail' }, 'order #0: id must be a non-empty string', 'id'],
    [ErrorCode.InvalidOrder, { id: 'o9', affiliateId: 7, amount: '1', kind: 'retail' }, 'order "o9": affiliateId must be a string', 'affiliateId'],
  ])('%s: %s', (code, order, message, key) => {
    expect(issuesOf([order])).toEqual([{ code, message, path: ['orders', 0, key] }]);
  });

  it('reports a duplicate order id with the first position', () => {
    const issues = issuesOf([
      { id: 'o1', affiliateId: 'A', amount: '1', kind: 'retail' },
      { id: 'o1', affiliateId: 'B', amount: '2', kind: 'retail' },
    ]);
    expect(issues).toEqual([
      { code: ErrorCode.DuplicateOrder, path: ['orders', 1, 'id'], message: 'order "o1": duplicate id (first at #0)' },
    ]);
  });

  it('refuses a record that is not an object', () => {
    expect(issuesOf([null])).toEqual([{ code: ErrorCode.InvalidOrder, path: ['orders', 0], message: 'order #0: must be an object' }]);
  });

  it('collects every problem of every order', () => {
    const issues = issuesOf([
      { id: 'o1', affiliateId: 'Z', amount: '-1', kind: 'retail' },
      { id: 'o2', affiliateId: 'A', amount: '1', kind: 'retail' },
      { id: 'o3', affiliateId: 'A', amount: '0.001', volume: 'abc', kind: 'x' },
    ]);
    expect(issues.map((issue) => issue.code)).toEqual([
      ErrorCode.UnknownAffiliate,
      ErrorCode.NegativeAmount,
      ErrorCode.InvalidOrder,
      ErrorCode.TooManyDecimals,
      ErrorCode.InvalidAmount,
    ]);
  });
});
