import { collect, DownlineError, ErrorCode, type Issue, quote } from '../errors';
import type { Genealogy } from '../genealogy';
import { ingestOrders, isOrderBook, type OrderBook } from '../orders/ingest-orders';
import type { OrderRecord } from '../orders/order-record';
import { parsePlan } from '../plan/parse-plan';
import type { Plan } from '../plan/plan';
import type { PlanInput } from '../plan/schema';
import { CommissionResult } from './commission-result';
import { type CompiledPlan, compilePlan } from './compiled-plan';
import { evaluateRanks, type RankColumns, ranksFit } from './rank-evaluation';
import { readBinaryCarry } from './binary';
import { buildPlacement, type PlacementRecord } from './binary-placement';
import { payoutStages, type StageContext } from './payout-stages';
import { periodVolumes } from './period-volumes';
import { qualify } from './qualification';
import { roundedTotal } from './round-payouts';

/**
 * What one commission period needs: who sponsored whom, the plan, and the period's orders (records, or an
 * {@link OrderBook} ingested beforehand with `ingestOrders`).
 *
 * @example
 * ```ts
 * const input: CommissionInput = { genealogy, plan: { levels: ['0.1', '0.05'] }, orders: [] };
 * ```
 */
export interface CommissionInput {
  readonly genealogy: Genealogy;
  readonly plan: Plan | PlanInput;
  readonly orders: ArrayLike<OrderRecord> | OrderBook;
  /**
   * With a rank ladder: the highest rank each member had achieved before this period (rank name by member
   * id), so that the achieved rank is the highest ever. Members left out had none.
   */
  readonly achievedRanks?: Readonly<Record<string, string>>;
  /**
   * With a binary plan: where each affiliate sits in the binary tree (separate from the sponsor tree). A member
   * not listed is not placed.
   */
  readonly placement?: ArrayLike<PlacementRecord>;
  /** With a binary plan: the volume each member carried out of the previous period, per side (`result.binaryCarry()`). */
  readonly binaryCarry?: Readonly<Record<string, BinaryCarryInput>>;
}

/**
 * The volume one member carried out of the last period on each side of the binary, as decimal strings or integer
 * minor units (what `result.binaryCarry()` returns).
 *
 * @example
 * ```ts
 * const carry: BinaryCarryInput = { left: '150.00', right: '20.00' };
 * ```
 */
export interface BinaryCarryInput {
  readonly left: string | number;
  readonly right: string | number;
}

/**
 * Computes one period of a 2-to-8-level unilevel plan (DESIGN §3), exact to the last digit: validates the
 * plan and the orders, aggregates volumes per affiliate, qualifies, credits every level in one preorder pass,
 * and rounds each payee once. Pure: same input, same result.
 *
 * @example
 * ```ts
 * import { Genealogy, computeCommissions } from 'downline';
 *
 * const genealogy = Genealogy.fromRecords([
 *   { id: 'A', sponsorId: null },
 *   { id: 'B', sponsorId: 'A' },
 *   { id: 'C', sponsorId: 'B' },
 * ]);
 * const result = computeCommissions({
 *   genealogy,
 *   plan: { levels: ['0.10', '0.05'], minPersonalVolume: '0' },
 *   orders: [{ id: 'o1', affiliateId: 'C', amount: '100.00', kind: 'retail' }],
 * });
 * result.payout('B'); // "10.00"
 * result.payout('A'); // "5.00"
 * ```
 */
