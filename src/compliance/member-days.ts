/**
 * Join and leave days of members, read from their records chunk by chunk: what compliance takes from member
 * records, in two columns, so that a caller reading ten million members from a file for the genealogy can keep
 * the days without keeping the records.
 *
 * @module
 */
import { DownlineError, ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import type { Genealogy, MemberRecord } from '../genealogy';
import { checkCapacity, fitColumn, grownColumn, grownSize } from '../genealogy/capacity';
import { NO_DAY, parseIsoDay } from '../dates/iso-day';
import { describe } from '../money/amount-refusal';

/**
 * The join and leave day of every member of one genealogy, by preorder index (the smallest Int32, -2^31,
 * where a record gave none), built by a {@link MemberDaysBuilder}. Give it as a compliance period's `members`,
 * in place of the records.
 *
 * @example
 * ```ts
 * const days = new MemberDaysBuilder().add(records).build(genealogy);
 * assessCompliance({ result, members: days });
 * ```
 */
export class MemberDays {
  /** @internal */
  constructor(
    /** The genealogy whose preorder indexes the columns follow. */
    readonly genealogy: Genealogy,
    /** Day of joining (days since 1970-01-01) by preorder index. */
    readonly joined: Int32Array,
    /** Day of leaving by preorder index. */
    readonly left: Int32Array,
    /** How many members have a join day. */
    readonly joinDays: number,
  ) {}
}

/**
 * Reads `joinedOn` and `leftOn` from member records given in chunks, the same records in the same order as the
 * genealogy is built from (a `GenealogyBuilder` fed the same chunks), and keeps only the days. Bad dates and a
 * leave before the join are collected; {@link MemberDaysBuilder.build} throws them all in one `DownlineError`,
 * with the paths and messages that member records given whole to a compliance period get.
 *
 * @example
 * ```ts
 * const members = new GenealogyBuilder({ path: ['members'] });
 * const days = new MemberDaysBuilder({ path: ['members'] });
 * for (const chunk of chunks) {
 *   members.add(chunk);
 *   days.add(chunk);
 * }
 * const genealogy = members.build();
 * const memberDays = days.build(genealogy); // memberDays.joined[genealogy.indexOf('A')]
 * ```
 */
export class MemberDaysBuilder {
  readonly #base: IssuePath;
  readonly #issues: Issue[] = [];
  #joined: Int32Array;
  #left: Int32Array;
  #count = 0;
  #joinDays = 0;
  #built = false;

  /** @param options.path prefixes every issue's path; `capacity` makes room for that many members at once */
  constructor(options: { path?: IssuePath; capacity?: number } = {}) {
    this.#base = options.path ?? [];
    const room = options.capacity === undefined ? 0 : checkCapacity(options.capacity, 'MemberDaysBuilder');
    this.#joined = new Int32Array(room).fill(NO_DAY);
    this.#left = new Int32Array(room).fill(NO_DAY);
  }

  /** Reads the days of a chunk of records, the next after those added before. */
  add(records: ArrayLike<MemberRecord>): this {
    if (this.#built) throw new Error('MemberDaysBuilder: add after build');
    const start = this.#count;
    this.#reserve(start + records.length);
    for (let k = 0; k < records.length; k++) {
      const record = records[k];
      if (typeof record !== 'object' || record === null) continue; // the genealogy reports it
      const days = recordDays(record, start + k, this.#base, this.#issues);
      this.#joined[start + k] = days.joined;
      this.#left[start + k] = days.left;
      if (days.joined !== NO_DAY) this.#joinDays++;
    }
    this.#count = start + records.length;
    return this;
  }

  /**
   * The days by the genealogy's preorder index; throws one `DownlineError` with every date problem, or when the
   * genealogy was not built from as many records. A builder builds once.
   */
  build(genealogy: Genealogy): MemberDays {
    if (this.#built) throw new Error('MemberDaysBuilder: built twice');
    this.#built = true;
    const n = this.#count;
    if (n !== genealogy.size) {
      this.#issues.push({
        code: ErrorCode.InvalidRecord,
        path: this.#base,
        message: `members: ${n} records given for a genealogy of ${genealogy.size} members`,
      });
    }
    if (this.#issues.length > 0) throw new DownlineError(this.#issues);
    const byPosition = [fitColumn(this.#joined, n), fitColumn(this.#left, n)];
    const [joined, left] = byPosition.map((column) => {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[genealogy.indexOfRecord(i)] = column[i];
      return out;
    });
    this.#joined = new Int32Array(0);
    this.#left = new Int32Array(0);
    return new MemberDays(genealogy, joined, left, this.#joinDays);
  }

  #reserve(count: number): void {
    if (count <= this.#joined.length) return;
    const size = grownSize(this.#joined.length, count);
    this.#joined = grownColumn(this.#joined, size, NO_DAY);
    this.#left = grownColumn(this.#left, size, NO_DAY);
  }
}

/**
 * The join and leave day of record `index` (`NO_DAY` where it gives none, or a bad date, reported), and
 * a leave before the join reported.
 *
 * @example
 * ```ts
 * recordDays({ id: 'A', sponsorId: null, joinedOn: '1970-01-02' }, 0, ['members'], issues); // { joined: 1, left: NO_DAY }
 * ```
 */
export function recordDays(record: MemberRecord, index: number, base: IssuePath, issues: Issue[]): { joined: number; left: number } {
  const days = { joined: NO_DAY, left: NO_DAY };
  for (const key of ['joinedOn', 'leftOn'] as const) {
    const text = record[key];
    if (text === undefined) continue;
    const day = parseIsoDay(text);
    if (day === undefined) {
      issues.push({
        code: ErrorCode.InvalidDate,
        path: [...base, index, key],
        message: `member ${quote(record.id)}: ${key} must be an ISO date like "2026-10-31", got ${describe(text)}`,
      });
    } else {
      days[key === 'joinedOn' ? 'joined' : 'left'] = day;
    }
  }
  if (days.joined !== NO_DAY && days.left !== NO_DAY && days.left < days.joined) {
    issues.push({
      code: ErrorCode.InvalidDate,
      path: [...base, index, 'leftOn'],
      message: `member ${quote(record.id)}: left on ${record.leftOn}, before joining on ${record.joinedOn}`,
    });
  }
  return days;
}
