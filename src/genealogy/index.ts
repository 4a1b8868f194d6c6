export { Genealogy } from './genealogy';
export type { MemberRecord } from './member-record';
