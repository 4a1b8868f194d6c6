import { CommissionResult, type CommissionState, resultState } from '../engine/commission-result';
import { DownlineError, ErrorCode, formatPath, type Issue, type IssuePath, quote } from '../errors';
import type { Genealogy, MemberRecord } from '../genealogy';
import { IdIndex } from '../genealogy/id-index';
import { NO_DAY, parseIsoDay } from '../dates/iso-day';
import { describe, refusalCode, refusalText } from '../money/amount-refusal';
import { ExactColumn } from '../money/exact-column';
import { readMinorUnits } from '../money/minor-units';
import { narrowOrBig } from '../orders/affiliate-volumes';
import { incomeBySource, type IncomeBySource } from './income-by-source';
import { MemberDays, recordDays } from './member-days';
import type { CostRecord, InventoryRecord, PackageRecord, ReturnRecord } from './period-records';

/**
 * One commission period as the compliance stages read it: the computed result and, where the caller has
 * them, the records that only compliance needs. Whatever is left out makes the indicators that need it
 * "not assessed", never passed.
 *
 * @example
 * ```ts
 * const period: CompliancePeriod = {
 *   result: computeCommissions({ genealogy, plan, orders }),
 *   members,                       // the same member records, for joinedOn / leftOn
 *   start: '2026-10-01', end: '2026-10-31',
 *   costs: [{ affiliateId: 'B', amount: '49.00', kind: 'training' }],
 * };
 * ```
 */
export interface CompliancePeriod {
  readonly result: CommissionResult;
  /**
   * The member records the genealogy was built from, read for `joinedOn` / `leftOn`; or their days alone, as a
   * {@link MemberDaysBuilder} keeps them from records read in chunks.
   */
  readonly members?: ArrayLike<MemberRecord> | MemberDays;
  /** First and last day of the period, ISO `YYYY-MM-DD`, inclusive. */
  readonly start?: string;
  readonly end?: string;
  /** Costs affiliates paid besides orders; `[]` says "none", leaving it out says "not known". */
  readonly costs?: ArrayLike<CostRecord>;
  readonly returns?: ArrayLike<ReturnRecord>;
  readonly packages?: ArrayLike<PackageRecord>;
  readonly inventory?: ArrayLike<InventoryRecord>;
}

/** A validated period: the engine's columns, income by source, and the optional records in columns. */
export interface PeriodData {
  readonly result: CommissionResult;
  readonly state: CommissionState;
  readonly income: IncomeBySource;
  /** Costs per member (preorder), minor units: cost records plus joining fees paid (enrollment orders). */
  readonly costs: ExactColumn;
  /** Whether cost records were given (joining fees are always known from the orders). */
  readonly costRecordsGiven: boolean;
  readonly costRecordsTotal: bigint;
  readonly joiningFeesTotal: bigint;
  /**
   * Join and leave day of each member (preorder), {@link NO_DAY} when unknown; null without member records
   * (and `joined` null too when no record has a join day).
   */
  readonly joined: Int32Array | null;
  readonly left: Int32Array | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly returns: { readonly count: number; readonly returned: bigint; readonly refunded: bigint } | null;
  readonly packages: { readonly count: number; readonly fees: bigint; readonly goods: bigint } | null;
  readonly inventory: {
    readonly affiliates: number;
    readonly belowRule: number;
    readonly purchased: bigint;
    readonly resoldOrConsumed: bigint;
  } | null;
}

/**
 * Validates one period's compliance records against its result (affiliates and orders must exist, amounts
 * at the plan's scale, dates ISO) and puts them in columns. Issues are pushed to `issues` with paths under
 * `base`; the data is returned even when issues were found, and the caller throws.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * const data = readPeriod(period, ['periods', 0], issues);
 * if (issues.length > 0) throw new DownlineError(issues);
 * ```
 */
