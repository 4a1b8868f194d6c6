/**
 * `downline check`: validates a period's files and lists every problem.
 *
 * @module
 */
import { DownlineError, type Issue } from '../errors';
import { parseFlags } from './args';
import { COMMAND_HELP } from './help';
import { LEDGER_INPUT_FLAGS, type LedgerInputs, ledgerInputs, runOnLedger } from './ledger';
import type { CliIo } from './output';
import { PERIOD_FLAGS, type PeriodFiles, type PeriodInputs, periodFiles, readPeriodInputs, validatePeriod } from './period';
import { type Progress, progressFor, withProgress } from './progress';
import type { Sources } from './sources';

/**
 * Runs `downline check --plan … --members … --orders … [--placement …] [--binary-carry …] [--period <id>
 * [--state …] [--refunds …] [--leavers …]] [--quiet] [--progress]`: with `--period`, the period is checked
 * on the ledger as `run` would close it (the state, the refunds and the leavers too), nothing written. Prints
 * every problem to stdout as
 * `file:line: CODE message` (CSV rows) or `file: path: CODE message` (JSON records), then a count; returns 1
 * when there is any problem, 0 (with a one-line summary) otherwise.
 *
 * @example
 * ```ts
 * const code = await checkCommand(['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv'], io, new Sources());
 * // orders.csv:3: UNKNOWN_AFFILIATE order "o2": unknown affiliate "Z"
 * // 1 problem found
 * ```
 */
export async function checkCommand(argv: readonly string[], io: CliIo, sources: Sources): Promise<number> {
  const flags = parseFlags(argv, { ...PERIOD_FLAGS, ...LEDGER_INPUT_FLAGS }, 'check');
  if (flags.help === true) {
    io.stdout.write(`${COMMAND_HELP.check}\n`);
    return 0;
  }
  const files = periodFiles(flags, io.cwd, 'check');
  const ledger = ledgerInputs(flags, io.cwd, 'check');
  const { issues, period } = await withProgress(progressFor(flags, io, 'check'), (progress) =>
    ledger === null ? validatePeriod(files, sources, { progress }) : checkOnLedger(files, ledger, sources, progress),
  );
  for (const issue of issues) io.stdout.write(`${sources.format(issue)}\n`);
  if (issues.length > 0 || period === null) {
    io.stdout.write(`${issues.length} problem${issues.length === 1 ? '' : 's'} found\n`);
    return 1;
  }
  const affiliates = period.genealogy.size;
  const orders = period.orders.count;
  const placed = period.placement === undefined ? '' : `, ${period.placement.length} placement${period.placement.length === 1 ? '' : 's'}`;
  io.stdout.write(`ok: plan ${files.plan.file}, ${affiliates} member${affiliates === 1 ? '' : 's'}, ${orders} order${orders === 1 ? '' : 's'}${placed}\n`);
  return 0;
}

/** The period read and closed on the ledger in memory (nothing written), every problem collected. */
async function checkOnLedger(
  files: PeriodFiles,
  ledger: LedgerInputs,
  sources: Sources,
  progress: Progress,
): Promise<{ issues: Issue[]; period: PeriodInputs | null }> {
  const { issues, inputs } = await readPeriodInputs(files, sources, { progress });
  if (inputs === null) return { issues, period: null };
  try {
    await runOnLedger(inputs, ledger, sources, progress);
    return { issues, period: inputs };
  } catch (error) {
    if (!(error instanceof DownlineError)) throw error;
    return { issues: [...issues, ...error.issues], period: null };
  }
}
