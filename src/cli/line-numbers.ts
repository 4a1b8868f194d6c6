/**
 * The line each record of a file starts on, kept in a growing `Int32Array`: four bytes a record, so that ten
 * million rows do not cost ten million array slots of eight bytes for the sake of error messages.
 *
 * @module
 */

/**
 * A list of line numbers that only grows: `push` one per record, `at(i)` for record `i`.
 *
 * @example
 * ```ts
 * const lines = new LineNumbers();
 * lines.push(2);
 * lines.push(4);
 * lines.at(1); // 4
 * lines.at(2); // undefined
 * ```
 */
export class LineNumbers {
  #values = new Int32Array(1024);
  #length = 0;

  /** How many line numbers are held. */
  get length(): number {
    return this.#length;
  }

  /** Appends the line of the next record. */
  push(line: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Int32Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = line;
  }

  /** The line of record `index`, or undefined past the end. */
  at(index: number): number | undefined {
    return index >= 0 && index < this.#length ? this.#values[index] : undefined;
  }
}
