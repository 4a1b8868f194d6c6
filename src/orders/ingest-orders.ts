import { DownlineError, ErrorCode, type Issue, type IssuePath, quote, type SafeResult, toSafe } from '../errors';
import type { Genealogy } from '../genealogy';
import { hashId, IdIndex } from '../genealogy/id-index';
import { ArrayIds, PackedIds } from '../genealogy/packed-ids';
import { ExactColumn } from '../money/exact-column';
import { describe, refusalCode, refusalText } from '../money/amount-refusal';
import { readMinorUnits } from '../money/minor-units';
import { ORDER_KINDS } from '../plan/order-kind';
import { type AffiliateVolumes, sumByAffiliate } from './affiliate-volumes';
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

/**
 * Marks an order without a wholesale cost in {@link OrderBook.wholesale}.
 *
 * @example
 * ```ts
 * book.wholesale?.[i] === WHOLESALE_NONE; // the order gave no wholesale cost
 * ```
 */
export const WHOLESALE_NONE = -1;

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
  const { scale } = options;
  const base = options.path ?? [];
  const count = records.length;
  const ids: string[] = new Array(count);
  const buyers = new Int32Array(count);
  const kinds = new Uint8Array(count);
  const amounts = new ExactColumn(count);
  const volumes = new ExactColumn(count);
  const affiliates: (string | undefined)[] = new Array(count); // dropped on return
  let wholesale: Float64Array | null = null;
  const issues: Issue[] = [];
  const report = (code: Issue['code'], index: number, key: string | null, message: string) =>
    issues.push({ code, path: key === null ? [...base, index] : [...base, index, key], message });

  for (let i = 0; i < count; i++) {
    const record = records[i] as Partial<OrderRecord> | null | undefined;
    if (typeof record !== 'object' || record === null) {
      report(ErrorCode.InvalidOrder, i, null, `order #${i}: must be an object`);
      continue;
    }
    const id = record.id;
    if (typeof id !== 'string' || id.length === 0) {
      report(ErrorCode.InvalidOrder, i, 'id', `order #${i}: id must be a non-empty string`);
      continue;
    }
    ids[i] = id;

    const affiliateId = record.affiliateId;
    if (typeof affiliateId === 'string') {
      affiliates[i] = affiliateId;
    } else {
      report(ErrorCode.InvalidOrder, i, 'affiliateId', `order ${quote(id)}: affiliateId must be a string`);
    }

    const kind = record.kind;
    const code = kind === 'retail' ? 0 : kind === 'personal' ? 1 : kind === 'enrollment' ? 2 : -1;
    if (code < 0) {
      report(
        ErrorCode.InvalidOrder,
        i,
        'kind',
        `order ${quote(id)}: kind must be one of ${ORDER_KINDS.map((k) => `"${k}"`).join(', ')}, got ${describe(kind)}`,
      );
    }
    kinds[i] = code;

    const amount = readMinorUnits(record.amount, scale);
    if (typeof amount === 'object') {
      report(refusalCode(amount), i, 'amount', `order ${quote(id)}: amount ${refusalText(amount, record.amount, scale)}`);
    } else {
      amounts.set(i, amount);
    }
    if (record.volume === undefined) {
      if (typeof amount !== 'object') volumes.set(i, amount);
    } else {
      const volume = readMinorUnits(record.volume, scale);
      if (typeof volume === 'object') {
        report(refusalCode(volume), i, 'volume', `order ${quote(id)}: volume ${refusalText(volume, record.volume, scale)}`);
      } else {
        volumes.set(i, volume);
      }
    }
    if (record.wholesale !== undefined) {
      const cost = readMinorUnits(record.wholesale, scale);
      if (typeof cost === 'object') {
        report(refusalCode(cost), i, 'wholesale', `order ${quote(id)}: wholesale ${refusalText(cost, record.wholesale, scale)}`);
      } else if (code !== 0) {
        report(ErrorCode.InvalidOrder, i, 'wholesale', `order ${quote(id)}: only a retail order has a wholesale cost`);
      } else if (typeof amount !== 'object' && BigInt(cost) > BigInt(amount)) {
        report(ErrorCode.InvalidAmount, i, 'wholesale', `order ${quote(id)}: wholesale ${describe(record.wholesale)} is more than the amount`);
      } else if (typeof cost === 'bigint') {
        report(ErrorCode.InvalidAmount, i, 'wholesale', `order ${quote(id)}: wholesale ${describe(record.wholesale)} is past 2^53 minor units`);
      } else {
        wholesale ??= new Float64Array(count).fill(WHOLESALE_NONE);
        wholesale[i] = cost;
      }
    }
  }
  // Ids are resolved in bulk after the pass over records: hash everything, probe everything, confirm.
  buyers.set(genealogy.indexesOf(affiliates));
  for (let i = 0; i < count; i++) {
    if (buyers[i] < 0 && affiliates[i] !== undefined) {
      report(ErrorCode.UnknownAffiliate, i, 'affiliateId', `order ${quote(ids[i])}: unknown affiliate ${quote(affiliates[i])}`);
    }
  }
  if (genealogy.customerCount > 0) reportCustomerKinds(genealogy.roles, buyers, kinds, ids, report);
  reportDuplicates(ids, report);
  if (issues.length > 0) throw new DownlineError(issues.sort(byRecordThenField));
  const affiliateVolumes = sumByAffiliate(genealogy.size, buyers, kinds, volumes);
  return { genealogy, scale, count, ids: new PackedIds(ids), buyers, kinds, amounts, volumes, affiliateVolumes, wholesale };
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

