/**
 * downline: exact, fast multi-level commissions for direct-selling compensation plans.
 *
 * @example
 * ```ts
 * import { Genealogy, computeCommissions } from 'downline';
 * const genealogy = Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }]);
 * const result = computeCommissions({
 *   genealogy,
 *   plan: { levels: ['0.10', '0.05'] },
 *   orders: [{ id: 'o1', affiliateId: 'B', amount: '20.00', kind: 'retail' }],
 * });
 * result.payout('A'); // "2.00"
 * ```
 *
 * @module
 */
export { DownlineError, ErrorCode, formatPath, type Issue, type IssuePath, type SafeResult } from './errors';
export { Genealogy, GenealogyBuilder, MEMBER_ROLES, type MemberRecord, type MemberRole, type PackedIds } from './genealogy';
export {
  parsePlan,
  safeParsePlan,
  planSchema,
  planJsonSchema,
  type PlanJsonSchema,
  type Plan,
  type PlanInput,
  type RankRule,
  type StageName,
  type MatchableStage,
  type BreakawayRule,
  type MatchingRule,
  type PoolRule,
  type BinaryRule,
  type CapRules,
  MAX_RANKS,
  STAGE_NAMES,
  MATCHABLE_STAGES,
  planHash,
  canonicalPlanJson,
  diffPlans,
  formatPlanDiff,
  type PlanChange,
  type OrderKind,
  ORDER_KINDS,
  MIN_LEVELS,
  MAX_LEVELS,
  MAX_RATE_DECIMALS,
  MAX_SCALE,
} from './plan';
export { ingestOrders, safeIngestOrders, OrderBookBuilder, type OrderBook, type OrderRecord } from './orders';
export {
  computeCommissions,
  CommissionResult,
  type CommissionInput,
  type CommissionTotals,
  type Payout,
  type Explanation,
  type ExplainLine,
  type RankStanding,
  type StageTotals,
  type LevelTotals,
  type BonusLine,
  type OrderBonusLine,
  type MatchingLine,
  type PoolLine,
  type BinaryLine,
  type CapLine,
  type PlacementRecord,
  type RankReport,
  type BinaryCarryInput,
  type CapKind,
} from './engine';
export {
  emptyState,
  readState,
  serializeState,
  periodStateSchema,
  STATE_SCHEMA_VERSION,
  runPeriod,
  type PeriodState,
  type ClosedPeriod,
  type LedgerOrder,
  type LedgerLine,
  type PeriodInput,
  type PeriodOutcome,
  type PeriodStatement,
  type MemberStatement,
  type RefundRecord,
  type ReversalLine,
} from './ledger';
export { runScenario, safeRunScenario, scenarioSchema, type Scenario, type ScenarioResult } from './scenario';
export { compareDecimals, formatUnits, groupThousands, parseDecimal, type RoundingMode, ROUNDING_MODES } from './money';
export {
  INCOME_SOURCES,
  IncomeBySource,
  incomeBySource,
  type IncomeSource,
  type SourceAmounts,
  assessCompliance,
  safeAssessCompliance,
  formatAssessment,
  type ComplianceAssessment,
  type AssessmentOptions,
  INDICATORS,
  type IndicatorEntry,
  type IndicatorKey,
  type IndicatorResult,
  type Threshold,
  type Verdict,
  type CompanyPolicies,
  checkPlan,
  type PlanCheck,
  type PlanCheckItem,
  type PlanContext,
  type CompliancePeriod,
  MemberDays,
  MemberDaysBuilder,
  type AmountInput,
  type CostRecord,
  type InventoryRecord,
  type PackageRecord,
  type ReturnRecord,
  discloseIncome,
  safeDiscloseIncome,
  incomeDisclosure,
  formatIncomeDisclosure,
  type CostFigures,
  type DisclosureColumns,
  type GroupDisclosure,
  type IncomeDisclosure,
  type IncomeDistribution,
  type IncomeFigures,
  type ParticipantShare,
  type TenureFigures,
  type TopEarners,
} from './compliance';
export {
  channelKpis,
  safeChannelKpis,
  formatChannelKpis,
  CHANNEL_DEFAULTS,
  type ChannelPeriod,
  type ChannelKpisInput,
  type ChannelKpis,
  type PeriodKpis,
  type PeriodActivitySummary,
  type RoiKpi,
  type CpaKpi,
  type ClvKpi,
  type RetentionFigure,
  type RetentionPair,
  type LadderKpi,
  type NotAssessed,
} from './analytics';
export {
  sampleNetwork,
  seededRandom,
  complianceProfile,
  type SampleNetwork,
  type SampleNetworkOptions,
  type ComplianceProfile,
  type ComplianceProfileName,
} from './sample';
export * from './compare';
export * from './simulate';
export type { RawPlanInput, ReadonlyDeep } from './plan/schema';
export type { RequirementLine } from './engine/rank-report';
export type { IdSource } from './genealogy/packed-ids';
export type { AffiliateVolumes } from './orders/affiliate-volumes';
export type { ParsedDecimal, DecimalProblem } from './money/decimal-string';
export { type ExactColumn, WIDE } from './money/exact-column';
export { KIND_CODE } from './orders/ingest-orders';
export {
  renderReport,
  reportHtml,
  reportData,
  incomeBins,
  lorenzCurve,
  type ReportOptions,
  type ReportData,
  type ReportAmount,
  type TopEarner,
  type IncomeBin,
  type LorenzPoint,
} from './report';
