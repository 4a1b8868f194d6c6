import { quote } from '../errors';
import { plural, showRatio } from './exact-math';
import type { NotAssessed, RetentionFigure } from './kpi-types';
import type { RetentionCounts } from './member-history';

/**
 * How a retention figure names what it measures: the labels, the scope (`from period "a" to "b"`), the earlier
 * period(s) (`period "a"`) and the date by which `leftOn` counts as left.
 *
 * @example
 * ```ts
 * const where: RetentionWhere = pairWhere('2026-10', '2026-11', '2026-11-30');
 * ```
 */
export interface RetentionWhere {
  readonly from: string;
  readonly to: string;
  readonly scope: string;
  readonly earlier: string;
  readonly leftBy: string;
}

/**
 * Retention of one role between two periods (or pooled over several pairs): `rate = retained / bought`, in
 * [0, 1]. Not assessed when no member of the role ordered in the first period.
 *
 * @example
 * ```ts
 * const r = retentionFigure('customer', { bought: 5, retained: 3, left: 1, unlisted: 0 }, {
 *   from: '2026-10', to: '2026-11', scope: 'from period "2026-10" to "2026-11"', earlier: 'period "2026-10"',
 *   leftBy: 'the end of "2026-11" (2026-11-30)',
 * });
 * r.assessed && r.rate; // 0.6
 * ```
 */
export function retentionFigure(
  role: 'customer' | 'affiliate',
  counts: RetentionCounts,
  where: RetentionWhere,
): RetentionFigure | NotAssessed {
  const { bought, retained, left, unlisted } = counts;
  if (bought === 0) {
    return { assessed: false, needs: `at least one ${role} who ordered in ${where.earlier} (${role} retention ${where.scope})` };
  }
  const rate = retained / bought;
  return {
    assessed: true,
    role,
    from: where.from,
    to: where.to,
    rate,
    bought,
    retained,
    left,
    unlisted,
    explanation:
      `${role} retention ${where.scope} = ${retained} / ${bought} = ${showRatio(rate)}: of the ${plural(bought, role)} who ordered,` +
      ` ${retained} ordered again in the next period; ${left} of the ${bought} left (leftOn on or before ${where.leftBy})` +
      `, ${unlisted} not listed in the next period`,
  };
}

/**
 * The wording of {@link retentionFigure} for one pair of periods.
 *
 * @example
 * ```ts
 * pairWhere('2026-10', '2026-11', '2026-11-30').scope; // 'from period "2026-10" to "2026-11"'
 * ```
 */
export function pairWhere(from: string, to: string, toEnd: string): RetentionWhere {
  return {
    from,
    to,
    scope: `from period ${quote(from)} to ${quote(to)}`,
    earlier: `period ${quote(from)}`,
    leftBy: `the end of ${quote(to)} (${toEnd})`,
  };
}

/**
 * Σ of retention counts over pairs of periods.
 *
 * @example
 * ```ts
 * pooled([{ bought: 2, retained: 1, left: 0, unlisted: 0 }, { bought: 3, retained: 3, left: 1, unlisted: 0 }]);
 * // { bought: 5, retained: 4, left: 1, unlisted: 0 }
 * ```
 */
export function pooled(counts: readonly RetentionCounts[]): RetentionCounts {
  let bought = 0;
  let retained = 0;
  let left = 0;
  let unlisted = 0;
  for (const c of counts) {
    bought += c.bought;
    retained += c.retained;
    left += c.left;
    unlisted += c.unlisted;
  }
  return { bought, retained, left, unlisted };
}
