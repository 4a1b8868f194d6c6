/**
 * Streaming CSV reading (RFC 4180): a header row, then one record per row; quoted fields may hold commas,
 * doubled quotes and line breaks; CRLF or LF line ends; a leading byte-order mark is ignored. Read line by line
 * with `node:readline`, so a file of millions of rows is never held as one string.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * One row of a CSV file: its fields, or why it could not be read. `line` is the 1-based line the row starts
 * on (the header is line 1).
 *
 * @example
 * ```ts
 * const row: CsvRow = { line: 2, fields: ['o1', 'B', '10.00', 'retail'] };
 * const bad: CsvRow = { line: 3, error: 'unterminated quoted field' };
 * ```
 */
export type CsvRow = { readonly line: number; readonly fields: string[] } | { readonly line: number; readonly error: string };

/**
 * Parses CSV text given one physical line at a time. Feed each line (without its line end) to {@link feed};
 * when it returns a row, the record is complete; a quoted field left open continues on the next line. Call
 * {@link end} after the last line.
 *
 * @example
 * ```ts
 * const parser = new CsvLineParser();
 * parser.feed('a,"b, ""c""",d', 1); // { line: 1, fields: ['a', 'b, "c"', 'd'] }
 * parser.feed('"two', 2);           // null: the quoted field goes on
 * parser.feed('lines"', 3);         // { line: 2, fields: ['two\nlines'] }
 * parser.end();                     // null
 * ```
 */
export class CsvLineParser {
  #fields: string[] = [];
  #field = '';
  #open = false; // inside a quoted field that continues on the next line
  #startLine = 0;

  /** Adds one physical line; returns the row it completes, or null when a quoted field continues. */
  feed(text: string, line: number): CsvRow | null {
    if (!this.#open) {
      this.#fields = [];
      this.#field = '';
      this.#startLine = line;
    } else {
      this.#field += '\n';
    }
    let quoted = this.#open;
    let closed = false; // a quoted field just closed: only a comma may follow
    let atStart = !this.#open;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch !== '"') this.#field += ch;
        else if (text[i + 1] === '"') {
          this.#field += '"';
          i++;
        } else {
          quoted = false;
          closed = true;
        }
      } else if (ch === ',') {
        this.#fields.push(this.#field);
        this.#field = '';
        closed = false;
        atStart = true;
        continue;
      } else if (closed) {
        return this.#fail(`unexpected ${JSON.stringify(ch)} after the closing quote of field ${this.#fields.length + 1}`);
      } else if (ch === '"') {
        if (!atStart) return this.#fail(`a quote inside unquoted field ${this.#fields.length + 1} (quote the whole field and double the quote)`);
        quoted = true;
      } else {
        this.#field += ch;
      }
      atStart = false;
    }
    if (quoted) {
      this.#open = true;
      return null;
    }
    this.#open = false;
    this.#fields.push(this.#field);
    return { line: this.#startLine, fields: this.#fields };
  }

  /** After the last line: the unterminated row, if a quoted field was still open. */
  end(): CsvRow | null {
    return this.#open ? this.#fail('unterminated quoted field (no closing quote before the end of the file)') : null;
  }

  #fail(error: string): CsvRow {
    this.#open = false;
    return { line: this.#startLine, error };
  }
}

/**
 * Reads a CSV file row by row, streaming. Empty lines outside quoted fields are skipped; a byte-order mark at
 * the start is dropped.
 *
 * @example
 * ```ts
 * for await (const row of readCsvRows('orders.csv')) {
 *   if ('error' in row) console.error(`orders.csv:${row.line}: ${row.error}`);
 *   else console.log(row.fields);
 * }
 * ```
 */
export async function* readCsvRows(file: string): AsyncGenerator<CsvRow> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const parser = new CsvLineParser();
  let number = 0;
  let continuing = false;
  try {
    for await (const raw of lines) {
      number++;
      const text = number === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (text === '' && !continuing) continue;
      const row = parser.feed(text, number);
      continuing = row === null;
      if (row !== null) yield row;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  const last = parser.end();
  if (last !== null) yield last;
}

/**
 * Quotes a field for CSV output when it needs it (comma, quote, line break, or spaces at either end).
 *
 * @example
 * ```ts
 * csvField('plain'); // 'plain'
 * csvField('a, "b"'); // '"a, ""b"""'
 * ```
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
