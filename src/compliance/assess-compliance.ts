import { DownlineError, ErrorCode, type SafeResult, toSafe } from '../errors';
import { parseDecimal } from '../money/decimal-string';
import { type AssessmentOptions, type ResolvedOptions, resolveOptions } from './assessment-options';
import { type ComplianceFacts, complianceFacts } from './compliance-facts';
import { inventoryBuyBack, inventoryResaleRule, newRecruitFunding, qualificationClustering, retailCustomersPerAffiliate } from './conduct-indicators';
import type { IndicatorResult } from './indicator';
import type { IndicatorContext } from './indicator-context';
import { incomeConcentration, participantsLosingMoney, planShape, zeroEarners } from './outcome-indicators';
import { checkPlan, type PlanCheck } from './plan-check';
import { participants } from './population';
import { type CompliancePeriod, readPeriods } from './read-period';
import {
  affiliateBuyerShare,
  downlineRetailMajority,
  endUserSalesShare,
  enrollmentFunding,
  feeToGoodsRatio,
  purchaseTriggeredRewards,
  retailRewardShare,
} from './sales-indicators';

/**
 * The compliance assessment of one or more periods: all sixteen indicators in DESIGN §8 order, the flags and
 * warnings ordered by weight (heaviest first), what could not be assessed and why, and the plan-only check.
 * There is no single score: `verdict` is the worst verdict among the indicators assessed, and the lists
 * say which ones.
 *
 * @example
 * ```ts
 * const assessment = assessCompliance({ result, members, costs });
 * assessment.verdict;                   // 'flag'
 * assessment.flags.map((i) => i.key);   // ['enrollment-funding', 'participants-losing-money', …]
 * ```
 */
export interface ComplianceAssessment {
  readonly periods: number;
  readonly verdict: 'ok' | 'warning' | 'flag';
  readonly indicators: readonly IndicatorResult[];
  readonly flags: readonly IndicatorResult[];
  readonly warnings: readonly IndicatorResult[];
  readonly notAssessed: readonly IndicatorResult[];
  readonly planCheck: PlanCheck;
  /** One line: how many flags, warnings and unassessed indicators, naming the flags. */
  readonly summary: string;
}

/**
 * Tells whether one or more commission periods behave like a pyramid: income from recruiting and joining fees
 * rather than product sales to real customers. Each of the sixteen indicators gives a value, the threshold it
 * is read against with the law or court case behind it, a verdict and an explanation with the figures;
 * indicators whose data was not given are `not-assessed`, never passed. Periods are given in time order; the
 * last one's plan and genealogy are the reference. Validates every record and option first and throws one
 * {@link DownlineError} with every issue.
 *
 * @example
 * ```ts
 * import { assessCompliance, computeCommissions, Genealogy } from 'downline';
 *
 * const result = computeCommissions({ genealogy: Genealogy.fromRecords(members), plan, orders });
 * const assessment = assessCompliance({ result, members, costs: [] });
 * for (const flag of assessment.flags) console.log(`#${flag.id} ${flag.title}: ${flag.explanation}`);
 * ```
 */
export function assessCompliance(
  periods: CompliancePeriod | readonly CompliancePeriod[],
  options: AssessmentOptions = {},
): ComplianceAssessment {
  const list = Array.isArray(periods) ? (periods as readonly CompliancePeriod[]) : [periods as CompliancePeriod];
  if (list.length === 0) throw DownlineError.of(ErrorCode.InvalidOptions, 'periods: give at least one period', ['periods']);
  const resolved = resolveOptions(options);
  const facts = complianceFacts(readPeriods(list, Array.isArray(periods) ? ['periods'] : []));
  return assessFacts(facts, resolved, list.length);
}

/**
 * The assessment of facts already gathered (by `complianceFacts`) with options already resolved: what
 * {@link assessCompliance} does after validation, for callers that also need the disclosure of the same facts.
 *
 * @example
 * ```ts
 * const assessment = assessFacts(complianceFacts(readPeriods([period])), resolveOptions({}), 1);
 * ```
 */
export function assessFacts(facts: ComplianceFacts, resolved: ResolvedOptions, periods: number): ComplianceAssessment {
  const planCheck = checkPlan(facts.plan, resolved.planContext);
  const context: IndicatorContext = {
    facts,
    thresholds: resolved.thresholds,
    policies: resolved.policies,
    planCheck,
    population: participants(facts),
    lowIncomeLimit: limitUnits(resolved.lowIncomeLimit, facts.scale),
  };
  const indicators = [
    retailRewardShare,
    endUserSalesShare,
    downlineRetailMajority,
    purchaseTriggeredRewards,
    qualificationClustering,
    enrollmentFunding,
    inventoryResaleRule,
    retailCustomersPerAffiliate,
    inventoryBuyBack,
    participantsLosingMoney,
    zeroEarners,
    incomeConcentration,
    planShape,
    affiliateBuyerShare,
    newRecruitFunding,
    feeToGoodsRatio,
  ].map((indicator) => Object.freeze(indicator(context)));
  const byWeight = (a: IndicatorResult, b: IndicatorResult) => b.weight - a.weight || a.id - b.id;
  const flags = indicators.filter((i) => i.verdict === 'flag').sort(byWeight);
  const warnings = indicators.filter((i) => i.verdict === 'warning').sort(byWeight);
  const notAssessed = indicators.filter((i) => i.verdict === 'not-assessed');
  const verdict = flags.length > 0 ? 'flag' : warnings.length > 0 ? 'warning' : 'ok';
  const named = flags.length === 0 ? '' : `: ${flags.map((i) => `#${i.id} ${i.key}`).join(', ')}`;
  return Object.freeze({
    periods,
    verdict,
    indicators,
    flags,
    warnings,
    notAssessed,
    planCheck,
    summary: `${count(flags.length, 'flag')}, ${count(warnings.length, 'warning')}, ${notAssessed.length} not assessed${named}`,
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * {@link assessCompliance} without throwing.
 *
 * @example
 * ```ts
 * const outcome = safeAssessCompliance({ result, costs });
 * if (!outcome.success) console.log(outcome.error.issues);
 * ```
 */
export function safeAssessCompliance(
  periods: CompliancePeriod | readonly CompliancePeriod[],
  options: AssessmentOptions = {},
): SafeResult<ComplianceAssessment> {
  return toSafe(() => assessCompliance(periods, options));
}

/**
 * A currency amount in whole minor units at `scale`, for the low-income limit.
 *
 * @example
 * ```ts
 * limitUnits('1000', 2); // 100000
 * ```
 */
export function limitUnits(text: string, scale: number): number {
  const parsed = parseDecimal(text, scale);
  if (!parsed.ok) {
    throw DownlineError.of(ErrorCode.InvalidOptions, `options.lowIncomeLimit: "${text}" has more decimals than the currency's ${scale}`, ['options', 'lowIncomeLimit']);
  }
  return Number(parsed.units);
}
