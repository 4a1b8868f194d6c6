/**
 * What-if comparison: the same period computed under two plans, and what the change does to the totals, to
 * each stage, to each payee and to the compliance indicators. Exact: every money difference is computed on
 * scaled bigints from the results' decimal strings.
 *
 * @module
 */
import { assessCompliance, type ComplianceAssessment } from '../compliance/assess-compliance';
import { type AssessmentOptions, resolveOptions } from '../compliance/assessment-options';
import type { CompliancePeriod } from '../compliance/read-period';
import { MemberDays } from '../compliance/member-days';
import type { BinaryCarryInput } from '../engine/compute-commissions';
import { computeCommissions } from '../engine/compute-commissions';
import type { CommissionResult, CommissionTotals, StageTotals } from '../engine/commission-result';
import type { PlacementRecord } from '../engine/binary-placement';
import { collect, DownlineError, ErrorCode, type Issue, type IssuePath, type SafeResult, toSafe } from '../errors';
import { Genealogy, type MemberRecord } from '../genealogy';
import { formatUnits } from '../money/decimal-string';
import { ingestOrders, isOrderBook, type OrderBook } from '../orders/ingest-orders';
import type { OrderRecord } from '../orders/order-record';
import { parsePlan } from '../plan/parse-plan';
import { type PlanChange, diffPlans } from '../plan/plan-diff';
import type { Plan, StageName } from '../plan/plan';
import { type PlanInput, STAGE_NAMES } from '../plan/schema';
import { type ComplianceComparison, complianceChanges } from './compliance-changes';
import { decimalDifference, signedUnits } from './decimal-difference';

/**
 * The records of the period that only the compliance assessment reads (see `CompliancePeriod`): period dates,
 * costs, returns, packages and inventory. They are the same under both plans.
 *
 * @example
 * ```ts
 * const records: ComparisonRecords = { start: '2026-10-01', end: '2026-10-31', costs: [] };
 * ```
 */
export type ComparisonRecords = Omit<CompliancePeriod, 'result' | 'members'>;

/**
 * One period under two plans: the genealogy, the period's orders (records, or an `OrderBook` from
 * `ingestOrders` at the plans' scale), the plan in force (`before`) and the candidate (`after`).
 *
 * - `placement` and `binaryCarry` go to whichever plan pays a binary (giving them when neither does is
 *   `INVALID_PLACEMENT`); `achievedRanks` to both runs.
 * - `members` (the member records the genealogy was built from, or their `MemberDays`) turns the compliance
 *   comparison on; `assessment`
 *   (the options of `assessCompliance`) and `compliance` (costs, returns, packages, inventory, period dates)
 *   refine it and need `members`.
 *
 * @example
 * ```ts
 * const input: ComparisonInput = {
 *   genealogy,
 *   orders,
 *   before: { levels: ['0.10', '0.05'] },
 *   after: { levels: ['0.08', '0.06', '0.02'] },
 *   members,
 *   compliance: { costs: [] },
 * };
 * ```
 */
export interface ComparisonInput {
  readonly genealogy: Genealogy;
  readonly orders: ArrayLike<OrderRecord> | OrderBook;
  readonly before: Plan | PlanInput;
  readonly after: Plan | PlanInput;
  readonly placement?: ArrayLike<PlacementRecord>;
  readonly binaryCarry?: Readonly<Record<string, BinaryCarryInput>>;
  readonly achievedRanks?: Readonly<Record<string, string>>;
  readonly members?: ArrayLike<MemberRecord> | MemberDays;
  readonly assessment?: AssessmentOptions;
  readonly compliance?: ComparisonRecords;
}

/**
 * The totals compared: `potential`, `paid`, `breakage`, `capped`, `residual` and `payouts`.
 *
 * @example
 * ```ts
 * const key: TotalKey = 'breakage';
 * ```
 */
export type TotalKey = keyof CommissionTotals;

/**
 * The keys of {@link CommissionTotals} in the order a comparison lists them.
 *
 * @example
 * ```ts
 * TOTAL_KEYS.map((key) => `${key}: ${comparison.totals.difference[key]}`);
 * ```
 */
export const TOTAL_KEYS: readonly TotalKey[] = Object.freeze(['potential', 'paid', 'breakage', 'capped', 'residual', 'payouts']);

