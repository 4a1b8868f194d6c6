import type { CommissionResult } from '../engine/commission-result';
import { computeCommissions } from '../engine/compute-commissions';
import type { PlacementRecord } from '../engine/binary-placement';
import { ORDER_STAGES, orderLines } from '../engine/order-lines';
import { resultState } from '../engine/commission-result';
import { collect, DownlineError, ErrorCode, type Issue, quote } from '../errors';
import type { Genealogy } from '../genealogy';
import { formatUnits, parseDecimal } from '../money/decimal-string';
import { roundQuotient } from '../money/rounding';
import { ingestOrders, isOrderBook, type OrderBook } from '../orders/ingest-orders';
import type { OrderRecord } from '../orders/order-record';
import { parsePlan } from '../plan/parse-plan';
import type { Plan } from '../plan/plan';
import { planHash } from '../plan/plan-hash';
import type { PlanInput } from '../plan/schema';
import { type LedgerLine, type LedgerOrder, type PeriodState, readState, STATE_SCHEMA_VERSION, trust } from './period-state';
import { type RefundRecord, type Reversal, type ReversalLine, reverseRefunds } from './refunds';

/**
 * One period to run on a ledger: its id (periods run in increasing order of id, e.g. `'2026-01'`), the
 * genealogy, the plan, the orders, and where needed the binary placement, the refunds (of this period's orders or
 * of closed periods') and the members who leave at the end of the period.
 *
 * @example
 * ```ts
 * const input: PeriodInput = { period: '2026-02', genealogy, plan, orders, refunds: [{ id: 'r1', orderId: 'o17' }] };
 * ```
 */
export interface PeriodInput {
  readonly period: string;
  readonly genealogy: Genealogy;
  readonly plan: Plan | PlanInput;
  readonly orders: ArrayLike<OrderRecord> | OrderBook;
  readonly placement?: ArrayLike<PlacementRecord>;
  readonly refunds?: readonly RefundRecord[];
  /** Members who leave at the end of the period: their balance is settled as the plan's `leaverBalance` says. */
  readonly leavers?: readonly string[];
}

/**
 * One member's money over the period, exact (at least the plan's scale in decimals): `carriedIn + earned −
 * reversed = paidOut + carriedOut + forfeited − writtenOff`. Only `paidOut` is rounded to the plan's scale; what
 * rounding leaves of a balance is carried.
 *
 * @example
 * ```ts
 * const line: MemberStatement = { carriedIn: '4.00', earned: '3.00', reversed: '0.00', paidOut: '0.00', carriedOut: '7.00', forfeited: '0.00', writtenOff: '0.00' };
 * ```
 */
export interface MemberStatement {
  /** The balance carried from the last period (negative: a clawback still to recover). */
  readonly carriedIn: string;
  /** This period's exact commission (the payout before rounding). */
  readonly earned: string;
  /** What refunds took back this period, exact. */
  readonly reversed: string;
  /** Paid out: a balance at or above the payout threshold, or a leaver's balance when the plan pays it. */
  readonly paidOut: string;
  /** Carried to the next period: below the threshold, or negative. */
  readonly carriedOut: string;
  /** A leaver's positive balance the plan forfeits (breakage), or what rounding leaves of a leaver's payout. */
  readonly forfeited: string;
  /** A leaver's negative balance: what the company cannot recover. */
  readonly writtenOff: string;
}

/**
 * The period's statement: the plan it ran under, every member with money moving (by id), the totals, and the
 * reversal lines of its refunds (exact, negative).
 *
 * @example
 * ```ts
 * const { totals, members, reversals } = runPeriod(state, input).statement;
 * ```
 */
export interface PeriodStatement {
  readonly period: string;
  readonly planHash: string;
  readonly planVersion: string | null;
  readonly totals: MemberStatement;
  readonly members: Readonly<Record<string, MemberStatement>>;
  readonly reversals: readonly ReversalLine[];
}

/**
 * What {@link runPeriod} returns: the period's commission result, its statement, and the state to run the next
 * period on.
 *
 * @example
 * ```ts
 * const { result, statement, nextState } = runPeriod(state, input);
 * ```
 */
export interface PeriodOutcome {
  readonly result: CommissionResult;
  readonly statement: PeriodStatement;
  readonly nextState: PeriodState;
}

const FIELDS = ['carriedIn', 'earned', 'reversed', 'paidOut', 'carriedOut', 'forfeited', 'writtenOff'] as const;
type Figures = Record<(typeof FIELDS)[number], bigint>;

