import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrayIds, PackedIds, joinPackedIds } from '../../src/genealogy/packed-ids';
import { IdIndex } from '../../src/genealogy/id-index';

describe('PackedIds', () => {
  it('stores ids of any length, empty included, and gives them back', () => {
    const ids = ['a', '', 'long id with spaces ✓', 'a', 'ünïcödé', '0'];
    const packed = new PackedIds(ids);
    expect(packed.length).toBe(ids.length);
    expect([...packed]).toEqual(ids);
    expect(packed.matches(2, 'long id with spaces ✓')).toBe(true);
    expect(packed.matches(0, 'ab')).toBe(false); // a prefix is not a match
    expect(packed.matches(1, '')).toBe(true);
    expect(packed.matches(5, '00')).toBe(false);
  });
  it('crosses its chunk boundaries (2^20 ids per chunk)', () => {
    const n = (1 << 20) * 2 + 5;
    const packed = new PackedIds(n, (i) => `id-${i}`);
    for (const i of [0, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, (1 << 21) - 1, 1 << 21, n - 1]) {
      expect(packed.at(i)).toBe(`id-${i}`);
      expect(packed.matches(i, `id-${i}`)).toBe(true);
      expect(packed.matches(i, `id-${i + 1}`)).toBe(false);
    }
    expect(packed.permuted(Int32Array.of(n - 1, 0, 1 << 20)).at(2)).toBe(`id-${1 << 20}`);
  });
  it('serves an id index the same as plain strings', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `m${i * 7}`);
    const index = new IdIndex(new ArrayIds(ids), ids.length);
    ids.forEach((_, i) => expect(index.insert(i)).toBe(-1));
    expect(index.insert(3)).toBe(3); // the same id again
    const order = Int32Array.from(ids.keys()).reverse();
    const positions = new Int32Array(ids.length);
    order.forEach((position, k) => {
      positions[position] = k;
    });
    index.renumber(positions, new PackedIds(ids.length, (k) => ids[order[k]]));
    expect(index.find('m0')).toBe(ids.length - 1);
    expect(index.find(`m${7 * 4999}`)).toBe(0);
    expect(index.find('m1')).toBe(-1);
  });
});

describe('joining packed lists', () => {
  const id = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'ünï', '✓✓', 'a-much-longer-id-than-the-others'));
  // lists packed in small chunks (a low chunk length limit), joined into chunks of 2^bits ids
  const lists = fc.array(fc.tuple(fc.array(id, { maxLength: 30 }), fc.integer({ min: 1, max: 40 })), { maxLength: 8 });

  it('PackedIds.concat gives every id of every list, in order, whatever the chunks on either side', () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: 0, max: 5 }), (given, bits) => {
        const packed = given.map(([ids, limit]) => new PackedIds(ids.length, (i) => ids[i], limit));
        const all = given.flatMap(([ids]) => ids);
        const joined = PackedIds.concat(packed, all.length, bits);
        expect(joined).not.toBeNull();
        expect([...(joined as PackedIds)]).toEqual(all);
        all.forEach((expected, i) => {
          expect(joined?.matches(i, expected)).toBe(true);
          expect(joined?.matches(i, `${expected}x`)).toBe(false);
        });
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('joinPackedIds falls back to packing one by one when a list is a view', () => {
    const view = new PackedIds(['a', 'b', 'c']).permuted(Int32Array.of(2, 1, 0));
    expect(PackedIds.concat([view], 3)).toBeNull();
    expect([...joinPackedIds([new PackedIds(['x']), view], [0, 1], 4)]).toEqual(['x', 'c', 'b', 'a']);
  });

  it('PackedIds.concat refuses a count that is not the lists’ total', () => {
    expect(PackedIds.concat([new PackedIds(['a', 'b'])], 3)).toBeNull();
  });
});
