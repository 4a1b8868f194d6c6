/**
 * The textbook projection of a plan (DESIGN §9): everyone recruits the same number, level after level, and
 * everyone below the top orders the same amount; what does the top earn? Computed through the engine on the
 * full tree, not with a formula, so that it checks the engine as much as it illustrates the plan.
 *
 * @module
 */
import { z } from 'zod';
import { computeCommissions } from '../engine/compute-commissions';
import type { CommissionTotals } from '../engine/commission-result';
import { DownlineError, ErrorCode, type Issue } from '../errors';
import { Genealogy, type MemberRecord } from '../genealogy';
import { formatUnits, groupThousands, parseDecimal } from '../money/decimal-string';
import type { OrderRecord } from '../orders/order-record';
import { MAX_LEVELS, MAX_RATE_DECIMALS, MIN_LEVELS } from '../plan/schema';

/**
 * Options of {@link projectPlan}.
 *
 * @example
 * ```ts
 * const options: ProjectionOptions = { recruitsEach: 5, levels: 5, rate: '0.01', orderAmount: '500' };
 * ```
 */
export interface ProjectionOptions {
  /** Recruits of every member above the last level (1 to 1,000). */
  readonly recruitsEach: number;
  /** Levels below the top, each paid `rate` (2 to 8, as plans have). */
  readonly levels: number;
  /** The rate paid on every level, a decimal string (at most 6 decimals; `levels × rate ≤ 1`). */
  readonly rate: string;
  /** What every member below the top orders (a `personal` order), a decimal string with at most 2 decimals. */
  readonly orderAmount: string;
}

/**
 * One level of the projection: people at it, their orders' volume, and what the top is paid on it.
 *
 * @example
 * ```ts
 * const level: ProjectionLevel = { level: 2, people: 25, volume: '12500.00', paid: '125.00' };
 * ```
 */
export interface ProjectionLevel {
  readonly level: number;
  readonly people: number;
  readonly volume: string;
  readonly paid: string;
}

/**
 * What {@link projectPlan} returns: the people below the top, what they ordered, the top's payout with the
 * levels it comes from, and the engine's totals for the whole tree.
 *
 * @example
 * ```ts
 * const { people, paidToTop, byLevel } = projectPlan({ recruitsEach: 5, levels: 5, rate: '0.01', orderAmount: '500' });
 * ```
 */
export interface Projection {
  /** People below the top: `r + r² + … + r^levels`. */
  readonly people: number;
  /** Σ of their orders. */
  readonly volume: string;
  /** The top's payout, rounded at 2 decimals. */
  readonly paidToTop: string;
  readonly byLevel: readonly ProjectionLevel[];
  /** The engine's totals over every member of the tree. */
  readonly totals: CommissionTotals;
}

const MAX_MEMBERS = 2_000_000;
const SCALE = 2;
const TOP = 'top';

function count(low: number, high: number) {
  const error = `must be an integer between ${low} and ${high}`;
  return z.number({ error }).int({ error }).min(low, { error }).max(high, { error });
}

const decimal = (error: string) => z.string({ error }).regex(/^\d+(\.\d+)?$/, { error });

const schema = z
  .object(
    {
      recruitsEach: count(1, 1000),
      levels: count(MIN_LEVELS, MAX_LEVELS),
      rate: decimal('must be a decimal string like "0.01"'),
      orderAmount: decimal('must be a non-negative decimal string like "500"'),
    },
    { error: 'must be an object { recruitsEach, levels, rate, orderAmount }' },
  )
  .strict();

/**
 * Projects a plan on a full tree: the top recruits `recruitsEach`, each of them recruits as many, and so on down
 * `levels` levels; every member below the top orders `orderAmount`; the plan pays `rate` on each of the `levels`
 * levels (no qualification, no compression). The genealogy and the orders are built and run through
 * `computeCommissions`; `byLevel` sums the top's explained lines by level. The tree is built level by level,
 * without recursion; at most 2,000,000 members. Options are checked first (`INVALID_OPTIONS`, every problem at
 * once, e.g. `options.levels: must be an integer between 2 and 8`).
 *
 * @example
 * ```ts
 * const projection = projectPlan({ recruitsEach: 5, levels: 5, rate: '0.01', orderAmount: '500' });
 * projection.people;    // 3905 (5 + 25 + 125 + 625 + 3125)
 * projection.paidToTop; // '19525.00' (3,905 × 500 × 1%)
 * projection.byLevel[4]; // { level: 5, people: 3125, volume: '1562500.00', paid: '15625.00' }
 * ```
 */
