/**
 * What a member is: an affiliate (sells, sponsors, earns) or a customer (buys, never sponsors, never earns).
 *
 * @example
 * ```ts
 * const role: MemberRole = 'customer';
 * ```
 */
export type MemberRole = 'affiliate' | 'customer';

/**
 * The roles, in the order of their codes in {@link Genealogy.roles} (affiliate 0, customer 1).
 *
 * @example
 * ```ts
 * MEMBER_ROLES.includes('customer'); // true
 * ```
 */
export const MEMBER_ROLES: readonly MemberRole[] = Object.freeze(['affiliate', 'customer']);

/**
 * One member of the genealogy as the caller gives it: an id and the id of the sponsor who enrolled them
 * (`null` for a root; several roots are allowed).
 *
 * - `role` (default `'affiliate'`): a `'customer'` buys and may have a referring affiliate as `sponsorId`, but
 *   never sponsors anyone and never earns; what a customer buys counts as a retail sale in the PV of the
 *   referring affiliate.
 * - `joinedOn` / `leftOn` (ISO `YYYY-MM-DD`, optional): read by the compliance and analytics stages (new and
 *   leaving members, tenure); the genealogy itself ignores them.
 *
 * Other extra fields are allowed and ignored.
 *
 * @example
 * ```ts
 * const members: MemberRecord[] = [
 *   { id: 'A', sponsorId: null, joinedOn: '2025-01-15' },
 *   { id: 'B', sponsorId: 'A' },
 *   { id: 'c1', sponsorId: 'B', role: 'customer' },
 * ];
 * ```
 */
export interface MemberRecord {
  readonly id: string;
  readonly sponsorId: string | null;
  readonly role?: MemberRole;
  readonly joinedOn?: string;
  readonly leftOn?: string;
}
