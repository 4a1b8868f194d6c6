import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommissions } from '../../src/engine';
import { Genealogy } from '../../src/genealogy';
import { ExactColumn } from '../../src/money/exact-column';
import { type OrderBook, ingestOrders } from '../../src/orders';
import { sumByAffiliate } from '../../src/orders/affiliate-volumes';

/** Orders of a few affiliates: volumes mostly small, now and then past 2^53 or near it. */
const orders = fc.array(
  fc.record({
    buyer: fc.integer({ min: 0, max: 5 }),
    kind: fc.integer({ min: 0, max: 2 }),
    volume: fc.oneof(
      { weight: 8, arbitrary: fc.bigInt({ min: 0n, max: 100_000n }) },
      fc.constantFrom(2n ** 52n, 2n ** 53n - 1n, 2n ** 60n),
    ),
  }),
  { maxLength: 40 },
);

describe('sumByAffiliate', () => {
  it('sums personal volume, each kind and each total exactly, doubles or bigints', () => {
    fc.assert(
      fc.property(orders, (given) => {
        const n = 6;
        const volumes = new ExactColumn(given.length);
        given.forEach((order, i) => volumes.set(i, order.volume));
        const sums = sumByAffiliate(n, Int32Array.from(given, (o) => o.buyer), Uint8Array.from(given, (o) => o.kind), volumes);
        const byKind = [0, 1, 2].map((kind) =>
          Array.from({ length: n }, (_, a) => given.filter((o) => o.buyer === a && o.kind === kind).reduce((t, o) => t + o.volume, 0n)),
        );
        const column = (c: ExactColumn) => Array.from({ length: n }, (_, a) => c.get(a));
        expect(column(sums.personalVolume)).toEqual(byKind[0].map((retail, a) => retail + byKind[1][a]));
        expect([...sums.totals]).toEqual(byKind.map((values) => values.reduce((t, v) => t + v, 0n)));
        expect(sums.byKind.map(column)).toEqual(byKind);
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('sums the columns by kind once, on first read', () => {
    const sums = sumByAffiliate(2, Int32Array.of(0, 1), Uint8Array.of(2, 0), new ExactColumn(Float64Array.of(5, 7)));
    const first = sums.byKind;
    expect(sums.byKind).toBe(first);
    expect(first[2].get(0)).toBe(5n);
    expect(sums.personalVolume.get(0)).toBe(0n);
  });
});

describe('the columns by kind, as the engine reads them', () => {
  const genealogy = Genealogy.fromRecords([
    { id: 'A', sponsorId: null },
    { id: 'B', sponsorId: 'A' },
  ]);
  const orders = [
    { id: 'o1', affiliateId: 'B', amount: '100.00', kind: 'retail' as const },
    { id: 'o2', affiliateId: 'B', amount: '50.00', kind: 'enrollment' as const },
  ];
  /** The book, with columns by kind that count their reads. */
  function watched(): { book: OrderBook; reads: () => number } {
    const book = ingestOrders(orders, genealogy, { scale: 2 });
    let reads = 0;
    const { totals, personalVolume } = book.affiliateVolumes;
    const affiliateVolumes = {
      totals,
      personalVolume,
      get byKind() {
        reads++;
        return book.affiliateVolumes.byKind;
      },
    };
    return { book: { ...book, affiliateVolumes }, reads: () => reads };
  }

  it('are never summed for a plan paying on retail and personal orders', () => {
    const { book, reads } = watched();
    const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05'] }, orders: book });
    expect(result.payout('A')).toBe('10.00');
    expect(reads()).toBe(0);
  });

  it('are read for a plan that pays on enrollment orders too', () => {
    const { book, reads } = watched();
    const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05'], commissionable: ['retail', 'personal', 'enrollment'] }, orders: book });
    expect(result.payout('A')).toBe('15.00');
    expect(reads()).toBeGreaterThan(0);
  });
});
