export { Genealogy } from './genealogy';
export { MEMBER_ROLES, type MemberRecord, type MemberRole } from './member-record';
export type { PackedIds } from './packed-ids';
