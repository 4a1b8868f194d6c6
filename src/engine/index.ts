export { computeCommissions, type CommissionInput, type BinaryCarryInput } from './compute-commissions';
export type { CapKind } from './caps';
export {
  CommissionResult,
  type CommissionTotals,
  type Payout,
  type Explanation,
  type RankStanding,
  type StageTotals,
  type LevelTotals,
} from './commission-result';
export type { ExplainLine, BonusLine, OrderBonusLine, MatchingLine, PoolLine, BinaryLine, CapLine } from './explain';
export type { PlacementRecord } from './binary-placement';
export type { RankReport } from './rank-report';