/**
 * Each plan's totals and `after − before` for each, exact decimal strings.
 *
 * @example
 * ```ts
 * const { before, after, difference } = comparison.totals;
 * difference.payouts; // "-4.60"
 * ```
 */
export interface TotalsComparison {
  readonly before: CommissionTotals;
  readonly after: CommissionTotals;
  readonly difference: Readonly<Record<TotalKey, string>>;
}

/**
 * One stage's potential, paid and capped amounts (zeros for a plan that does not run the stage).
 *
 * @example
 * ```ts
 * const figures: StageFigures = { potential: '94.50', paid: '88.00', capped: '0.00' };
 * ```
 */
export type StageFigures = Readonly<Pick<StageTotals, 'potential' | 'paid' | 'capped'>>;

/**
 * One stage under both plans: whether each plan runs it, its figures, and `after − before`.
 *
 * @example
 * ```ts
 * const unilevel: StageComparison = {
 *   stage: 'unilevel',
 *   runs: { before: true, after: true },
 *   before: { potential: '94.50', paid: '88.00', capped: '0.00' },
 *   after: { potential: '100.80', paid: '83.40', capped: '0.00' },
 *   difference: { potential: '6.30', paid: '-4.60', capped: '0.00' },
 * };
 * ```
 */
export interface StageComparison {
  readonly stage: StageName;
  readonly runs: { readonly before: boolean; readonly after: boolean };
  readonly before: StageFigures;
  readonly after: StageFigures;
  readonly difference: StageFigures;
}

/**
 * A member whose payout changed: both payouts (`"0.00"` where they were paid nothing) and `after − before`.
 *
 * @example
 * ```ts
 * const change: PayeeChange = { id: 'B', before: '30.00', after: '26.00', difference: '-4.00' };
 * ```
 */
export interface PayeeChange {
  readonly id: string;
  readonly before: string;
  readonly after: string;
  readonly difference: string;
}

/**
 * The payees compared. `changes` lists every member whose payout changed, the largest absolute difference
 * first (ties by id); `gain + lose + unchanged = payees`, the members with a payout (a commission line) in
 * either run.
 *
 * @example
 * ```ts
 * const { gain, lose, unchanged, payees, changes } = comparison.payees;
 * changes[0]; // { id: 'B', before: '30.00', after: '26.00', difference: '-4.00' }
 * ```
 */
export interface PayeeComparison {
  readonly changes: readonly PayeeChange[];
  readonly gain: number;
  readonly lose: number;
  readonly unchanged: number;
  readonly payees: number;
}

/**
 * A what-if comparison of one period under two plans (see {@link comparePlans}).
 *
 * @example
 * ```ts
 * const comparison: PlanComparison = comparePlans({ genealogy, orders, before, after });
 * comparison.totals.difference.payouts; // "-4.60"
 * ```
 */
export interface PlanComparison {
  /** `diffPlans(before, after)`: what changed in the plan, rule by rule. */
  readonly changes: readonly PlanChange[];
  /** Both results, to drill into (`results.after.explain(id)`). */
  readonly results: { readonly before: CommissionResult; readonly after: CommissionResult };
  readonly totals: TotalsComparison;
  /** Every stage either plan runs, in the engine's order. */
  readonly stages: readonly StageComparison[];
  readonly payees: PayeeComparison;
  /** The change in the sixteen indicators; null unless `members` were given. */
  readonly compliance: ComplianceComparison | null;
}

const KNOWN_KEYS = new Set([
  'genealogy',
  'orders',
  'before',
  'after',
  'placement',
  'binaryCarry',
  'achievedRanks',
  'members',
  'assessment',
  'compliance',
]);
const RECORD_KEYS = new Set(['start', 'end', 'costs', 'returns', 'packages', 'inventory']);
type Side = 'before' | 'after';

