import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../arbitraries';
import { DownlineError, type Issue } from '../../src/errors';
import { Genealogy } from '../../src/genealogy';
import { readMinorUnits } from '../../src/money/minor-units';
import { type OrderBook, OrderBookBuilder, type OrderRecord, ingestOrders } from '../../src/orders';

const genealogy = Genealogy.fromRecords([
  { id: 'A', sponsorId: null },
  { id: 'B', sponsorId: 'A' },
  { id: 'C', sponsorId: 'B' },
  { id: 'c1', sponsorId: 'B', role: 'customer' },
]);

/** Orders mostly valid, with every kind of problem now and then and ids that repeat. */
const record = fc.oneof(
  { weight: 12, arbitrary: fc.record({
    id: fc.oneof(fc.constantFrom('o1', 'o2', 'o3', '', 'ü'), fc.integer({ min: 0, max: 400 }).map((n) => `o${n}`)),
    affiliateId: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('A', 'B', 'C', 'c1') }, fc.constantFrom<unknown>('Z', 7)),
    amount: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`) },
      fc.constantFrom<unknown>('-1', '1e3', 12.5, Number.NaN, '0.001', 4990, 9900n, '123456789012345678.91'),
    ),
    kind: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('retail', 'personal', 'enrollment') }, fc.constant<unknown>('gift')),
    volume: fc.option(fc.constantFrom<unknown>('30', -3, 'abc', 2n ** 60n), { nil: undefined, freq: 3 }),
    wholesale: fc.option(fc.constantFrom<unknown>('0.50', '999999', '-1', 2n ** 60n), { nil: undefined, freq: 3 }),
  }, { requiredKeys: ['id', 'affiliateId', 'amount', 'kind'] }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 3, 'x') },
);

type Outcome = { book: OrderBook } | { issues: readonly Issue[] };

function outcome(build: () => OrderBook): Outcome {
  try {
    return { book: build() };
  } catch (error) {
    if (error instanceof DownlineError) return { issues: error.issues };
    throw error;
  }
}

/** A book as plain data: every column, the ids, the per-affiliate volumes. */
function plain(book: OrderBook) {
  return {
    count: book.count,
    scale: book.scale,
    ids: [...book.ids],
    buyers: [...book.buyers],
    kinds: [...book.kinds],
    amounts: Array.from({ length: book.count }, (_, i) => book.amounts.get(i)),
    volumes: Array.from({ length: book.count }, (_, i) => book.volumes.get(i)),
    amountValues: book.amounts.values,
    volumeValues: book.volumes.values,
    wholesale: book.wholesale,
    affiliateVolumes: book.affiliateVolumes,
  };
}

describe('OrderBookBuilder', () => {
  it('gives the book and the issues of ingestOrders, whatever the chunks', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 12 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        (records, sizes, clean, capacity) => {
          // half the runs keep only valid orders with distinct ids, so that books are compared too
          const given = clean ? cleanOf(records) : records;
          const options = { scale: 2, path: ['orders'] };
          const whole = outcome(() => ingestOrders(given as OrderRecord[], genealogy, options));
          const chunked = outcome(() => {
            // room made beforehand, too little or too much, changes nothing
            const builder = new OrderBookBuilder(genealogy, { ...options, ...(capacity === undefined ? {} : { capacity }) });
            for (const chunk of chunksOf(given, sizes)) builder.add(chunk as OrderRecord[]);
            expect(builder.count).toBe(given.length);
            return builder.build();
          });
          if ('book' in whole && 'book' in chunked) expect(plain(chunked.book)).toEqual(plain(whole.book));
          else expect(chunked).toEqual(whole);
          if (clean) expect('book' in whole).toBe(true);
        },
      ),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('numbers records across chunks: a duplicate names the first position in an earlier chunk', () => {
    const builder = new OrderBookBuilder(genealogy, { scale: 2, path: ['orders'] });
    builder.add([{ id: 'o1', affiliateId: 'A', amount: '1', kind: 'retail' }]);
    builder.add([]);
    builder.add([
      { id: 'o2', affiliateId: 'Z', amount: '1', kind: 'retail' },
      { id: 'o1', affiliateId: 'c1', amount: '1', kind: 'personal' },
    ]);
    expect(() => builder.build()).toThrow(DownlineError);
    const again = new OrderBookBuilder(genealogy, { scale: 2, path: ['orders'] });
    again.add([{ id: 'o1', affiliateId: 'A', amount: '1', kind: 'retail' }]).add([
      { id: 'o2', affiliateId: 'Z', amount: '1', kind: 'retail' },
      { id: 'o1', affiliateId: 'c1', amount: '1', kind: 'personal' },
    ]);
    const result = outcome(() => again.build());
    expect(result).toEqual({
      issues: [
        { code: 'UNKNOWN_AFFILIATE', path: ['orders', 1, 'affiliateId'], message: 'order "o2": unknown affiliate "Z"' },
        { code: 'DUPLICATE_ORDER', path: ['orders', 2, 'id'], message: 'order "o1": duplicate id (first at #0)' },
        { code: 'CUSTOMER_ORDER_KIND', path: ['orders', 2, 'kind'], message: 'order "o1": a customer\'s order is a retail sale, not "personal"' },
      ],
    });
  });

  it('stores each volume, or the amount for an order given none, sharing one column while they are all equal', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 12 }), (records, sizes) => {
        const given = cleanOf(records) as OrderRecord[];
        const builder = new OrderBookBuilder(genealogy, { scale: 2 });
        for (const chunk of chunksOf(given, sizes)) builder.add(chunk);
        const book = builder.build();
        given.forEach((order, i) => {
          expect(book.amounts.get(i)).toBe(BigInt(readMinorUnits(order.amount, 2) as number | bigint));
          expect(book.volumes.get(i)).toBe(BigInt(readMinorUnits(order.volume ?? order.amount, 2) as number | bigint));
        });
        const allEqual = given.every((order, i) => book.volumes.get(i) === book.amounts.get(i));
        expect(book.volumes === book.amounts).toBe(allEqual);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('starts a volume column at the first volume other than its amount, past 2^53 too', () => {
    const big = 2n ** 60n;
    const book = new OrderBookBuilder(genealogy, { scale: 0 })
      .add([
        { id: 'o1', affiliateId: 'A', amount: big.toString(), kind: 'personal' },
        { id: 'o2', affiliateId: 'A', amount: '5', volume: '5', kind: 'personal' },
      ])
      .add([{ id: 'o3', affiliateId: 'B', amount: '7', volume: '3', kind: 'personal' }, { id: 'o4', affiliateId: 'B', amount: '9', kind: 'retail' }])
      .build();
    expect(book.volumes).not.toBe(book.amounts);
    expect([0, 1, 2, 3].map((i) => book.volumes.get(i))).toEqual([big, 5n, 3n, 9n]);
    expect([0, 1, 2, 3].map((i) => book.amounts.get(i))).toEqual([big, 5n, 7n, 9n]);
  });

  it('refuses a capacity that is no whole number of records', () => {
    for (const capacity of [-1, 1.5, Number.NaN, 2 ** 31]) {
      expect(() => new OrderBookBuilder(genealogy, { scale: 2, capacity })).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ code: 'INVALID_OPTIONS', path: ['options', 'capacity'] })] }),
      );
    }
    expect(() => new OrderBookBuilder(genealogy, { scale: 2, capacity: -1 })).toThrow('OrderBookBuilder: capacity must be a whole number from 0 to 2147483647, got -1');
  });

  it('builds once', () => {
    const builder = new OrderBookBuilder(genealogy, { scale: 2 });
    expect(builder.build().count).toBe(0);
    expect(() => builder.build()).toThrow();
    expect(() => builder.add([])).toThrow();
  });
});

/** The valid records of `records`, each id kept once. */
function cleanOf(records: unknown[]): unknown[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    try {
      ingestOrders([r as OrderRecord], genealogy, { scale: 2 });
    } catch {
      return false;
    }
    const id = (r as OrderRecord).id;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