/**
 * Runs one commission period on a ledger, purely: `runPeriod(previousState, input) → { result, statement,
 * nextState }`. The period is computed under exactly one plan (its hash and version are recorded); a period
 * already closed cannot run again (`PERIOD_CLOSED`, or `PLAN_MISMATCH` with another plan) and periods run in
 * order. Balances below the plan's payout threshold are carried, not lost; refunds reverse the lines of their
 * orders (of any closed period) as negative lines for the same payees, stages and levels, proportionally and
 * exactly, and a balance may go negative and be recovered from later earnings; leavers are settled as the plan
 * says. The binary carry and the achieved ranks carry over. Every problem of the input is reported at once.
 *
 * @example
 * ```ts
 * let state = emptyState();
 * for (const month of months) {
 *   const { statement, nextState } = runPeriod(state, { period: month.id, genealogy, plan, orders: month.orders });
 *   console.log(statement.totals.paidOut);
 *   state = nextState;
 * }
 * ```
 */
export function runPeriod(previous: PeriodState, input: PeriodInput): PeriodOutcome {
  const state = readState(previous);
  const plan = parsePlan(input.plan);
  const hash = planHash(plan);
  checkPeriod(state, input.period, plan, hash);
  const { genealogy } = input;
  const book = isOrderBook(input.orders) ? input.orders : ingestOrders(input.orders, genealogy, { scale: plan.scale, path: ['orders'] });
  const result = computeCommissions({
    genealogy,
    plan,
    orders: book,
    placement: plan.binary === null ? undefined : input.placement,
    binaryCarry: plan.binary === null ? undefined : known(state.binaryCarry, genealogy),
    achievedRanks: plan.ranks.length === 0 ? undefined : knownRanks(state.achievedRanks, genealogy, plan),
  });
  const decimals = plan.scale + resultState(result).compiled.rateDecimals;
  const ledger = { ...state.orders, ...periodLedger(result, book, input.period, plan.scale, decimals, state) };
  // one exact unit for the period's money: fine enough for this period's lines, the orders refunded and the balances
  // (loops, not Math.max(...): a ledger holds millions of balances)
  let unitDecimals = decimals;
  for (const refund of input.refunds ?? []) unitDecimals = Math.max(unitDecimals, ledger[refund?.orderId]?.decimals ?? 0);
  for (const balance of Object.values(state.balances)) unitDecimals = Math.max(unitDecimals, (balance.split('.')[1] ?? '').length);
  const issues: Issue[] = [];
  const reversed = collect(() => reverseRefunds(input.refunds ?? [], ledger, plan.scale, unitDecimals, state.ledgerDropped), issues);
  const leavers = collect(() => readLeavers(input.leavers, genealogy, state), issues);
  if (reversed === null || leavers === null) throw new DownlineError(issues);
  const { lines, refunded } = reversed;
  const { members, totals, balances } = settle(state, result, lines, unitDecimals, leavers, plan);
  for (const [orderId, amount] of refunded) {
    const refundedText = formatUnits(amount, plan.scale);
    ledger[orderId] = { ...ledger[orderId], refunded: refundedText, ...(refundedText === ledger[orderId].amount ? { full: true as const } : {}) };
  }
  const periods = [...state.periods, { id: input.period, planHash: hash, planVersion: plan.version }];
  const window = refundWindow(ledger, periods, plan.refundWindow, state.ledgerDropped);
  const nextState: PeriodState = trust({
    schemaVersion: STATE_SCHEMA_VERSION,
    scale: plan.scale,
    periods,
    balances,
    binaryCarry: plan.binary === null ? state.binaryCarry : result.binaryCarry(),
    achievedRanks: achieved(state, result, genealogy, plan),
    orders: window.orders,
    ...(window.dropped === undefined ? {} : { ledgerDropped: window.dropped }),
  });
  const statement: PeriodStatement = {
    period: input.period,
    planHash: hash,
    planVersion: plan.version,
    totals: text(totals, unitDecimals, plan.scale),
    members: Object.fromEntries([...members].map(([id, figures]) => [id, text(figures, unitDecimals, plan.scale)])),
    reversals: lines.map(({ units, ...line }) => ({ ...line, amount: formatUnits(units, unitDecimals, plan.scale) })),
  };
  return { result, statement, nextState };
}

