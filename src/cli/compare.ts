/**
 * `downline compare`: the same period under two plans.
 *
 * @module
 */
import { comparePlans, formatComparison } from '../compare';
import { MemberDaysBuilder } from '../compliance/member-days';
import { DownlineError, type Issue, toSafe } from '../errors';
import type { Genealogy } from '../genealogy';
import { type OrderBook, OrderBookBuilder, type OrderRecord } from '../orders';
import type { Plan } from '../plan';
import { VERBOSITY_FLAGS, UsageError, optionalFlag, parseFlags, requireFlag } from './args';
import { readCosts } from './assess';
import { BINARY_FLAGS, binaryFiles, readCarry, readPlacement } from './binary-files';
import { COMMAND_HELP } from './help';
import { type InputFile, inputFile } from './inputs';
import type { CliIo } from './output';
import { readOrders, readPlan, room, streamGenealogy, streamOrders } from './period';
import { type Progress, progressFor, withProgress } from './progress';
import type { Sources } from './sources';

/**
 * Runs `downline compare --before a.json --after b.json --members … --orders … [--costs …] [--top n]
 * [--placement …] [--binary-carry …] [--quiet] [--progress]`: prints `formatComparison` of the two plans on
 * the period, with the compliance comparison. Returns 0; invalid input throws a `DownlineError` whose issues
 * `sources` locates (plan issues under `before` and `after`; the placement and the carry go to whichever plan
 * pays a binary).
 *
 * @example
 * ```ts
 * await compareCommand(['--before', 'v1.json', '--after', 'v2.json', '--members', 'members.csv', '--orders', 'orders.csv'], io, new Sources());
 * ```
 */
export async function compareCommand(argv: readonly string[], io: CliIo, sources: Sources): Promise<number> {
  const flags = parseFlags(
    argv,
    {
      before: { type: 'string' },
      after: { type: 'string' },
      members: { type: 'string' },
      orders: { type: 'string' },
      costs: { type: 'string' },
      top: { type: 'string' },
      ...BINARY_FLAGS,
      ...VERBOSITY_FLAGS,
    },
    'compare',
  );
  if (flags.help === true) {
    io.stdout.write(`${COMMAND_HELP.compare}\n`);
    return 0;
  }
  const before = inputFile(requireFlag(flags, 'before', 'compare'), '--before', io.cwd, 'compare', true);
  const after = inputFile(requireFlag(flags, 'after', 'compare'), '--after', io.cwd, 'compare', true);
  const membersFile = inputFile(requireFlag(flags, 'members', 'compare'), '--members', io.cwd, 'compare');
  const ordersFile = inputFile(requireFlag(flags, 'orders', 'compare'), '--orders', io.cwd, 'compare');
  const costsFile = optionalFlag(flags, 'costs');
  if (costsFile !== undefined) inputFile(costsFile, '--costs', io.cwd, 'compare');
  const binary = binaryFiles(flags, io.cwd, 'compare');
  const topText = optionalFlag(flags, 'top');
  const top = topText === undefined ? 10 : Number(topText);
  if (topText !== undefined && !/^\d+$/.test(topText)) throw new UsageError(`--top ${topText}: expected a whole number`, 'compare');

  const comparison = await withProgress(progressFor(flags, io, 'compare'), async (progress) => {
    const issues: Issue[] = [];
    const planBefore = readPlan(before, 'before', sources, issues, progress);
    const planAfter = readPlan(after, 'after', sources, issues, progress);
    const days = new MemberDaysBuilder({ path: ['members'] });
    const members = await streamGenealogy(membersFile, sources, issues, progress, days);
    const orders = await compareOrders(ordersFile, sources, issues, progress, members?.genealogy ?? null, planBefore, planAfter);
    const costs = await readCosts(costsFile, io.cwd, 'compare', sources, issues, progress);
    const placement = binary.placement === undefined ? undefined : await readPlacement(binary.placement, sources, issues, progress);
    const binaryCarry = binary.binaryCarry === undefined ? undefined : readCarry(binary.binaryCarry, sources, issues);
    if (issues.length > 0 || planBefore === null || planAfter === null || members === null || orders === null || placement === null || binaryCarry === null) {
      throw new DownlineError(issues);
    }
    progress.stage('computing the period under both plans');
    return comparePlans({
      genealogy: members.genealogy,
      orders,
      before: planBefore,
      after: planAfter,
      ...(members.memberDays === undefined ? {} : { members: members.memberDays }),
      ...(placement === undefined ? {} : { placement }),
      ...(binaryCarry === undefined ? {} : { binaryCarry }),
      ...(costs !== undefined ? { compliance: { costs } } : {}),
    });
  });
  io.stdout.write(`${formatComparison(comparison, { top }).trimEnd()}\n`);
  return 0;
}

/**
 * The orders of a comparison: ingested chunk by chunk into one order book when both plans have one scale (the
 * usual case: the file is never held whole), read as records otherwise (each plan ingests them at its own
 * scale). Null when the file or, for a book, its records have problems (pushed to `issues`).
 */
async function compareOrders(
  input: InputFile,
  sources: Sources,
  issues: Issue[],
  progress: Progress,
  genealogy: Genealogy | null,
  before: Plan | null,
  after: Plan | null,
): Promise<OrderBook | OrderRecord[] | null> {
  if (genealogy === null || before === null || after === null || before.scale !== after.scale) return readOrders(input, sources, issues, progress);
  const builder = new OrderBookBuilder(genealogy, { scale: before.scale, path: ['orders'], ...room(input) });
  if (!(await streamOrders(input, sources, issues, builder, progress))) return null;
  progress.stage('checking the orders');
  const book = toSafe(() => builder.build());
  if (book.success) return book.data;
  issues.push(...book.error.issues);
  return null;
}
