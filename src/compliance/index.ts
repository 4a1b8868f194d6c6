export { INCOME_SOURCES, IncomeBySource, incomeBySource, type IncomeSource, type SourceAmounts } from './income-by-source';
export { assessCompliance, safeAssessCompliance, type ComplianceAssessment } from './assess-compliance';
export type { AssessmentOptions } from './assessment-options';
export { INDICATORS, type IndicatorEntry, type IndicatorKey } from './catalogue';
export type { IndicatorResult, Threshold, Verdict } from './indicator';
export type { CompanyPolicies } from './indicator-context';
export { checkPlan, type PlanCheck, type PlanCheckItem, type PlanContext } from './plan-check';
export type { CompliancePeriod } from './read-period';
export type { AmountInput, CostRecord, InventoryRecord, PackageRecord, ReturnRecord } from './period-records';
