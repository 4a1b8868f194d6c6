export { computeCommissions, type CommissionInput } from './compute-commissions';
export {
  CommissionResult,
  type CommissionTotals,
  type Payout,
  type Explanation,
  type RankStanding,
  type StageTotals,
} from './commission-result';
export type { ExplainLine, BonusLine, OrderBonusLine, MatchingLine, PoolLine, BinaryLine, CapLine } from './explain';
export type { PlacementRecord } from './binary-placement';
export type { RankReport } from './rank-report';
