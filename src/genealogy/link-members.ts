import { ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import { IdIndex } from './id-index';
import type { MemberRecord } from './member-record';

/**
 * Member records checked and linked by input position: ids, an id → position index, and each member's sponsor
 * position (`-1` for a root).
 */
export interface LinkedMembers {
  readonly ids: string[];
  readonly positionOf: IdIndex;
  readonly sponsorOf: Int32Array;
  readonly issues: Issue[];
}

/**
 * First validation stage: record shape, empty and duplicate ids, unknown and self sponsors. Collects every
 * issue; members whose sponsor link is bad are linked as roots so that cycle detection can still run.
 *
 * @example
 * ```ts
 * const { sponsorOf, issues } = linkMembers([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }], []);
 * sponsorOf; // Int32Array [-1, 0]
 * ```
 */
export function linkMembers(records: ArrayLike<MemberRecord>, base: IssuePath): LinkedMembers {
  const n = records.length;
  const ids: string[] = new Array(n);
  const positionOf = new IdIndex(ids);
  const issues: Issue[] = [];
  const sponsorOf = new Int32Array(n);
  const report = (code: Issue['code'], index: number, key: string | null, message: string) =>
    issues.push({ code, path: key === null ? [...base, index] : [...base, index, key], message });

  for (let i = 0; i < n; i++) {
    const record = records[i];
    if (typeof record !== 'object' || record === null) {
      report(ErrorCode.InvalidMember, i, null, `member #${i}: must be an object with an id and a sponsorId`);
      ids[i] = '';
      continue;
    }
    const id = record.id;
    if (typeof id !== 'string') {
      report(ErrorCode.InvalidMember, i, 'id', `member #${i}: id must be a string`);
      ids[i] = '';
      continue;
    }
    ids[i] = id;
    if (id.length === 0) {
      report(ErrorCode.EmptyId, i, 'id', `member #${i}: id is empty`);
      continue;
    }
    const first = positionOf.insert(i);
    if (first >= 0)
      report(ErrorCode.DuplicateMember, i, 'id', `member ${quote(id)}: duplicate id (first at #${first}, again at #${i})`);
  }

  for (let i = 0; i < n; i++) {
    sponsorOf[i] = -1;
    const record = records[i];
    if (typeof record !== 'object' || record === null || typeof record.id !== 'string') continue;
    const sponsorId = record.sponsorId as unknown;
    if (sponsorId === null || sponsorId === undefined) continue;
    if (typeof sponsorId !== 'string') {
      report(ErrorCode.InvalidMember, i, 'sponsorId', `member ${quote(ids[i])}: sponsorId must be a string or null`);
      continue;
    }
    if (sponsorId === ids[i]) {
      report(ErrorCode.SelfSponsor, i, 'sponsorId', `member ${quote(ids[i])}: sponsors itself`);
      continue;
    }
    const sponsor = positionOf.find(sponsorId);
    if (sponsor < 0) {
      report(ErrorCode.UnknownSponsor, i, 'sponsorId', `member ${quote(ids[i])}: unknown sponsor ${quote(sponsorId)}`);
      continue;
    }
    sponsorOf[i] = sponsor;
  }
  return { ids, positionOf, sponsorOf, issues };
}
