/**
 * Millions of ids packed into a few long strings plus one offset column, instead of millions of separate
 * string objects. The heap then holds a handful of objects rather than one per id, so garbage collection
 * never has to walk them; comparing an id with a stored one is a `startsWith` at an offset, with no pointer
 * to follow.
 *
 * @module
 */

const CHUNK_BITS = 20; // 1,048,576 ids per string, unless the ids are very long
/** Longest chunk string, in UTF-16 code units: a quarter of V8's limit of about 2^29. */
const MAX_CHUNK_CHARS = 1 << 27;
const EMPTY: readonly string[] = [];

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
 * {@link PackedIds.permuted} does not copy: it returns a view over the same packed strings through an index
 * column. Gathering millions of ids into a new order means reading them from all over memory, and that costs
 * many times more than packing them in the order they were given (seconds against a fraction of one at ten
 * million), so a genealogy packs its ids in input order and views them in preorder.
 *
 * @example
 * ```ts
 * const ids = new PackedIds(['m0', 'm1', 'm2']);
 * ids.at(1);      // 'm1'
 * ids.length;     // 3
 * [...ids];       // ['m0', 'm1', 'm2']
 * ids.matches(2, 'm2'); // true
 * [...ids.permuted(Int32Array.of(2, 0, 1))]; // ['m2', 'm0', 'm1']
 * ```
 */
export class PackedIds implements IdSource, Iterable<string> {
  #length: number;
  #chunks: string[];
  /** log2 of the number of ids per chunk, and that number minus one. */
  #chunkBits: number;
  #chunkMask: number;
  /** End of each stored id inside its chunk; an id starts where the previous one of its chunk ends. */
  #ends: Int32Array;
  /** For a view, the stored position of each of its ids; `null` when the ids are in stored order. */
  #order: Int32Array | null = null;

