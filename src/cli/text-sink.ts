/**
 * Writing output files: checked before any work (a missing directory is a usage error, not a failure after a
 * long run), written in chunks (a file of millions of lines is never one string), and, for the ledger state,
 * replaced atomically so that a state is never left half written.
 *
 * @module
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args';

/**
 * An output file named on the command line: as typed (for messages) and its absolute path.
 *
 * @example
 * ```ts
 * const target: OutputFile = { file: 'next.json', path: '/tmp/p/next.json' };
 * ```
 */
export interface OutputFile {
  readonly file: string;
  readonly path: string;
}

/**
 * Resolves an output flag against `cwd` and checks that its directory exists and that it is not a directory
 * itself: a {@link UsageError} (exit code 2) otherwise, before anything is read or computed.
 *
 * @example
 * ```ts
 * outputFile('out/payouts.csv', '--out', '/tmp/p', 'run'); // { file: 'out/payouts.csv', path: '/tmp/p/out/payouts.csv' }
 * ```
 */
export function outputFile(file: string, flag: string, cwd: string, command: string): OutputFile {
  const path = resolve(cwd, file);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${flag} ${file}: no such directory ${dirname(file)}`, command);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`${flag} ${file}: is a directory`, command);
  return { file, path };
}

const CHUNK = 1 << 16;

/**
 * Text written in chunks of 64 KiB to a file (opened at once, closed by {@link TextSink.close}) or to a writer
 * such as stdout.
 *
 * @example
 * ```ts
 * const sink = new TextSink({ file: '/tmp/payouts.csv' });
 * try {
 *   sink.write('id,amount\n');
 * } finally {
 *   sink.close();
 * }
 * ```
 */
export class TextSink {
  readonly #fd: number | null;
  readonly #writer: { write(chunk: string): unknown } | null;
  #buffer = '';

  constructor(target: { readonly file: string } | { readonly writer: { write(chunk: string): unknown } }) {
    this.#fd = 'file' in target ? openSync(target.file, 'w') : null;
    this.#writer = 'writer' in target ? target.writer : null;
  }

  /** Adds text; a full chunk goes out. */
  write(text: string): void {
    this.#buffer += text;
    if (this.#buffer.length >= CHUNK) this.#flush();
  }

  /** Writes what is left and closes the file. */
  close(): void {
    try {
      this.#flush();
    } finally {
      if (this.#fd !== null) closeSync(this.#fd);
    }
  }

  #flush(): void {
    if (this.#buffer === '') return;
    if (this.#fd !== null) writeSync(this.#fd, this.#buffer);
    else this.#writer?.write(this.#buffer);
    this.#buffer = '';
  }
}

/**
 * Writes a file through {@link TextSink}, closing it whatever happens.
 *
 * @example
 * ```ts
 * writeInChunks('/tmp/carry.json', (sink) => sink.write('{}\n'));
 * ```
 */
export function writeInChunks(path: string, write: (sink: TextSink) => void): void {
  const sink = new TextSink({ file: path });
  try {
    write(sink);
  } finally {
    sink.close();
  }
}

/**
 * Replaces a file atomically: the text goes to a temporary file beside it, renamed over the target once
 * complete (a crash leaves the old file whole). The target may be the file the command read.
 *
 * @example
 * ```ts
 * replaceFile('/tmp/p/state.json', serializeState(nextState));
 * ```
 */
export function replaceFile(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
