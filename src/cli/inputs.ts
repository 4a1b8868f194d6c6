/**
 * Reading the input files: plans (JSON), and members, orders and costs as CSV or JSON arrays, by extension.
 * Problems of the files themselves (malformed rows, unknown columns, unreadable JSON) are collected as
 * {@link FileIssue}s with their line; the records are validated afterwards by the library.
 *
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ErrorCode } from '../errors';
import { UsageError } from './args';
import { readCsvRows } from './csv';
import type { FileIssue, Sources } from './sources';

/**
 * The record tables the CLI reads from CSV or JSON.
 *
 * @example
 * ```ts
 * const kind: TableKind = 'orders';
 * ```
 */
export type TableKind = 'members' | 'orders' | 'costs';

type Empty = 'null' | 'omit' | 'keep';
interface Column {
  readonly required: boolean;
  /** What an empty field becomes: `null`, no key at all, or the empty string. */
  readonly empty: Empty;
}

const req = (empty: Empty = 'keep'): Column => ({ required: true, empty });
const opt: Column = { required: false, empty: 'omit' };

/**
 * The CSV columns of each table: required ones first, then the optional ones. An empty `sponsorId` is a root
 * (`null`); an empty optional field is left out of the record.
 *
 * @example
 * ```ts
 * Object.keys(CSV_COLUMNS.orders); // ['id', 'affiliateId', 'amount', 'kind', 'volume', 'wholesale']
 * ```
 */
export const CSV_COLUMNS: Readonly<Record<TableKind, Readonly<Record<string, Column>>>> = {
  members: { id: req(), sponsorId: req('null'), role: opt, joinedOn: opt, leftOn: opt },
  orders: { id: req(), affiliateId: req(), amount: req(), kind: req(), volume: opt, wholesale: opt },
  costs: { affiliateId: req(), amount: req(), kind: opt },
};

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
  readonly records: Record<string, unknown>[];
  readonly issues: FileIssue[];
}

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
  readonly format: 'csv' | 'json';
}

/**
 * Resolves a file flag against `cwd` and checks it exists and has a known extension (`.csv` or `.json`; a
 * plan is always JSON). A missing or unusable file is a {@link UsageError} (exit code 2).
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
 * The format of a file by its extension, for inputs and for `--out`.
 *
 * @example
 * ```ts
 * formatOf('payouts.JSON', '--out', 'run'); // 'json'
 * ```
 */
export function formatOf(file: string, flag: string, command: string): 'csv' | 'json' {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new UsageError(`${flag} ${file}: expected a .csv or .json file`, command);
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
 * Reads a table of records from CSV (streamed, line by line) or from a JSON array, and records its source
 * under `key` so that the library's issues about record `i` point at the file and, for CSV, the line.
 *
 * @example
 * ```ts
 * const sources = new Sources();
 * const members = await readTable('members', inputFile('members.csv', '--members', cwd, 'run'), sources);
 * if (members.issues.length > 0) throw new DownlineError(members.issues);
 * ```
 */
export async function readTable(kind: TableKind, input: InputFile, sources: Sources, key: string = kind): Promise<TableRead> {
  if (input.format === 'json') {
    sources.set(key, { file: input.file, format: 'json' });
    const { value, issues } = readJson(input, ErrorCode.InvalidRecord);
    if (issues.length > 0) return { records: [], issues };
    if (!Array.isArray(value)) {
      return { records: [], issues: [{ code: ErrorCode.InvalidRecord, path: [key], message: `${kind}: the file must hold a JSON array of records`, file: input.file }] };
    }
    return { records: value as Record<string, unknown>[], issues: [] };
  }
  const lines: number[] = [];
  sources.set(key, { file: input.file, format: 'csv', lines });
  const columns = CSV_COLUMNS[kind];
  const records: Record<string, unknown>[] = [];
  const issues: FileIssue[] = [];
  const problem = (line: number, message: string) =>
    issues.push({ code: ErrorCode.InvalidRecord, path: [key], message, file: input.file, line });
  let header: string[] | null = null;
  for await (const row of readCsvRows(input.path)) {
    if ('error' in row) {
      problem(row.line, row.error);
      if (header === null) return { records, issues };
      continue;
    }
    if (header === null) {
      header = row.fields.map((name) => name.trim());
      const headerIssues = checkHeader(header, columns, kind);
      for (const message of headerIssues) problem(row.line, message);
      if (headerIssues.length > 0) return { records, issues };
      continue;
    }
    if (row.fields.length !== header.length) {
      problem(row.line, `${kind} row has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'}, the header has ${header.length}`);
      continue;
    }
    const record: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) {
      const name = header[i];
      const value = row.fields[i];
      if (value !== '') record[name] = value;
      else if (columns[name].empty === 'null') record[name] = null;
      else if (columns[name].empty === 'keep') record[name] = value;
    }
    records.push(record);
    lines.push(row.line);
  }
  if (header === null) problem(1, `${kind}: the file is empty; expected a header row (${Object.keys(columns).join(',')})`);
  return { records, issues };
}

function checkHeader(header: readonly string[], columns: Readonly<Record<string, Column>>, kind: TableKind): string[] {
  const messages: string[] = [];
  const seen = new Set<string>();
  const expected = Object.keys(columns).join(', ');
  for (const name of header) {
    if (!Object.hasOwn(columns, name)) messages.push(`${kind} header: unknown column ${JSON.stringify(name)} (expected ${expected})`);
    else if (seen.has(name)) messages.push(`${kind} header: column ${JSON.stringify(name)} given twice`);
    seen.add(name);
  }
  for (const [name, column] of Object.entries(columns)) {
    if (column.required && !seen.has(name)) messages.push(`${kind} header: missing column ${JSON.stringify(name)}`);
  }
  return messages;
}
