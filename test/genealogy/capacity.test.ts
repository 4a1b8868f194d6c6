import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumn, grownColumn, grownSize } from '../../src/genealogy/capacity';

describe('the room builders make for records', () => {
  it('grownSize: exactly the count at first, then at least half as much again, never less than the count', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(20_000), (capacity, count) => {
        const size = grownSize(capacity, count);
        expect(size).toBeGreaterThanOrEqual(count);
        if (capacity === 0) expect(size).toBe(count);
        else expect(size).toBeGreaterThanOrEqual(Math.ceil(capacity * 1.5));
      }),
      { seed: 20261123 },
    );
  });

  it('grownColumn keeps the values and type, and fills the new slots', () => {
    const grown = grownColumn(Float64Array.of(1.5, 2), 4, -1);
    expect(grown).toBeInstanceOf(Float64Array);
    expect([...grown]).toEqual([1.5, 2, -1, -1]);
    expect([...grownColumn(Uint8Array.of(9), 3)]).toEqual([9, 0, 0]);
  });

  it('fitColumn: the column when full, a view when little is spare, a copy otherwise', () => {
    const full = new Int32Array(8);
    expect(fitColumn(full, 8)).toBe(full);
    const near = new Int32Array(9);
    expect(fitColumn(near, 8).buffer).toBe(near.buffer);
    const far = new Int32Array(16);
    const copy = fitColumn(far, 8);
    expect([copy.length, copy.buffer === far.buffer]).toEqual([8, false]);
  });
});
