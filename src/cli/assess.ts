/**
 * `downline assess`: the compliance assessment and the income disclosure statement of a period.
 *
 * @module
 */
import { formatAssessment, formatIncomeDisclosure, type CompliancePeriod, type CostRecord } from '../compliance';
import { assessAndDisclose } from '../compliance/assess-and-disclose';
import { DownlineError, type Issue } from '../errors';
import { type FlagSpecs, optionalFlag, type ParsedFlags, parseFlags } from './args';
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
  const flags = parseFlags(argv, COMPLIANCE_FLAGS, 'assess');
  if (flags.help === true) {
    io.stdout.write(`${COMMAND_HELP.assess}\n`);
    return 0;
  }
  const read = compliancePeriodReader(flags, io.cwd, 'assess');
  const { assessment, statement } = await withProgress(progressFor(flags, io, 'assess'), async (progress) => {
    const { period, options } = await read(sources, progress);
    progress.stage('assessing compliance');
    return assessAndDisclose(period, options);
  });
  io.stdout.write(`${formatAssessment(assessment).trimEnd()}\n\n${formatIncomeDisclosure(statement).trimEnd()}\n`);
  return 0;
}

/**
 * The flags of the commands that assess a period (`assess`, `report`): the period's files, the costs, the
 * period's dates and the low-income limit.
 *
 * @example
 * ```ts
 * const flags = parseFlags(argv, { ...COMPLIANCE_FLAGS, out: { type: 'string' } }, 'report');
 * ```
 */
export const COMPLIANCE_FLAGS: FlagSpecs = {
  ...PERIOD_FLAGS,
  costs: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  'low-income-limit': { type: 'string' },
};

/**
 * Checks the compliance flags' files (usage errors before any work) and returns the reader of the period:
 * validated and computed, with the member records, the costs, the dates and the options of the assessment.
 * Invalid input throws one `DownlineError` with every issue, located by `sources`.
 *
 * @example
 * ```ts
 * const read = compliancePeriodReader(flags, io.cwd, 'report');
 * const { period, options } = await read(sources, progress);
 * ```
 */
export function compliancePeriodReader(
  flags: ParsedFlags,
  cwd: string,
  command: string,
): (sources: Sources, progress: Progress) => Promise<{ period: CompliancePeriod; options: { lowIncomeLimit?: string } }> {
  const files = periodFiles(flags, cwd, command);
  const costsFile = optionalFlag(flags, 'costs');
  if (costsFile !== undefined) inputFile(costsFile, '--costs', cwd, command); // a usage error before any work
  const start = optionalFlag(flags, 'start');
  const end = optionalFlag(flags, 'end');
  const lowIncomeLimit = optionalFlag(flags, 'low-income-limit');
  return async (sources, progress) => {
    const { issues, period } = await validatePeriod(files, sources, { progress, keepDays: true });
    const costs = await readCosts(costsFile, cwd, command, sources, issues, progress);
    if (issues.length > 0 || period === null) throw new DownlineError(issues);
    return {
      period: {
        result: period.result,
        ...(period.memberDays !== undefined ? { members: period.memberDays } : {}),
        ...(costs !== undefined ? { costs } : {}),
        ...(start !== undefined ? { start } : {}),
        ...(end !== undefined ? { end } : {}),
      },
      options: lowIncomeLimit !== undefined ? { lowIncomeLimit } : {},
    };
  };
}
