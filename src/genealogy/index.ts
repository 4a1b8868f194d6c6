export { Genealogy } from './genealogy';
export type { MemberRecord } from './member-record';
export type { PackedIds } from './packed-ids';
