/**
 * What the CLI writes: the I/O it is given, issue lists, totals, and payout files.
 *
 * @module
 */
import type { CommissionTotals, Payout } from '../engine';
import type { Issue } from '../errors';
import { csvField } from './csv';
import type { FileFormat } from './inputs';
import type { Sources } from './sources';
import { TextSink } from './text-sink';

/**
 * Where the CLI writes and which directory its relative file names start from. `process` fits
 * (`{ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }`); tests pass string collectors.
 * `stderr.isTTY` turns the progress line on (cut to `stderr.columns`); `clock` (milliseconds, monotonic,
 * default `performance.now`) spaces its updates and is read for nothing else.
 *
 * @example
 * ```ts
 * let out = '';
 * const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: process.stderr, cwd: '/tmp/period' };
 * ```
 */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly cwd: string;
  readonly clock?: () => number;
}

/**
 * Prints every issue, one a line, located by `sources`.
 *
 * @example
 * ```ts
 * printIssues(io.stderr, error.issues, sources);
 * // orders.csv:5: NEGATIVE_AMOUNT order "o4": amount must not be negative
 * ```
 */
export function printIssues(out: CliIo['stderr'], issues: readonly Issue[], sources: Sources): void {
  for (const issue of issues) out.write(`${sources.format(issue)}\n`);
}

/**
 * The period totals as an aligned two-column text block, amounts exact (no separators, so scripts can read
 * them), with the number of payees.
 *
 * @example
 * ```ts
 * formatTotals(result.totals, 2);
 * // potential  42.50
 * // paid       27.00
 * // …
 * // payees         2
 * ```
 */
export function formatTotals(totals: CommissionTotals, payees: number): string {
  return formatRows([
    ['potential', totals.potential],
    ['paid', totals.paid],
    ['breakage', totals.breakage],
    ['capped', totals.capped],
    ['residual', totals.residual],
    ['payouts', totals.payouts],
    ['payees', String(payees)],
  ]);
}

/**
 * Name and value pairs as an aligned two-column text block: names to the left, values to the right.
 *
 * @example
 * ```ts
 * formatRows([['paid', '27.00'], ['payees', '2']]);
 * // 'paid    27.00\npayees      2\n'
 * ```
 */
export function formatRows(rows: readonly (readonly [string, string])[]): string {
  const left = Math.max(...rows.map(([k]) => k.length));
  const right = Math.max(...rows.map(([, v]) => v.length));
  return rows.map(([k, v]) => `${k.padEnd(left)}  ${v.padStart(right)}`).join('\n') + '\n';
}

/**
 * Writes payouts as CSV (`id,amount`, ids quoted when needed), as a JSON array of `{ id, amount }`, or as JSON
 * Lines (one `{ id, amount }` a line), in chunks, to a file or to a writer, one payout at a time from any
 * iterable (`result.eachPayout()` holds no array of them); returns how many it wrote.
 *
 * @example
 * ```ts
 * writePayouts(result.eachPayout(), 'csv', { file: '/tmp/payouts.csv' }); // → the number of payees
 * writePayouts(result.payouts(), 'json', { writer: io.stdout });
 * ```
 */
export function writePayouts(
  payouts: Iterable<Payout>,
  format: FileFormat,
  target: { readonly file: string } | { readonly writer: CliIo['stdout'] },
): number {
  const sink = new TextSink(target);
  let count = 0;
  try {
    if (format === 'csv') sink.write('id,amount\n');
    if (format === 'json') sink.write('[');
    for (const { id, amount } of payouts) {
      if (format === 'csv') sink.write(`${csvField(id)},${amount}\n`);
      else if (format === 'json') sink.write(`${count === 0 ? '\n' : ',\n'}  ${JSON.stringify({ id, amount })}`);
      else sink.write(`${JSON.stringify({ id, amount })}\n`);
      count++;
    }
    if (format === 'json') sink.write(count === 0 ? ']\n' : '\n]\n');
  } finally {
    sink.close();
  }
  return count;
}