export function readPeriod(period: CompliancePeriod, base: IssuePath, issues: Issue[]): PeriodData {
  const state = resultState(period.result);
  const { genealogy, book } = state;
  const scale = period.result.plan.scale;
  const reader = new RecordReader(genealogy, scale, issues);

  // joining fees paid (enrollment orders) and cost records, per member
  const costUnits = new Float64Array(genealogy.size);
  const feeUnits = new Float64Array(genealogy.size);
  const amounts = book.amounts;
  let joiningFeesTotal = 0n;
  let feeSum = 0;
  for (let i = 0; i < book.count; i++) {
    if (book.kinds[i] !== 2) continue;
    const amount = amounts.values[i];
    if (amount >= 0) {
      feeUnits[book.buyers[i]] += amount;
      feeSum += amount;
    } else {
      feeSum = Number.POSITIVE_INFINITY; // a wide amount: the bigint route below
    }
  }
  let costRecordsTotal = 0n;
  const recorded: Array<[number, bigint]> = [];
  each(period.costs, [...base, 'costs'], issues, (record, path, i) => {
    const who = reader.affiliate(record.affiliateId, path, `cost #${i}`);
    const amount = reader.amount(record.amount, [...path, 'amount'], `cost #${i}: amount`);
    if (who >= 0 && amount !== undefined) {
      recorded.push([who, amount]);
      costRecordsTotal += amount;
    }
  });
  const costs = new ExactColumn(genealogy.size);
  if (feeSum + Number(costRecordsTotal) <= Number.MAX_SAFE_INTEGER) {
    // every per-member sum is at most the grand total: exact in doubles
    joiningFeesTotal = BigInt(feeSum);
    for (const [who, amount] of recorded) costUnits[who] += Number(amount);
    for (let i = 0; i < genealogy.size; i++) costUnits[i] += feeUnits[i];
    costs.values.set(costUnits);
  } else {
    const sums = new Map<number, bigint>();
    for (let i = 0; i < book.count; i++) {
      if (book.kinds[i] !== 2) continue;
      const amount = amounts.get(i);
      sums.set(book.buyers[i], (sums.get(book.buyers[i]) ?? 0n) + amount);
      joiningFeesTotal += amount;
    }
    for (const [who, amount] of recorded) sums.set(who, (sums.get(who) ?? 0n) + amount);
    for (const [who, sum] of sums) costs.set(who, narrowOrBig(sum));
  }

  const orders = needsOrderIndex(period) ? orderIndex(state) : null;
  let returns: PeriodData['returns'] = null;
  if (period.returns !== undefined) {
    const totals = { count: 0, returned: 0n, refunded: 0n };
    each(period.returns, [...base, 'returns'], issues, (record, path, i) => {
      const order = reader.order(orders as IdIndex, record.orderId, path, `return #${i}`);
      const returned = reader.amount(record.returned, [...path, 'returned'], `return #${i}: returned`);
      const refunded = reader.amount(record.refunded, [...path, 'refunded'], `return #${i}: refunded`);
      if (order < 0 || returned === undefined || refunded === undefined) return;
      if (returned > book.amounts.get(order)) {
        reader.invalid([...path, 'returned'], `return #${i}: returned more than order ${quote(record.orderId)} cost`);
        return;
      }
      if (refunded > returned) {
        reader.invalid([...path, 'refunded'], `return #${i}: refunded more than the goods returned were worth`);
        return;
      }
      totals.count++;
      totals.returned += returned;
      totals.refunded += refunded;
    });
    returns = totals;
  }
  let packages: PeriodData['packages'] = null;
  if (period.packages !== undefined) {
    const totals = { count: 0, fees: 0n, goods: 0n };
    each(period.packages, [...base, 'packages'], issues, (record, path, i) => {
      const order = reader.order(orders as IdIndex, record.orderId, path, `package #${i}`);
      const goods = reader.amount(record.goodsValue, [...path, 'goodsValue'], `package #${i}: goodsValue`);
      if (order < 0 || goods === undefined) return;
      if (book.kinds[order] !== 2) {
        reader.invalid([...path, 'orderId'], `package #${i}: order ${quote(record.orderId)} is not an enrollment order`);
        return;
      }
      totals.count++;
      totals.fees += book.amounts.get(order);
      totals.goods += goods;
    });
    packages = totals;
  }
  let inventory: PeriodData['inventory'] = null;
  if (period.inventory !== undefined) {
    const totals = { affiliates: 0, belowRule: 0, purchased: 0n, resoldOrConsumed: 0n };
    each(period.inventory, [...base, 'inventory'], issues, (record, path, i) => {
      const who = reader.affiliate(record.affiliateId, path, `inventory #${i}`);
      const purchased = reader.amount(record.purchased, [...path, 'purchased'], `inventory #${i}: purchased`);
      const used = reader.amount(record.resoldOrConsumed, [...path, 'resoldOrConsumed'], `inventory #${i}: resoldOrConsumed`);
      if (who < 0 || purchased === undefined || used === undefined) return;
      totals.affiliates++;
      if (used * 10n < purchased * 7n) totals.belowRule++;
      totals.purchased += purchased;
      totals.resoldOrConsumed += used;
    });
    inventory = totals;
  }

  const start = reader.day(period.start, [...base, 'start'], 'period start');
  const end = reader.day(period.end, [...base, 'end'], 'period end');
  if (start !== null && end !== null && end < start) {
    issues.push({ code: ErrorCode.InvalidDate, path: [...base, 'end'], message: `period end ${period.end} is before its start ${period.start}` });
  }
  const members = period.members;
  const dates =
    members === undefined
      ? null
      : members instanceof MemberDays
        ? daysOf(members, genealogy, [...base, 'members'], issues)
        : memberDates(members, genealogy, [...base, 'members'], issues);

  return {
    result: period.result,
    state,
    income: incomeBySource(period.result),
    costs,
    costRecordsGiven: period.costs !== undefined,
    costRecordsTotal,
    joiningFeesTotal,
    // member records without a single join day say nothing about who joined when
    joined: dates !== null && dates.joinDays > 0 ? dates.joined : null,
    left: dates?.left ?? null,
    start,
    end,
    returns,
    packages,
    inventory,
  };
}

