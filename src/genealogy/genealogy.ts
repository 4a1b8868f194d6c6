import { DownlineError, ErrorCode, formatPath, type IssuePath, quote, type SafeResult, toSafe } from '../errors';
import { findCycles } from './find-cycles';
import { hashId, type IdIndex } from './id-index';
import { PackedIds } from './packed-ids';
import { type LinkedMembers, linkMembers } from './link-members';
import { MEMBER_ROLES, type MemberRecord, type MemberRole } from './member-record';
import { preorderRoles, roleIssues } from './member-roles';
import { type ForestColumns, forestColumns, preorder } from './preorder';

/**
 * Who sponsored whom: a validated forest in columns. Members are numbered in DFS preorder (roots and
 * children in input order), so a parent's index is always below its children's, the subtree of `i` is the
 * index range `[i, i + subtreeSizes[i])`, a reverse loop is a post-order fold and a forward loop is
 * top-down. Outside, every query speaks ids. Nothing here recurses: a chain a million deep works.
 *
 * @example
 * ```ts
 * const g = Genealogy.fromRecords([
 *   { id: 'A', sponsorId: null },
 *   { id: 'B', sponsorId: 'A' },
 *   { id: 'C', sponsorId: 'B' },
 *   { id: 'D', sponsorId: 'A' },
 * ]);
 * g.upline('C');      // ['B', 'A']
 * g.downline('A');    // ['B', 'C', 'D']
 * g.levelCounts('A'); // [2, 1]
 * ```
 */
export class Genealogy {
  /** Number of members. */
  readonly size: number;
  /** Member id of each preorder index, packed: `ids.at(i)`, or `[...ids]` for an array. */
  readonly ids: PackedIds;
  /** Preorder index of each member's sponsor, `-1` for a root; always below the member's own index. */
  readonly parents: Int32Array;
  /** Distance to the member's root (0 for a root). */
  readonly depths: Int32Array;
  /** Size of each member's subtree, the member included. */
  readonly subtreeSizes: Int32Array;
  /** The greatest depth. */
  readonly maxDepth: number;
  /** Role code of each member: 0 affiliate, 1 customer (see {@link MEMBER_ROLES}). */
  readonly roles: Uint8Array;
  /** How many members are customers (0 in an affiliates-only genealogy). */
  readonly customerCount: number;
  /** Input position of each id, found by id; the ids as packed, in input order; preorder index of each position. */
  readonly #index: IdIndex;
  readonly #stored: PackedIds;
  readonly #indexOfPosition: Int32Array;

  private constructor(
    stored: PackedIds,
    columns: ForestColumns,
    index: IdIndex,
    roles: Uint8Array,
    customerCount: number,
  ) {
    this.size = stored.length;
    // seen in preorder through `order`: no gather of millions of strings into a new order
    this.ids = stored.permuted(columns.order);
    this.parents = columns.parents;
    this.depths = columns.depths;
    this.subtreeSizes = columns.subtreeSizes;
    this.maxDepth = columns.maxDepth;
    this.roles = roles;
    this.customerCount = customerCount;
    this.#index = index;
    this.#stored = stored;
    this.#indexOfPosition = columns.indexOfPosition;
  }

  /**
   * Validates member records and builds the forest in O(n). Every problem is collected (invalid record,
   * empty id, duplicate id, unknown sponsor, self-sponsor, cycle with its members) and thrown together in one
   * {@link DownlineError}; issue paths are `[...options.path, index, field]`.
   *
   * @example
   * ```ts
   * const g = Genealogy.fromRecords(members, { path: ['members'] });
   * ```
   */
  static fromRecords(
    records: ArrayLike<MemberRecord> | Iterable<MemberRecord>,
    options: { path?: IssuePath } = {},
  ): Genealogy {
    const base = options.path ?? [];
    if (!isArrayLike(records) && !isIterable(records)) {
      throw DownlineError.of(ErrorCode.InvalidMember, `${formatPath(base) || 'members'}: must be an array of member records`, base);
    }
    const list = isArrayLike(records) ? records : Array.from(records);
    return Genealogy.fromLinked(linkMembers(list, base), base);
  }

