/**
 * A table of records from a CSV file: the header names the columns (in any order, optional ones may be left
 * out), each row becomes a record of strings for the library to validate. Malformed rows, unknown or missing
 * columns are file issues at their line.
 *
 * @module
 */
import { ErrorCode } from '../errors';
import { type CsvRow, readCsv } from './csv';
import type { InputFile, RecordSink, TableKind, TableRead } from './inputs';
import { LineNumbers } from './line-numbers';
import type { Progress } from './progress';
import type { FileIssue, Sources } from './sources';

type Empty = 'null' | 'omit' | 'keep';

/**
 * How one CSV column is read: whether the header must have it, what an empty field becomes (`null`, no key at
 * all, or the empty string), and whether its values are a few words repeated on every row (`kind`, `role`,
 * `side`), kept once each rather than once a row.
 *
 * @example
 * ```ts
 * const sponsorId: CsvColumn = { required: true, empty: 'null', few: false };
 * ```
 */
export interface CsvColumn {
  readonly required: boolean;
  readonly empty: Empty;
  readonly few: boolean;
}

const req = (empty: Empty = 'keep', few = false): CsvColumn => ({ required: true, empty, few });
const opt = (few = false): CsvColumn => ({ required: false, empty: 'omit', few });

/**
 * The CSV columns of each table: required ones first, then the optional ones. An empty `sponsorId` is a root
 * (`null`), as are an empty `parentId` and `side` of a placement; an empty optional field is left out of the
 * record.
 *
 * @example
 * ```ts
 * Object.keys(CSV_COLUMNS.orders); // ['id', 'affiliateId', 'amount', 'kind', 'volume', 'wholesale']
 * ```
 */
export const CSV_COLUMNS: Readonly<Record<TableKind, Readonly<Record<string, CsvColumn>>>> = {
  members: { id: req(), sponsorId: req('null'), role: opt(true), joinedOn: opt(), leftOn: opt() },
  orders: { id: req(), affiliateId: req(), amount: req(), kind: req('keep', true), volume: opt(), wholesale: opt() },
  costs: { affiliateId: req(), amount: req(), kind: opt(true) },
  placement: { id: req(), parentId: req('null'), side: req('null', true) },
  refunds: { id: req(), orderId: req(), amount: opt() },
  leavers: { id: req() },
};

/** Distinct values kept per repeated column; past that, values are stored as read. */
const FEW = 16;

/**
 * Reads a CSV table, streaming, and records its source under the table's name with the line of each record.
 * `progress` hears the count of rows read after each batch. With a `sink`, records go to it in chunks as they
 * are read, and none is returned.
 *
 * @example
 * ```ts
 * const { records, issues } = await readCsvTable('orders', input, sources, NO_PROGRESS);
 * ```
 */
export async function readCsvTable(kind: TableKind, input: InputFile, sources: Sources, progress: Progress, sink?: RecordSink): Promise<TableRead> {
  const lines = new LineNumbers();
  const columns = CSV_COLUMNS[kind];
  let records: Record<string, unknown>[] = [];
  const issues: FileIssue[] = [];
  const problem = (line: number, message: string) => issues.push({ code: ErrorCode.InvalidRecord, path: [kind], message, file: input.file, line });
  let reader: RowReader | null = null;
  let headerFailed = false;
  // each row becomes its record at once: no row waits in a batch for the collector to copy
  const onRow = (row: CsvRow): boolean => {
    if ('error' in row) {
      problem(row.line, row.error);
      headerFailed = reader === null;
      return !headerFailed;
    }
    if (reader === null) {
      const header = row.fields.map((name) => name.trim());
      const headerIssues = checkHeader(header, columns, kind);
      for (const message of headerIssues) problem(row.line, message);
      headerFailed = headerIssues.length > 0;
      if (!headerFailed) reader = new RowReader(header, columns);
      return !headerFailed;
    }
    if (row.fields.length !== reader.width) {
      problem(row.line, `${kind} row has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'}, the header has ${reader.width}`);
      return true;
    }
    records.push(reader.record(row.fields));
    lines.push(row.line);
    if (sink !== undefined && records.length >= sink.rows) {
      sink.take(records);
      records = [];
    }
    return true;
  };
  await readCsv(input.path, onRow, () => progress.rows(input.file, lines.length));
  if (sink !== undefined && records.length > 0) {
    sink.take(records);
    records = [];
  }
  if (reader === null && !headerFailed) problem(1, `${kind}: the file is empty; expected a header row (${Object.keys(columns).join(',')})`);
  sources.set(kind, { file: input.file, format: 'csv', lines });
  return { records, issues };
}

/** Turns rows into records for one header. */
class RowReader {
  readonly width: number;
  readonly #names: readonly string[];
  readonly #empties: readonly Empty[];
  /** Per column: the values seen, each kept once, for the repeated columns; null for the others. */
  readonly #kept: (string[] | null)[];

  constructor(header: readonly string[], columns: Readonly<Record<string, CsvColumn>>) {
    this.width = header.length;
    this.#names = header;
    this.#empties = header.map((name) => columns[name].empty);
    this.#kept = header.map((name) => (columns[name].few ? [] : null));
  }

  /** One row as a record of strings: an empty field is `null`, left out, or kept as `''`, by column. */
  record(fields: readonly string[]): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < this.width; i++) {
      const value = fields[i];
      const name = this.#names[i];
      if (value !== '') record[name] = this.#kept[i] === null ? value : this.#once(i, value);
      else if (this.#empties[i] === 'null') record[name] = null;
      else if (this.#empties[i] === 'keep') record[name] = value;
    }
    return record;
  }

  /**
   * The first string seen equal to `value` in column `i`: ten million `"personal"` become one. A few values
   * compared in turn cost less than hashing each new string for a map.
   */
  #once(i: number, value: string): string {
    const kept = this.#kept[i] as string[];
    for (let k = 0; k < kept.length; k++) if (kept[k] === value) return kept[k];
    if (kept.length < FEW) kept.push(value);
    return value;
  }
}

function checkHeader(header: readonly string[], columns: Readonly<Record<string, CsvColumn>>, kind: TableKind): string[] {
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
