/**
 * `downline run`: computes a period, or closes one on a ledger, and writes the payouts.
 *
 * @module
 */
import type { CommissionResult, Payout } from '../engine';
import { DownlineError } from '../errors';
import { type PeriodStatement, serializeState } from '../ledger';
import { optionalFlag, parseFlags } from './args';
import { writeCarry } from './binary-files';
import { COMMAND_HELP } from './help';
import { type FileFormat, formatOf } from './inputs';
import { LEDGER_FLAGS, type LedgerFiles, formatStatementTotals, ledgerFiles, ledgerPayouts, runOnLedger, writeStatement } from './ledger';
import { type CliIo, formatTotals, writePayouts } from './output';
import { PERIOD_FLAGS, type PeriodFiles, loadPeriod, periodFiles, readPeriodInputs } from './period';
import { type Progress, progressFor, withProgress } from './progress';
import type { Sources } from './sources';
import { type OutputFile, outputFile, replaceFile } from './text-sink';

/** What a run computed: the period's result, the payouts to write, and on a ledger the statement and next state. */
interface RunOutcome {
  readonly result: CommissionResult;
  /** Written one at a time: a plain run streams them from the result, never holding them all. */
  readonly payouts: Iterable<Payout>;
  /** Members earning commission this period (the totals' `payees`); null: as many as the payouts written. */
  readonly payees: number | null;
  readonly statement: PeriodStatement | null;
  readonly nextState: string | null;
}

/** Where a run writes: `--out` (stdout when absent) in its format, and `--carry-out`. */
interface RunTargets {
  readonly out: OutputFile | undefined;
  readonly format: FileFormat;
  readonly carryOut: OutputFile | undefined;
  readonly ledger: LedgerFiles | null;
}

/**
 * Runs `downline run --plan … --members … --orders … [--out payouts.csv|json|jsonl] [--placement …]
 * [--binary-carry …] [--carry-out …] [--period <id> [--state …] [--refunds …] [--leavers …] --state-out …
 * [--statement …]] [--quiet] [--progress]`. The payouts go to `--out` (by extension) or as CSV to stdout; the
 * totals to stdout, or to stderr when the payouts take stdout. On a ledger (`--period`) the payouts are what
 * the ledger pays out this period, the statement's totals go to stderr, and the next state is written last,
 * atomically. `--quiet` prints nothing but errors. Returns the exit code; invalid input throws a
 * `DownlineError` whose issues `sources` locates.
 *
 * @example
 * ```ts
 * const code = await runCommand(['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv', '--out', 'payouts.csv'], io, new Sources());
 * ```
 */
export async function runCommand(argv: readonly string[], io: CliIo, sources: Sources): Promise<number> {
  const flags = parseFlags(argv, { ...PERIOD_FLAGS, ...LEDGER_FLAGS, out: { type: 'string' }, 'carry-out': { type: 'string' } }, 'run');
  if (flags.help === true) {
    io.stdout.write(`${COMMAND_HELP.run}\n`);
    return 0;
  }
  // every file is checked before any work: a typo is a usage error, not a failure after a long run
  const files = periodFiles(flags, io.cwd, 'run');
  const outName = optionalFlag(flags, 'out');
  const carryName = optionalFlag(flags, 'carry-out');
  const targets: RunTargets = {
    out: outName === undefined ? undefined : outputFile(outName, '--out', io.cwd, 'run'),
    format: outName === undefined ? 'csv' : formatOf(outName, '--out', 'run'),
    carryOut: carryName === undefined ? undefined : outputFile(carryName, '--carry-out', io.cwd, 'run'),
    ledger: ledgerFiles(flags, io.cwd, 'run'),
  };
  const { outcome, written } = await withProgress(progressFor(flags, io, 'run'), async (progress) => {
    const computed = await compute(files, targets.ledger, sources, progress);
    return { outcome: computed, written: writeOutputs(computed, targets, io, progress) };
  });
  if (flags.quiet !== true) {
    const text = `${formatTotals(outcome.result.totals, outcome.payees ?? written)}${wroteLines(written, targets)}`;
    if (targets.out === undefined) io.stderr.write(text);
    else io.stdout.write(text);
    if (outcome.statement !== null) io.stderr.write(formatStatementTotals(outcome.statement));
  }
  return 0;
}

/** The period computed alone, or closed on the ledger. */
async function compute(files: PeriodFiles, ledger: LedgerFiles | null, sources: Sources, progress: Progress): Promise<RunOutcome> {
  if (ledger === null) {
    const { result } = await loadPeriod(files, sources, { progress });
    return { result, payouts: result.eachPayout(), payees: null, statement: null, nextState: null };
  }
  const { issues, inputs } = await readPeriodInputs(files, sources, { progress });
  if (inputs === null) throw new DownlineError(issues);
  const { result, statement, nextState } = await runOnLedger(inputs, ledger, sources, progress);
  let payees = 0;
  for (const _payee of result.eachPayout()) payees++;
  return { result, payouts: ledgerPayouts(statement), payees, statement, nextState: serializeState(nextState) };
}

/** Payouts, binary carry and statement, then the next state last: it closes the period. Returns the payouts written. */
function writeOutputs(outcome: RunOutcome, targets: RunTargets, io: CliIo, progress: Progress): number {
  let written: number;
  if (targets.out === undefined) {
    progress.done(); // the payouts take stdout, maybe the same terminal
    written = writePayouts(outcome.payouts, targets.format, { writer: io.stdout });
  } else {
    progress.stage(`writing ${targets.out.file}`);
    written = writePayouts(outcome.payouts, targets.format, { file: targets.out.path });
  }
  if (targets.carryOut !== undefined) writeCarry(targets.carryOut.path, outcome.result.binaryCarry());
  const { ledger } = targets;
  if (ledger !== null && outcome.statement !== null && outcome.nextState !== null) {
    if (ledger.statement !== undefined) writeStatement(ledger.statement.path, outcome.statement);
    replaceFile(ledger.stateOut.path, outcome.nextState);
  }
  return written;
}

/** One line per file written, for the summary. */
function wroteLines(count: number, { out, carryOut, ledger }: RunTargets): string {
  return [
    out === undefined ? null : `wrote ${count} payout${count === 1 ? '' : 's'} to ${out.file}`,
    carryOut === undefined ? null : `wrote the binary carry to ${carryOut.file}`,
    ledger?.statement === undefined ? null : `wrote the statement of period ${ledger.period} to ${ledger.statement.file}`,
    ledger === null ? null : `wrote the ledger after period ${ledger.period} to ${ledger.stateOut.file}`,
  ]
    .filter((line) => line !== null)
    .map((line) => `${line}\n`)
    .join('');
}
