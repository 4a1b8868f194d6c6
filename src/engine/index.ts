export { computeCommissions, type CommissionInput } from './compute-commissions';
export {
  CommissionResult,
  type CommissionTotals,
  type Payout,
  type Explanation,
} from './commission-result';
export type { ExplainLine } from './explain';
