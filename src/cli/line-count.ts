/**
 * Counting the lines of a file before reading its records, so that the columns they go to are made the right
 * size at once: ten million orders then take their columns once, not a growing series of copies.
 *
 * @module
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { InputFile } from './inputs';

const LF = 10;
const CR = 13;
/** The most records a typed column can index. */
const MAX_RECORDS = 0x7fffffff;

/**
 * How many lines a file has: its line feeds (or, in a file with none, its carriage returns), plus one for a
 * last line without a line end. Read a mebibyte at a time; no text is decoded.
 *
 * @example
 * ```ts
 * countLines('/tmp/orders.csv'); // 12000001 for a header and twelve million rows
 * ```
 */
export function countLines(path: string): number {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let feeds = 0;
  let returns = 0;
  let last = -1;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const bytes = buffer.subarray(0, read);
      for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) feeds++;
      if (feeds === 0) for (let at = bytes.indexOf(CR); at >= 0; at = bytes.indexOf(CR, at + 1)) returns++;
      last = bytes[read - 1];
    }
  } finally {
    closeSync(fd);
  }
  const ends = feeds > 0 ? feeds : returns;
  return last === -1 ? 0 : ends + (last === LF || last === CR ? 0 : 1);
}

/**
 * At most how many records a table file holds (the room to make for them): its lines, less the header of a
 * CSV file; undefined for a JSON document (read whole, its records are counted as they are).
 *
 * @example
 * ```ts
 * recordsAtMost({ file: 'orders.csv', path: '/tmp/orders.csv', format: 'csv' }); // lines - 1
 * ```
 */
export function recordsAtMost(input: InputFile): number | undefined {
  if (input.format === 'json') return undefined;
  const lines = Math.min(countLines(input.path), MAX_RECORDS);
  return input.format === 'csv' ? Math.max(0, lines - 1) : lines;
}
