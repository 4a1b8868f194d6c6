import { describe, expect, it } from 'vitest';
import { addColumns, ExactColumn } from '../../src/money/exact-column';

const MAX = Number.MAX_SAFE_INTEGER;

describe('ExactColumn sums', () => {
  it('totals exactly, in doubles while safe and in bigint past 2^53 or on a wide value', () => {
    expect(new ExactColumn(Float64Array.of(1, 2, 3)).total()).toBe(6n);
    expect(new ExactColumn(Float64Array.of(MAX, MAX, 1)).total()).toBe(2n * BigInt(MAX) + 1n);
    const wide = new ExactColumn(3);
    wide.set(0, 5);
    wide.set(1, 2n ** 60n);
    wide.set(2, 7);
    expect(wide.total()).toBe(2n ** 60n + 12n);
  });
  it('adds columns element by element, falling back to bigint past 2^53', () => {
    const a = new ExactColumn(Float64Array.of(1, MAX));
    const b = new ExactColumn(Float64Array.of(2, 1));
    const sum = addColumns(a, b);
    expect(sum.get(0)).toBe(3n);
    expect(sum.get(1)).toBe(BigInt(MAX) + 1n);
  });
});

describe('ExactColumn.set', () => {
  it('keeps a bigint aside only past 2^53, and narrows a slot that becomes safe again', () => {
    const column = new ExactColumn(2);
    column.set(0, 5n);
    expect(column.isNarrow).toBe(true);
    expect(column.values[0]).toBe(5);
    column.set(1, 2n ** 60n);
    expect(column.isNarrow).toBe(false);
    column.set(1, 7n);
    expect(column.isNarrow).toBe(true);
    expect(column.get(1)).toBe(7n);
  });
});
