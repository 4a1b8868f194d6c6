/**
 * One member of the genealogy as the caller gives it: an id and the id of the sponsor who enrolled them
 * (`null` for a root; several roots are allowed). Extra fields are allowed and ignored.
 *
 * @example
 * ```ts
 * const members: MemberRecord[] = [
 *   { id: 'A', sponsorId: null },
 *   { id: 'B', sponsorId: 'A' },
 * ];
 * ```
 */
export interface MemberRecord {
  readonly id: string;
  readonly sponsorId: string | null;
}
