/**
 * Periods over a ledger on the command line: `run --period <id> [--state state.json] [--refunds …] [--leavers …]
 * --state-out next.json [--statement statement.json]`. The state file carries balances below the payout
 * threshold, clawbacks to recover, the binary carry, achieved ranks and the orders a refund may reverse from
 * one period to the next (`runPeriod` of the library); without `--state` the ledger starts empty.
 *
 * @module
 */
import type { Payout } from '../engine';
import { DownlineError, ErrorCode, type Issue, collect } from '../errors';
import { type PeriodOutcome, type PeriodState, type PeriodStatement, type RefundRecord, emptyState, readState, runPeriod } from '../ledger';
import { type FlagSpecs, type ParsedFlags, UsageError, optionalFlag } from './args';
import { type InputFile, inputFile, readJson, readTable } from './inputs';
import { formatRows } from './output';
import type { PeriodInputs } from './period';
import { NO_PROGRESS, type Progress } from './progress';
import type { FileIssue, Sources } from './sources';
import { type OutputFile, outputFile, writeInChunks } from './text-sink';

/**
 * The flags of a period run on a ledger.
 *
 * @example
 * ```ts
 * parseFlags(argv, { ...PERIOD_FLAGS, ...LEDGER_FLAGS }, 'run');
 * ```
 */
export const LEDGER_FLAGS: FlagSpecs = {
  period: { type: 'string' },
  state: { type: 'string' },
  refunds: { type: 'string' },
  leavers: { type: 'string' },
  'state-out': { type: 'string' },
  statement: { type: 'string' },
};

/**
 * The files of a period run on a ledger, checked before any work.
 *
 * @example
 * ```ts
 * const files: LedgerFiles = { period: '2026-02', state, stateOut: outputFile('next.json', '--state-out', cwd, 'run') };
 * ```
 */
export interface LedgerFiles extends LedgerInputs {
  readonly stateOut: OutputFile;
  readonly statement?: OutputFile;
}

/**
 * What a period on a ledger reads: the period's id, the state it runs on, the refunds and the leavers.
 *
 * @example
 * ```ts
 * const inputs: LedgerInputs = { period: '2026-02', state: inputFile('ledger.json', '--state', cwd, 'check', true) };
 * ```
 */
export interface LedgerInputs {
  readonly period: string;
  /** The state the period runs on; absent: a new, empty ledger. */
  readonly state?: InputFile;
  readonly refunds?: InputFile;
  readonly leavers?: InputFile;
}

/** The flags `downline check` takes to check a period on a ledger: what a run reads, nothing it writes. */
export const LEDGER_INPUT_FLAGS: FlagSpecs = {
  period: LEDGER_FLAGS.period,
  state: LEDGER_FLAGS.state,
  refunds: LEDGER_FLAGS.refunds,
  leavers: LEDGER_FLAGS.leavers,
};

/**
 * The ledger files a check reads, or null when no ledger flag was given; any of them needs `--period`, and
 * the binary carry then comes from the state (`UsageError`s, like {@link ledgerFiles}).
 *
 * @example
 * ```ts
 * const ledger = ledgerInputs(flags, io.cwd, 'check'); // null without --period, --state, …
 * ```
 */
export function ledgerInputs(flags: ParsedFlags, cwd: string, command: string): LedgerInputs | null {
  if (!Object.keys(LEDGER_INPUT_FLAGS).some((name) => flags[name] !== undefined)) return null;
  const period = optionalFlag(flags, 'period');
  if (period === undefined) throw new UsageError('missing --period <id>: a run on a ledger closes one period', command);
  if (flags['binary-carry'] !== undefined) {
    throw new UsageError('--binary-carry: a run on a ledger takes the binary carry from the state; leave it out', command);
  }
  const state = optionalFlag(flags, 'state');
  const refunds = optionalFlag(flags, 'refunds');
  const leavers = optionalFlag(flags, 'leavers');
  return {
    period,
    ...(state === undefined ? {} : { state: inputFile(state, '--state', cwd, command, true) }),
    ...(refunds === undefined ? {} : { refunds: inputFile(refunds, '--refunds', cwd, command) }),
    ...(leavers === undefined ? {} : { leavers: inputFile(leavers, '--leavers', cwd, command) }),
  };
}

/**
 * The ledger files named on the command line, or null when no ledger flag was given (a plain period). Any of
 * them asks for a ledger run, which needs `--period` and `--state-out` (the next state would be lost
 * otherwise) and takes the binary carry from the state, not from `--binary-carry`: each is a `UsageError`.
 *
 * @example
 * ```ts
 * const ledger = ledgerFiles(flags, io.cwd, 'run'); // null without --period, --state, …
 * ```
 */
export function ledgerFiles(flags: ParsedFlags, cwd: string, command: string): LedgerFiles | null {
  if (!Object.keys(LEDGER_FLAGS).some((name) => flags[name] !== undefined)) return null;
  if (flags.period === undefined) throw new UsageError('missing --period <id>: a run on a ledger closes one period', command);
  const stateOut = optionalFlag(flags, 'state-out');
  if (stateOut === undefined) throw new UsageError('missing --state-out <file>: where the ledger goes after the period', command);
  const inputs = ledgerInputs(flags, cwd, command) as LedgerInputs; // not null: --period is given
  const statement = optionalFlag(flags, 'statement');
  return {
    ...inputs,
    stateOut: outputFile(stateOut, '--state-out', cwd, command),
    ...(statement === undefined ? {} : { statement: outputFile(statement, '--statement', cwd, command) }),
  };
}