/**
 * Computes one period under two plans and compares them: the plan diff, each plan's totals and their exact
 * differences, each stage's, each payee whose payout changed (largest change first) with the counts of members
 * who gain, lose or keep their payout, and, with `members`, the change in each of the sixteen compliance
 * indicators. Order records are ingested once (twice when the plans' currency scales differ) and the same book
 * feeds both runs. Validates everything first: a malformed comparison input is `INVALID_OPTIONS`, plans,
 * orders and compliance records raise the engine's own codes (an issue found under one plan only says which);
 * one {@link DownlineError} carries every issue.
 *
 * @example
 * ```ts
 * import { Genealogy, comparePlans } from 'downline';
 *
 * const genealogy = Genealogy.fromRecords([
 *   { id: 'A', sponsorId: null },
 *   { id: 'B', sponsorId: 'A' },
 *   { id: 'C', sponsorId: 'B' },
 * ]);
 * const comparison = comparePlans({
 *   genealogy,
 *   orders: [{ id: 'o1', affiliateId: 'C', amount: '100.00', kind: 'retail' }],
 *   before: { levels: ['0.10', '0.05'] },
 *   after: { levels: ['0.08', '0.06', '0.02'] },
 * });
 * comparison.totals.difference.payouts;        // "-1.00"  (15.00 → 14.00)
 * comparison.payees.changes.map((c) => c.id);  // ['B', 'A']  (B −2.00, A +1.00)
 * ```
 */
export function comparePlans(input: ComparisonInput): PlanComparison {
  const { before: planBefore, after: planAfter } = readInput(input);
  const { genealogy } = input;
  const [bookBefore, bookAfter] = orderBooks(input, planBefore, planAfter);
  const runIssues: Record<Side, Issue[]> = { before: [], after: [] };
  const run = (side: Side, plan: Plan, orders: ArrayLike<OrderRecord> | OrderBook) =>
    collect(
      () =>
        computeCommissions({
          genealogy,
          plan,
          orders,
          ...(input.achievedRanks !== undefined ? { achievedRanks: input.achievedRanks } : {}),
          ...(plan.binary !== null && input.placement !== undefined ? { placement: input.placement } : {}),
          ...(plan.binary !== null && input.binaryCarry !== undefined ? { binaryCarry: input.binaryCarry } : {}),
        }),
      runIssues[side],
    );
  const before = run('before', planBefore, bookBefore);
  const after = run('after', planAfter, bookAfter);
  throwIssues(runIssues.before, runIssues.after);
  const results = { before: before as CommissionResult, after: after as CommissionResult };
  const minDecimals = Math.max(planBefore.scale, planAfter.scale);
  return Object.freeze({
    changes: Object.freeze(diffPlans(planBefore, planAfter)),
    results: Object.freeze(results),
    totals: compareTotals(results.before, results.after, minDecimals),
    stages: Object.freeze(compareStages(results.before, results.after, minDecimals)),
    payees: comparePayees(results.before, results.after, minDecimals),
    compliance: input.members === undefined ? null : compareCompliance(input, results.before, results.after),
  });
}

/**
 * {@link comparePlans} without throwing.
 *
 * @example
 * ```ts
 * const outcome = safeComparePlans({ genealogy, orders, before, after });
 * if (!outcome.success) console.log(outcome.error.issues.map((i) => i.message));
 * ```
 */
export function safeComparePlans(input: ComparisonInput): SafeResult<PlanComparison> {
  return toSafe(() => comparePlans(input));
}

