/**
 * Building an {@link OrderBook} from order records given in chunks, so that a caller reading millions of
 * orders from a file holds one chunk of records at a time: each chunk is checked and stored in columns as it
 * comes, the checks over the whole book (duplicate ids) run at the end.
 *
 * @module
 */
import { DownlineError, ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import { checkCapacity } from '../genealogy/capacity';
import type { Genealogy } from '../genealogy';
import { joinPackedIds, PackedIds } from '../genealogy/packed-ids';
import { sumByAffiliate } from './affiliate-volumes';
import { findDuplicateIds } from './duplicate-ids';
import { checkOrder, type OrderTarget, type ReportIssue } from './check-order';
import type { OrderBook } from './ingest-orders';
import { OrderColumns } from './order-columns';
import type { OrderRecord } from './order-record';

/**
 * Validates order records chunk by chunk and stores them in columns; {@link OrderBookBuilder.build} checks the
 * book as a whole and throws every problem found, in every chunk, together in one {@link DownlineError}. The
 * book and the issues are the same as `ingestOrders` gives for all the records at once: record indexes in
 * paths and messages count from the first record of the first chunk.
 *
 * @example
 * ```ts
 * const builder = new OrderBookBuilder(genealogy, { scale: 2, path: ['orders'] });
 * builder.add([{ id: 'o1', affiliateId: 'B', amount: '100.00', kind: 'retail' }]);
 * builder.add([{ id: 'o2', affiliateId: 'A', amount: '20.00', kind: 'personal' }]);
 * const book = builder.build(); // book.count === 2
 * ```
 */
export class OrderBookBuilder {
  readonly #genealogy: Genealogy;
  readonly #scale: number;
  readonly #issues: Issue[] = [];
  readonly #report: ReportIssue;
  readonly #columns = new OrderColumns();
  /** Each chunk's ids, packed (`''` for a record without one), and the index of its first record. */
  readonly #idChunks: PackedIds[] = [];
  readonly #chunkStarts: number[] = [];
  /** Indexes of the records without an id (they take no part in the duplicate check). */
  readonly #missingIds: number[] = [];
  #count = 0;
  #built = false;

  /**
   * @param options.scale the plan's number of decimals; `path` prefixes every issue's path; `capacity` makes
   * room for that many orders at once (a caller that knows about how many will come, from a file's line count,
   * spares the columns their growing copies; more may still be added)
   */
  constructor(genealogy: Genealogy, options: { scale: number; path?: IssuePath; capacity?: number }) {
    const base = options.path ?? [];
    const issues = this.#issues;
    this.#genealogy = genealogy;
    this.#scale = options.scale;
    if (options.capacity !== undefined) this.#columns.reserve(checkCapacity(options.capacity, 'OrderBookBuilder'));
    this.#report = (code, index, key, message) =>
      issues.push({ code, path: key === null ? [...base, index] : [...base, index, key], message });
  }

  /** How many records were added. */
  get count(): number {
    return this.#count;
  }

  /** Checks a chunk of records, the next after those added before, and stores them; problems wait for `build`. */
  add(records: ArrayLike<OrderRecord>): this {
    if (this.#built) throw new Error('OrderBookBuilder: add after build');
    const n = records.length;
    const start = this.#count;
    const columns = this.#columns;
    const report = this.#report;
    columns.reserve(start + n);
    const target: OrderTarget = { scale: this.#scale, columns, ids: new Array<string>(n).fill(''), affiliates: new Array(n), report };
    for (let k = 0; k < n; k++) checkOrder(records[k], start + k, k, target);
    const { ids, affiliates } = target;
    // affiliates are resolved in bulk per chunk: hash everything, probe everything, confirm
    const buyers = this.#genealogy.indexesOf(affiliates);
    columns.buyers.set(buyers, start);
    for (let k = 0; k < n; k++) {
      if (ids[k] === '') this.#missingIds.push(start + k);
      if (buyers[k] < 0 && affiliates[k] !== undefined) {
        report(ErrorCode.UnknownAffiliate, start + k, 'affiliateId', `order ${quote(ids[k])}: unknown affiliate ${quote(affiliates[k] as string)}`);
      }
    }
    if (this.#genealogy.customerCount > 0) reportCustomerKinds(this.#genealogy.roles, buyers, columns.kinds, start, ids, report);
    this.#idChunks.push(new PackedIds(ids));
    this.#chunkStarts.push(start);
    this.#count = start + n;
    return this;
  }

  /**
   * Checks the book as a whole (duplicate ids over every chunk), then throws one {@link DownlineError} with every
   * issue of every chunk, sorted by record and field, or returns the book. A builder builds once.
   */
  build(): OrderBook {
    if (this.#built) throw new Error('OrderBookBuilder: built twice');
    this.#built = true;
    const genealogy = this.#genealogy;
    const count = this.#count;
    const ids = joinPackedIds(this.#idChunks, this.#chunkStarts, count);
    this.#idChunks.length = 0;
    reportDuplicates(ids, this.#columns.hashes, this.#missingIds, count, this.#report);
    this.#columns.hashes = new Int32Array(0); // needed no more: not kept alive by a builder still referenced
    if (this.#issues.length > 0) throw new DownlineError(this.#issues.sort(byRecordThenField));
    const { buyers, kinds, amounts, volumes, wholesale } = this.#columns.finish(count);
    const affiliateVolumes = sumByAffiliate(genealogy.size, buyers, kinds, volumes);
    return { genealogy, scale: this.#scale, count, ids, buyers, kinds, amounts, volumes, affiliateVolumes, wholesale };
  }
}

/** Reports every order of a customer, in a chunk starting at record `start`, that is not a retail sale. */
function reportCustomerKinds(roles: Uint8Array, buyers: Int32Array, kinds: Uint8Array, start: number, ids: string[], report: ReportIssue): void {
  for (let k = 0; k < buyers.length; k++) {
    const buyer = buyers[k];
    const kind = kinds[start + k];
    if (buyer >= 0 && roles[buyer] === 1 && (kind === 1 || kind === 2)) {
      const name = kind === 1 ? 'personal' : 'enrollment';
      report(ErrorCode.CustomerOrderKind, start + k, 'kind', `order ${quote(ids[k])}: a customer's order is a retail sale, not "${name}"`);
    }
  }
}

/** Reports every repeated order id, naming the first position that holds it; `missing` (ascending) have none. */
function reportDuplicates(ids: PackedIds, hashes: Int32Array, missing: readonly number[], count: number, report: ReportIssue): void {
  findDuplicateIds(ids, hashes, count, missing, (position, first) =>
    report(ErrorCode.DuplicateOrder, position, 'id', `order ${quote(ids.at(position))}: duplicate id (first at #${first})`),
  );
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
