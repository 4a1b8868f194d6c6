/**
 * One period read from its files and validated: the plan, the members (and their genealogy), the orders, the
 * binary placement and carry when given, and the commission result. Every problem found is collected, located,
 * before anything is computed.
 *
 * @module
 */
import { type BinaryCarryInput, type CommissionInput, type CommissionResult, type PlacementRecord, computeCommissions } from '../engine';
import { DownlineError, ErrorCode, type Issue, collect, toSafe } from '../errors';
import { MemberDays, MemberDaysBuilder } from '../compliance/member-days';
import { type Genealogy, GenealogyBuilder, type MemberRecord } from '../genealogy';
import { type OrderBook, OrderBookBuilder, type OrderRecord } from '../orders';
import { type Plan, safeParsePlan } from '../plan';
import { type FlagSpecs, type ParsedFlags, VERBOSITY_FLAGS, requireFlag } from './args';
import { BINARY_FLAGS, type BinaryFiles, binaryFileIssues, binaryFiles, readCarry, readPlacement } from './binary-files';
import { CHUNK_ROWS, type InputFile, inputFile, readJson, readTable } from './inputs';
import { recordsAtMost } from './line-count';
import { NO_PROGRESS, type Progress } from './progress';
import type { Sources } from './sources';

/**
 * What a period's files hold once read and validated, before it is computed. The order records are ingested
 * into `orders` chunk by chunk as they are read, never all held at once; so are the member records into the
 * genealogy (and, when asked for, into their join and leave days).
 *
 * @example
 * ```ts
 * const { issues, inputs } = await readPeriodInputs(files, sources);
 * inputs?.orders.count; // how many orders
 * ```
 */
export interface PeriodInputs {
  readonly plan: Plan;
  /** The members' join and leave days, when asked for with `keepDays` (compliance reads them). */
  readonly memberDays?: MemberDays;
  readonly genealogy: Genealogy;
  readonly orders: OrderBook;
  /** The binary placement, when `--placement` was given. */
  readonly placement?: PlacementRecord[];
  /** The binary volume carried in, when `--binary-carry` was given. */
  readonly binaryCarry?: Record<string, BinaryCarryInput>;
}

/**
 * A validated period, computed, ready to report on.
 *
 * @example
 * ```ts
 * const period: Period = await loadPeriod(files, sources);
 * period.result.totals.paid;
 * ```
 */
export interface Period extends PeriodInputs {
  readonly result: CommissionResult;
}

/**
 * The files of one period; `placement` and `binaryCarry` for a binary plan.
 *
 * @example
 * ```ts
 * const files: PeriodFiles = { plan: inputFile('plan.json', '--plan', cwd, 'run', true), members, orders };
 * ```
 */
