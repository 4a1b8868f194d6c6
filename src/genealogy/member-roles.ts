import { ErrorCode, type Issue, type IssuePath, quote } from '../errors';
import { type LinkedMembers, ROLE_INVALID } from './link-members';

/**
 * Role problems of linked members: a `role` that is neither `'affiliate'` nor `'customer'`, and a member whose
 * sponsor is a customer (customers are leaves: they buy and may be referred, they never sponsor). In input
 * order.
 *
 * @example
 * ```ts
 * const linked = linkMembers(records, ['members']);
 * linked.issues.push(...roleIssues(linked, ['members']));
 * ```
 */
export function roleIssues(linked: LinkedMembers, base: IssuePath): Issue[] {
  const { roles, sponsorOf, ids } = linked;
  const issues: Issue[] = [];
  for (let i = 0; i < roles.length; i++) {
    if (roles[i] === ROLE_INVALID) {
      issues.push({
        code: ErrorCode.InvalidMember,
        path: [...base, i, 'role'],
        message: `member ${quote(ids.at(i))}: role must be "affiliate" or "customer"`,
      });
    }
    const sponsor = sponsorOf[i];
    if (linked.customers > 0 && sponsor >= 0 && roles[sponsor] === 1) {
      issues.push({
        code: ErrorCode.CustomerSponsor,
        path: [...base, i, 'sponsorId'],
        message: `member ${quote(ids.at(i))}: sponsor ${quote(ids.at(sponsor))} is a customer, and customers do not sponsor`,
      });
    }
  }
  return issues;
}

/**
 * The role codes of the members in preorder, from the codes by input position.
 *
 * @example
 * ```ts
 * preorderRoles(Uint8Array.of(1, 0), Int32Array.of(1, 0)); // Uint8Array [0, 1]
 * ```
 */
export function preorderRoles(roles: Uint8Array, order: Int32Array): Uint8Array {
  const out = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = roles[order[k]];
  return out;
}
