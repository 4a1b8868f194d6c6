import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedIds } from '../../src/genealogy/packed-ids';

describe('PackedIds views and chunking', () => {
  it('permuted() is a view: same ids, new order, views of views compose', () => {
    const base = new PackedIds(['a', 'bb', '', 'dddd', 'é']);
    const view = base.permuted(Int32Array.of(4, 2, 0, 3, 1));
    expect([...view]).toEqual(['é', '', 'a', 'dddd', 'bb']);
    expect(view.length).toBe(5);
    expect(view.matches(3, 'dddd') && !view.matches(3, 'ddd') && view.matches(1, '')).toBe(true);
    const viewOfView = view.permuted(Int32Array.of(2, 0));
    expect([...viewOfView]).toEqual(['a', 'é']);
    expect(viewOfView.length).toBe(2);
    expect([...base]).toEqual(['a', 'bb', '', 'dddd', 'é']); // the base is untouched
  });

  it('keeps chunks short for very long ids (fewer ids per chunk, any chunk boundary)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (ids, maxChunkChars) => {
          const packed = new PackedIds(ids.length, (i) => ids[i], maxChunkChars);
          expect([...packed]).toEqual(ids);
          ids.forEach((id, i) => {
            expect(packed.matches(i, id)).toBe(true);
            expect(packed.matches(i, `${id}x`)).toBe(false);
          });
          const order = Int32Array.from(ids.keys()).reverse();
          expect([...packed.permuted(order)]).toEqual([...ids].reverse());
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('an id longer than the chunk limit gets a chunk of its own', () => {
    const ids = ['short', 'x'.repeat(50), 'y', 'z'.repeat(30)];
    const packed = new PackedIds(ids.length, (i) => ids[i], 10);
    expect([...packed]).toEqual(ids);
  });
});
