import { type ComplianceAssessment, assessFacts } from './assess-compliance';
import { type AssessmentOptions, resolveOptions } from './assessment-options';
import { complianceFacts } from './compliance-facts';
import { discloseFacts } from './disclose-income';
import type { IncomeDisclosure } from './disclosure-types';
import { type CompliancePeriod, readPeriods } from './read-period';

/**
 * `assessCompliance` and `discloseIncome` of the same period with one validation and one gathering of the
 * facts (each alone does both): what `downline assess` prints.
 *
 * @example
 * ```ts
 * const { assessment, statement } = assessAndDisclose({ result, members, costs }, { lowIncomeLimit: '500' });
 * ```
 */
export function assessAndDisclose(
  period: CompliancePeriod,
  options: AssessmentOptions = {},
): { assessment: ComplianceAssessment; statement: IncomeDisclosure } {
  const resolved = resolveOptions(options);
  const facts = complianceFacts(readPeriods([period], []));
  return { assessment: assessFacts(facts, resolved, 1), statement: discloseFacts(facts, resolved) };
}
