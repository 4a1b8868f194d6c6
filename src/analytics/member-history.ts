import { NO_DAY } from '../dates/iso-day';
import { ROLE_CUSTOMER } from './member-fields';
import type { PeriodActivity } from './period-activity';
import type { ValidPeriod } from './validate-channel';

/**
 * Of the members of one role who ordered in a period, how many ordered again in the next one, how many had
 * left by the end of the next one (`leftOn` of their latest record on or before its `end`), and how many the
 * next period does not list at all.
 *
 * @example
 * ```ts
 * const counts: RetentionCounts = { bought: 5, retained: 3, left: 1, unlisted: 0 };
 * ```
 */
export interface RetentionCounts {
  readonly bought: number;
  readonly retained: number;
  readonly left: number;
  readonly unlisted: number;
}

/**
 * The rungs of the loyalty ladder at the end of a period; they add up to the period's member count.
 *
 * @example
 * ```ts
 * const ladder: LadderCounts = { prospects: 2, customers: 3, regulars: 4, representatives: 3 };
 * ```
 */
export interface LadderCounts {
  readonly prospects: number;
  readonly customers: number;
  readonly regulars: number;
  readonly representatives: number;
}

/**
 * The counts of one period behind the KPIs. Pairs are indexed by role: 0 affiliates, 1 customers.
 *
 * @example
 * ```ts
 * const facts = memberHistory(periods, activities, 2);
 * facts[1].firstTimeBuyers; // [affiliates, customers] whose first order in any period is in period 1
 * ```
 */
export interface PeriodFacts {
  /** Members listed in the period, by role. */
  readonly members: readonly [number, number];
  /** Members whose record carries a `joinedOn`. */
  readonly withJoinDate: number;
  /** Members whose `joinedOn` lies within the period, by role. */
  readonly joined: readonly [number, number];
  /** Members whose first order (over this and all earlier periods) is in this period, by role. */
  readonly firstTimeBuyers: readonly [number, number];
  readonly ladder: LadderCounts;
  /** Retention from the previous period into this one, by role in the previous period; `null` for the first. */
  readonly retentionFromPrevious: readonly [RetentionCounts, RetentionCounts] | null;
}

/** Per-member state across periods, indexed by a number given to each distinct id on first sight. */
class Members {
  count = 0;
  /** Periods in which the member ordered, so far. */
  periodsWithOrder: Int32Array = new Int32Array(0);
  /** Last period in which the member ordered, -1 if none. */
  lastOrder: Int32Array = new Int32Array(0);
  /** Last period that listed the member. */
  lastListed: Int32Array = new Int32Array(0);
  /** `leftOn` of the member's latest record, as a day. */
  leftDay: Int32Array = new Int32Array(0);

  add(n: number): number {
    const first = this.count;
    const needed = first + n;
    if (needed > this.lastOrder.length) {
      const capacity = Math.max(needed, this.lastOrder.length * 2, 16);
      this.periodsWithOrder = grown(this.periodsWithOrder, capacity, 0);
      this.lastOrder = grown(this.lastOrder, capacity, -1);
      this.lastListed = grown(this.lastListed, capacity, -1);
      this.leftDay = grown(this.leftDay, capacity, NO_DAY);
    }
    this.count = needed;
    return first;
  }
}

function grown(column: Int32Array, capacity: number, fill: number): Int32Array {
  const out = new Int32Array(capacity);
  out.set(column);
  out.fill(fill, column.length);
  return out;
}

/**
 * One forward pass over the periods that follows every member across them. A member is recognised by id: each
 * period's ids are looked up in bulk (`genealogy.indexesOf`) in the previous period, those not found in the one
 * before, and so on, so that a member who skips a period keeps their history; ids never seen get a new
 * number. Then each period costs a few linear passes over its members in typed arrays.
 *
 * - `ladder` of period t: affiliates are *representatives*; a customer with no order in periods 0..t is a
 *   *prospect*, with orders in 1 to `regularAfter − 1` of them a *customer*, in `regularAfter` or more a
 *   *regular*.
 * - `retentionFromPrevious` of period t: for each member who ordered in t − 1, grouped by their role in t − 1,
 *   whether they ordered in t, whether their latest record's `leftOn` is on or before the end of t, whether t
 *   lists them.
 *
 * @example
 * ```ts
 * const activities = periods.map((p) => periodActivity(p.book, p.roles));
 * const facts = memberHistory(periods, activities, 2);
 * facts[facts.length - 1].ladder; // { prospects, customers, regulars, representatives }
 * ```
 */
