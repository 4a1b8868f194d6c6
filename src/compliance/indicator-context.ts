import { formatUnits, groupThousands } from '../money/decimal-string';
import { roundQuotient } from '../money/rounding';
import { type IndicatorEntry, type IndicatorKey, INDICATORS } from './catalogue';
import type { ComplianceFacts } from './compliance-facts';
import { describeThreshold, type IndicatorResult, percent, type Threshold, verdictOf } from './indicator';
import type { PlanCheck } from './plan-check';

/**
 * Company policies that indicators 7–9 can read when no measured data is given: declared, not measured, and
 * said so in the explanation.
 *
 * @example
 * ```ts
 * const policies: CompanyPolicies = { seventyPercentRule: true, tenCustomerRule: false, buyBackRate: '0.9' };
 * ```
 */
export interface CompanyPolicies {
  /** Affiliates must resell or consume 70% of what they bought before reordering. */
  readonly seventyPercentRule?: boolean;
  /** Affiliates must serve ten retail customers a period to earn on their downline. */
  readonly tenCustomerRule?: boolean;
  /** Share of the price the company refunds on returned unsold inventory, e.g. `'0.9'`. */
  readonly buyBackRate?: string;
}

/** What each indicator reads: the facts, the thresholds in force, policies, the plan check, the population. */
export interface IndicatorContext {
  readonly facts: ComplianceFacts;
  readonly thresholds: Readonly<Record<IndicatorKey, Threshold>>;
  readonly policies: CompanyPolicies;
  readonly planCheck: PlanCheck;
  /** Union slots of the participants: affiliates who were members at some time in the periods. */
  readonly population: Int32Array;
  /** Minor units: "earned at most this" (indicator 11 and the disclosure). */
  readonly lowIncomeLimit: number;
}

const BY_KEY = new Map(INDICATORS.map((entry) => [entry.key, entry]));

/**
 * The catalogue entry of an indicator key.
 *
 * @example
 * ```ts
 * entryOf('enrollment-funding').id; // 6
 * ```
 */
export function entryOf(key: IndicatorKey): IndicatorEntry {
  return BY_KEY.get(key) as IndicatorEntry;
}

/**
 * A measured indicator: verdict from the threshold in force, explanation = what was measured + the threshold.
 *
 * @example
 * ```ts
 * measured(ctx, 'zero-earners', 0.72, percent, '72.0% of participants earned nothing (72 of 100)', { zero: 72 });
 * ```
 */
export function measured(
  context: IndicatorContext,
  key: IndicatorKey,
  value: number,
  show: (value: number) => string,
  finding: string,
  figures: Record<string, string | number>,
  verdict?: IndicatorResult['verdict'],
): IndicatorResult {
  const entry = entryOf(key);
  const threshold = context.thresholds[key];
  return {
    id: entry.id,
    key,
    title: entry.title,
    verdict: verdict ?? verdictOf(value, threshold),
    value,
    threshold,
    explanation: `${finding}; ${describeThreshold(threshold, show)}`,
    figures,
    needs: [],
    weight: entry.weight,
  };
}

/**
 * An indicator the data given cannot assess, naming what is missing.
 *
 * @example
 * ```ts
 * notAssessed(ctx, 'participants-losing-money', ['costs paid by affiliates (costs)']);
 * ```
 */
export function notAssessed(context: IndicatorContext, key: IndicatorKey, needs: string[], why?: string): IndicatorResult {
  const entry = entryOf(key);
  return {
    id: entry.id,
    key,
    title: entry.title,
    verdict: 'not-assessed',
    value: null,
    threshold: context.thresholds[key],
    explanation: `not assessed: needs ${needs.join(' and ')}${why === undefined ? '' : ` (${why})`}`,
    figures: {},
    needs,
    weight: entry.weight,
  };
}

/**
 * Minor units (or exact income units with `decimals`) as grouped currency text at the facts' scale, rounded
 * half-even to the scale for display.
 *
 * @example
 * ```ts
 * money(facts, 124800000n); // '1,248,000.00'
 * ```
 */
export function money(facts: ComplianceFacts, units: bigint, decimals = facts.scale): string {
  const shown = decimals > facts.scale ? roundQuotient(units, 10n ** BigInt(decimals - facts.scale), 'half-even') : units;
  return groupThousands(formatUnits(shown, facts.scale));
}

export { percent };
