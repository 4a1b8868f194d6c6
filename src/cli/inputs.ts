/**
 * Reading the input files: plans (JSON), and tables of records (members, orders, costs, placement, refunds,
 * leavers) as CSV, JSON arrays or JSON Lines, by extension. Problems of the files themselves (malformed rows,
 * unknown columns, unreadable JSON) are collected as {@link FileIssue}s with their line; the records are
 * validated afterwards by the library.
 *
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ErrorCode } from '../errors';
import { UsageError } from './args';
import { readCsvTable } from './csv-table';
import { readJsonLinesTable } from './jsonl-table';
import { NO_PROGRESS, type Progress } from './progress';
import type { FileIssue, Sources } from './sources';

/**
 * The record tables the CLI reads from CSV, JSON or JSON Lines.
 *
 * @example
 * ```ts
 * const kind: TableKind = 'orders';
 * ```
 */
export type TableKind = 'members' | 'orders' | 'costs' | 'placement' | 'refunds' | 'leavers';

/**
 * The formats of input files: CSV, a JSON document, or JSON Lines (`.jsonl` or `.ndjson`, one record a line).
 *
 * @example
 * ```ts
 * const format: FileFormat = 'jsonl';
 * ```
 */
export type FileFormat = 'csv' | 'json' | 'jsonl';

/**
 * What reading a table gave: the records (plain objects of strings, for the library to validate) and the
 * problems of the file itself.
 *
 * @example
 * ```ts
 * const { records, issues } = await readTable('orders', input, sources);
 * ```
 */
export interface TableRead {
  readonly records: unknown[];
  readonly issues: FileIssue[];
}

/**
 * Where a table's records go when they are not to be held all at once: `take` receives them in order, in
 * chunks of `rows` records (the last may be shorter), each as soon as it is read. Record `i` of the table is
 * still the i-th record taken, over all chunks, and its source line is kept as for a whole table.
 *
 * @example
 * ```ts
 * const builder = new OrderBookBuilder(genealogy, { scale: 2, path: ['orders'] });
 * const sink: RecordSink = { rows: CHUNK_ROWS, take: (records) => builder.add(records as OrderRecord[]) };
 * ```
 */
export interface RecordSink {
  readonly rows: number;
  take(records: unknown[]): void;
}

/**
 * How many records a {@link RecordSink} takes at a time by default: under a megabyte of record objects, so
 * that they die young. Chunks of a quarter million records outlived the young generation and reached the old
 * one as garbage: at ten million orders the heap held 700 MB where it holds 200 MB now, and the reading is
 * faster (measured with `npm run bench`, stage `cli-csv`).
 *
 * @example
 * ```ts
 * const sink: RecordSink = { rows: CHUNK_ROWS, take: (records) => console.log(records.length) };
 * ```
 */
export const CHUNK_ROWS = 4_096;

/**
 * An input file named on the command line: as typed (for messages), its absolute path, and its format.
 *
 * @example
 * ```ts
 * const input: InputFile = { file: 'orders.csv', path: '/tmp/p/orders.csv', format: 'csv' };
 * ```
 */
export interface InputFile {
  readonly file: string;
  readonly path: string;
  readonly format: FileFormat;
}

/**
 * Resolves a file flag against `cwd` and checks it exists and has a known extension (`.csv`, `.json`, `.jsonl`
 * or `.ndjson`; a plan, a state or a binary carry is always JSON). A missing or unusable file is a
 * {@link UsageError} (exit code 2).
 *
 * @example
 * ```ts
 * inputFile('orders.csv', '--orders', '/tmp/p', 'run'); // { file: 'orders.csv', path: '/tmp/p/orders.csv', format: 'csv' }
 * ```
 */
export function inputFile(file: string, flag: string, cwd: string, command: string, jsonOnly = false): InputFile {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`${flag} ${file}: no such file`, command);
  if (!statSync(path).isFile()) throw new UsageError(`${flag} ${file}: not a file`, command);
  if (jsonOnly) return { file, path, format: 'json' };
  return { file, path, format: formatOf(file, flag, command) };
}

/**
 * The format of a file by its extension, for inputs and for `--out`: `.csv`, `.json`, or JSON Lines as
 * `.jsonl` or `.ndjson`.
 *
 * @example
 * ```ts
 * formatOf('payouts.JSON', '--out', 'run'); // 'json'
 * formatOf('orders.ndjson', '--orders', 'run'); // 'jsonl'
 * ```
 */
export function formatOf(file: string, flag: string, command: string): FileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  throw new UsageError(`${flag} ${file}: expected a .csv, .json, .jsonl or .ndjson file`, command);
}

/**
 * Reads a JSON file. Unreadable JSON is one issue with `code`, at the line the parser stopped on when it says.
 *
 * @example
 * ```ts
 * const { value, issues } = readJson(input, ErrorCode.InvalidPlan);
 * ```
 */
export function readJson(input: InputFile, code: FileIssue['code']): { value: unknown; issues: FileIssue[] } {
  const text = readFileSync(input.path, 'utf8');
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), issues: [] };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    const line = jsonErrorLine(message, text);
    const issue: FileIssue = { code, path: [], message: `not valid JSON: ${message}`, file: input.file, ...(line === undefined ? {} : { line }) };
    return { value: undefined, issues: [issue] };
  }
}

function jsonErrorLine(message: string, text: string): number | undefined {
  const explicit = /line (\d+) column \d+/.exec(message);
  if (explicit) return Number(explicit[1]);
  const position = /at position (\d+)/.exec(message);
  if (!position) return undefined;
  let line = 1;
  const end = Math.min(Number(position[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads a table of records from CSV or JSON Lines (streamed, in batches of lines) or from a JSON array, and
 * records its source under the table's name so that the library's issues about record `i` point at the file
 * and, for CSV and JSON Lines, the line. `progress` hears the count of rows read. With a `sink`, the records
 * are handed to it in chunks as they are read (a JSON array in one) and `records` comes back empty.
 *
 * @example
 * ```ts
 * const sources = new Sources();
 * const members = await readTable('members', inputFile('members.csv', '--members', cwd, 'run'), sources);
 * if (members.issues.length > 0) throw new DownlineError(members.issues);
 * ```
 */
export async function readTable(kind: TableKind, input: InputFile, sources: Sources, progress: Progress = NO_PROGRESS, sink?: RecordSink): Promise<TableRead> {
  progress.stage(`reading ${input.file}`);
  if (input.format === 'csv') return readCsvTable(kind, input, sources, progress, sink);
  if (input.format === 'jsonl') return readJsonLinesTable(kind, input, sources, progress, sink);
  sources.set(kind, { file: input.file, format: 'json' });
  const { value, issues } = readJson(input, ErrorCode.InvalidRecord);
  if (issues.length > 0) return { records: [], issues };
  if (!Array.isArray(value)) {
    return { records: [], issues: [{ code: ErrorCode.InvalidRecord, path: [kind], message: `${kind}: the file must hold a JSON array of records`, file: input.file }] };
  }
  if (sink === undefined) return { records: value, issues: [] };
  sink.take(value);
  return { records: [], issues: [] };
}
