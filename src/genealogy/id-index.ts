/**
 * A string → position hash index over an array of ids: open addressing with linear probing in one
 * `Int32Array` of (hash, position) pairs, keyed by an FNV-1a hash of the id's UTF-16 code units. Keeping the
 * hash beside the position means a probe touches one cache line and dereferences an id only when the hashes
 * match. It exists because a `Map` of ten
 * million string keys costs several seconds to build and ~40 bytes an entry here; this costs one pass of
 * hashing and ~8–16 bytes an entry, and it reads the ids from the array it indexes.
 *
 * @module
 */

import type { IdSource } from './packed-ids';

const EMPTY = -1;

/**
 * FNV-1a over the code units of a string, as an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * hashId('m42') === hashId('m42'); // true
 * ```
 */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // final avalanche so that short sequential ids spread over the table
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  hash ^= hash >>> 15;
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

  /** An empty index over `ids` with room for `capacity` entries at a load of at most one half. */
  constructor(ids: IdSource, capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
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
    const id = ids.at(position);
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
      if (slots[2 * slot] === hash && ids.matches(held, id)) return held;
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
