/**
 * What every pyramid indicator reports: its value, the threshold it is read against (with the law or court
 * case the threshold comes from), a verdict, and an explanation that carries the numbers behind it.
 *
 * @module
 */

import { ratio as exactRatio } from '../money/ratio';

/**
 * `ok`: within the threshold; `warning`: past the warning level; `flag`: past the flag level;
 * `not-assessed`: the data needed was not given (the explanation says which).
 *
 * @example
 * ```ts
 * const verdict: Verdict = 'flag';
 * ```
 */
export type Verdict = 'ok' | 'warning' | 'flag' | 'not-assessed';

/**
 * The levels an indicator's value is read against. `direction: 'above'` means high values are bad (the
 * verdict is `flag` when `value > flag`); `'below'` means low values are bad (`value < flag`). A level may be
 * `null` (no warning level, say). `source` is the text cited in every explanation.
 *
 * @example
 * ```ts
 * const threshold: Threshold = { direction: 'above', warning: 0, flag: 0.5, source: 'EU UCPD Annex I pt 14' };
 * ```
 */
export interface Threshold {
  readonly direction: 'above' | 'below';
  readonly warning: number | null;
  readonly flag: number | null;
  readonly source: string;
}

/**
 * One indicator's outcome.
 *
 * @example
 * ```ts
 * const i: IndicatorResult = assessment.indicators[5];
 * i.id;          // 6
 * i.verdict;     // 'flag'
 * i.explanation; // '62.4% of rewards came from enrollment fees (1,248,000.00 of 2,000,000.00); …'
 * ```
 */
export interface IndicatorResult {
  /** The number of the indicator in DESIGN §8 (1–16). */
  readonly id: number;
  /** Stable key, e.g. `'enrollment-funding'`. */
  readonly key: string;
  readonly title: string;
  readonly verdict: Verdict;
  /** The measured value the threshold applies to (a share in [0, 1], a ratio or a count); null when not assessed. */
  readonly value: number | null;
  readonly threshold: Threshold;
  /** Sentence with the numbers behind the verdict and the threshold's source. */
  readonly explanation: string;
  /** The figures behind the value, as shown in the explanation. */
  readonly figures: Readonly<Record<string, string | number>>;
  /** What is missing, when not assessed. */
  readonly needs: readonly string[];
  /** How much the indicator weighs in the overall ordering (higher first). */
  readonly weight: number;
}

/**
 * The verdict of a value against a threshold (strict comparisons: a value equal to a level does not pass it).
 *
 * @example
 * ```ts
 * verdictOf(0.62, { direction: 'above', warning: 0, flag: 0.5, source: '' }); // 'flag'
 * verdictOf(0.7, { direction: 'below', warning: 2 / 3, flag: 0.5, source: '' }); // 'ok'
 * ```
 */
export function verdictOf(value: number, threshold: Threshold): Verdict {
  const past = (level: number | null) =>
    level !== null && (threshold.direction === 'above' ? value > level : value < level);
  if (past(threshold.flag)) return 'flag';
  if (past(threshold.warning)) return 'warning';
  return 'ok';
}

/**
 * `part / whole` as a number from exact integers (to a double's precision at any size); null when `whole` is 0.
 *
 * @example
 * ```ts
 * ratio(1n, 4n); // 0.25
 * ratio(1n, 0n); // null
 * ```
 */
export function ratio(part: bigint, whole: bigint): number | null {
  return whole === 0n ? null : exactRatio(part, whole);
}

/**
 * A share as a percentage with one decimal.
 *
 * @example
 * ```ts
 * percent(0.6243); // '62.4%'
 * ```
 */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}


/**
 * How a threshold reads in an explanation: `threshold 50% (EU UCPD Annex I pt 14)`.
 *
 * @example
 * ```ts
 * describeThreshold({ direction: 'above', warning: 0, flag: 0.5, source: 'EU UCPD' }, percent);
 * // 'warning above 0.0%, flag above 50.0% (EU UCPD)'
 * ```
 */
export function describeThreshold(threshold: Threshold, show: (value: number) => string): string {
  const word = threshold.direction === 'above' ? 'above' : 'below';
  const parts: string[] = [];
  if (threshold.warning !== null) parts.push(`warning ${word} ${show(threshold.warning)}`);
  if (threshold.flag !== null) parts.push(`flag ${word} ${show(threshold.flag)}`);
  return `${parts.join(', ') || 'no level set'} (${threshold.source})`;
}