export function memberHistory(
  periods: readonly ValidPeriod[],
  activities: readonly PeriodActivity[],
  regularAfter: number,
): PeriodFacts[] {
  const state = new Members();
  const numbering: Int32Array[] = [];
  const facts: PeriodFacts[] = [];
  for (let t = 0; t < periods.length; t++) {
    const period = periods[t];
    const numbers = numberMembers(periods, numbering, t, state);
    numbering.push(numbers);
    const { ordered } = activities[t];
    const { roles, joined, left, startDay, endDay } = period;
    const members: [number, number] = [0, 0];
    const joinedIn: [number, number] = [0, 0];
    const firstTime: [number, number] = [0, 0];
    let withJoinDate = 0;
    let prospects = 0;
    let customers = 0;
    let regulars = 0;
    let representatives = 0;
    for (let i = 0; i < numbers.length; i++) {
      const m = numbers[i];
      const role = roles[i] === ROLE_CUSTOMER ? 1 : 0;
      members[role]++;
      state.lastListed[m] = t;
      state.leftDay[m] = left[i];
      if (joined[i] !== NO_DAY) {
        withJoinDate++;
        if (joined[i] >= startDay && joined[i] <= endDay) joinedIn[role]++;
      }
      if (ordered[i] === 1) {
        if (state.periodsWithOrder[m] === 0) firstTime[role]++;
        state.periodsWithOrder[m]++;
        state.lastOrder[m] = t;
      }
      if (role === 0) representatives++;
      else if (state.periodsWithOrder[m] === 0) prospects++;
      else if (state.periodsWithOrder[m] < regularAfter) customers++;
      else regulars++;
    }
    facts.push({
      members,
      withJoinDate,
      joined: joinedIn,
      firstTimeBuyers: firstTime,
      ladder: { prospects, customers, regulars, representatives },
      retentionFromPrevious: t === 0 ? null : retention(periods[t - 1], activities[t - 1], numbering[t - 1], t, endDay, state),
    });
  }
  return facts;
}

/** Gives each member of period t its number: found by id in the latest earlier period that lists it, or new. */
function numberMembers(periods: readonly ValidPeriod[], numbering: readonly Int32Array[], t: number, state: Members): Int32Array {
  const { ids, preorderOf, genealogy } = periods[t];
  const n = genealogy.size;
  const numbers = new Int32Array(n);
  let pending: ArrayLike<string> = ids;
  let positions: Int32Array | null = null; // input positions of `pending`; null while it is all of `ids`
  for (let s = t - 1; s >= 0 && pending.length > 0; s--) {
    const found = periods[s].genealogy.indexesOf(pending);
    const earlier = numbering[s];
    const missing: number[] = [];
    for (let j = 0; j < found.length; j++) {
      const k = positions === null ? j : positions[j];
      if (found[j] >= 0) numbers[preorderOf[k]] = earlier[found[j]];
      else missing.push(k);
    }
    positions = Int32Array.from(missing);
    pending = missing.map((k) => ids[k]);
  }
  const fresh = positions === null ? n : positions.length;
  let next = state.add(fresh);
  for (let j = 0; j < fresh; j++) numbers[preorderOf[positions === null ? j : positions[j]]] = next++;
  return numbers;
}

function retention(
  previous: ValidPeriod,
  activity: PeriodActivity,
  numbers: Int32Array,
  t: number,
  endDay: number,
  state: Members,
): [RetentionCounts, RetentionCounts] {
  const bought = [0, 0];
  const retained = [0, 0];
  const left = [0, 0];
  const unlisted = [0, 0];
  const { ordered } = activity;
  const { roles } = previous;
  for (let i = 0; i < numbers.length; i++) {
    if (ordered[i] === 0) continue;
    const m = numbers[i];
    const role = roles[i] === ROLE_CUSTOMER ? 1 : 0;
    bought[role]++;
    if (state.lastOrder[m] === t) retained[role]++;
    const leftDay = state.leftDay[m];
    if (leftDay !== NO_DAY && leftDay <= endDay) left[role]++;
    if (state.lastListed[m] !== t) unlisted[role]++;
  }
  const of = (r: number): RetentionCounts => ({ bought: bought[r], retained: retained[r], left: left[r], unlisted: unlisted[r] });
  return [of(0), of(1)];
}