/**
 * The ledger within the plan's refund window: an order of period i may be refunded up to period i + window, so
 * once period k is closed the orders of periods before k + 1 − window are dropped (all of them with a window of
 * 0); every order when the plan sets no window. `dropped` is the newest period dropped, for error messages.
 */
function refundWindow(
  ledger: Record<string, LedgerOrder>,
  periods: readonly { id: string }[],
  window: number | null,
  dropped: string | undefined,
): { orders: Record<string, LedgerOrder>; dropped: string | undefined } {
  const newest = periods.length - 1 - (window ?? periods.length); // index of the newest period past the window
  if (newest < 0) return { orders: ledger, dropped };
  const last = periods[newest].id;
  const orders: Record<string, LedgerOrder> = {};
  for (const [id, order] of Object.entries(ledger)) if (order.period > last) orders[id] = order;
  return { orders, dropped: last };
}

/** Periods run once each, in order, at one currency scale. */
function checkPeriod(state: PeriodState, period: string, plan: Plan, hash: string): void {
  if (typeof period !== 'string' || period === '') {
    throw DownlineError.of(ErrorCode.InvalidRecord, 'period: must be a non-empty string id', ['period']);
  }
  const closed = state.periods.find((p) => p.id === period);
  if (closed !== undefined && closed.planHash !== hash) {
    throw DownlineError.of(
      ErrorCode.PlanMismatch,
      `period ${quote(period)}: closed under plan ${closed.planHash}${closed.planVersion === null ? '' : ` (${closed.planVersion})`}, not ${hash}${plan.version === null ? '' : ` (${plan.version})`}`,
      ['period'],
    );
  }
  if (closed !== undefined) {
    throw DownlineError.of(ErrorCode.PeriodClosed, `period ${quote(period)}: closed already; its lines are immutable and it pays once`, ['period']);
  }
  const last = state.periods[state.periods.length - 1];
  if (last !== undefined && period <= last.id) {
    throw DownlineError.of(ErrorCode.PeriodClosed, `period ${quote(period)}: comes before the last closed period ${quote(last.id)}`, ['period']);
  }
  if (state.scale !== null && state.scale !== plan.scale) {
    throw DownlineError.of(ErrorCode.PlanMismatch, `plan: scale ${plan.scale}, but the ledger's balances are at scale ${state.scale}`, ['plan', 'scale']);
  }
}

/** This period's orders as ledger entries (their lines before caps), refusing ids the ledger holds already. */
function periodLedger(result: CommissionResult, book: OrderBook, period: string, scale: number, decimals: number, state: PeriodState) {
  const lines = orderLines(result);
  const { ids } = resultState(result).genealogy;
  const out: Record<string, LedgerOrder> = {};
  const issues: Issue[] = [];
  for (let o = 0; o < book.count; o++) {
    const id = book.ids.at(o);
    const earlier = state.orders[id];
    if (earlier !== undefined && Object.hasOwn(state.orders, id)) {
      issues.push({ code: ErrorCode.DuplicateOrder, path: ['orders', o, 'id'], message: `order ${quote(id)}: already recorded in period ${quote(earlier.period)}` });
      continue;
    }
    const own: LedgerLine[] = [];
    for (let k = lines.start[o]; k < lines.start[o + 1]; k++) {
      own.push([ids.at(lines.payee[k]), ORDER_STAGES[lines.stage[k]], lines.level[k], lines.amount.get(k).toString()]);
    }
    out[id] = { period, amount: formatUnits(book.amounts.get(o), scale), refunded: formatUnits(0n, scale), decimals, lines: own };
  }
  if (issues.length > 0) throw new DownlineError(issues);
  return out;
}

/**
 * Balances, payouts and settlements of every member with money moving, exact in units of `10^-decimals`; the
 * balances to carry. Balances are exact (what a member earned to the last unit, less what refunds took back);
 * only what is paid out is rounded to the plan's scale, with its mode, and the rest of the balance stays.
 */
