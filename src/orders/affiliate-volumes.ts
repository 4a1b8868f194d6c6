import { ExactColumn } from '../money/exact-column';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Order volumes summed per affiliate and kind: the columns the engine computes from, so that a period's
 * computation touches each affiliate once instead of each order.
 *
 * @example
 * ```ts
 * const { byKind, totals } = book.affiliateVolumes;
 * byKind[KIND_CODE.retail].get(genealogy.indexOf('D')); // D's retail volume, minor units
 * ```
 */
export interface AffiliateVolumes {
  /** Indexed by kind code (retail 0, personal 1, enrollment 2), then genealogy preorder index. */
  readonly byKind: readonly [ExactColumn, ExactColumn, ExactColumn];
  /** Σ of each kind's column. */
  readonly totals: readonly [bigint, bigint, bigint];
  /** PV: retail + personal volume of each affiliate (enrollment orders never count). */
  readonly personalVolume: ExactColumn;
}

/**
 * Sums order volumes per affiliate and kind in one pass over the order columns. Doubles while provably exact
 * (non-negative integers whose grand total is below 2^53 have exact partial sums); bigint otherwise.
 *
 * @example
 * ```ts
 * const volumes = sumByAffiliate(3, Int32Array.of(0, 2), Uint8Array.of(0, 1), new ExactColumn(Float64Array.of(500, 700)));
 * volumes.byKind[0].get(0); // 500n
 * ```
 */
export function sumByAffiliate(
  affiliates: number,
  buyers: Int32Array,
  kinds: Uint8Array,
  volumes: ExactColumn,
): AffiliateVolumes {
  if (volumes.isNarrow) {
    const columns = [new Float64Array(affiliates), new Float64Array(affiliates), new Float64Array(affiliates)];
    const [retail, personal, enrollment] = columns;
    const pv = new Float64Array(affiliates);
    const values = volumes.values;
    let total = 0;
    for (let i = 0; i < buyers.length; i++) {
      const v = values[i];
      const kind = kinds[i];
      const buyer = buyers[i];
      if (kind === 2) {
        enrollment[buyer] += v;
      } else {
        (kind === 0 ? retail : personal)[buyer] += v;
        pv[buyer] += v;
      }
      total += v;
    }
    if (total <= MAX_SAFE) {
      const totals = columns.map((column) => BigInt(column.reduce((a, b) => a + b, 0)));
      return {
        byKind: [new ExactColumn(retail), new ExactColumn(personal), new ExactColumn(enrollment)],
        totals: totals as [bigint, bigint, bigint],
        personalVolume: new ExactColumn(pv),
      };
    }
  }
  return wideSums(affiliates, buyers, kinds, volumes);
}

function wideSums(affiliates: number, buyers: Int32Array, kinds: Uint8Array, volumes: ExactColumn): AffiliateVolumes {
  const sums: bigint[][] = [0, 1, 2].map(() => new Array<bigint>(affiliates).fill(0n));
  for (let i = 0; i < buyers.length; i++) sums[kinds[i]][buyers[i]] += volumes.get(i);
  const columns = sums.map((values) => {
    const column = new ExactColumn(affiliates);
    for (let a = 0; a < affiliates; a++) if (values[a] !== 0n) column.set(a, narrowOrBig(values[a]));
    return column;
  });
  const personalVolume = new ExactColumn(affiliates);
  for (let a = 0; a < affiliates; a++) personalVolume.set(a, narrowOrBig(sums[0][a] + sums[1][a]));
  return {
    byKind: columns as [ExactColumn, ExactColumn, ExactColumn],
    totals: sums.map((values) => values.reduce((a, b) => a + b, 0n)) as [bigint, bigint, bigint],
    personalVolume,
  };
}

/**
 * A bigint as a double when it is a safe integer, else the bigint.
 *
 * @example
 * ```ts
 * narrowOrBig(12n);       // 12
 * narrowOrBig(2n ** 60n); // 1152921504606846976n
 * ```
 */
export function narrowOrBig(value: bigint): number | bigint {
  return value <= BigInt(MAX_SAFE) && value >= -BigInt(MAX_SAFE) ? Number(value) : value;
}
