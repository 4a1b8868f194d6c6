export { Genealogy } from './genealogy';
export { GenealogyBuilder } from './genealogy-builder';
export { MEMBER_ROLES, type MemberRecord, type MemberRole } from './member-record';
export type { PackedIds } from './packed-ids';