/** The comparison's shape checked and both plans parsed; every issue at once. */
function readInput(input: ComparisonInput): { before: Plan; after: Plan } {
  const issues: Issue[] = [];
  const invalid = (path: IssuePath, message: string) => issues.push({ code: ErrorCode.InvalidOptions, path, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw DownlineError.of(ErrorCode.InvalidOptions, 'comparison: must be an object { genealogy, orders, before, after }');
  }
  const record = input as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) invalid([key], `comparison: unknown key ${JSON.stringify(key)} (expected ${[...KNOWN_KEYS].join(', ')})`);
  }
  if (!(record.genealogy instanceof Genealogy)) invalid(['genealogy'], 'comparison genealogy: must be a Genealogy (Genealogy.fromRecords)');
  if (!isArrayLike(record.orders) && !isOrderBook(record.orders)) invalid(['orders'], 'comparison orders: must be an array of order records or an OrderBook (ingestOrders)');
  if (record.placement !== undefined && !isArrayLike(record.placement)) invalid(['placement'], 'comparison placement: must be an array of records');
  if (record.members !== undefined && !isArrayLike(record.members) && !(record.members instanceof MemberDays)) {
    invalid(['members'], 'comparison members: must be an array of records or MemberDays');
  }
  for (const key of ['binaryCarry', 'achievedRanks', 'compliance'] as const) {
    if (record[key] !== undefined && !isPlainObject(record[key])) invalid([key], `comparison ${key}: must be an object`);
  }
  if (isPlainObject(record.compliance)) {
    for (const key of Object.keys(record.compliance)) {
      if (!RECORD_KEYS.has(key)) invalid(['compliance', key], `comparison compliance: unknown key ${JSON.stringify(key)} (expected ${[...RECORD_KEYS].join(', ')})`);
    }
  }
  if (record.assessment !== undefined) collect(() => resolveOptions(record.assessment as AssessmentOptions, ['assessment']), issues);
  if (record.members === undefined) {
    for (const key of ['assessment', 'compliance'] as const) {
      if (record[key] !== undefined) invalid([key], `comparison ${key}: the compliance comparison needs the member records too (members)`);
    }
  }
  const plans: Partial<Record<Side, Plan | null>> = {};
  const planIssues: Record<Side, Issue[]> = { before: [], after: [] };
  for (const side of ['before', 'after'] as const) {
    if (record[side] === undefined) invalid([side], `comparison ${side}: the plan ${side === 'before' ? 'in force' : 'to compare with'} is required`);
    else plans[side] = collect(() => parsePlan(record[side], { path: [side] }), planIssues[side]);
  }
  const parsed = [plans.before, plans.after].filter((plan): plan is Plan => plan != null);
  if (parsed.length === 2 && parsed.every((plan) => plan.binary === null)) {
    for (const key of ['placement', 'binaryCarry'] as const) {
      if (record[key] != null) {
        issues.push({ code: ErrorCode.InvalidPlacement, path: [key], message: `${key}: neither plan pays a binary; leave ${key} out` });
      }
    }
  }
  issues.push(...labelled(planIssues.before, 'before'), ...labelled(planIssues.after, 'after'));
  if (issues.length > 0) throw new DownlineError(issues);
  return { before: plans.before as Plan, after: plans.after as Plan };
}

/** The order book of each run: the one given, or the records ingested once (once per scale). */
function orderBooks(input: ComparisonInput, before: Plan, after: Plan): [ArrayLike<OrderRecord> | OrderBook, ArrayLike<OrderRecord> | OrderBook] {
  const { orders, genealogy } = input;
  if (isOrderBook(orders)) return [orders, orders];
  const issues: Record<Side, Issue[]> = { before: [], after: [] };
  const ingest = (side: Side, plan: Plan) => collect(() => ingestOrders(orders, genealogy, { scale: plan.scale, path: ['orders'] }), issues[side]);
  const first = ingest('before', before);
  const second = after.scale === before.scale ? first : ingest('after', after);
  if (after.scale === before.scale) issues.after.push(...issues.before);
  throwIssues(issues.before, issues.after);
  return [first as OrderBook, second as OrderBook];
}

function compareTotals(before: CommissionResult, after: CommissionResult, minDecimals: number): TotalsComparison {
  const difference = {} as Record<TotalKey, string>;
  for (const key of TOTAL_KEYS) difference[key] = decimalDifference(before.totals[key], after.totals[key], minDecimals);
  return Object.freeze({ before: before.totals, after: after.totals, difference: Object.freeze(difference) });
}

function compareStages(before: CommissionResult, after: CommissionResult, minDecimals: number): StageComparison[] {
  const stagesBefore = new Map(before.stages().map((s) => [s.stage, s]));
  const stagesAfter = new Map(after.stages().map((s) => [s.stage, s]));
  const zero = (result: CommissionResult): StageFigures => {
    const text = formatUnits(0n, result.plan.scale);
    return { potential: text, paid: text, capped: text };
  };
  const figures = (stage: StageTotals | undefined, result: CommissionResult): StageFigures =>
    Object.freeze(stage === undefined ? zero(result) : { potential: stage.potential, paid: stage.paid, capped: stage.capped });
  const order = [...STAGE_NAMES, ...[...stagesBefore.keys(), ...stagesAfter.keys()].filter((s) => !STAGE_NAMES.includes(s))];
  const out: StageComparison[] = [];
  for (const stage of new Set<StageName>(order)) {
    const b = stagesBefore.get(stage);
    const a = stagesAfter.get(stage);
    if (b === undefined && a === undefined) continue;
    const fb = figures(b, before);
    const fa = figures(a, after);
    out.push(
      Object.freeze({
        stage,
        runs: Object.freeze({ before: b !== undefined, after: a !== undefined }),
        before: fb,
        after: fa,
        difference: Object.freeze({
          potential: decimalDifference(fb.potential, fa.potential, minDecimals),
          paid: decimalDifference(fb.paid, fa.paid, minDecimals),
          capped: decimalDifference(fb.capped, fa.capped, minDecimals),
        }),
      }),
    );
  }
  return out;
}

