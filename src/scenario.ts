import { z } from 'zod';
import type { PlacementRecord } from './engine/binary-placement';
import { type CommissionInput, computeCommissions } from './engine/compute-commissions';
import type { CommissionTotals } from './engine/commission-result';
import { DownlineError, ErrorCode, fromZodIssues, type SafeResult, toSafe } from './errors';
import { Genealogy, type MemberRecord } from './genealogy';
import { ingestOrders } from './orders/ingest-orders';
import type { OrderRecord } from './orders/order-record';
import { safeParsePlan } from './plan/parse-plan';

/**
 * A whole period as one JSON document: the format of the demo and of the command line.
 *
 * @example
 * ```ts
 * const doc: Scenario = {
 *   plan: { levels: ['0.10', '0.05'], minPersonalVolume: '50' },
 *   members: [{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }],
 *   orders: [{ id: 'o1', affiliateId: 'B', amount: '100.00', kind: 'retail' }],
 * };
 * ```
 */
export interface Scenario {
  readonly plan: unknown;
  readonly members: readonly MemberRecord[];
  readonly orders: readonly OrderRecord[];
  /** Last period's achieved rank by member id, with a rank ladder. */
  readonly achievedRanks?: Readonly<Record<string, string>>;
  /** The binary placement, with a binary plan. */
  readonly placement?: readonly PlacementRecord[];
  /** Last period's binary carry by member id, with a binary plan. */
  readonly binaryCarry?: Readonly<Record<string, { readonly left: string | number; readonly right: string | number }>>;
}

/**
 * What {@link runScenario} returns: every payee's payout and the exact totals, all decimal strings.
 *
 * @example
 * ```ts
 * const { payouts, totals }: ScenarioResult = runScenario(doc);
 * ```
 */
export interface ScenarioResult {
  readonly payouts: Record<string, string>;
  readonly totals: CommissionTotals;
  /** With a binary plan: the carry to pass as the next period's `binaryCarry`. */
  readonly binaryCarry?: Record<string, { left: string; right: string }>;
}

/**
 * The zod schema of a scenario document's outer shape; members, orders and plan are checked by their own parsers.
 *
 * @example
 * ```ts
 * scenarioSchema.safeParse({ plan: {}, members: [], orders: [] }).success; // true
 * ```
 */
export const scenarioSchema = z.strictObject({
  plan: z.unknown(),
  members: z.array(z.unknown(), { error: 'members must be an array' }),
  orders: z.array(z.unknown(), { error: 'orders must be an array' }),
  achievedRanks: z.record(z.string(), z.string(), { error: 'achievedRanks must map member ids to rank names' }).optional(),
  placement: z.array(z.unknown(), { error: 'placement must be an array' }).optional(),
  binaryCarry: z.record(z.string(), z.unknown(), { error: 'binaryCarry must map member ids to { left, right }' }).optional(),
});

/**
 * Validates a whole period document `{ plan, members, orders }` (with `achievedRanks`, `placement` and
 * `binaryCarry` when the plan needs them) and computes it. Plan and member problems
 * are reported together; orders are checked once the plan (their scale) and the members (their affiliates)
 * are valid. Every issue's path starts at the document root (`orders[3].amount`).
 *
 * @example
 * ```ts
 * const { payouts, totals } = runScenario({
 *   plan: { levels: ['0.10', '0.05'] },
 *   members: [{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'B' }],
 *   orders: [{ id: 'o1', affiliateId: 'C', amount: '80.00', kind: 'retail' }],
 * });
 * payouts; // { B: '8.00', A: '4.00' }
 * totals.paid; // '12.00'
 * ```
 */
export function runScenario(doc: unknown): ScenarioResult {
  const shape = scenarioSchema.safeParse(doc);
  if (!shape.success) {
    throw new DownlineError(fromZodIssues(shape.error.issues, ErrorCode.InvalidScenario, [], 'scenario'));
  }
  const { plan: planInput, members, orders, achievedRanks, placement, binaryCarry } = shape.data;
  const plan = safeParsePlan(planInput, { path: ['plan'] });
  const genealogy = Genealogy.safeFromRecords(members as MemberRecord[], { path: ['members'] });
  const issues = [...(plan.success ? [] : plan.error.issues), ...(genealogy.success ? [] : genealogy.error.issues)];
  if (!plan.success || !genealogy.success) throw new DownlineError(issues);
  const book = ingestOrders(orders as OrderRecord[], genealogy.data, { scale: plan.data.scale, path: ['orders'] });
  const result = computeCommissions({
    genealogy: genealogy.data,
    plan: plan.data,
    orders: book,
    achievedRanks,
    placement: placement as PlacementRecord[] | undefined,
    binaryCarry: binaryCarry as CommissionInput['binaryCarry'],
  });
  return plan.data.binary === null ? result.toJSON() : { ...result.toJSON(), binaryCarry: result.binaryCarry() };
}

/**
 * {@link runScenario} without throwing.
 *
 * @example
 * ```ts
 * const outcome = safeRunScenario(JSON.parse(text));
 * if (!outcome.success) for (const issue of outcome.error.issues) console.error(issue.message);
 * ```
 */
export function safeRunScenario(doc: unknown): SafeResult<ScenarioResult> {
  return toSafe(() => runScenario(doc));
}
