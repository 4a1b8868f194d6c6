/**
 * What the CLI writes: the I/O it is given, issue lists, totals, and payout files.
 *
 * @module
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CommissionTotals, Payout } from '../engine';
import type { Issue } from '../errors';
import { csvField } from './csv';
import type { Sources } from './sources';

/**
 * Where the CLI writes and which directory its relative file names start from. `process` fits
 * (`{ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }`); tests pass string collectors.
 *
 * @example
 * ```ts
 * let out = '';
 * const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: process.stderr, cwd: '/tmp/period' };
 * ```
 */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly cwd: string;
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
  const rows: [string, string][] = [
    ['potential', totals.potential],
    ['paid', totals.paid],
    ['breakage', totals.breakage],
    ['capped', totals.capped],
    ['residual', totals.residual],
    ['payouts', totals.payouts],
    ['payees', String(payees)],
  ];
  const left = Math.max(...rows.map(([k]) => k.length));
  const right = Math.max(...rows.map(([, v]) => v.length));
  return rows.map(([k, v]) => `${k.padEnd(left)}  ${v.padStart(right)}`).join('\n') + '\n';
}

const CHUNK = 1 << 16;

/**
 * Writes payouts as CSV (`id,amount`, ids quoted when needed) or as a JSON array of `{ id, amount }`, in
 * chunks, to a file or to a writer.
 *
 * @example
 * ```ts
 * writePayouts(result.payouts(), 'csv', { file: '/tmp/payouts.csv' });
 * writePayouts(result.payouts(), 'json', { writer: io.stdout });
 * ```
 */
export function writePayouts(
  payouts: readonly Payout[],
  format: 'csv' | 'json',
  target: { readonly file: string } | { readonly writer: CliIo['stdout'] },
): void {
  const fd = 'file' in target ? openSync(target.file, 'w') : null;
  const emit = (text: string) => {
    if (fd !== null) writeSync(fd, text);
    else (target as { writer: CliIo['stdout'] }).writer.write(text);
  };
  try {
    let buffer = format === 'csv' ? 'id,amount\n' : '[';
    payouts.forEach(({ id, amount }, i) => {
      buffer +=
        format === 'csv'
          ? `${csvField(id)},${amount}\n`
          : `${i === 0 ? '\n' : ',\n'}  ${JSON.stringify({ id, amount })}`;
      if (buffer.length >= CHUNK) {
        emit(buffer);
        buffer = '';
      }
    });
    if (format === 'json') buffer += payouts.length === 0 ? ']\n' : '\n]\n';
    emit(buffer);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