function settle(state: PeriodState, result: CommissionResult, reversals: readonly Reversal[], decimals: number, leavers: ReadonlySet<string>, plan: Plan) {
  const { scale } = plan;
  const members = new Map<string, Figures>();
  const figures = (id: string): Figures => {
    let f = members.get(id);
    if (f === undefined) {
      f = { carriedIn: 0n, earned: 0n, reversed: 0n, paidOut: 0n, carriedOut: 0n, forfeited: 0n, writtenOff: 0n };
      members.set(id, f);
    }
    return f;
  };
  for (const [id, balance] of Object.entries(state.balances)) figures(id).carriedIn = signed(balance, decimals);
  for (const { id } of result.payouts()) {
    const value = signed(result.exact(id), decimals);
    if (value !== 0n) figures(id).earned = value;
  }
  for (const line of reversals) figures(line.payeeId).reversed -= line.units;
  for (const id of leavers) figures(id);
  const threshold = signed(plan.payoutThreshold, decimals);
  const unit = 10n ** BigInt(decimals - scale);
  const paid = (balance: bigint) => roundQuotient(balance, unit, plan.rounding) * unit; // balance > 0
  const balances: Record<string, string> = {};
  for (const [id, f] of members) {
    const balance = f.carriedIn + f.earned - f.reversed;
    let rest = balance;
    if (leavers.has(id)) {
      if (balance > 0n && plan.leaverBalance === 'pay') f.paidOut = paid(balance);
      rest = balance - f.paidOut;
      if (rest > 0n) f.forfeited = rest;
      else f.writtenOff = -rest;
      rest = 0n;
    } else if (balance > 0n && balance >= threshold) {
      f.paidOut = paid(balance);
      rest = balance - f.paidOut; // what rounding left: a fraction of a minor unit, carried
    }
    f.carriedOut = rest;
    if (rest !== 0n) balances[id] = formatUnits(rest, decimals, scale);
  }
  const totals: Figures = { carriedIn: 0n, earned: 0n, reversed: 0n, paidOut: 0n, carriedOut: 0n, forfeited: 0n, writtenOff: 0n };
  for (const f of members.values()) for (const field of FIELDS) totals[field] += f[field];
  return { members, totals, balances };
}

function text(figures: Figures, decimals: number, scale: number): MemberStatement {
  return Object.fromEntries(FIELDS.map((field) => [field, formatUnits(figures[field], decimals, scale)])) as unknown as MemberStatement;
}

/** A signed decimal string in units of `10^-decimals` (balances may be negative). */
function signed(value: string, decimals: number): bigint {
  const negative = value.startsWith('-');
  const read = parseDecimal(negative ? value.slice(1) : value, decimals);
  if (!read.ok) throw DownlineError.of(ErrorCode.InvalidState, `state: amount "${value}" has more than ${decimals} decimals`);
  return negative ? -read.units : read.units;
}

function readLeavers(leavers: readonly string[] | undefined, genealogy: Genealogy, state: PeriodState): Set<string> {
  const out = new Set<string>();
  const issues: Issue[] = [];
  (leavers ?? []).forEach((id, k) => {
    if (typeof id !== 'string' || (genealogy.indexOf(id) < 0 && !Object.hasOwn(state.balances, id))) {
      issues.push({ code: ErrorCode.UnknownMember, path: ['leavers', k], message: `leavers: unknown member ${typeof id === 'string' ? quote(id) : String(id)}` });
    } else {
      out.add(id);
    }
  });
  if (issues.length > 0) throw new DownlineError(issues);
  return out;
}

/** The carried binary volume of members still in the genealogy. */
function known<T>(record: Readonly<Record<string, T>>, genealogy: Genealogy): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => genealogy.indexOf(id) >= 0));
}

/** Achieved ranks of members still in the genealogy, under rank names the plan still has. */
function knownRanks(record: Readonly<Record<string, string>>, genealogy: Genealogy, plan: Plan): Record<string, string> {
  const names = new Set(plan.ranks.map((rank) => rank.name));
  return Object.fromEntries(Object.entries(known(record, genealogy)).filter(([, name]) => names.has(name)));
}

/** The achieved rank of every member holding one: this period's, and the earlier ones of members no longer here. */
function achieved(state: PeriodState, result: CommissionResult, genealogy: Genealogy, plan: Plan): Record<string, string> {
  if (plan.ranks.length === 0) return { ...state.achievedRanks };
  const out: Record<string, string> = {};
  for (const [id, name] of Object.entries(state.achievedRanks)) if (genealogy.indexOf(id) < 0) out[id] = name;
  const achievedCodes = resultState(result).achieved;
  if (achievedCodes === null) return out;
  for (let i = 0; i < genealogy.size; i++) {
    const code = achievedCodes[i];
    if (code > 0) out[genealogy.ids.at(i)] = plan.ranks[code - 1].name;
  }
  return out;
}

