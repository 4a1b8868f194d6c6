import { ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import { hashId, IdIndex } from './id-index';
import { PackedIds } from './packed-ids';
import type { MemberRecord } from './member-record';

/**
 * Member records checked and linked by input position: ids, an id → position index, and each member's sponsor
 * position (`-1` for a root).
 */
export interface LinkedMembers {
  /** The ids in input order, packed; `''` for a record without a string id. */
  readonly ids: PackedIds;
  readonly positionOf: IdIndex;
  readonly sponsorOf: Int32Array;
  /** Role code of each member by input position (0 affiliate, 1 customer, {@link ROLE_INVALID} when unreadable). */
  readonly roles: Uint8Array;
  /** How many members are customers. */
  readonly customers: number;
  /** How many records have a role that is neither `'affiliate'` nor `'customer'`. */
  readonly invalidRoles: number;
  readonly issues: Issue[];
}

/** Role code of a record whose `role` is neither `'affiliate'` nor `'customer'` (reported as an issue). */
export const ROLE_INVALID = 255;

// What pass 1 found about a record's id (idState) and its sponsorId (sponsorState).
const ID_OK = 0;
const NOT_AN_OBJECT = 1;
const ID_NOT_A_STRING = 2;
const ID_EMPTY = 3;
const ID_DUPLICATE = 4;
const SPONSOR_NONE = 0; // null or undefined: a root
const SPONSOR_ID = 1; // a string, to look up
const SPONSOR_NOT_A_STRING = 2;
const SPONSOR_SELF = 3;
const SPONSOR_UNKNOWN = 4;

/**
 * First validation stage: record shape, empty and duplicate ids, unknown and self sponsors. Collects every
 * issue (those about ids first, then those about sponsors, each in input order); members whose sponsor link
 * is bad are linked as roots so that cycle detection can still run.
 *
 * Built for ten million records: the records are read in sequential passes (check and hash, pack the ids,
 * confirm the sponsors) and no array of millions of strings is kept; every id is inserted, every sponsor
 * probed by hash alone and every hit confirmed by one comparison with the packed ids, each in its own loop.
 * No step of one of these loops waits on a memory load of the step before, so the cache misses of a hash
 * table far larger than the cache overlap instead of queueing up. The records must not change meanwhile.
 *
 * @example
 * ```ts
 * const { sponsorOf, issues } = linkMembers([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }], []);
 * sponsorOf; // Int32Array [-1, 0]
 * ```
 */
export function linkMembers(records: ArrayLike<MemberRecord>, base: IssuePath): LinkedMembers {
  const n = records.length;
  const idHashes = new Int32Array(n);
  const sponsorOf = new Int32Array(n); // holds the sponsor's hash until it is resolved
  const idState = new Uint8Array(n);
  const sponsorState = new Uint8Array(n);
  const roles = new Uint8Array(n);
  let customers = 0;
  let invalidRoles = 0;
  let problems = 0;

  // 1. check every record, hash its ids
  for (let i = 0; i < n; i++) {
    const record = records[i] as unknown;
    if (typeof record !== 'object' || record === null) {
      idState[i] = NOT_AN_OBJECT;
      problems++;
      continue;
    }
    const id = (record as MemberRecord).id as unknown;
    if (typeof id !== 'string') {
      idState[i] = ID_NOT_A_STRING;
      problems++;
      continue;
    }
    if (id.length === 0) {
      idState[i] = ID_EMPTY;
      problems++;
    } else {
      idHashes[i] = hashId(id);
    }
    const role = (record as MemberRecord).role as unknown;
    if (role !== undefined && role !== 'affiliate') {
      if (role === 'customer') {
        roles[i] = 1;
        customers++;
      } else {
        roles[i] = ROLE_INVALID;
        invalidRoles++;
      }
    }
    const sponsorId = (record as MemberRecord).sponsorId as unknown;
    if (sponsorId === null || sponsorId === undefined) continue;
    if (typeof sponsorId !== 'string') {
      sponsorState[i] = SPONSOR_NOT_A_STRING;
      problems++;
    } else if (sponsorId === id && id.length > 0) {
      sponsorState[i] = SPONSOR_SELF;
      problems++;
    } else {
      sponsorState[i] = SPONSOR_ID;
      sponsorOf[i] = hashId(sponsorId);
    }
  }

  // 2. pack the ids in input order, and index them; a repeated id stays with its first position
  const ids = new PackedIds(n, (i) => (idState[i] === NOT_AN_OBJECT || idState[i] === ID_NOT_A_STRING ? '' : records[i].id));
  const positionOf = new IdIndex(ids, n);
  for (let i = 0; i < n; i++) {
    if (idState[i] !== ID_OK) continue;
    if (positionOf.insertHashed(i, idHashes[i]) >= 0) {
      idState[i] = ID_DUPLICATE;
      problems++;
    }
  }

  // 3. probe each sponsor by hash only, then 4. confirm each hit by comparing the ids
  for (let i = 0; i < n; i++) sponsorOf[i] = sponsorState[i] === SPONSOR_ID ? positionOf.candidate(sponsorOf[i]) : -1;
  for (let i = 0; i < n; i++) {
    const candidate = sponsorOf[i];
    if (candidate >= 0) {
      const sponsorId = records[i].sponsorId as string;
      if (!ids.matches(candidate, sponsorId)) sponsorOf[i] = positionOf.find(sponsorId);
    }
    if (sponsorOf[i] < 0 && sponsorState[i] === SPONSOR_ID) {
      sponsorState[i] = SPONSOR_UNKNOWN;
      problems++;
    }
  }

  const issues: Issue[] = [];
  if (problems > 0) {
    reportIds(ids, idState, positionOf, base, issues);
    reportSponsors(records, ids, idState, sponsorState, base, issues);
  }
  return { ids, positionOf, sponsorOf, roles, customers, invalidRoles, issues };
}

function reportIds(ids: PackedIds, idState: Uint8Array, positionOf: IdIndex, base: IssuePath, issues: Issue[]): void {
  for (let i = 0; i < ids.length; i++) {
    switch (idState[i]) {
      case NOT_AN_OBJECT:
        issues.push({
          code: ErrorCode.InvalidMember,
          path: [...base, i],
          message: `member #${i}: must be an object with an id and a sponsorId`,
        });
        break;
      case ID_NOT_A_STRING:
        issues.push({ code: ErrorCode.InvalidMember, path: [...base, i, 'id'], message: `member #${i}: id must be a string` });
        break;
      case ID_EMPTY:
        issues.push({ code: ErrorCode.EmptyId, path: [...base, i, 'id'], message: `member #${i}: id is empty` });
        break;
      case ID_DUPLICATE:
        issues.push({
          code: ErrorCode.DuplicateMember,
          path: [...base, i, 'id'],
          message: `member ${quote(ids.at(i))}: duplicate id (first at #${positionOf.find(ids.at(i))}, again at #${i})`,
        });
        break;
    }
  }
}

function reportSponsors(
  records: ArrayLike<MemberRecord>,
  ids: PackedIds,
  idState: Uint8Array,
  sponsorState: Uint8Array,
  base: IssuePath,
  issues: Issue[],
): void {
  for (let i = 0; i < ids.length; i++) {
    const state = sponsorState[i];
    if (state === SPONSOR_NONE || state === SPONSOR_ID) continue;
    // a record whose id is unusable is named by its position
    const member = idState[i] === ID_EMPTY ? `#${i}` : quote(ids.at(i));
    const path = [...base, i, 'sponsorId'];
    if (state === SPONSOR_NOT_A_STRING) {
      issues.push({ code: ErrorCode.InvalidMember, path, message: `member ${member}: sponsorId must be a string or null` });
    } else if (state === SPONSOR_SELF) {
      issues.push({ code: ErrorCode.SelfSponsor, path, message: `member ${member}: sponsors itself` });
    } else {
      issues.push({
        code: ErrorCode.UnknownSponsor,
        path,
        message: `member ${member}: unknown sponsor ${quote(records[i].sponsorId)}`,
      });
    }
  }
}
