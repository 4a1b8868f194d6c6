import { describe, expect, it } from 'vitest';
import { ArrayIds, PackedIds } from '../../src/genealogy/packed-ids';
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