  /** Packs `ids` (any array-like of strings), or `count` ids read through `idAt`. */
  constructor(ids: ArrayLike<string>);
  constructor(count: number, idAt: (position: number) => string);
  /** @internal `maxChunkChars` is lowered by tests only. */
  constructor(count: number, idAt: (position: number) => string, maxChunkChars: number);
  constructor(idsOrCount: ArrayLike<string> | number, idAt?: (position: number) => string, maxChunkChars = MAX_CHUNK_CHARS) {
    const n = typeof idsOrCount === 'number' ? idsOrCount : idsOrCount.length;
    const read = typeof idsOrCount === 'number' ? (idAt as (position: number) => string) : (i: number) => idsOrCount[i];
    this.#length = n;
    this.#ends = new Int32Array(n);
    // Ids of sane length fill 2^20 to a chunk; very long ones need smaller chunks to stay below V8's string
    // length limit, so a chunk that grows too long starts the packing again with half as many ids per chunk.
    let bits = CHUNK_BITS;
    let chunks = pack(n, read, bits, maxChunkChars, this.#ends);
    while (chunks === null) chunks = pack(n, read, --bits, maxChunkChars, this.#ends);
    this.#chunks = chunks;
    this.#chunkBits = bits;
    this.#chunkMask = (1 << bits) - 1;
  }

  /** Number of ids. */
  get length(): number {
    return this.#length;
  }

  /** The id at a position. */
  at(position: number): string {
    const stored = this.#order === null ? position : this.#order[position];
    const start = (stored & this.#chunkMask) === 0 ? 0 : this.#ends[stored - 1];
    return this.#chunks[stored >>> this.#chunkBits].slice(start, this.#ends[stored]);
  }

  /** Whether the id at a position equals `id`, without building the stored id. */
  matches(position: number, id: string): boolean {
    const stored = this.#order === null ? position : this.#order[position];
    const start = (stored & this.#chunkMask) === 0 ? 0 : this.#ends[stored - 1];
    return this.#ends[stored] - start === id.length && this.#chunks[stored >>> this.#chunkBits].startsWith(id, start);
  }

  /**
   * The ids in another order, `result.at(k) === this.at(order[k])`: a view sharing this list's packed strings,
   * built without reading a single id (it keeps `order`, which must not change afterwards).
   */
  permuted(order: Int32Array): PackedIds {
    const own = this.#order;
    let composed = order;
    if (own !== null) {
      composed = new Int32Array(order.length);
      for (let k = 0; k < order.length; k++) composed[k] = own[order[k]];
    }
    const view = new PackedIds(EMPTY);
    view.#length = composed.length;
    view.#chunks = this.#chunks;
    view.#chunkBits = this.#chunkBits;
    view.#chunkMask = this.#chunkMask;
    view.#ends = this.#ends;
    view.#order = composed;
    return view;
  }

  /**
   * @internal The lists one after another as one list, their packed strings cut and joined a chunk at a time
   * (no string per id is built); null when a list is a view, or when a joined chunk would be too long (then
   * the ids are packed again one by one, in smaller chunks). `bits` (log2 of the ids per joined chunk) is
   * lowered by tests only.
   */
  static concat(lists: readonly PackedIds[], count: number, bits = CHUNK_BITS): PackedIds | null {
    const perChunk = 1 << bits;
    const ends = new Int32Array(count);
    const chunks: string[] = [];
    let pieces: string[] = [];
    let end = 0; // end of the last id in the joined chunk being filled
    let p = 0;
    for (const list of lists) {
      if (list.#order !== null) return null;
      const from = list.#ends;
      const shift = list.#chunkBits;
      const mask = list.#chunkMask;
      const last = list.#length - 1;
      let cut = 0; // where the next piece starts in the list's current chunk string
      for (let k = 0; k <= last; k++) {
        const local = k & mask;
        if (local === 0) cut = 0;
        end += from[k] - (local === 0 ? 0 : from[k - 1]);
        ends[p++] = end;
        const full = (p & (perChunk - 1)) === 0 || p === count;
        if (local === mask || k === last || full) {
          pieces.push(list.#chunks[k >>> shift].slice(cut, from[k]));
          cut = from[k];
        }
        if (end > MAX_CHUNK_CHARS) return null;
        if (full) {
          chunks.push(pieces.join(''));
          pieces = [];
          end = 0;
        }
      }
    }
    if (p !== count) return null;
    const joined = new PackedIds(EMPTY);
    joined.#length = count;
    joined.#chunks = chunks;
    joined.#chunkBits = bits;
    joined.#chunkMask = perChunk - 1;
    joined.#ends = ends;
    return joined;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.#length; i++) yield this.at(i);
  }
}

/**
 * Packs `n` ids into chunks of `2^bits` ids, writing `ends`; `null` when a chunk of more than one id would
 * pass `maxChunkChars` code units.
 */
function pack(
  n: number,
  read: (position: number) => string,
  bits: number,
  maxChunkChars: number,
  ends: Int32Array,
): string[] | null {
  const chunks: string[] = [];
  const perChunk = 1 << bits;
  for (let from = 0; from < n; from += perChunk) {
    const to = Math.min(n, from + perChunk);
    const parts: string[] = new Array(to - from);
    let end = 0;
    for (let i = from; i < to; i++) {
      const id = read(i);
      parts[i - from] = id;
      end += id.length;
      ends[i] = end;
    }
    if (end > maxChunkChars && to - from > 1) return null;
    chunks.push(parts.join(''));
  }
  return chunks;
}

/**
 * The ids of consecutive chunks as one packed list (the one chunk's list itself when there is one): how the
 * builders that take records chunk by chunk (members, orders) join their ids.
 *
 * @param starts the position of each chunk's first id in the whole list
 * @example
 * ```ts
 * joinPackedIds([new PackedIds(['a', 'b']), new PackedIds(['c'])], [0, 2], 3).at(2); // 'c'
 * ```
 */
export function joinPackedIds(chunks: readonly PackedIds[], starts: readonly number[], count: number): PackedIds {
  if (chunks.length === 1) return chunks[0];
  const joined = PackedIds.concat(chunks, count);
  if (joined !== null) return joined;
  const chunked = new ChunkedIds(chunks, starts);
  return new PackedIds(count, (position) => chunked.at(position));
}

/**
 * Packed chunks read as one list by position; reading positions in order costs no search.
 *
 * @example
 * ```ts
 * new ChunkedIds([new PackedIds(['a', 'b']), new PackedIds(['c'])], [0, 2]).at(1); // 'b'
 * ```
 */
export class ChunkedIds {
  readonly #chunks: readonly PackedIds[];
  readonly #starts: readonly number[];
  #chunk = 0;

  constructor(chunks: readonly PackedIds[], starts: readonly number[]) {
    this.#chunks = chunks;
    this.#starts = starts;
  }

  /** The id at a position of the whole list. */
  at(position: number): string {
    const starts = this.#starts;
    let chunk = this.#chunk;
    if (position < starts[chunk]) chunk = 0;
    while (chunk + 1 < starts.length && starts[chunk + 1] <= position) chunk++;
    this.#chunk = chunk;
    return this.#chunks[chunk].at(position - starts[chunk]);
  }
}
