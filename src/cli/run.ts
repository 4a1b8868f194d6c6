/**
 * `downline run`: computes a period and writes the payouts.
 *
 * @module
 */
import { resolve } from 'node:path';
import { optionalFlag, parseFlags } from './args';
import { COMMAND_HELP } from './help';
import { formatOf } from './inputs';
import { type CliIo, formatTotals, writePayouts } from './output';
import { PERIOD_FLAGS, loadPeriod, periodFiles } from './period';
import type { Sources } from './sources';

/**
 * Runs `downline run --plan … --members … --orders … [--out payouts.csv|json] [--quiet]`: the payouts go to
 * `--out` (CSV or JSON by extension) or as CSV to stdout; the totals to stdout, or to stderr when the payouts
 * take stdout, and not at all with `--quiet`. Returns the exit code; invalid input throws a `DownlineError`
 * whose issues `sources` locates.
 *
 * @example
 * ```ts
 * const code = await runCommand(['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv', '--out', 'payouts.csv'], io, new Sources());
 * ```
 */
export async function runCommand(argv: readonly string[], io: CliIo, sources: Sources): Promise<number> {
  const flags = parseFlags(argv, { ...PERIOD_FLAGS, out: { type: 'string' }, quiet: { type: 'boolean' } }, 'run');
  if (flags.help === true) {
    io.stdout.write(`${COMMAND_HELP.run}\n`);
    return 0;
  }
  const files = periodFiles(flags, io.cwd, 'run');
  const out = optionalFlag(flags, 'out');
  const outFormat = out === undefined ? 'csv' : formatOf(out, '--out', 'run');
  const { result } = await loadPeriod(files, sources);
  const payouts = result.payouts();
  if (out === undefined) writePayouts(payouts, outFormat, { writer: io.stdout });
  else writePayouts(payouts, outFormat, { file: resolve(io.cwd, out) });
  if (flags.quiet !== true) {
    const text = formatTotals(result.totals, payouts.length);
    if (out === undefined) io.stderr.write(text);
    else io.stdout.write(`${text}wrote ${payouts.length} payout${payouts.length === 1 ? '' : 's'} to ${out}\n`);
  }
  return 0;
}