function comparePayees(before: CommissionResult, after: CommissionResult, decimals: number): PayeeComparison {
  const zeroBefore = formatUnits(0n, before.plan.scale);
  const zeroAfter = formatUnits(0n, after.plan.scale);
  const paidBefore = new Map<string, string>();
  for (const { id, amount } of before.payouts()) paidBefore.set(id, amount);
  const rows: { id: string; before: string; after: string; units: bigint }[] = [];
  let unchanged = 0;
  const visit = (id: string, b: string, a: string) => {
    const units = signedUnits(a, decimals) - signedUnits(b, decimals);
    if (units === 0n) unchanged++;
    else rows.push({ id, before: b, after: a, units });
  };
  for (const { id, amount } of after.payouts()) {
    visit(id, paidBefore.get(id) ?? zeroBefore, amount);
    paidBefore.delete(id);
  }
  for (const [id, amount] of paidBefore) visit(id, amount, zeroAfter);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  rows.sort((x, y) => {
    const ax = abs(x.units);
    const ay = abs(y.units);
    if (ax !== ay) return ax > ay ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  let gain = 0;
  const changes = rows.map((row): PayeeChange => {
    if (row.units > 0n) gain++;
    return Object.freeze({ id: row.id, before: row.before, after: row.after, difference: formatUnits(row.units, decimals) });
  });
  return Object.freeze({ changes: Object.freeze(changes), gain, lose: rows.length - gain, unchanged, payees: rows.length + unchanged });
}

function compareCompliance(input: ComparisonInput, before: CommissionResult, after: CommissionResult): ComplianceComparison {
  const issues: Record<Side, Issue[]> = { before: [], after: [] };
  const assess = (side: Side, result: CommissionResult) =>
    collect(
      () => assessCompliance({ ...(input.compliance ?? {}), result, members: input.members }, input.assessment ?? {}),
      issues[side],
    );
  const a = assess('before', before);
  const b = assess('after', after);
  const relocate = (list: Issue[]) => list.map(recordPath);
  throwIssues(relocate(issues.before), relocate(issues.after));
  return complianceChanges(a as ComplianceAssessment, b as ComplianceAssessment);
}

/** An assessment issue's path as the comparison input spells it: `compliance.costs[0]`, `assessment.…`. */
function recordPath(issue: Issue): Issue {
  const [head, ...rest] = issue.path;
  if (typeof head === 'string' && RECORD_KEYS.has(head)) return { ...issue, path: ['compliance', head, ...rest] };
  if (head === 'options') return { ...issue, path: ['assessment', ...rest] };
  return issue;
}

/**
 * Throws the issues of the two runs, if any: an issue found under both plans once, as it is; one found under
 * one plan only with the plan named.
 */
function throwIssues(before: readonly Issue[], after: readonly Issue[]): void {
  if (before.length === 0 && after.length === 0) return;
  const key = (issue: Issue) => `${issue.code}\u0000${JSON.stringify(issue.path)}\u0000${issue.message}`;
  const inBefore = new Set(before.map(key));
  const inAfter = new Set(after.map(key));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const issue of before) {
    const k = key(issue);
    if (seen.has(k)) continue;
    seen.add(k);
    issues.push(inAfter.has(k) ? issue : labelled([issue], 'before')[0]);
  }
  for (const issue of after) {
    const k = key(issue);
    if (seen.has(k) || inBefore.has(k)) continue;
    seen.add(k);
    issues.push(labelled([issue], 'after')[0]);
  }
  throw new DownlineError(issues);
}

function labelled(issues: readonly Issue[], side: Side): Issue[] {
  return issues.map((issue) => ({ ...issue, message: `${side} plan: ${issue.message}` }));
}


function isArrayLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as ArrayLike<unknown>).length);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
