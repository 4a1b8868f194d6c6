export {
  emptyState,
  readState,
  serializeState,
  periodStateSchema,
  STATE_SCHEMA_VERSION,
  type PeriodState,
  type ClosedPeriod,
  type LedgerOrder,
  type LedgerLine,
} from './period-state';
export { runPeriod, type PeriodInput, type PeriodOutcome, type PeriodStatement, type MemberStatement } from './run-period';
export type { RefundRecord, ReversalLine } from './refunds';