/** The days of a {@link MemberDays}, when read for this genealogy. */
function daysOf(days: MemberDays, genealogy: Genealogy, base: IssuePath, issues: Issue[]): { joined: Int32Array; left: Int32Array; joinDays: number } | null {
  if (days.genealogy === genealogy) return days;
  issues.push({ code: ErrorCode.InvalidRecord, path: base, message: 'members: the member days were read for another genealogy' });
  return null;
}

/**
 * Join and leave days of every member (preorder) from the member records; {@link NO_DAY} where a record has
 * none. Bad dates and a leave before the join are issues.
 *
 * @example
 * ```ts
 * const { joined } = memberDates(members, genealogy, ['members'], issues);
 * ```
 */
export function memberDates(
  records: ArrayLike<MemberRecord>,
  genealogy: Genealogy,
  base: IssuePath,
  issues: Issue[],
): { joined: Int32Array; left: Int32Array; joinDays: number } {
  const joined = new Int32Array(genealogy.size).fill(NO_DAY);
  const left = new Int32Array(genealogy.size).fill(NO_DAY);
  if (records.length !== genealogy.size) {
    issues.push({
      code: ErrorCode.InvalidRecord,
      path: base,
      message: `members: ${records.length} records given for a genealogy of ${genealogy.size} members`,
    });
    return { joined, left, joinDays: 0 };
  }
  const ids: (string | undefined)[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) ids[i] = records[i]?.id;
  const at = genealogy.indexesOf(ids);
  const firstAt = new Int32Array(genealogy.size).fill(-1);
  let joinDays = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (at[i] < 0) {
      issues.push({ code: ErrorCode.UnknownMember, path: [...base, i, 'id'], message: `member #${i}: ${describe(ids[i])} is not in the genealogy` });
      continue;
    }
    if (firstAt[at[i]] >= 0) {
      issues.push({
        code: ErrorCode.InvalidRecord,
        path: [...base, i, 'id'],
        message: `member ${quote(record.id)}: listed twice (first at #${firstAt[at[i]]}, again at #${i})`,
      });
      continue;
    }
    firstAt[at[i]] = i;
    const days = recordDays(record, i, base, issues);
    joined[at[i]] = days.joined;
    left[at[i]] = days.left;
    if (days.joined !== NO_DAY) joinDays++;
  }
  return { joined, left, joinDays };
}

/** Checks and resolves the fields of compliance records, reporting to a shared issue list. */
class RecordReader {
  constructor(
    readonly genealogy: Genealogy,
    readonly scale: number,
    readonly issues: Issue[],
  ) {}

