/**
 * `downline report`: the HTML report of a period, one self-contained file.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { renderReport } from '../report';
import { optionalFlag, parseFlags, UsageError } from './args';
import { COMPLIANCE_FLAGS, compliancePeriodReader } from './assess';
import { COMMAND_HELP } from './help';
import type { CliIo } from './output';
import { progressFor, withProgress } from './progress';
import type { Sources } from './sources';
import { outputFile } from './text-sink';

/**
 * Runs `downline report --plan … --members … --orders … [--costs …] [--start …] [--end …]
 * [--low-income-limit …] [--title …] [--top <n>] [--generated <label>] [--out report.html] [--quiet]
 * [--progress]`: computes the period, assesses it and writes `renderReport`'s page to `--out`, or to stdout.
 * Returns 0; invalid input throws a `DownlineError` whose issues `sources` locates; a bad flag is a usage
 * error.
 *
 * @example
 * ```ts
 * await reportCommand(['--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv', '--out', 'october.html'], io, new Sources());
 * ```
 */
export async function reportCommand(argv: readonly string[], io: CliIo, sources: Sources): Promise<number> {
  const flags = parseFlags(
    argv,
    { ...COMPLIANCE_FLAGS, title: { type: 'string' }, top: { type: 'string' }, generated: { type: 'string' }, out: { type: 'string' } },
    'report',
  );
  if (flags.help === true) {
    io.stdout.write(`${COMMAND_HELP.report}\n`);
    return 0;
  }
  const read = compliancePeriodReader(flags, io.cwd, 'report');
  const topText = optionalFlag(flags, 'top');
  if (topText !== undefined && !/^\d+$/.test(topText)) throw new UsageError(`--top ${topText}: expected a whole number`, 'report');
  const outName = optionalFlag(flags, 'out');
  const out = outName === undefined ? undefined : outputFile(outName, '--out', io.cwd, 'report');
  const title = optionalFlag(flags, 'title');
  const generated = optionalFlag(flags, 'generated');
  const html = await withProgress(progressFor(flags, io, 'report'), async (progress) => {
    const { period, options } = await read(sources, progress);
    progress.stage('writing the report');
    const page = renderReport(period, {
      ...options,
      ...(title !== undefined ? { title } : {}),
      ...(topText !== undefined ? { topEarners: Number(topText) } : {}),
      ...(generated !== undefined ? { generated } : {}),
    });
    if (out !== undefined) writeFileSync(out.path, page);
    return page;
  });
  if (out === undefined) io.stdout.write(html);
  else if (flags.quiet !== true) io.stdout.write(`wrote the report to ${out.file} (${Math.ceil(Buffer.byteLength(html) / 1024)} kB)\n`);
  return 0;
}
