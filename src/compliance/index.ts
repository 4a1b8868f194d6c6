export { INCOME_SOURCES, IncomeBySource, incomeBySource, type IncomeSource, type SourceAmounts } from './income-by-source';
export { assessCompliance, safeAssessCompliance, type ComplianceAssessment } from './assess-compliance';
export { formatAssessment } from './format-assessment';
export type { AssessmentOptions } from './assessment-options';
export { INDICATORS, type IndicatorEntry, type IndicatorKey } from './catalogue';
export type { IndicatorResult, Threshold, Verdict } from './indicator';
export type { CompanyPolicies } from './indicator-context';
export { checkPlan, type PlanCheck, type PlanCheckItem, type PlanContext } from './plan-check';
export type { CompliancePeriod } from './read-period';
export { MemberDays, MemberDaysBuilder } from './member-days';
export type { AmountInput, CostRecord, InventoryRecord, PackageRecord, ReturnRecord } from './period-records';
export { discloseIncome, safeDiscloseIncome } from './disclose-income';
export { incomeDisclosure } from './income-disclosure';
export { formatIncomeDisclosure } from './format-disclosure';
export type {
  CostFigures,
  DisclosureColumns,
  GroupDisclosure,
  IncomeDisclosure,
  IncomeDistribution,
  IncomeFigures,
  ParticipantShare,
  TenureFigures,
  TopEarners,
} from './disclosure-types';
