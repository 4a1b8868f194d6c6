/**
 * The line each record of a file starts on, kept as runs: a record's line is its index plus an offset that
 * changes only where a blank line, a comment or a field spanning lines comes between two records. A file of
 * ten million one-line records keeps one run, not ten million numbers, for the sake of error messages.
 *
 * @module
 */
import { grownColumn } from '../genealogy/capacity';

/**
 * A list of line numbers that only grows, each at least one more than the one before: `push` one per record,
 * `at(i)` for record `i`. Stored as runs of records whose line minus index is the same: two `Int32Array`s, the
 * index where each run starts and its offset, found by binary search.
 *
 * @example
 * ```ts
 * const lines = new LineNumbers();
 * lines.push(2);
 * lines.push(3);
 * lines.push(5); // a blank line before this record: a second run
 * lines.at(2); // 5
 * lines.at(3); // undefined
 * lines.runs;  // 2
 * ```
 */
export class LineNumbers {
  #starts: Int32Array = new Int32Array(16);
  #offsets: Int32Array = new Int32Array(16);
  #runs = 0;
  #length = 0;

  /** How many line numbers are held. */
  get length(): number {
    return this.#length;
  }

  /** How many runs hold them (one for a file without a line between its records). */
  get runs(): number {
    return this.#runs;
  }

  /** Appends the line of the next record. */
  push(line: number): void {
    const offset = line - this.#length;
    const runs = this.#runs;
    if (runs === 0 || this.#offsets[runs - 1] !== offset) {
      if (runs === this.#starts.length) {
        this.#starts = grownColumn(this.#starts, runs * 2);
        this.#offsets = grownColumn(this.#offsets, runs * 2);
      }
      this.#starts[runs] = this.#length;
      this.#offsets[runs] = offset;
      this.#runs = runs + 1;
    }
    this.#length++;
  }

  /** The line of record `index`, or undefined past the end. */
  at(index: number): number | undefined {
    if (!(index >= 0 && index < this.#length)) return undefined;
    const starts = this.#starts;
    // the last run starting at or before `index`
    let low = 0;
    let high = this.#runs - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return index + this.#offsets[low];
  }
}
