export {
  comparePlans,
  safeComparePlans,
  TOTAL_KEYS,
  type ComparisonInput,
  type ComparisonRecords,
  type PlanComparison,
  type TotalKey,
  type TotalsComparison,
  type StageComparison,
  type StageFigures,
  type PayeeChange,
  type PayeeComparison,
} from './compare-plans';
export { formatComparison, type FormatComparisonOptions } from './format-comparison';
export type { ComplianceComparison, IndicatorChange, IndicatorReading, VerdictTrend } from './compliance-changes';
