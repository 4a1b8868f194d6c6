/**
 * Pass 1 of linking members, chunk by chunk: each record's shape, id, sponsor id and role, checked and hashed
 * into columns by input position (see {@link checkMembers}); `link-members` does the rest.
 *
 * @module
 */
import { grownColumn, grownSize } from './capacity';
import { hashId } from './id-index';
import type { MemberRecord } from './member-record';

/** Role code of a record whose `role` is neither `'affiliate'` nor `'customer'` (reported as an issue). */
export const ROLE_INVALID = 255;

// What pass 1 found about a record's id (`idState`) and its sponsorId (`sponsorState`); linking adds the
// duplicates and the unknown sponsors.
/** `idState`: a usable id. */
export const ID_OK = 0;
/** `idState`: the record is not an object. */
export const NOT_AN_OBJECT = 1;
/** `idState`: the id is not a string. */
export const ID_NOT_A_STRING = 2;
/** `idState`: the id is `''`. */
export const ID_EMPTY = 3;
/** `idState`: the id repeats one at an earlier position. */
export const ID_DUPLICATE = 4;
/** `sponsorState`: null or undefined, a root. */
export const SPONSOR_NONE = 0;
/** `sponsorState`: a string, to look up. */
export const SPONSOR_ID = 1;
/** `sponsorState`: neither a string nor null. */
export const SPONSOR_NOT_A_STRING = 2;
/** `sponsorState`: the member's own id. */
export const SPONSOR_SELF = 3;
/** `sponsorState`: an id no member has. */
export const SPONSOR_UNKNOWN = 4;

/**
 * What pass 1 found about each record, by input position, in columns that grow as chunks of records come in:
 * the hash of its id, the hash of its sponsor id (then, once linked, its sponsor's position), what is wrong
 * with either, and its role. Made by {@link memberChecks}, filled by {@link checkMembers}.
 *
 * @example
 * ```ts
 * const checks: MemberChecks = memberChecks(1_000);
 * checkMembers(firstChunk, checks);
 * checkMembers(secondChunk, checks); // checks.count === firstChunk.length + secondChunk.length
 * ```
 */
export interface MemberChecks {
  /** How many records were checked. */
  count: number;
  idHashes: Int32Array;
  /** The sponsor id's hash until {@link linkChecked} resolves it into the sponsor's position. */
  sponsorOf: Int32Array;
  idState: Uint8Array;
  sponsorState: Uint8Array;
  roles: Uint8Array;
  customers: number;
  invalidRoles: number;
  problems: number;
}

/**
 * Empty {@link MemberChecks} with room for `capacity` records (they grow when more come).
 *
 * @example
 * ```ts
 * const checks = memberChecks(2);
 * checkMembers([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }], checks);
 * checks.count; // 2
 * ```
 */
export function memberChecks(capacity: number): MemberChecks {
  const n = Math.max(0, capacity);
  return {
    count: 0,
    idHashes: new Int32Array(n),
    sponsorOf: new Int32Array(n),
    idState: new Uint8Array(n),
    sponsorState: new Uint8Array(n),
    roles: new Uint8Array(n),
    customers: 0,
    invalidRoles: 0,
    problems: 0,
  };
}

/**
 * Pass 1 over a chunk of records, the next after those checked before: checks each record's shape, hashes its
 * id and its sponsor id, reads its role and spots a self-sponsor, writing at positions `checks.count` onwards.
 * Returns the chunk's ids and sponsor ids to pack: `''` for a record without a string id, and for a record
 * whose sponsor is not an id to look up.
 *
 * @example
 * ```ts
 * const checks = memberChecks(0);
 * const { idAt } = checkMembers([{ id: 'A', sponsorId: null }], checks);
 * idAt(0); // 'A'
 * ```
 */
export function checkMembers(
  records: ArrayLike<MemberRecord>,
  checks: MemberChecks,
): { idAt: (k: number) => string; sponsorIdAt: (k: number) => string } {
  const n = records.length;
  const from = checks.count;
  reserve(checks, from + n);
  const { idHashes, sponsorOf, idState, sponsorState, roles } = checks;
  let customers = 0;
  let invalidRoles = 0;
  let problems = 0;
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const record = records[k] as unknown;
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
  checks.count = from + n;
  checks.customers += customers;
  checks.invalidRoles += invalidRoles;
  checks.problems += problems;
  return {
    idAt: (k) => (idState[from + k] === NOT_AN_OBJECT || idState[from + k] === ID_NOT_A_STRING ? '' : records[k].id),
    sponsorIdAt: (k) => (sponsorState[from + k] === SPONSOR_ID ? (records[k].sponsorId as string) : ''),
  };
}

/** Grows the columns of `checks` to hold `count` records. */
function reserve(checks: MemberChecks, count: number): void {
  if (count <= checks.idHashes.length) return;
  const size = grownSize(checks.idHashes.length, count);
  checks.idHashes = grownColumn(checks.idHashes, size);
  checks.sponsorOf = grownColumn(checks.sponsorOf, size);
  checks.idState = grownColumn(checks.idState, size);
  checks.sponsorState = grownColumn(checks.sponsorState, size);
  checks.roles = grownColumn(checks.roles, size);
}