export interface PeriodFiles extends BinaryFiles {
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
export function readPlan(input: InputFile, key: string, sources: Sources, issues: Issue[], progress: Progress = NO_PROGRESS): Plan | null {
  progress.stage(`reading ${input.file}`);
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
 * Reads the members file in chunks of {@link CHUNK_ROWS} records, each checked by a {@link GenealogyBuilder} as
 * soon as it is read and then dropped (only the ids are kept, packed), and builds the genealogy; with a
 * {@link MemberDaysBuilder}, the chunks go to it too and the members' days are built as well. Null when the file
 * or the records have problems (all pushed to `issues`, located as for a whole table); bad dates are pushed to
 * `issues` too, but leave the genealogy (without days) to check the orders against.
 *
 * @example
 * ```ts
 * const read = await streamGenealogy(input, sources, issues, progress, new MemberDaysBuilder({ path: ['members'] }));
 * read?.genealogy.roots();
 * read?.memberDays?.joinDays;
 * ```
 */
export async function streamGenealogy(
  input: InputFile,
  sources: Sources,
  issues: Issue[],
  progress: Progress = NO_PROGRESS,
  days?: MemberDaysBuilder,
): Promise<{ genealogy: Genealogy; memberDays?: MemberDays } | null> {
  const builder = new GenealogyBuilder({ path: ['members'], ...room(input) });
  const take = (records: unknown[]) => {
    builder.add(records as MemberRecord[]);
    days?.add(records as MemberRecord[]);
  };
  const table = await readTable('members', input, sources, progress, { rows: CHUNK_ROWS, take });
  issues.push(...table.issues);
  if (table.issues.length > 0) return null;
  progress.stage('building the genealogy');
  const genealogy = toSafe(() => builder.build());
  if (!genealogy.success) {
    issues.push(...genealogy.error.issues);
    return null;
  }
  if (days === undefined) return { genealogy: genealogy.data };
  const memberDays = toSafe(() => days.build(genealogy.data));
  if (memberDays.success) return { genealogy: genealogy.data, memberDays: memberDays.data };
  // bad dates leave the genealogy usable: the orders are still checked against it, every problem at once
  issues.push(...memberDays.error.issues);
  return { genealogy: genealogy.data };
}

/**
 * Reads the orders file; the records are validated later, against a genealogy and a plan's scale.
 *
 * @example
 * ```ts
 * const records = await readOrders(input, sources, issues); // null when the file itself has problems
 * ```
 */
export async function readOrders(input: InputFile, sources: Sources, issues: Issue[], progress: Progress = NO_PROGRESS): Promise<OrderRecord[] | null> {
  const table = await readTable('orders', input, sources, progress);
  issues.push(...table.issues);
  return table.issues.length > 0 ? null : (table.records as OrderRecord[]);
}

/**
 * Reads the orders file in chunks of {@link CHUNK_ROWS} records, each handed to `builder` as soon as it is read,
 * so that one chunk of records is held at a time (with no builder, when the plan or the members are unusable,
 * the records are read for the file's own problems and dropped). False when the file itself has problems.
 *
 * @example
 * ```ts
 * const builder = new OrderBookBuilder(genealogy, { scale: plan.scale, path: ['orders'] });
 * if (await streamOrders(input, sources, issues, builder)) builder.build();
 * ```
 */
export async function streamOrders(
  input: InputFile,
  sources: Sources,
  issues: Issue[],
  builder: OrderBookBuilder | null,
  progress: Progress = NO_PROGRESS,
): Promise<boolean> {
  const take = builder === null ? () => {} : (records: unknown[]) => void builder.add(records as OrderRecord[]);
  const table = await readTable('orders', input, sources, progress, { rows: CHUNK_ROWS, take });
  issues.push(...table.issues);
  return table.issues.length === 0;
}

/**
 * How a period is read: the progress to report to, and whether to keep the members' join and leave days.
 *
 * @example
 * ```ts
 * const options: PeriodOptions = { progress: progressFor(flags, io, 'assess'), keepDays: true };
 * ```
 */
export interface PeriodOptions {
  readonly progress?: Progress;
  readonly keepDays?: boolean;
}

/**
 * Reads and validates a period's files, collecting every problem: the files first (plan, members and their
 * genealogy, orders, placement, carry), then the orders against the plan's scale and the members. `inputs` is
 * null when any issue was found.
 *
 * @example
 * ```ts
 * const { issues, inputs } = await readPeriodInputs(files, sources, { progress });
 * ```
 */
export async function readPeriodInputs(
  files: PeriodFiles,
  sources: Sources,
  options: PeriodOptions = {},
): Promise<{ issues: Issue[]; inputs: PeriodInputs | null }> {
  const { progress = NO_PROGRESS, keepDays = false } = options;
  const issues: Issue[] = [];
  const plan = readPlan(files.plan, 'plan', sources, issues, progress);
  const days = keepDays ? new MemberDaysBuilder({ path: ['members'] }) : undefined;
  const members = await streamGenealogy(files.members, sources, issues, progress, days);
  const genealogy = members?.genealogy ?? null;
  // the orders are checked against the plan's scale and the members while they are read, chunk by chunk
  const builder =
    plan === null || genealogy === null ? null : new OrderBookBuilder(genealogy, { scale: plan.scale, path: ['orders'], ...room(files.orders) });
  const ordersRead = await streamOrders(files.orders, sources, issues, builder, progress);
  const placement = files.placement === undefined ? undefined : await readPlacement(files.placement, sources, issues, progress);
  const binaryCarry = files.binaryCarry === undefined ? undefined : readCarry(files.binaryCarry, sources, issues);
  if (plan !== null) issues.push(...binaryFileIssues(plan, files));
  // the order records are checked whenever there is a genealogy and a scale to check them against, even when
  // another file has problems: every problem at once
  let book: OrderBook | null = null;
  if (builder !== null && ordersRead) {
    progress.stage('checking the orders');
    const built = toSafe(() => builder.build());
    if (built.success) book = built.data;
    else issues.push(...built.error.issues);
  }
  if (issues.length > 0 || plan === null || genealogy === null || book === null || placement === null || binaryCarry === null) {
    return { issues, inputs: null };
  }
  const inputs: PeriodInputs = {
    plan,
    genealogy,
    ...(members?.memberDays === undefined ? {} : { memberDays: members.memberDays }),
    orders: book,
    ...(placement === undefined ? {} : { placement }),
    ...(binaryCarry === undefined ? {} : { binaryCarry }),
  };
  return { issues, inputs };
}

/**
 * The `capacity` to give a builder for a file's records: its line count, when it has lines to count.
 *
 * @example
 * ```ts
 * new OrderBookBuilder(genealogy, { scale: 2, path: ['orders'], ...room(files.orders) });
 * ```
 */
export function room(input: InputFile): { capacity?: number } {
  const most = recordsAtMost(input);
  return most === undefined ? {} : { capacity: most };
}

/**
 * What `computeCommissions` takes for the period read.
 *
 * @example
 * ```ts
 * const result = computeCommissions(commissionInput(inputs));
 * ```
 */
export function commissionInput(inputs: PeriodInputs): CommissionInput {
  const { genealogy, plan, orders, placement, binaryCarry } = inputs;
  return { genealogy, plan, orders, ...(placement === undefined ? {} : { placement }), ...(binaryCarry === undefined ? {} : { binaryCarry }) };
}

/**
 * Reads and validates a whole period and computes it, collecting every problem: the files
 * ({@link readPeriodInputs}), then the computation itself (the placement and the carry are checked there).
 * `period` is null when any issue was found.
 *
 * @example
 * ```ts
 * const { issues, period } = await validatePeriod(files, sources);
 * for (const issue of issues) console.log(sources.format(issue));
 * ```
 */
export async function validatePeriod(files: PeriodFiles, sources: Sources, options: PeriodOptions = {}): Promise<{ issues: Issue[]; period: Period | null }> {
  const { issues, inputs } = await readPeriodInputs(files, sources, options);
  if (inputs === null) return { issues, period: null };
  options.progress?.stage('computing the period');
  const result = collect(() => computeCommissions(commissionInput(inputs)), issues);
  if (result === null) return { issues, period: null };
  return { issues, period: { ...inputs, result } };
}

/**
 * {@link validatePeriod}, throwing one {@link DownlineError} with every issue.
 *
 * @example
 * ```ts
 * const { result } = await loadPeriod(files, sources);
 * ```
 */
export async function loadPeriod(files: PeriodFiles, sources: Sources, options: PeriodOptions = {}): Promise<Period> {
  const { issues, period } = await validatePeriod(files, sources, options);
  if (period === null) throw new DownlineError(issues);
  return period;
}

/**
 * The period files named by `--plan`, `--members`, `--orders` and, when given, `--placement` and
 * `--binary-carry`, checked to exist (a `UsageError` otherwise, exit code 2).
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
    ...binaryFiles(flags, cwd, command),
  };
}

/**
 * The flags every period command takes: the period's files, `--quiet`/`-q` and `--progress`.
 *
 * @example
 * ```ts
 * parseFlags(argv, { ...PERIOD_FLAGS, out: { type: 'string' } }, 'run');
 * ```
 */
export const PERIOD_FLAGS: FlagSpecs = {
  plan: { type: 'string' },
  members: { type: 'string' },
  orders: { type: 'string' },
  ...BINARY_FLAGS,
  ...VERBOSITY_FLAGS,
};
