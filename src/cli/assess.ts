/**
 * `downline assess`: the compliance assessment and the income disclosure statement of a period.
 *
 * @module
 */
import { assessCompliance, discloseIncome, formatAssessment, formatIncomeDisclosure, type CompliancePeriod, type CostRecord } from '../compliance';
import { DownlineError, type Issue } from '../errors';
import { optionalFlag, parseFlags } from './args';
import { COMMAND_HELP } from './help';
import { inputFile, readTable } from './inputs';
import type { CliIo } from './output';
import { PERIOD_FLAGS, periodFiles, validatePeriod } from './period';
import { NO_PROGRESS, type Progress, progressFor, withProgress } from './progress';
import type { Sources } from './sources';

/**
 * Reads the `--costs` file (CSV `affiliateId,amount,kind` or a JSON array) when given; its file problems go
 * to `issues`. Undefined when the flag is absent: costs are then "not known".
 *
 * @example
 * ```ts
 * const costs = await readCosts('costs.csv', io.cwd, 'assess', sources, issues);
 * ```
 */
export async function readCosts(
  file: string | undefined,
  cwd: string,
  command: string,
  sources: Sources,
  issues: Issue[],
  progress: Progress = NO_PROGRESS,
): Promise<CostRecord[] | undefined> {
  if (file === undefined) return undefined;
  const table = await readTable('costs', inputFile(file, '--costs', cwd, command), sources, progress);
  issues.push(...table.issues);
  return table.records as unknown as CostRecord[];
}

/**
 * Runs `downline assess --plan … --members … --orders … [--costs …] [--start …] [--end …]
 * [--low-income-limit …] [--placement …] [--binary-carry …] [--quiet] [--progress]`: prints
 * `formatAssessment` and `formatIncomeDisclosure` for the period. Returns 0; invalid input throws a
 * `DownlineError` whose issues `sources` locates.
 *
 * @example
 * ```ts
 * await assessCommand(['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv', '--costs', 'costs.csv'], io, new Sources());
 * ```
 */
export async function assessCommand(argv: readonly string[], io: CliIo, sources: Sources): Promise<number> {
  const flags = parseFlags(
    argv,
    { ...PERIOD_FLAGS, costs: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, 'low-income-limit': { type: 'string' } },
    'assess',
  );
  if (flags.help === true) {
    io.stdout.write(`${COMMAND_HELP.assess}\n`);
    return 0;
  }
  const files = periodFiles(flags, io.cwd, 'assess');
  const costsFile = optionalFlag(flags, 'costs');
  if (costsFile !== undefined) inputFile(costsFile, '--costs', io.cwd, 'assess'); // a usage error before any work
  const start = optionalFlag(flags, 'start');
  const end = optionalFlag(flags, 'end');
  const lowIncomeLimit = optionalFlag(flags, 'low-income-limit');
  const { assessment, statement } = await withProgress(progressFor(flags, io, 'assess'), async (progress) => {
    const { issues, period } = await validatePeriod(files, sources, { progress, keepMembers: true });
    const costs = await readCosts(costsFile, io.cwd, 'assess', sources, issues, progress);
    if (issues.length > 0 || period === null) throw new DownlineError(issues);
    const record: CompliancePeriod = {
      result: period.result,
      ...(period.members !== undefined ? { members: period.members } : {}),
      ...(costs !== undefined ? { costs } : {}),
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
    };
    const options = lowIncomeLimit !== undefined ? { lowIncomeLimit } : {};
    progress.stage('assessing compliance');
    return { assessment: assessCompliance(record, options), statement: discloseIncome(record, options) };
  });
  io.stdout.write(`${formatAssessment(assessment).trimEnd()}\n\n${formatIncomeDisclosure(statement).trimEnd()}\n`);
  return 0;
}