  /**
   * @internal The genealogy of members already checked and linked (by `linkMembers`, or chunk by chunk by
   * `GenealogyBuilder`): adds the role issues and the cycles to theirs, and throws them all together in
   * one {@link DownlineError}, or numbers the forest in preorder.
   *
   * @example
   * ```ts
   * const g = Genealogy.fromLinked(linkMembers(records, ['members']), ['members']);
   * ```
   */
  static fromLinked(linked: LinkedMembers, base: IssuePath): Genealogy {
    const { ids, positionOf, sponsorOf, issues } = linked;
    if (linked.customers > 0 || linked.invalidRoles > 0) issues.push(...roleIssues(linked, base));
    const n = ids.length;
    const visit = preorder(sponsorOf);
    if (visit.reached < n) {
      const seen = new Uint8Array(n);
      for (let k = 0; k < visit.reached; k++) seen[visit.order[k]] = 1;
      issues.push(...findCycles(sponsorOf, seen, ids, base));
    }
    if (issues.length > 0) throw new DownlineError(issues);

    const columns = visit.columns ?? forestColumns(sponsorOf, visit.order);
    const roles = linked.customers > 0 ? preorderRoles(linked.roles, columns.order) : new Uint8Array(n);
    // the index keeps the input positions of the packed ids (no renumbering pass)
    return new Genealogy(ids, columns, positionOf, roles, linked.customers);
  }

  /**
   * {@link Genealogy.fromRecords} without throwing: `{ success: true, data }` or `{ success: false, error }`.
   *
   * @example
   * ```ts
   * const result = Genealogy.safeFromRecords(members);
   * if (!result.success) console.log(result.error.issues.map((i) => i.message));
   * ```
   */
  static safeFromRecords(
    records: ArrayLike<MemberRecord> | Iterable<MemberRecord>,
    options: { path?: IssuePath } = {},
  ): SafeResult<Genealogy> {
    return toSafe(() => Genealogy.fromRecords(records, options));
  }

  /**
   * Preorder index of a member, or -1 when the id is unknown (never throws).
   *
   * @example
   * ```ts
   * g.indexOf('A'); // 0 for the first root
   * ```
   */
  indexOf(id: string): number {
    const position = this.#index.find(id);
    return position < 0 ? -1 : this.#indexOfPosition[position];
  }

  /**
   * Preorder index of the member given at position `position` of the records the genealogy was built from
   * (counted over every chunk of a `GenealogyBuilder`), or -1 past them: what columns read alongside the
   * records, by position, need to reach the genealogy's order without looking an id up.
   *
   * @example
   * ```ts
   * const g = Genealogy.fromRecords([{ id: 'B', sponsorId: 'A' }, { id: 'A', sponsorId: null }]);
   * g.indexOfRecord(0); // 1: B comes after its sponsor A in preorder
   * ```
   */
  indexOfRecord(position: number): number {
    return Number.isInteger(position) && position >= 0 && position < this.size ? this.#indexOfPosition[position] : -1;
  }

