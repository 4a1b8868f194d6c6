import { type IssuePath, type SafeResult, toSafe } from '../errors';
import type { Genealogy } from '../genealogy';
import type { PackedIds } from '../genealogy/packed-ids';
import type { ExactColumn } from '../money/exact-column';
import type { AffiliateVolumes } from './affiliate-volumes';
import { OrderBookBuilder } from './order-book-builder';
import type { OrderRecord } from './order-record';

/**
 * Numeric code of each order kind in {@link OrderBook.kinds}.
 *
 * @example
 * ```ts
 * book.kinds[i] === KIND_CODE.enrollment; // a joining fee
 * ```
 */
export const KIND_CODE = { retail: 0, personal: 1, enrollment: 2 } as const;

/**
 * Orders of one period in columns, validated against a genealogy and a currency scale. Build it with
 * {@link ingestOrders}; the engine reads it without further checks. Index `i` is the i-th order given.
 *
 * @example
 * ```ts
 * const book = ingestOrders(orders, genealogy, { scale: 2 });
 * book.count;                    // number of orders
 * genealogy.ids.at(book.buyers[0]); // the affiliate of the first order
 * ```
 */
export interface OrderBook {
  readonly genealogy: Genealogy;
  /** Decimals of the minor units in `amounts` and `volumes`. */
  readonly scale: number;
  readonly count: number;
  /** Order ids, packed: `ids.at(i)`. */
  readonly ids: PackedIds;
  /** Genealogy (preorder) index of each order's affiliate. */
  readonly buyers: Int32Array;
  /** {@link KIND_CODE} of each order. */
  readonly kinds: Uint8Array;
  /** Price in minor units. */
  readonly amounts: ExactColumn;
  /** Commissionable volume in minor units. */
  readonly volumes: ExactColumn;
  /** The same volumes summed per affiliate and kind. */
  readonly affiliateVolumes: AffiliateVolumes;
  /** Wholesale cost of each retail order in minor units, `WHOLESALE_NONE` where not given; null when no order gives one. */
  readonly wholesale: Float64Array | null;
}

export { WHOLESALE_NONE } from './order-columns';

/**
 * Validates order records and stores them in columns. Collects every problem (unknown affiliate, duplicate
 * id, negative amount, exponent form, NaN, float, more decimals than `scale`, bad kind) and throws them
 * together in one {@link DownlineError}; bad input never yields a partial book.
 *
 * @example
 * ```ts
 * const genealogy = Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }]);
 * const book = ingestOrders(
 *   [{ id: 'o1', affiliateId: 'B', amount: '100.00', kind: 'retail' }],
 *   genealogy,
 *   { scale: 2 },
 * );
 * book.volumes.get(0); // 10000n
 * ```
 */
export function ingestOrders(
  records: ArrayLike<OrderRecord>,
  genealogy: Genealogy,
  options: { scale: number; path?: IssuePath },
): OrderBook {
  return new OrderBookBuilder(genealogy, options).add(records).build();
}

/**
 * Whether orders were given as an {@link OrderBook} ingested beforehand (rather than as records).
 *
 * @example
 * ```ts
 * const book = isOrderBook(orders) ? orders : ingestOrders(orders, genealogy, { scale: 2 });
 * ```
 */
export function isOrderBook(orders: unknown): orders is OrderBook {
  return typeof orders === 'object' && orders !== null && 'buyers' in orders && (orders as OrderBook).buyers instanceof Int32Array;
}

/**
 * {@link ingestOrders} without throwing.
 *
 * @example
 * ```ts
 * const result = safeIngestOrders(orders, genealogy, { scale: 2 });
 * if (!result.success) for (const issue of result.error.issues) console.log(issue.message);
 * ```
 */
export function safeIngestOrders(
  records: ArrayLike<OrderRecord>,
  genealogy: Genealogy,
  options: { scale: number; path?: IssuePath },
): SafeResult<OrderBook> {
  return toSafe(() => ingestOrders(records, genealogy, options));
}