/**
 * Reads the ledger files (state, refunds, leavers) and runs the period on the ledger with `runPeriod`. Every
 * problem is thrown together in one `DownlineError`: state problems located in the state file, refunds and
 * leavers at their line.
 *
 * @example
 * ```ts
 * const { result, statement, nextState } = await runOnLedger(inputs, ledger, sources, progress);
 * ```
 */
export async function runOnLedger(inputs: PeriodInputs, files: LedgerInputs, sources: Sources, progress: Progress = NO_PROGRESS): Promise<PeriodOutcome> {
  const issues: Issue[] = [];
  const state = files.state === undefined ? emptyState() : readStateFile(files.state, sources, issues, progress);
  const refunds = files.refunds === undefined ? undefined : await readTable('refunds', files.refunds, sources, progress);
  const leavers = files.leavers === undefined ? undefined : await readTable('leavers', files.leavers, sources, progress);
  issues.push(...(refunds?.issues ?? []), ...(leavers?.issues ?? []));
  if (state === null || issues.length > 0) throw new DownlineError(issues);
  progress.stage(`computing period ${files.period} on the ledger`);
  const outcome = collect(
    () =>
      runPeriod(state, {
        period: files.period,
        genealogy: inputs.genealogy,
        plan: inputs.plan,
        orders: inputs.orders,
        ...(inputs.placement === undefined ? {} : { placement: inputs.placement }),
        ...(refunds === undefined ? {} : { refunds: refunds.records as RefundRecord[] }),
        ...(leavers === undefined ? {} : { leavers: leavers.records.map(leaverId) }),
      }),
    issues,
  );
  if (outcome === null) throw new DownlineError(issues);
  return outcome;
}

/** A leaver's id: a record's `id`, or the bare string of a JSON list of ids. */
function leaverId(record: unknown): string {
  return (typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as { id?: unknown }).id : record) as string;
}

/** The state file, validated: its problems are tied to the file (`state.json: INVALID_STATE state balances.A: …`). */
function readStateFile(input: InputFile, sources: Sources, issues: Issue[], progress: Progress): PeriodState | null {
  progress.stage(`reading ${input.file}`);
  sources.set('state', { file: input.file, format: 'json' });
  const read = readJson(input, ErrorCode.InvalidState);
  issues.push(...read.issues);
  if (read.issues.length > 0) return null;
  const found: Issue[] = [];
  const state = collect(() => readState(read.value), found);
  issues.push(...found.map((issue): FileIssue => ({ ...issue, file: input.file })));
  return state;
}

const ZERO = /^0(\.0+)?$/;

/**
 * What the ledger pays out this period, member by member (`paidOut` of the statement, at the plan's scale):
 * balances below the payout threshold are carried, not paid. Members paid nothing are left out.
 *
 * @example
 * ```ts
 * writePayouts(ledgerPayouts(statement), 'csv', { file: '/tmp/p/payouts.csv' });
 * ```
 */
export function ledgerPayouts(statement: PeriodStatement): Payout[] {
  const out: Payout[] = [];
  for (const id of Object.keys(statement.members)) {
    const amount = statement.members[id].paidOut;
    if (!ZERO.test(amount)) out.push({ id, amount });
  }
  return out;
}

/**
 * The statement's totals as an aligned text block, with the period and the number of members with money
 * moving: what carried in, was earned, reversed by refunds, paid out, carried out, forfeited and written off.
 *
 * @example
 * ```ts
 * io.stderr.write(formatStatementTotals(statement));
 * // period      2026-02
 * // carriedIn      4.00
 * // …
 * ```
 */
export function formatStatementTotals(statement: PeriodStatement): string {
  const { totals } = statement;
  const members = Object.keys(statement.members).length;
  return formatRows([
    ['period', statement.period],
    ['carriedIn', totals.carriedIn],
    ['earned', totals.earned],
    ['reversed', totals.reversed],
    ['paidOut', totals.paidOut],
    ['carriedOut', totals.carriedOut],
    ['forfeited', totals.forfeited],
    ['writtenOff', totals.writtenOff],
    ['members', String(members)],
    ['reversals', String(statement.reversals.length)],
  ]);
}

/**
 * Writes the period's statement as JSON, one member and one reversal line a line (a statement of millions of
 * members is never one string).
 *
 * @example
 * ```ts
 * writeStatement('/tmp/p/statement.json', statement);
 * ```
 */
export function writeStatement(path: string, statement: PeriodStatement): void {
  writeInChunks(path, (sink) => {
    const { period, planHash, planVersion, totals, members, reversals } = statement;
    sink.write(`{\n  "period": ${JSON.stringify(period)},\n  "planHash": ${JSON.stringify(planHash)},\n  "planVersion": ${JSON.stringify(planVersion)},\n`);
    sink.write(`  "totals": ${JSON.stringify(totals)},\n  "members": {`);
    let first = true;
    for (const id of Object.keys(members)) {
      sink.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(id)}: ${JSON.stringify(members[id])}`);
      first = false;
    }
    sink.write(first ? '},\n  "reversals": [' : '\n  },\n  "reversals": [');
    for (let k = 0; k < reversals.length; k++) sink.write(`${k === 0 ? '\n' : ',\n'}    ${JSON.stringify(reversals[k])}`);
    sink.write(reversals.length === 0 ? ']\n}\n' : '\n  ]\n}\n');
  });
}