  affiliate(id: unknown, path: IssuePath, record: string): number {
    const at = typeof id === 'string' ? this.genealogy.indexOf(id) : -1;
    if (typeof id !== 'string') {
      this.invalid([...path, 'affiliateId'], `${record}: affiliateId must be a string`);
    } else if (at < 0) {
      this.issues.push({ code: ErrorCode.UnknownAffiliate, path: [...path, 'affiliateId'], message: `${record}: unknown affiliate ${quote(id)}` });
    } else if (this.genealogy.roles[at] === 1) {
      this.invalid([...path, 'affiliateId'], `${record}: ${quote(id)} is a customer, not an affiliate`);
      return -1;
    }
    return at;
  }

  order(index: IdIndex, id: unknown, path: IssuePath, record: string): number {
    if (typeof id !== 'string') {
      this.invalid([...path, 'orderId'], `${record}: orderId must be a string`);
      return -1;
    }
    const at = index.find(id);
    if (at < 0) this.issues.push({ code: ErrorCode.UnknownOrder, path: [...path, 'orderId'], message: `${record}: unknown order ${quote(id)}` });
    return at;
  }

  amount(value: unknown, path: IssuePath, what: string): bigint | undefined {
    const units = readMinorUnits(value, this.scale);
    if (typeof units === 'object') {
      this.issues.push({ code: refusalCode(units), path, message: `${what} ${refusalText(units, value, this.scale)}` });
      return undefined;
    }
    return BigInt(units);
  }

  day(value: unknown, path: IssuePath, what: string): number | null {
    if (value === undefined) return null;
    const day = parseIsoDay(value);
    if (day === undefined) {
      this.issues.push({ code: ErrorCode.InvalidDate, path, message: `${what} must be an ISO date like "2026-10-31", got ${describe(value)}` });
      return null;
    }
    return day;
  }

  invalid(path: IssuePath, message: string): void {
    this.issues.push({ code: ErrorCode.InvalidRecord, path, message });
  }
}

/** Calls `visit` for each record that is an object; reports the others. */
function each<T>(
  records: ArrayLike<T> | undefined,
  base: IssuePath,
  issues: Issue[],
  visit: (record: T, path: IssuePath, index: number) => void,
): void {
  if (records === undefined) return;
  if (typeof records !== 'object' || records === null || typeof records.length !== 'number') {
    issues.push({ code: ErrorCode.InvalidRecord, path: base, message: `${String(base[base.length - 1])}: must be an array of records` });
    return;
  }
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (typeof record !== 'object' || record === null) {
      issues.push({ code: ErrorCode.InvalidRecord, path: [...base, i], message: `${String(base[base.length - 1])} #${i}: must be an object` });
    } else {
      visit(record, [...base, i], i);
    }
  }
}

function needsOrderIndex(period: CompliancePeriod): boolean {
  return period.returns !== undefined || period.packages !== undefined;
}

/** Order position by order id. */
function orderIndex(state: CommissionState): IdIndex {
  const { ids, count } = state.book;
  const index = new IdIndex(ids, count);
  for (let i = 0; i < count; i++) index.insert(i);
  return index;
}

/**
 * Reads every period, collecting the issues of all of them, and throws them together.
 *
 * @example
 * ```ts
 * const data = readPeriods([october, november]);
 * ```
 */
export function readPeriods(periods: readonly CompliancePeriod[], base: IssuePath = ['periods']): PeriodData[] {
  const issues: Issue[] = [];
  periods.forEach((period, p) => {
    const result = (period as Partial<CompliancePeriod> | null)?.result;
    if (!(result instanceof CommissionResult)) {
      const path = base.length === 0 ? ['result'] : [...base, p, 'result'];
      issues.push({ code: ErrorCode.InvalidRecord, path, message: `${formatPath(path)}: must be the CommissionResult of computeCommissions` });
    }
  });
  if (issues.length > 0) throw new DownlineError(issues);
  const data = periods.map((period, p) => readPeriod(period, base.length === 0 ? [] : [...base, p], issues));
  if (issues.length > 0) throw new DownlineError(issues);
  return data;
}
