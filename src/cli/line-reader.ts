/**
 * Reading a text file line by line, in batches: the file is read in chunks of 64 KiB and each chunk's
 * complete lines are handed over at once, so that a file of millions of lines costs one await per chunk rather
 * than one per line, and is never held as one string. Small chunks keep the lines of a batch short-lived
 * enough to die in the young generation. LF, CRLF and a lone CR all end a line; a leading
 * byte-order mark is dropped.
 *
 * @module
 */
import { createReadStream } from 'node:fs';

/**
 * Consecutive lines of a file, without their line ends: `lines[k]` is line `first + k` (1-based).
 *
 * @example
 * ```ts
 * const batch: LineBatch = { first: 1, lines: ['id,sponsorId', 'A,'] };
 * ```
 */
export interface LineBatch {
  readonly first: number;
  readonly lines: string[];
}

const CHUNK_BYTES = 1 << 16;
const CR = 13;

/**
 * Splits text on its line ends (LF, CRLF or a lone CR). A trailing line end gives a last empty string, as
 * `split` does.
 *
 * @example
 * ```ts
 * splitLines('a\r\nb\rc\nd'); // ['a', 'b', 'c', 'd']
 * ```
 */
export function splitLines(text: string): string[] {
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

/**
 * Reads a UTF-8 file in batches of whole lines, streaming. The last line may lack its line end; an empty file
 * gives no batch. `chunkBytes` is how much is read at a time (tests use small chunks to cut lines anywhere).
 *
 * @example
 * ```ts
 * for await (const { first, lines } of readLineBatches('orders.csv')) {
 *   lines.forEach((line, k) => console.log(first + k, line));
 * }
 * ```
 */
export async function* readLineBatches(path: string, chunkBytes: number = CHUNK_BYTES): AsyncGenerator<LineBatch> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: chunkBytes });
  let rest = ''; // the start of a line whose end is in a later chunk
  let next = 1; // the number of the first line in `rest`
  let start = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = rest + chunk;
      if (start && text !== '') {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        start = false;
      }
      // a CR at the very end may be the first half of a CRLF: it waits for the next chunk
      const end = text.charCodeAt(text.length - 1) === CR ? text.length - 1 : text.length;
      // (lastIndexOf reads a negative start as 0: nothing before `end` when it is 0)
      const cut = end === 0 ? -1 : Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
      if (cut < 0) {
        rest = text;
        continue;
      }
      const lines = splitLines(text.slice(0, cut + 1));
      lines.pop(); // the empty string after the last line end
      rest = text.slice(cut + 1);
      yield { first: next, lines };
      next += lines.length;
    }
  } finally {
    stream.destroy();
  }
  if (rest === '') return;
  const lines = splitLines(rest);
  if (lines[lines.length - 1] === '') lines.pop(); // a lone CR ended the file
  yield { first: next, lines };
}
