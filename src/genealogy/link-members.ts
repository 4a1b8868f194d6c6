/**
 * Linking member records: ids indexed, sponsors found, every problem about ids and sponsors reported. Pass 1
 * (`check-members`) may run chunk by chunk; the rest runs once over all the members.
 *
 * @module
 */
import { ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import { fitColumn } from './capacity';
import {
  checkMembers,
  ID_DUPLICATE,
  ID_EMPTY,
  ID_NOT_A_STRING,
  ID_OK,
  type MemberChecks,
  memberChecks,
  NOT_AN_OBJECT,
  SPONSOR_ID,
  SPONSOR_NONE,
  SPONSOR_NOT_A_STRING,
  SPONSOR_SELF,
  SPONSOR_UNKNOWN,
} from './check-members';
import { IdIndex } from './id-index';
import { PackedIds } from './packed-ids';
import type { MemberRecord } from './member-record';

export { ROLE_INVALID } from './check-members';

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

/**
 * Passes 2 to 4 over records checked by {@link checkMembers}, and their issues: indexes the packed ids (a
 * repeated id stays with its first position), probes each sponsor by hash only, confirms each hit by comparing
 * the ids (`sponsorIds.at(i)` is record `i`'s sponsor id when it has one to look up), then reports the problems
 * about ids, then those about sponsors, each in input order. Members whose sponsor link is bad are linked as
 * roots. The columns of `checks` are used up (the result may share them).
 *
 * @example
 * ```ts
 * const checks = memberChecks(0);
 * const { idAt, sponsorIdAt } = checkMembers(records, checks);
 * const linked = linkChecked(checks, new PackedIds(checks.count, idAt), new PackedIds(checks.count, sponsorIdAt), []);
 * ```
 */
export function linkChecked(
  checks: MemberChecks,
  ids: PackedIds,
  sponsorIds: { at(position: number): string },
  base: IssuePath,
): LinkedMembers {
  const n = checks.count;
  const idHashes = checks.idHashes;
  const idState = checks.idState;
  const sponsorState = checks.sponsorState;
  const sponsorOf = fitColumn(checks.sponsorOf, n);
  const roles = fitColumn(checks.roles, n);
  let problems = checks.problems;

  // 2. index the packed ids; a repeated id stays with its first position
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
      const sponsorId = sponsorIds.at(i);
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
    reportSponsors(sponsorIds, ids, idState, sponsorState, base, issues);
  }
  return { ids, positionOf, sponsorOf, roles, customers: checks.customers, invalidRoles: checks.invalidRoles, issues };
}

/**
 * First validation stage: record shape, empty and duplicate ids, unknown and self sponsors. Collects every
 * issue (those about ids first, then those about sponsors, each in input order); members whose sponsor link
 * is bad are linked as roots so that cycle detection can still run. All the records are one chunk of
 * {@link checkMembers} and {@link linkChecked}.
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
  const checks = memberChecks(records.length);
  const { idAt } = checkMembers(records, checks);
  // the sponsor ids are read from the records themselves: nothing else to pack
  const sponsorIds = { at: (i: number) => records[i].sponsorId as string };
  return linkChecked(checks, new PackedIds(records.length, idAt), sponsorIds, base);
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
  sponsorIds: { at(position: number): string },
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
        message: `member ${member}: unknown sponsor ${quote(sponsorIds.at(i))}`,
      });
    }
  }
}