  /**
   * Preorder indexes of many ids at once (-1 for an unknown id or an `undefined` slot). Faster than calling
   * {@link Genealogy.indexOf} in a loop on big inputs: every id is hashed in one sequential pass, every hash is
   * probed without reading ids, and every hit is confirmed afterwards, so that cache misses overlap instead of
   * queueing up.
   *
   * @example
   * ```ts
   * g.indexesOf(['C', 'nobody', 'A']); // Int32Array [2, -1, 0]
   * ```
   */
  indexesOf(ids: ArrayLike<string | undefined>): Int32Array {
    const n = ids.length;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      out[i] = id === undefined ? 0 : hashId(id);
    }
    const index = this.#index;
    for (let i = 0; i < n; i++) out[i] = ids[i] === undefined ? -1 : index.candidate(out[i]);
    const stored = this.#stored;
    const indexOfPosition = this.#indexOfPosition;
    for (let i = 0; i < n; i++) {
      let position = out[i];
      if (position >= 0 && !stored.matches(position, ids[i] as string)) position = index.find(ids[i] as string);
      out[i] = position < 0 ? -1 : indexOfPosition[position];
    }
    return out;
  }

  /**
   * Whether the genealogy holds this id.
   *
   * @example
   * ```ts
   * g.has('A'); // true
   * ```
   */
  has(id: string): boolean {
    return this.#index.find(id) >= 0;
  }

  /**
   * Members without a sponsor, in input order.
   *
   * @example
   * ```ts
   * g.roots(); // ['A']
   * ```
   */
  roots(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.size; i += this.subtreeSizes[i]) out.push(this.ids.at(i));
    return out;
  }

  /**
   * The member's sponsor, `null` for a root.
   *
   * @example
   * ```ts
   * g.sponsor('C'); // 'B'
   * ```
   */
  sponsor(id: string): string | null {
    const parent = this.parents[this.#require(id)];
    return parent < 0 ? null : this.ids.at(parent);
  }

  /**
   * Whether the member is an affiliate or a customer.
   *
   * @example
   * ```ts
   * g.role('A'); // 'affiliate'
   * ```
   */
  role(id: string): MemberRole {
    return MEMBER_ROLES[this.roles[this.#require(id)]];
  }

  /**
   * Distance from the member to its root.
   *
   * @example
   * ```ts
   * g.depth('C'); // 2
   * ```
   */
  depth(id: string): number {
    return this.depths[this.#require(id)];
  }

  /**
   * Sponsors above the member, nearest first, at most `levels` of them (default: up to the root).
   *
   * @example
   * ```ts
   * g.upline('C');    // ['B', 'A']
   * g.upline('C', 1); // ['B']
   * ```
   */
  upline(id: string, levels = Number.POSITIVE_INFINITY): string[] {
    const out: string[] = [];
    for (let p = this.parents[this.#require(id)]; p >= 0 && out.length < levels; p = this.parents[p]) {
      out.push(this.ids.at(p));
    }
    return out;
  }

  /**
   * Members the member sponsored directly, in input order.
   *
   * @example
   * ```ts
   * g.recruits('A'); // ['B', 'D']
   * ```
   */
  recruits(id: string): string[] {
    const i = this.#require(id);
    const out: string[] = [];
    for (let j = i + 1, end = i + this.subtreeSizes[i]; j < end; j += this.subtreeSizes[j]) out.push(this.ids.at(j));
    return out;
  }

  /**
   * Everyone below the member in preorder, optionally only down to `maxDepth` levels below.
   *
   * @example
   * ```ts
   * g.downline('A');    // ['B', 'C', 'D']
   * g.downline('A', 1); // ['B', 'D']
   * ```
   */
  downline(id: string, maxDepth = Number.POSITIVE_INFINITY): string[] {
    const out: string[] = [];
    this.#scan(this.#require(id), maxDepth, (j) => out.push(this.ids.at(j)));
    return out;
  }

  /**
   * How many members sit at each level below the member: `[level 1, level 2, …]`, up to the deepest level
   * (or `maxDepth`).
   *
   * @example
   * ```ts
   * g.levelCounts('A'); // [2, 1]
   * ```
   */
  levelCounts(id: string, maxDepth = Number.POSITIVE_INFINITY): number[] {
    const i = this.#require(id);
    const top = this.depths[i];
    const counts: number[] = [];
    this.#scan(i, maxDepth, (j) => {
      const level = this.depths[j] - top;
      while (counts.length < level) counts.push(0);
      counts[level - 1]++;
    });
    return counts;
  }

  /**
   * Size of the member's subtree, the member included (so `downline(id).length + 1`).
   *
   * @example
   * ```ts
   * g.subtreeSize('A'); // 4
   * ```
   */
  subtreeSize(id: string): number {
    return this.subtreeSizes[this.#require(id)];
  }

  /** Visits the subtree range of `i` (excluding `i`) in preorder, skipping branches deeper than `maxDepth`. */
  #scan(i: number, maxDepth: number, visit: (j: number) => void): void {
    const limit = this.depths[i] + maxDepth;
    const end = i + this.subtreeSizes[i];
    for (let j = i + 1; j < end; ) {
      if (this.depths[j] > limit) {
        j += this.subtreeSizes[j];
      } else {
        visit(j);
        j++;
      }
    }
  }

  #require(id: string): number {
    const index = this.indexOf(id);
    if (index < 0) throw DownlineError.of(ErrorCode.UnknownMember, `unknown member ${quote(id)}`);
    return index;
  }
}

function isArrayLike<T>(value: ArrayLike<T> | Iterable<T>): value is ArrayLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as ArrayLike<T>).length === 'number';
}

function isIterable<T>(value: unknown): value is Iterable<T> {
  return typeof value === 'object' && value !== null && typeof (value as Iterable<T>)[Symbol.iterator] === 'function';
}
