/**
 * Millions of ids packed into a few long strings plus one offset column, instead of millions of separate
 * string objects. The heap then holds a handful of objects rather than one per id, so garbage collection
 * never has to walk them; comparing an id with a stored one is a `startsWith` at an offset, with no pointer
 * to follow.
 *
 * @module
 */

const CHUNK_BITS = 20; // 1,048,576 ids per string: far below V8's string length limit for ids of sane length
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/**
 * Something that can tell whether the id at a position equals a given id (what the id index compares with).
 *
 * @example
 * ```ts
 * const source: IdSource = new PackedIds(['a', 'b']);
 * source.matches(1, 'b'); // true
 * ```
 */
export interface IdSource {
  at(position: number): string;
  matches(position: number, id: string): boolean;
}

/**
 * Plain strings in an array, as an {@link IdSource}.
 *
 * @example
 * ```ts
 * new ArrayIds(['a', 'b']).matches(0, 'a'); // true
 * ```
 */
export class ArrayIds implements IdSource {
  constructor(readonly ids: readonly string[]) {}
  at(position: number): string {
    return this.ids[position];
  }
  matches(position: number, id: string): boolean {
    return this.ids[position] === id;
  }
}

/**
 * An immutable list of ids stored packed. Iterable, with `at(i)` and `length` like an array.
 *
 * @example
 * ```ts
 * const ids = new PackedIds(['m0', 'm1', 'm2']);
 * ids.at(1);      // 'm1'
 * ids.length;     // 3
 * [...ids];       // ['m0', 'm1', 'm2']
 * ids.matches(2, 'm2'); // true
 * ```
 */
export class PackedIds implements IdSource, Iterable<string> {
  readonly length: number;
  readonly #chunks: string[];
  /** End of each id inside its chunk; an id starts where the previous one of its chunk ends. */
  readonly #ends: Int32Array;

  /** Packs `ids` (any array-like of strings), or `count` ids read through `idAt`. */
  constructor(ids: ArrayLike<string>);
  constructor(count: number, idAt: (position: number) => string);
  constructor(idsOrCount: ArrayLike<string> | number, idAt?: (position: number) => string) {
    const n = typeof idsOrCount === 'number' ? idsOrCount : idsOrCount.length;
    const read = typeof idsOrCount === 'number' ? (idAt as (position: number) => string) : (i: number) => idsOrCount[i];
    this.length = n;
    this.#ends = new Int32Array(n);
    this.#chunks = [];
    for (let from = 0; from < n; from += CHUNK_MASK + 1) {
      const to = Math.min(n, from + CHUNK_MASK + 1);
      const parts: string[] = new Array(to - from);
      let end = 0;
      for (let i = from; i < to; i++) {
        const id = read(i);
        parts[i - from] = id;
        end += id.length;
        this.#ends[i] = end;
      }
      this.#chunks.push(parts.join(''));
    }
  }

  /** The id at a position. */
  at(position: number): string {
    const start = (position & CHUNK_MASK) === 0 ? 0 : this.#ends[position - 1];
    return this.#chunks[position >>> CHUNK_BITS].slice(start, this.#ends[position]);
  }

  /** Whether the id at a position equals `id`, without building the stored id. */
  matches(position: number, id: string): boolean {
    const start = (position & CHUNK_MASK) === 0 ? 0 : this.#ends[position - 1];
    return this.#ends[position] - start === id.length && this.#chunks[position >>> CHUNK_BITS].startsWith(id, start);
  }

  /** A new list with `result[k] = this.at(order[k])`. */
  permuted(order: Int32Array): PackedIds {
    return new PackedIds(order.length, (k) => this.at(order[k]));
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}