export function computeCommissions(input: CommissionInput): CommissionResult {
  const { genealogy } = input;
  const plan = parsePlan(input.plan);
  const book = isOrderBook(input.orders)
    ? checkBook(input.orders, genealogy, plan)
    : ingestOrders(input.orders, genealogy, { scale: plan.scale, path: ['orders'] });
  const compiled = compilePlan(plan);
  const volumes = periodVolumes(book, compiled);
  const active = qualify(volumes.personal, compiled.minPersonalVolume, genealogy.customerCount > 0 ? genealogy.roles : undefined);
  // ranks first: with rates by rank, what a payee earns depends on the rank they are paid as
  let ranks: RankColumns | null = null;
  let achieved: Uint8Array | null = null;
  if (compiled.ranks.length > 0) {
    if (!ranksFit(volumes.personal)) {
      throw DownlineError.of(
        ErrorCode.VolumeTooLarge,
        'orders: the period\'s personal volume adds up past 2^53 minor units, more than ranks are evaluated exactly on',
        ['orders'],
      );
    }
    ranks = evaluateRanks(genealogy, volumes.personal, active, compiled.ranks);
  }
  // the other inputs of the period are checked together: every problem reported at once
  const issues: Issue[] = [];
  const paidAs = ranks?.paidAs ?? null;
  if (paidAs !== null) achieved = collect(() => achievedCodes(input.achievedRanks, genealogy, compiled, paidAs), issues);
  const binary = collect(() => binaryInput(input, plan), issues);
  if (issues.length > 0) throw new DownlineError(issues);
  const run = payoutStages({ genealogy, book, compiled, volumes, active, paidAs, binary });
  return new CommissionResult({
    genealogy,
    book,
    compiled,
    personal: volumes.personal,
    active,
    run,
    roundedTotal: roundedTotal(run.exact, compiled.rateDecimals, plan.rounding),
    ranks,
    achieved,
  });
}

/** The placement and carry of a binary plan, validated (a binary plan needs a placement). */
function binaryInput(input: CommissionInput, plan: Plan): StageContext['binary'] {
  if (plan.binary === null) {
    if (input.placement != null || input.binaryCarry != null) {
      throw DownlineError.of(ErrorCode.InvalidPlacement, 'placement: the plan has no binary; leave placement and binaryCarry out', ['placement']);
    }
    return null;
  }
  if (input.placement === undefined || input.placement === null) {
    throw DownlineError.of(ErrorCode.InvalidPlacement, 'placement: the plan pays a binary, the period needs the binary placement', ['placement']);
  }
  const issues: Issue[] = [];
  const placement = collect(() => buildPlacement(input.placement as ArrayLike<PlacementRecord>, input.genealogy), issues);
  const carry = collect(() => readBinaryCarry(input.binaryCarry, input.genealogy, plan.scale), issues);
  if (placement === null || issues.length > 0) throw new DownlineError(issues);
  return { placement, carry };
}

/**
 * Achieved rank code per member: the higher of the previous achieved rank and this period's paid-as rank.
 * Without previous ranks it is `paidAs` itself, not a copy: neither column is written after the ranks are
 * evaluated.
 */
function achievedCodes(
  previous: Readonly<Record<string, string>> | undefined,
  genealogy: Genealogy,
  compiled: CompiledPlan,
  paidAs: Uint8Array,
): Uint8Array {
  if (previous === undefined || previous === null) return paidAs;
  const achieved = Uint8Array.from(paidAs);
  const issues: Issue[] = [];
  const codes = new Map(compiled.ranks.map((rank, r) => [rank.name, r + 1]));
  for (const [id, name] of Object.entries(previous)) {
    const i = genealogy.indexOf(id);
    const code = codes.get(name);
    if (i < 0) issues.push({ code: ErrorCode.UnknownMember, path: ['achievedRanks', id], message: `achievedRanks: unknown member ${quote(id)}` });
    if (code === undefined) {
      issues.push({ code: ErrorCode.UnknownRank, path: ['achievedRanks', id], message: `achievedRanks ${quote(id)}: unknown rank ${quote(name)}` });
    }
    if (i >= 0 && code !== undefined && code > achieved[i]) achieved[i] = code;
  }
  if (issues.length > 0) throw new DownlineError(issues);
  return achieved;
}


function checkBook(book: OrderBook, genealogy: Genealogy, plan: Plan): OrderBook {
  if (book.genealogy !== genealogy) {
    throw DownlineError.of(ErrorCode.OrderBookMismatch, 'orders: the order book was ingested for another genealogy');
  }
  if (book.scale !== plan.scale) {
    throw DownlineError.of(
      ErrorCode.OrderBookMismatch,
      `orders: the order book was ingested at scale ${book.scale}, the plan uses scale ${plan.scale}`,
    );
  }
  return book;
}
