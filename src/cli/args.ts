/**
 * Command-line arguments: `node:util` `parseArgs` with usage errors that the CLI turns into exit code 2.
 *
 * @module
 */
import { parseArgs } from 'node:util';

/**
 * A problem with how the command was called (unknown command or flag, missing file argument, unreadable file):
 * the CLI prints it with a pointer to the help and exits with 2.
 *
 * @example
 * ```ts
 * throw new UsageError('missing --plan <file>', 'run');
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose help the message points to, or null for the top-level help. */
  readonly command: string | null;

  constructor(message: string, command: string | null = null) {
    super(message);
    this.command = command;
  }
}

/**
 * How one flag is declared: a string value or a boolean switch, with an optional one-letter short form
 * (`-q` for `--quiet`).
 *
 * @example
 * ```ts
 * const out: FlagSpec = { type: 'string' };
 * const quiet: FlagSpec = { type: 'boolean', short: 'q' };
 * ```
 */
export type FlagSpec = { readonly type: 'string'; readonly short?: string } | { readonly type: 'boolean'; readonly short?: string };

/**
 * The flags a command accepts, by long name (`plan` for `--plan`).
 *
 * @example
 * ```ts
 * const flags: FlagSpecs = { plan: { type: 'string' }, quiet: { type: 'boolean' } };
 * ```
 */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/**
 * The parsed flags: strings for string flags, booleans for switches, absent when not given.
 *
 * @example
 * ```ts
 * const flags: ParsedFlags = { plan: 'plan.json', quiet: true };
 * ```
 */
export type ParsedFlags = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Parses a command's flags strictly (`--name value` or `--name=value`): an unknown flag, a missing value,
 * a flag given twice or a positional argument is a {@link UsageError}. `--help`/`-h` is always accepted.
 *
 * @example
 * ```ts
 * const flags = parseFlags(['--plan', 'plan.json', '--quiet'], { plan: { type: 'string' }, quiet: { type: 'boolean' } }, 'run');
 * flags.plan; // 'plan.json'
 * flags.quiet; // true
 * ```
 */
export function parseFlags(argv: readonly string[], specs: FlagSpecs, command: string): ParsedFlags {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...specs, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(cleanParseMessage(error), command);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name) && token.name !== 'help') throw new UsageError(`--${token.name} given twice`, command);
    seen.add(token.name);
    if (specs[token.name]?.type === 'string' && token.value === '') throw new UsageError(`--${token.name}: empty value`, command);
  }
  return parsed.values as ParsedFlags;
}

/**
 * The value of a required string flag, or a {@link UsageError} naming it.
 *
 * @example
 * ```ts
 * const plan = requireFlag({ plan: 'plan.json' }, 'plan', 'run'); // 'plan.json'
 * ```
 */
export function requireFlag(flags: ParsedFlags, name: string, command: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new UsageError(`missing --${name} <file>`, command);
  return value;
}

/**
 * The switches every command that works for a while takes: `--quiet`/`-q` (nothing but errors on stderr) and
 * `--progress` (the progress line even when stderr is not a terminal).
 *
 * @example
 * ```ts
 * parseFlags(['-q'], { ...VERBOSITY_FLAGS }, 'run').quiet; // true
 * ```
 */
export const VERBOSITY_FLAGS: FlagSpecs = {
  quiet: { type: 'boolean', short: 'q' },
  progress: { type: 'boolean' },
};

/**
 * The value of an optional string flag, or undefined.
 *
 * @example
 * ```ts
 * optionalFlag({ out: 'payouts.csv' }, 'out'); // 'payouts.csv'
 * ```
 */
export function optionalFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

function cleanParseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs appends advice about '--' and positionals that does not apply here.
  return message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '').replace(/^Unexpected argument/, 'unexpected argument');
}