export function projectPlan(options: ProjectionOptions): Projection {
  const { recruitsEach, levels, rate, orderAmount, amountUnits } = readOptions(options);
  // heap layout: member k ≥ 1 is recruited by member ⌊(k − 1) / recruitsEach⌋; member 0 is the top
  const perLevel: number[] = [];
  let size = 1;
  for (let level = 1, width = 1; level <= levels; level++) {
    width *= recruitsEach;
    perLevel.push(width);
    size += width;
  }
  const members: MemberRecord[] = new Array(size);
  const orders: OrderRecord[] = new Array(size - 1);
  const id = (k: number) => (k === 0 ? TOP : `m${k}`);
  const amount = amountUnits; // integer minor units, as a bigint: exact at any size
  members[0] = { id: TOP, sponsorId: null };
  for (let k = 1; k < size; k++) {
    members[k] = { id: id(k), sponsorId: id(Math.floor((k - 1) / recruitsEach)) };
    orders[k - 1] = { id: `o${k}`, affiliateId: id(k), amount, kind: 'personal' };
  }
  const result = computeCommissions({
    genealogy: Genealogy.fromRecords(members),
    plan: { levels: new Array<string>(levels).fill(rate), minPersonalVolume: '0', compression: 'none', scale: SCALE },
    orders,
  });
  const exactDecimals = SCALE + MAX_RATE_DECIMALS;
  const paidByLevel = new Array<bigint>(levels).fill(0n);
  for (const line of result.explain(TOP).lines) {
    const read = parseDecimal(line.amount, exactDecimals);
    if (!read.ok) throw new TypeError(`unexpected line amount ${line.amount}`);
    paidByLevel[line.level - 1] += read.units;
  }
  return {
    people: size - 1,
    volume: formatUnits(BigInt(size - 1) * amountUnits, SCALE),
    paidToTop: result.payout(TOP),
    byLevel: perLevel.map((people, l) => ({
      level: l + 1,
      people,
      volume: formatUnits(BigInt(people) * amountUnits, SCALE),
      paid: formatUnits(paidByLevel[l], exactDecimals, SCALE),
    })),
    totals: result.totals,
  };
}

function readOptions(options: ProjectionOptions): ProjectionOptions & { amountUnits: bigint } {
  const checked = schema.safeParse(options);
  const issues: Issue[] = [];
  const fail = (key: string, message: string) =>
    issues.push({ code: ErrorCode.InvalidOptions, path: ['options', key], message: `options.${key}: ${message}` });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = ['options', ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
      issues.push({ code: ErrorCode.InvalidOptions, path, message: `${path.join('.')}: ${issue.message}` });
    }
    throw new DownlineError(issues);
  }
  const { recruitsEach, levels, rate, orderAmount } = checked.data;
  let members = 1;
  for (let level = 1, width = 1; level <= levels && members <= MAX_MEMBERS; level++) {
    width *= recruitsEach;
    members += width;
  }
  if (members > MAX_MEMBERS) fail('recruitsEach', `${recruitsEach} recruits each down ${levels} levels is more than ${groupThousands(String(MAX_MEMBERS))} members`);
  const rateRead = parseDecimal(rate, MAX_RATE_DECIMALS);
  if (!rateRead.ok) fail('rate', `at most ${MAX_RATE_DECIMALS} decimals, got ${JSON.stringify(rate)}`);
  else if (rateRead.units * BigInt(levels) > 10n ** BigInt(MAX_RATE_DECIMALS)) {
    fail('rate', `${levels} levels of ${rate} add up to more than 1`);
  }
  const amountRead = parseDecimal(orderAmount, SCALE);
  if (!amountRead.ok) fail('orderAmount', `at most ${SCALE} decimals, got ${JSON.stringify(orderAmount)}`);
  else if (amountRead.units > BigInt(Number.MAX_SAFE_INTEGER)) fail('orderAmount', `at most ${Number.MAX_SAFE_INTEGER} minor units`);
  if (issues.length > 0 || !amountRead.ok) throw new DownlineError(issues);
  return { ...checked.data, amountUnits: amountRead.units };
}
