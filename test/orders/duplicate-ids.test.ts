import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashId } from '../../src/genealogy/id-index';
import { ArrayIds } from '../../src/genealogy/packed-ids';
import { findDuplicateIds, positionsByHash } from '../../src/orders/duplicate-ids';

const SEED = { seed: 20261123 };

describe('positionsByHash', () => {
  it('sorts positions by unsigned hash, equal hashes in position order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 200 }), fc.boolean(), (values, few) => {
        // half the runs draw from a handful of hashes, so that ties are common
        const hashes = Int32Array.from(few ? values.map((v) => [0, -1, 65536, 7, -65536][Math.abs(v) % 5]) : values);
        const expected = [...hashes.keys()].sort((a, b) => (hashes[a] >>> 0) - (hashes[b] >>> 0) || a - b);
        expect([...positionsByHash(hashes, hashes.length)]).toEqual(expected);
      }),
      SEED,
    );
  });

  it('sorts only the first count positions', () => {
    expect([...positionsByHash(Int32Array.of(9, 3, 1, 0), 2)]).toEqual([1, 0]);
  });
});

describe('findDuplicateIds', () => {
  /** What a map of first positions finds, id by id. */
  function naive(ids: readonly string[], skip: ReadonlySet<number>): [number, number][] {
    const first = new Map<string, number>();
    const found: [number, number][] = [];
    ids.forEach((id, position) => {
      if (skip.has(position)) return;
      const held = first.get(id);
      if (held === undefined) first.set(id, position);
      else found.push([position, held]);
    });
    return found;
  }

  it('finds every repeated id with its first position, the same as a map, hashes colliding or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('a', 'b', 'ab', 'ü', ''), fc.string({ maxLength: 3 })), { maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom<'real' | 'length' | 'one'>('real', 'length', 'one'),
        (ids, skipped, hashing) => {
          const skip = [...new Set(skipped.map((k) => k % Math.max(1, ids.length)))].filter((k) => k < ids.length).sort((a, b) => a - b);
          // weak hashes make distinct ids collide: they must still be told apart
          const hash = hashing === 'real' ? hashId : hashing === 'length' ? (id: string) => id.length : () => 1;
          const hashes = Int32Array.from(ids, (id, position) => (skip.includes(position) ? 0 : hash(id)));
          const found: [number, number][] = [];
          findDuplicateIds(new ArrayIds(ids), hashes, ids.length, skip, (position, first) => found.push([position, first]));
          expect(found.sort((x, y) => x[0] - y[0])).toEqual(naive(ids, new Set(skip)));
        },
      ),
      SEED,
    );
  });

  it('compares each copy of one id once, not with every other copy', () => {
    const n = 20_000;
    let comparisons = 0;
    const ids = new ArrayIds(Array.from({ length: n }, () => 'same'));
    const counting = { at: (p: number) => ids.at(p), matches: (p: number, id: string) => (comparisons++, ids.matches(p, id)) };
    let found = 0;
    findDuplicateIds(counting, new Int32Array(n).fill(hashId('same')), n, [], () => found++);
    expect(found).toBe(n - 1);
    expect(comparisons).toBe(n - 1);
  });
});
