/**
 * The `downline` command line: `run`, `check`, `assess`, `compare`, `report`, `help` and `--version`.
 *
 * @module
 */
import { DownlineError } from '../errors';
import { UsageError } from './args';
import { assessCommand } from './assess';
import { checkCommand } from './check';
import { compareCommand } from './compare';
import { COMMANDS, type CommandName, helpText, overviewHelp } from './help';
import { type CliIo, printIssues } from './output';
import { reportCommand } from './report';
import { runCommand } from './run';
import { Sources } from './sources';
import { packageVersion } from './version';

export type { CliIo } from './output';

/**
 * Exit codes: 0 ok, 1 invalid input, 2 usage error.
 *
 * @example
 * ```ts
 * if ((await main(argv, io)) === EXIT.usage) console.error('see downline --help');
 * ```
 */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

const HANDLERS: Readonly<Record<CommandName, (argv: readonly string[], io: CliIo, sources: Sources) => Promise<number>>> = {
  run: runCommand,
  check: checkCommand,
  assess: assessCommand,
  compare: compareCommand,
  report: reportCommand,
};

/**
 * Runs the CLI on `argv` (the arguments after the program name, `process.argv.slice(2)`) and returns the exit
 * code instead of exiting: 0 ok; 1 invalid input (a `DownlineError`: each issue printed to stderr as
 * `file:line: CODE message`); 2 usage error (unknown command or flag, missing or unreadable file argument).
 * `--version` (`-V`) prints the package version. Relative file names start from `io.cwd`.
 *
 * @example
 * ```ts
 * import { main } from './cli/main';
 * const code = await main(['run', '--plan', 'plan.json', '--members', 'members.csv', '--orders', 'orders.csv'], {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   cwd: process.cwd(),
 * });
 * process.exitCode = code;
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(`${overviewHelp()}\n`);
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(`${overviewHelp()}\n`);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    if (rest.length > 0) return usage(io, new UsageError(`${first} takes no arguments`));
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const [topic, ...extra] = rest;
    if (extra.length > 0 || (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic))) {
      return usage(io, new UsageError(topic !== undefined && extra.length === 0 ? `no such command: ${topic}` : 'help takes one command name'));
    }
    io.stdout.write(`${helpText(topic)}\n`);
    return EXIT.ok;
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    return usage(io, new UsageError(first.startsWith('-') ? `unknown option ${first} (the command comes first)` : `no such command: ${first}`));
  }
  const sources = new Sources();
  try {
    return await HANDLERS[first as CommandName](rest, io, sources);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error);
    if (error instanceof DownlineError) {
      printIssues(io.stderr, error.issues, sources);
      io.stderr.write(`downline ${first}: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} found\n`);
      return EXIT.invalidInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`downline ${first}: ${message}\n`);
    return EXIT.invalidInput;
  }
}

function usage(io: CliIo, error: UsageError): number {
  const hint = error.command === null ? 'downline --help' : `downline help ${error.command}`;
  io.stderr.write(`downline: ${error.message}\nRun "${hint}" for usage.\n`);
  return EXIT.usage;
}
