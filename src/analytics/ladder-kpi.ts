import { quote } from '../errors';
import { plural } from './exact-math';
import type { LadderKpi } from './kpi-types';
import type { LadderCounts } from './member-history';

/**
 * The loyalty ladder of a period with its explanation. The rungs (see {@link LadderKpi}): *prospects*, customer
 * records with no order in this or any earlier period; *customers*, with orders in 1 to `regularAfter − 1`
 * periods so far; *regulars*, in `regularAfter` or more; *representatives*, the affiliates. They add up to the
 * members the period lists.
 *
 * @example
 * ```ts
 * const ladder = ladderKpi('2026-12', { prospects: 2, customers: 3, regulars: 4, representatives: 3 }, 2);
 * ladder.members;     // 12
 * ladder.explanation; // 'period "2026-12", 12 members: 2 prospects (customer records with no order yet) → 3 customers …'
 * ```
 */
export function ladderKpi(label: string, counts: LadderCounts, regularAfter: number): LadderKpi {
  const { prospects, customers, regulars, representatives } = counts;
  const members = prospects + customers + regulars + representatives;
  const once = regularAfter === 2 ? 'orders in 1 period' : `orders in 1 to ${regularAfter - 1} periods`;
  return {
    label,
    members,
    prospects,
    customers,
    regulars,
    representatives,
    explanation:
      `period ${quote(label)}, ${plural(members, 'member')}: ${plural(prospects, 'prospect')} (customer records with no order yet)` +
      ` → ${plural(customers, 'customer')} (${once}) → ${plural(regulars, 'regular')} (orders in ${regularAfter} periods or more)` +
      ` → ${plural(representatives, 'representative')} (affiliates)`,
  };
}
