import type { PackedIds } from '../genealogy/packed-ids';
import { type ExactColumn, WIDE } from '../money/exact-column';

/**
 * The indexes of the `count` largest values of a column, largest first, ties to the lower member id (UTF-16
 * code units, as everywhere in the library, so the list never depends on the order of the records); zeros are
 * never listed. One pass, keeping the running top list sorted (insertion: `count` is small).
 *
 * @example
 * ```ts
 * topIndexes(new ExactColumn(Float64Array.of(5, 0, 9, 5)), 3, genealogy.ids); // [2, 0, 3] when ids are in that order
 * ```
 */
export function topIndexes(column: ExactColumn, count: number, ids: Pick<PackedIds, 'at'>): number[] {
  const values = column.values;
  const top: number[] = [];
  const before = (a: number, b: number) => {
    const x = values[a];
    const y = values[b];
    if (x !== WIDE && y !== WIDE) {
      if (x !== y) return x > y;
    } else {
      const gx = column.get(a);
      const gy = column.get(b);
      if (gx !== gy) return gx > gy;
    }
    return ids.at(a) < ids.at(b);
  };
  for (let i = 0; i < values.length && count > 0; i++) {
    if (values[i] === 0) continue;
    if (top.length === count && !before(i, top[count - 1])) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && before(i, top[at - 1])) at--;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}
