/**
 * A string → position hash index over an array of ids: open addressing with linear probing in one
 * `Int32Array` of (hash, position) pairs, keyed by a 32-bit hash of the id's UTF-16 code units. Keeping the
 * hash beside the position means a probe touches one cache line and dereferences an id only when the hashes
 * match. It exists because a `Map` of ten
 * million string keys costs several seconds to build and ~40 bytes an entry here; this costs one pass of
 * hashing and ~13–27 bytes an entry, and it reads the ids from the array it indexes.
 *
 * @module
 */

import type { IdSource } from './packed-ids';

const EMPTY = -1;

/**
 * A 32-bit hash of a string's UTF-16 code units, taken two at a time (one multiply per pair, half the
 * dependent multiplies of a per-unit FNV-1a), then finalised so that short sequential ids spread over the
 * table.
 *
 * @example
 * ```ts
 * hashId('m42') === hashId('m42'); // true
 * ```
 */
export function hashId(id: string): number {
  const length = id.length;
  let hash = 0x811c9dc5 ^ length;
  let i = 0;
  for (const pairs = length - 1; i < pairs; i += 2) {
    hash = Math.imul(hash ^ (id.charCodeAt(i) | (id.charCodeAt(i + 1) << 16)), 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  if (i < length) hash = Math.imul(hash ^ id.charCodeAt(i), 0x9e3779b1);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x846ca68b);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Positions of ids in an {@link IdSource}, found by id.
 *
 * @example
 * ```ts
 * const ids = ['A', 'B', 'C'];
 * const index = new IdIndex(new ArrayIds(ids), ids.length);
 * ids.forEach((_, i) => index.insert(i));
 * index.find('B'); // 1
 * index.find('Z'); // -1
 * ```
 */
export class IdIndex {
  #ids: IdSource;
  readonly #slots: Int32Array;
  readonly #mask: number;

  /**
   * An empty index over `ids` with room for `capacity` entries at a load of at most 0.6: with linear probing
   * that is under two probes a hit and four a miss, mostly in the same cache line, and the table stays small
   * (13 to 27 bytes an entry).
   */
  constructor(ids: IdSource, capacity: number) {
    let size = 16;
    while (size * 3 < capacity * 5) size *= 2;
    this.#ids = ids;
    this.#slots = new Int32Array(size * 2).fill(EMPTY); // [hash, position] per slot
    this.#mask = size - 1;
  }

  /**
   * Adds position `position` (whose id is `ids[position]`). Returns -1 when added, or the position already
   * holding the same id (which is then left as it was).
   */
  insert(position: number): number {
    return this.insertHashed(position, hashId(this.#ids.at(position)));
  }

  /**
   * {@link IdIndex.insert} with the id's {@link hashId} already computed (bulk builds hash in a separate,
   * sequential pass so that the probes of consecutive inserts overlap in memory).
   */
  insertHashed(position: number, hashOfId: number): number {
    const ids = this.#ids;
    const slots = this.#slots;
    const mask = this.#mask;
    const hash = hashOfId | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[2 * slot + 1];
      if (held === EMPTY) {
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = position;
        return -1;
      }
      // the id is read only on a hash match (a packed source builds a string to read it)
      if (slots[2 * slot] === hash && ids.matches(held, ids.at(position))) return held;
    }
  }

  /**
   * The first position whose id has this {@link hashId}, or -1 when none has: a probe that reads no id.
   * A hit is only a candidate (two ids can share a hash); confirm it with `ids[position] === id`, and fall
   * back to {@link IdIndex.find} when that fails. Bulk lookups probe every key first and confirm afterwards,
   * so that no probe waits on a string comparison.
   */
  candidate(hashOfId: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    const hash = hashOfId | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[2 * slot + 1];
      if (held === EMPTY || slots[2 * slot] === hash) return held;
    }
  }

  /** The position of `id`, or -1. */
  find(id: string): number {
    const ids = this.#ids;
    const slots = this.#slots;
    const mask = this.#mask;
    const hash = hashId(id) | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[2 * slot + 1];
      if (held === EMPTY) return -1;
      if (slots[2 * slot] === hash && ids.matches(held, id)) return held;
    }
  }

  /**
   * Renumbers every entry with `positions[old] = new` over a new source `ids` (same ids, new order), without
   * hashing again.
   */
  renumber(positions: Int32Array, ids: IdSource): void {
    const slots = this.#slots;
    for (let k = 1; k < slots.length; k += 2) if (slots[k] !== EMPTY) slots[k] = positions[slots[k]];
    this.#ids = ids;
  }
}
