/**
 * A table of records from a JSON Lines file (`.jsonl` or `.ndjson`): one JSON object a line, read in batches
 * of lines like CSV, each record located at its line. Blank lines are skipped.
 *
 * @module
 */
import { ErrorCode } from '../errors';
import type { InputFile, RecordSink, TableKind, TableRead } from './inputs';
import { readLineBatches } from './line-reader';
import { LineNumbers } from './line-numbers';
import type { Progress } from './progress';
import type { FileIssue, Sources } from './sources';

/**
 * Reads a JSON Lines table, streaming, and records its source under the table's name with the line of each
 * record. A line that is not JSON, or not an object (leavers may be bare id strings), is a file issue at its
 * line. `progress` hears the count of records read after each batch. With a `sink`, records go to it in chunks
 * as they are read, and none is returned.
 *
 * @example
 * ```ts
 * const { records, issues } = await readJsonLinesTable('orders', input, sources, NO_PROGRESS);
 * ```
 */
export async function readJsonLinesTable(kind: TableKind, input: InputFile, sources: Sources, progress: Progress, sink?: RecordSink): Promise<TableRead> {
  const lines = new LineNumbers();
  let records: unknown[] = [];
  const issues: FileIssue[] = [];
  const problem = (line: number, message: string) => issues.push({ code: ErrorCode.InvalidRecord, path: [kind], message, file: input.file, line });
  for await (const batch of readLineBatches(input.path)) {
    for (let k = 0; k < batch.lines.length; k++) {
      const text = batch.lines[k];
      const line = batch.first + k;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problem(line, `${kind} line is not valid JSON: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}`);
        continue;
      }
      const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
      if (!isRecord && !(kind === 'leavers' && typeof value === 'string')) {
        problem(line, `${kind} line must hold one JSON object (a record), got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`);
        continue;
      }
      records.push(value);
      lines.push(line);
      if (sink !== undefined && records.length >= sink.rows) {
        sink.take(records);
        records = [];
      }
    }
    progress.rows(input.file, lines.length);
  }
  if (sink !== undefined && records.length > 0) {
    sink.take(records);
    records = [];
  }
  sources.set(kind, { file: input.file, format: 'jsonl', lines });
  return { records, issues };
}
