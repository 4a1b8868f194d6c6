/**
 * Finding repeated ids among millions by sorting their hashes rather than inserting them in a hash table: the
 * positions ordered by hash take two `Int32Array`s of one slot per id (8 bytes an id), where a table at a sane
 * load takes 16 to 32; ten million order ids are checked in 96 MB instead of 268 MB, at the moment the whole
 * order book is in memory.
 *
 * @module
 */
import type { IdSource } from '../genealogy/packed-ids';

const RADIX_BITS = 16;
const BUCKETS = 1 << RADIX_BITS;

/**
 * The positions `0 … count - 1` sorted by `hashes[position]` read as unsigned, positions with equal hashes
 * in ascending order (a stable two-pass radix sort on 16-bit digits).
 *
 * @example
 * ```ts
 * [...positionsByHash(Int32Array.of(7, -1, 7, 3), 4)]; // [3, 0, 2, 1]
 * ```
 */
export function positionsByHash(hashes: Int32Array, count: number): Int32Array {
  const byLow = new Int32Array(count);
  const sorted = new Int32Array(count);
  const starts = new Int32Array(BUCKETS);
  for (let i = 0; i < count; i++) starts[hashes[i] & 0xffff]++;
  bucketStarts(starts);
  for (let i = 0; i < count; i++) byLow[starts[hashes[i] & 0xffff]++] = i;
  starts.fill(0);
  for (let i = 0; i < count; i++) starts[hashes[i] >>> RADIX_BITS]++;
  bucketStarts(starts);
  for (let k = 0; k < count; k++) {
    const position = byLow[k];
    sorted[starts[hashes[position] >>> RADIX_BITS]++] = position;
  }
  return sorted;
}

/** Turns bucket sizes into the index where each bucket starts. */
function bucketStarts(counts: Int32Array): void {
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const size = counts[b];
    counts[b] = sum;
    sum += size;
  }
}

/**
 * Calls `found(position, first)` for every position whose id is already held by an earlier position, `first`
 * being the earliest position holding it. `hashes[position]` is the `hashId` of `ids.at(position)`; positions
 * in `skip` (sorted ascending) have no id and take no part. Ids are compared only when their hashes are equal,
 * and each against one position per distinct id of its hash, so a million copies of one id cost a million
 * comparisons, not a million squared.
 *
 * @example
 * ```ts
 * const ids = new PackedIds(['a', 'b', 'a']);
 * const hashes = Int32Array.from(['a', 'b', 'a'], hashId);
 * findDuplicateIds(ids, hashes, 3, [], (position, first) => console.log(position, first)); // 2 0
 * ```
 */
export function findDuplicateIds(
  ids: IdSource,
  hashes: Int32Array,
  count: number,
  skip: readonly number[],
  found: (position: number, first: number) => void,
): void {
  const order = positionsByHash(hashes, count);
  const skipped = new Set(skip);
  const distinct: number[] = [];
  for (let start = 0; start < count; ) {
    const hash = hashes[order[start]];
    let end = start + 1;
    while (end < count && hashes[order[end]] === hash) end++;
    if (end - start > 1) {
      distinct.length = 0;
      for (let k = start; k < end; k++) {
        const position = order[k];
        if (skipped.has(position)) continue;
        const id = ids.at(position);
        const first = distinct.find((held) => ids.matches(held, id));
        if (first === undefined) distinct.push(position);
        else found(position, first);
      }
    }
    start = end;
  }
}
