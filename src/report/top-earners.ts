import { type ExactColumn, WIDE } from '../money/exact-column';

/**
 * The indexes of the `count` largest values of a column, largest first, ties to the lower index (genealogy
 * order, so the list never depends on record order); zeros are never listed. One pass, keeping the running
 * top list sorted (insertion: `count` is small).
 *
 * @example
 * ```ts
 * topIndexes(new ExactColumn(Float64Array.of(5, 0, 9, 5)), 3); // [2, 0, 3]
 * ```
 */
export function topIndexes(column: ExactColumn, count: number): number[] {
  const values = column.values;
  const top: number[] = [];
  const exceeds = (a: number, b: number) => {
    const x = values[a];
    const y = values[b];
    if (x !== WIDE && y !== WIDE) return x > y;
    return column.get(a) > column.get(b);
  };
  for (let i = 0; i < values.length && count > 0; i++) {
    if (values[i] === 0) continue;
    if (top.length === count && !exceeds(i, top[count - 1])) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && exceeds(i, top[at - 1])) at--;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}
