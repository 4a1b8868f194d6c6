/**
 * One period read from its files and validated: the plan, the members (and their genealogy), the orders, and
 * the commission result. Every problem found is collected, located, before anything is computed.
 *
 * @module
 */
import { type CommissionResult, computeCommissions } from '../engine';
import { DownlineError, ErrorCode, type Issue, collect } from '../errors';
import { Genealogy, type MemberRecord } from '../genealogy';
import { type OrderBook, type OrderRecord, safeIngestOrders } from '../orders';
import { type Plan, safeParsePlan } from '../plan';
import { type FlagSpecs, type ParsedFlags, requireFlag } from './args';
import { type InputFile, inputFile, readJson, readTable } from './inputs';
import type { Sources } from './sources';

/**
 * A validated period, ready to report on.
 *
 * @example
 * ```ts
 * const period: Period = await loadPeriod(files, sources);
 * period.result.totals.paid;
 * ```
 */
export interface Period {
  readonly plan: Plan;
  readonly members: MemberRecord[];
  readonly genealogy: Genealogy;
  readonly orderRecords: OrderRecord[];
  readonly orders: OrderBook;
  readonly result: CommissionResult;
}

/**
 * The files of one period.
 *
 * @example
 * ```ts
 * const files: PeriodFiles = { plan: inputFile('plan.json', '--plan', cwd, 'run', true), members, orders };
 * ```
 */
export interface PeriodFiles {
  readonly plan: InputFile;
  readonly members: InputFile;
  readonly orders: InputFile;
}

/**
 * Reads and validates a plan file; its issues have paths under `key` (`plan`, `before`, `after`).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * const plan = readPlan(input, 'plan', sources, issues); // null when invalid
 * ```
 */
export function readPlan(input: InputFile, key: string, sources: Sources, issues: Issue[]): Plan | null {
  sources.set(key, { file: input.file, format: 'json' });
  const read = readJson(input, ErrorCode.InvalidPlan);
  issues.push(...read.issues);
  if (read.issues.length > 0) return null;
  const plan = safeParsePlan(read.value, { path: [key] });
  if (plan.success) return plan.data;
  issues.push(...plan.error.issues);
  return null;
}

/**
 * Reads the members file and builds the genealogy; null when the file or the records have problems (all
 * pushed to `issues`).
 *
 * @example
 * ```ts
 * const members = await readMembers(input, sources, issues);
 * members?.genealogy.roots();
 * ```
 */
export async function readMembers(
  input: InputFile,
  sources: Sources,
  issues: Issue[],
): Promise<{ members: MemberRecord[]; genealogy: Genealogy } | null> {
  const table = await readTable('members', input, sources);
  issues.push(...table.issues);
  if (table.issues.length > 0) return null;
  const members = table.records as unknown as MemberRecord[];
  const genealogy = Genealogy.safeFromRecords(members, { path: ['members'] });
  if (genealogy.success) return { members, genealogy: genealogy.data };
  issues.push(...genealogy.error.issues);
  return null;
}

/**
 * Reads the orders file; the records are validated later, against a genealogy and a plan's scale.
 *
 * @example
 * ```ts
 * const records = await readOrders(input, sources, issues); // null when the file itself has problems
 * ```
 */
export async function readOrders(input: InputFile, sources: Sources, issues: Issue[]): Promise<OrderRecord[] | null> {
  const table = await readTable('orders', input, sources);
  issues.push(...table.issues);
  return table.issues.length > 0 ? null : (table.records as unknown as OrderRecord[]);
}

/**
 * Reads and validates a whole period and computes it, collecting every problem: the three files first, then
 * the plan and the members together, then the orders (once the plan gives their scale and the members their
 * affiliates), then the computation itself. `period` is null when any issue was found.
 *
 * @example
 * ```ts
 * const { issues, period } = await validatePeriod(files, sources);
 * for (const issue of issues) console.log(sources.format(issue));
 * ```
 */
export async function validatePeriod(files: PeriodFiles, sources: Sources): Promise<{ issues: Issue[]; period: Period | null }> {
  const issues: Issue[] = [];
  const plan = readPlan(files.plan, 'plan', sources, issues);
  const members = await readMembers(files.members, sources, issues);
  const orderRecords = await readOrders(files.orders, sources, issues);
  if (plan === null || members === null || orderRecords === null) return { issues, period: null };
  const book = safeIngestOrders(orderRecords, members.genealogy, { scale: plan.scale, path: ['orders'] });
  if (!book.success) return { issues: [...issues, ...book.error.issues], period: null };
  const result = collect(() => computeCommissions({ genealogy: members.genealogy, plan, orders: book.data }), issues);
  if (result === null) return { issues, period: null };
  return { issues, period: { plan, ...members, orderRecords, orders: book.data, result } };
}

/**
 * {@link validatePeriod}, throwing one {@link DownlineError} with every issue.
 *
 * @example
 * ```ts
 * const { result } = await loadPeriod(files, sources);
 * ```
 */
export async function loadPeriod(files: PeriodFiles, sources: Sources): Promise<Period> {
  const { issues, period } = await validatePeriod(files, sources);
  if (period === null) throw new DownlineError(issues);
  return period;
}

/**
 * The period files named by `--plan`, `--members` and `--orders`, checked to exist (a `UsageError`
 * otherwise, exit code 2).
 *
 * @example
 * ```ts
 * const files = periodFiles(parseFlags(argv, PERIOD_FLAGS, 'check'), io.cwd, 'check');
 * ```
 */
export function periodFiles(flags: ParsedFlags, cwd: string, command: string): PeriodFiles {
  const plan = requireFlag(flags, 'plan', command);
  const members = requireFlag(flags, 'members', command);
  const orders = requireFlag(flags, 'orders', command);
  return {
    plan: inputFile(plan, '--plan', cwd, command, true),
    members: inputFile(members, '--members', cwd, command),
    orders: inputFile(orders, '--orders', cwd, command),
  };
}

/**
 * The flags every period command takes.
 *
 * @example
 * ```ts
 * parseFlags(argv, { ...PERIOD_FLAGS, quiet: { type: 'boolean' } }, 'run');
 * ```
 */
export const PERIOD_FLAGS: FlagSpecs = {
  plan: { type: 'string' },
  members: { type: 'string' },
  orders: { type: 'string' },
};
