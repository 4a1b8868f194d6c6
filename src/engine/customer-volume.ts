import type { Genealogy } from '../genealogy';
import { ExactColumn } from '../money/exact-column';
import { narrowOrBig } from '../orders/affiliate-volumes';

/**
 * PV with customers folded in (DESIGN §2: PV is the volume of an affiliate's own orders and of their retail
 * customers' orders): each customer's volume moves to the affiliate who referred them, and customers keep
 * none (they never qualify). The column given is not changed; without customers it is returned as is.
 *
 * @example
 * ```ts
 * // A ← c1 (customer) bought 30.00; A bought 25.00 for herself
 * const pv = foldCustomerVolume(book.affiliateVolumes.personalVolume, genealogy);
 * pv.get(genealogy.indexOf('A')); // 5500n
 * pv.get(genealogy.indexOf('c1')); // 0n
 * ```
 */
export function foldCustomerVolume(personal: ExactColumn, genealogy: Genealogy): ExactColumn {
  if (genealogy.customerCount === 0) return personal;
  const { roles, parents } = genealogy;
  const n = genealogy.size;
  if (personal.isNarrow) {
    const values = personal.values;
    const out = Float64Array.from(values);
    let total = 0;
    for (let i = 0; i < n; i++) total += values[i];
    // every partial sum is at most the total: exact while the total is a safe integer
    if (total <= Number.MAX_SAFE_INTEGER) {
      for (let i = 0; i < n; i++) {
        if (roles[i] !== 1) continue;
        if (parents[i] >= 0) out[parents[i]] += values[i];
        out[i] = 0;
      }
      return new ExactColumn(out);
    }
  }
  const sums: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) sums[i] = personal.get(i);
  for (let i = 0; i < n; i++) {
    if (roles[i] !== 1) continue;
    if (parents[i] >= 0) sums[parents[i]] += sums[i];
    sums[i] = 0n;
  }
  const out = new ExactColumn(n);
  for (let i = 0; i < n; i++) if (sums[i] !== 0n) out.set(i, narrowOrBig(sums[i]));
  return out;
}
