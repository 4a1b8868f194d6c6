/**
 * How the sixteen compliance indicators move from one plan to another on the same period.
 *
 * @module
 */
import type { ComplianceAssessment } from '../compliance/assess-compliance';
import type { IndicatorKey } from '../compliance/catalogue';
import type { IndicatorResult, Verdict } from '../compliance/indicator';

/**
 * Which way an indicator's verdict moved: `better` (flag → warning → ok), `worse`, `same`, or
 * `not-comparable` when it is assessed on one side only.
 *
 * @example
 * ```ts
 * const trend: VerdictTrend = 'worse'; // ok → flag
 * ```
 */
export type VerdictTrend = 'better' | 'worse' | 'same' | 'not-comparable';

/**
 * One indicator's value and verdict under one plan.
 *
 * @example
 * ```ts
 * const reading: IndicatorReading = { value: 0.625, verdict: 'flag' };
 * ```
 */
export interface IndicatorReading {
  /** The indicator's measured value (a share, a ratio or a count); null when not assessed. */
  readonly value: number | null;
  readonly verdict: Verdict;
}

/**
 * One indicator before and after the plan change. `difference` is `after.value − before.value` (a share, ratio
 * or count, not money: a double), null unless both are assessed.
 *
 * @example
 * ```ts
 * const change: IndicatorChange = {
 *   id: 4,
 *   key: 'purchase-triggered-rewards',
 *   title: 'Rewards triggered by own purchases and joining fees',
 *   before: { value: 0, verdict: 'ok' },
 *   after: { value: 0.625, verdict: 'flag' },
 *   difference: 0.625,
 *   verdictChanged: true,
 *   trend: 'worse',
 * };
 * ```
 */
export interface IndicatorChange {
  readonly id: number;
  readonly key: IndicatorKey;
  readonly title: string;
  readonly before: IndicatorReading;
  readonly after: IndicatorReading;
  readonly difference: number | null;
  readonly verdictChanged: boolean;
  readonly trend: VerdictTrend;
}

/**
 * The compliance side of a comparison: both assessments, every indicator's change in DESIGN §8 order, and the
 * indicators whose verdict changed.
 *
 * @example
 * ```ts
 * const { verdict, changed } = comparison.compliance!;
 * verdict;                          // { before: 'warning', after: 'flag' }
 * changed.map((c) => c.key);        // ['purchase-triggered-rewards']
 * ```
 */
export interface ComplianceComparison {
  readonly before: ComplianceAssessment;
  readonly after: ComplianceAssessment;
  /** The overall verdict (the worst assessed) of each assessment. */
  readonly verdict: { readonly before: ComplianceAssessment['verdict']; readonly after: ComplianceAssessment['verdict'] };
  /** All sixteen indicators, in DESIGN §8 order. */
  readonly indicators: readonly IndicatorChange[];
  /** The indicators whose verdict changed, in DESIGN §8 order. */
  readonly changed: readonly IndicatorChange[];
}

const SEVERITY: Record<Exclude<Verdict, 'not-assessed'>, number> = { ok: 0, warning: 1, flag: 2 };

/**
 * Which way a verdict moved.
 *
 * @example
 * ```ts
 * verdictTrend('flag', 'warning');      // 'better'
 * verdictTrend('not-assessed', 'ok');   // 'not-comparable'
 * ```
 */
export function verdictTrend(before: Verdict, after: Verdict): VerdictTrend {
  if (before === after) return 'same';
  if (before === 'not-assessed' || after === 'not-assessed') return 'not-comparable';
  return SEVERITY[after] < SEVERITY[before] ? 'better' : 'worse';
}

/**
 * Compares two assessments of the same period, indicator by indicator.
 *
 * @example
 * ```ts
 * const compliance = complianceChanges(assessCompliance({ result: a, members }), assessCompliance({ result: b, members }));
 * compliance.changed.length; // how many verdicts the plan change moved
 * ```
 */
export function complianceChanges(before: ComplianceAssessment, after: ComplianceAssessment): ComplianceComparison {
  const byId = new Map<number, IndicatorResult>(after.indicators.map((i) => [i.id, i]));
  const indicators = before.indicators.map((b): IndicatorChange => {
    const a = byId.get(b.id);
    if (a === undefined) throw new TypeError(`indicator #${b.id} is missing from the second assessment`);
    return Object.freeze({
      id: b.id,
      key: b.key as IndicatorKey,
      title: b.title,
      before: Object.freeze({ value: b.value, verdict: b.verdict }),
      after: Object.freeze({ value: a.value, verdict: a.verdict }),
      difference: b.value === null || a.value === null ? null : a.value - b.value,
      verdictChanged: a.verdict !== b.verdict,
      trend: verdictTrend(b.verdict, a.verdict),
    });
  });
  return Object.freeze({
    before,
    after,
    verdict: Object.freeze({ before: before.verdict, after: after.verdict }),
    indicators: Object.freeze(indicators),
    changed: Object.freeze(indicators.filter((i) => i.verdictChanged)),
  });
}