/** Reports every order of a customer that is not a retail sale. */
function reportCustomerKinds(
  roles: Uint8Array,
  buyers: Int32Array,
  kinds: Uint8Array,
  ids: (string | undefined)[],
  report: (code: Issue['code'], index: number, key: string, message: string) => void,
): void {
  for (let i = 0; i < buyers.length; i++) {
    const buyer = buyers[i];
    if (buyer >= 0 && roles[buyer] === 1 && (kinds[i] === 1 || kinds[i] === 2)) {
      const kind = kinds[i] === 1 ? 'personal' : 'enrollment';
      report(
        ErrorCode.CustomerOrderKind,
        i,
        'kind',
        `order ${quote(ids[i])}: a customer's order is a retail sale, not "${kind}"`,
      );
    }
  }
}

/** Reports every repeated order id, naming the first position that holds it. */
function reportDuplicates(
  ids: (string | undefined)[],
  report: (code: Issue['code'], index: number, key: string, message: string) => void,
): void {
  const seen = new IdIndex(new ArrayIds(ids as string[]), ids.length);
  const hashes = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) if (ids[i] !== undefined) hashes[i] = hashId(ids[i] as string);
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === undefined) continue;
    const first = seen.insertHashed(i, hashes[i]);
    if (first >= 0) report(ErrorCode.DuplicateOrder, i, 'id', `order ${quote(ids[i])}: duplicate id (first at #${first})`);
  }
}

const FIELD_RANK: Record<string, number> = { id: 1, affiliateId: 2, kind: 3, amount: 4, volume: 5, wholesale: 6 };

/** Issues in input order, and within a record in the order of its fields. */
function byRecordThenField(a: Issue, b: Issue): number {
  const at = a.path.length - (typeof a.path[a.path.length - 1] === 'number' ? 1 : 2);
  const bt = b.path.length - (typeof b.path[b.path.length - 1] === 'number' ? 1 : 2);
  const ai = a.path[at] as number;
  const bi = b.path[bt] as number;
  if (ai !== bi) return ai - bi;
  return (FIELD_RANK[String(a.path[at + 1])] ?? 0) - (FIELD_RANK[String(b.path[bt + 1])] ?? 0);
}
