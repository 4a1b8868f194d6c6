import { NO_DAY, parseIsoDay } from '../dates/iso-day';
import { ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import type { MemberRecord } from '../genealogy/member-record';

/** Role code of an affiliate in `Genealogy.roles`. @example `genealogy.roles[i] === ROLE_AFFILIATE` */
export const ROLE_AFFILIATE = 0;
/** Role code of a customer in `Genealogy.roles`. @example `genealogy.roles[i] === ROLE_CUSTOMER` */
export const ROLE_CUSTOMER = 1;

/**
 * The fields of member records the analytics read that the genealogy does not keep, by input position: the id
 * (for matching members across periods) and the join and leave dates as day numbers ({@link NO_DAY} when
 * absent). Roles come from `Genealogy.roles`.
 *
 * @example
 * ```ts
 * const fields = readMemberFields([{ id: 'c1', sponsorId: null, joinedOn: '1970-01-02' }], [], 'period "p"');
 * fields.ids[0];    // 'c1'
 * fields.joined[0]; // 1
 * ```
 */
export interface MemberFields {
  /** The id of each record; `undefined` for a record that is not an object with a string id. */
  readonly ids: (string | undefined)[];
  readonly joined: Int32Array;
  readonly left: Int32Array;
  /** Issues about `joinedOn` and `leftOn` (shape, id, sponsor and role problems are the genealogy's). */
  readonly issues: Issue[];
}

/**
 * Reads and checks `joinedOn` and `leftOn` (ISO `YYYY-MM-DD`, `null` or absent for unknown; `leftOn` not before
 * `joinedOn`) of every record. Records that are not objects
 * or have no string id are skipped: the genealogy reports them. Issue paths are `[...base, position, field]`,
 * messages start with `owner` (which names the period).
 *
 * @example
 * ```ts
 * const { issues } = readMemberFields([{ id: 'A', sponsorId: null, joinedOn: '2026-02-30' }], ['members'], 'period "2026-02"');
 * issues[0].message; // 'period "2026-02": member "A": joinedOn "2026-02-30" is not an ISO date (YYYY-MM-DD)'
 * ```
 */
export function readMemberFields(records: ArrayLike<MemberRecord>, base: IssuePath, owner: string): MemberFields {
  const n = records.length;
  const ids: (string | undefined)[] = new Array(n);
  const joined = new Int32Array(n).fill(NO_DAY);
  const left = new Int32Array(n).fill(NO_DAY);
  const issues: Issue[] = [];
  const days = new DayCache();
  for (let k = 0; k < n; k++) {
    const record = records[k] as unknown;
    if (typeof record !== 'object' || record === null) continue;
    const { id, joinedOn, leftOn } = record as Record<string, unknown>;
    if (typeof id !== 'string') continue;
    ids[k] = id;
    const joinedDay = joinedOn === undefined || joinedOn === null ? NO_DAY : days.read(joinedOn);
    const leftDay = leftOn === undefined || leftOn === null ? NO_DAY : days.read(leftOn);
    if (joinedDay === undefined) issues.push(notADate(base, k, 'joinedOn', joinedOn, owner, id));
    if (leftDay === undefined) issues.push(notADate(base, k, 'leftOn', leftOn, owner, id));
    joined[k] = joinedDay ?? NO_DAY;
    left[k] = leftDay ?? NO_DAY;
    if (joined[k] !== NO_DAY && left[k] !== NO_DAY && left[k] < joined[k]) {
      issues.push({
        code: ErrorCode.InvalidDate,
        path: [...base, k, 'leftOn'],
        message: `${owner}: member ${quote(id)}: leftOn ${String(leftOn)} is before joinedOn ${String(joinedOn)}`,
      });
    }
  }
  return { ids, joined, left, issues };
}

function notADate(base: IssuePath, k: number, field: string, value: unknown, owner: string, id: string): Issue {
  return {
    code: ErrorCode.InvalidDate,
    path: [...base, k, field],
    message: `${owner}: member ${quote(id)}: ${field} ${show(value)} is not an ISO date (YYYY-MM-DD)`,
  };
}

const CACHED_DAYS = 4096;

/** Day numbers of the date strings seen so far: member dates repeat a lot (a few hundred distinct a year). */
class DayCache {
  readonly #days = new Map<string, number>();

  /** The day of an ISO date string, or `undefined` when the value is not one. */
  read(value: unknown): number | undefined {
    if (typeof value !== 'string') return undefined;
    const known = this.#days.get(value);
    if (known !== undefined) return known;
    const day = parseIsoDay(value);
    if (day !== undefined && this.#days.size < CACHED_DAYS) this.#days.set(value, day);
    return day;
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? quote(value) : typeof value === 'bigint' ? `${value}n` : String(value);
}
