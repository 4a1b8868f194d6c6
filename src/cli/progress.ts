/**
 * The progress line of long runs, on stderr: the stage the command is in and the rows read so far of each
 * input file, rewritten in place with `\r`, at most ten times a second, and cleared at the end. Shown when
 * stderr is a terminal (unless `--quiet`), or when `--progress` forces it. The clock it is given is used to
 * space the updates and for nothing else: no figure of a result ever depends on it.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import type { ParsedFlags } from './args';

/**
 * What a command reports while it works. {@link NO_PROGRESS} does nothing.
 *
 * @example
 * ```ts
 * progress.stage('building the genealogy');
 * progress.rows('orders.csv', 1_200_000);
 * progress.done(); // clears the line
 * ```
 */
export interface Progress {
  /** A new stage begins (`reading plan.json`, `computing the period`): shown at once. */
  stage(name: string): void;
  /** `count` rows of `file` read so far: shown when the last update is old enough. */
  rows(file: string, count: number): void;
  /** The work is over: the line is cleared (call it before anything else is written to stderr). */
  done(): void;
}

/**
 * The progress that shows nothing.
 *
 * @example
 * ```ts
 * await readTable('orders', input, sources, NO_PROGRESS);
 * ```
 */
export const NO_PROGRESS: Progress = { stage() {}, rows() {}, done() {} };

/** At most this many updates of the row counts a second. */
const UPDATES_PER_SECOND = 10;

/**
 * A count with thousands separators, the same on every machine (no locale).
 *
 * @example
 * ```ts
 * groupDigits(1234567); // '1,234,567'
 * ```
 */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The progress line written to a stream: `\r`, the text, spaces over what the previous text left, no line end;
 * cut to the terminal's width when the stream has `columns`. Row counts are throttled to ten updates a second
 * by `clock` (milliseconds, monotonic); stages are shown at once (a command has a handful).
 *
 * @example
 * ```ts
 * const progress = new ProgressLine(process.stderr, 'run', () => performance.now());
 * progress.stage('reading members.csv');
 * progress.done();
 * ```
 */
export class ProgressLine implements Progress {
  readonly #out: { write(chunk: string): unknown; readonly columns?: number };
  readonly #prefix: string;
  readonly #clock: () => number;
  #last: number;
  #width = 0; // length of the text on the line now; 0 when the line is clear

  constructor(out: { write(chunk: string): unknown; readonly columns?: number }, command: string, clock: () => number) {
    this.#out = out;
    this.#prefix = `downline ${command}: `;
    this.#clock = clock;
    this.#last = clock();
  }

  stage(name: string): void {
    this.#show(name);
  }

  rows(file: string, count: number): void {
    if (this.#clock() - this.#last < 1000 / UPDATES_PER_SECOND) return;
    this.#show(`reading ${file}: ${groupDigits(count)} row${count === 1 ? '' : 's'}`);
  }

  done(): void {
    if (this.#width > 0) this.#out.write(`\r${' '.repeat(this.#width)}\r`);
    this.#width = 0;
  }

  #show(text: string): void {
    // a line longer than the terminal would wrap, and `\r` would then rewrite only its last part
    const columns = this.#out.columns;
    const full = this.#prefix + text;
    const line = columns !== undefined && columns > 1 && full.length >= columns ? `${full.slice(0, columns - 2)}…` : full;
    this.#out.write(`\r${line}${' '.repeat(Math.max(0, this.#width - line.length))}`);
    this.#width = line.length;
    this.#last = this.#clock();
  }
}

/**
 * The progress as log lines, for `--progress` when stderr is no terminal (a CI log, a file): each stage on a
 * line of its own, and row counts at most once a second (`\r` would not rewrite anything there).
 *
 * @example
 * ```ts
 * const progress = new ProgressLog(logStream, 'run', () => performance.now());
 * progress.stage('reading members.csv'); // "downline run: reading members.csv\n"
 * ```
 */
export class ProgressLog implements Progress {
  readonly #out: { write(chunk: string): unknown };
  readonly #prefix: string;
  readonly #clock: () => number;
  #last: number;

  constructor(out: { write(chunk: string): unknown }, command: string, clock: () => number) {
    this.#out = out;
    this.#prefix = `downline ${command}: `;
    this.#clock = clock;
    this.#last = clock();
  }

  stage(name: string): void {
    this.#out.write(`${this.#prefix}${name}\n`);
    this.#last = this.#clock();
  }

  rows(file: string, count: number): void {
    if (this.#clock() - this.#last < 1000) return;
    this.stage(`reading ${file}: ${groupDigits(count)} row${count === 1 ? '' : 's'}`);
  }

  done(): void {}
}

/**
 * The progress a command shows: a {@link ProgressLine} on stderr when stderr is a terminal and `--quiet` is not
 * given, or when `--progress` is (a {@link ProgressLog} when stderr is no terminal); {@link NO_PROGRESS}
 * otherwise. `io.clock` (default `performance.now`) spaces the updates.
 *
 * @example
 * ```ts
 * const progress = progressFor(flags, io, 'run');
 * try {
 *   await work(progress);
 * } finally {
 *   progress.done();
 * }
 * ```
 */
export function progressFor(
  flags: ParsedFlags,
  io: { readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean; readonly columns?: number }; readonly clock?: () => number },
  command: string,
): Progress {
  const terminal = io.stderr.isTTY === true;
  const clock = io.clock ?? (() => performance.now());
  if (terminal && (flags.progress === true || flags.quiet !== true)) return new ProgressLine(io.stderr, command, clock);
  return flags.progress === true ? new ProgressLog(io.stderr, command, clock) : NO_PROGRESS;
}

/**
 * Runs `work` with the progress line, and clears the line when the work ends, in success or in error (before
 * the CLI prints the problems).
 *
 * @example
 * ```ts
 * const period = await withProgress(progressFor(flags, io, 'run'), (progress) => loadPeriod(files, sources, progress));
 * ```
 */
export async function withProgress<T>(progress: Progress, work: (progress: Progress) => Promise<T>): Promise<T> {
  try {
    return await work(progress);
  } finally {
    progress.done();
  }
}
