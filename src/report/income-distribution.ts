import { groupThousands } from '../money/decimal-string';

/**
 * One bin of the income histogram: participants whose gross income falls in `[from, to)` minor units (the
 * first bin is exactly zero).
 *
 * @example
 * ```ts
 * const bin: IncomeBin = { label: '10–100', from: 1_000, to: 10_000, count: 212 };
 * ```
 */
export interface IncomeBin {
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * A point of the Lorenz curve: the poorest `population` share of participants earned `income` share of all
 * gross income (both in [0, 1]).
 *
 * @example
 * ```ts
 * const point: LorenzPoint = { population: 0.9, income: 0.12 };
 * ```
 */
export interface LorenzPoint {
  readonly population: number;
  readonly income: number;
}

/**
 * The histogram of gross income per participant in bins by powers of ten of the currency unit (0, under 1,
 * 1–10, 10–100, …, up to the largest income: income in these plans spans orders of magnitude, so equal-width
 * bins would put nearly everyone in the first one), every bin up to the top one listed even when empty. With
 * no decimals (scale 0) there is no "under 1" bin: nothing lies between 0 and 1.
 *
 * @param sorted gross income per participant, minor units, ascending
 * @param scale decimals of the minor units (2 for cents)
 * @example
 * ```ts
 * incomeBins(Float64Array.of(0, 0, 50, 1_500, 250_000), 2).map((bin) => `${bin.label}:${bin.count}`);
 * // ['0:2', 'under 1:1', '1–10:0', '10–100:1', '100–1k:0', '1k–10k:1']
 * ```
 */
export function incomeBins(sorted: Float64Array, scale: number): IncomeBin[] {
  const bins: IncomeBin[] = [];
  let k = 0;
  const n = sorted.length;
  while (k < n && sorted[k] === 0) k++;
  bins.push({ label: '0', from: 0, to: 1, count: k });
  if (k === n) return bins;
  const largest = sorted[n - 1];
  let from = 1;
  let to = 10 ** scale;
  for (let decade = 0; from <= largest; decade++) {
    const start = k;
    while (k < n && sorted[k] < to) k++;
    if (from < to) bins.push({ label: decade === 0 ? 'under 1' : `${compact(decade - 1)}–${compact(decade)}`, from, to, count: k - start });
    from = to;
    to *= 10;
  }
  return bins;
}

/**
 * The Lorenz curve of gross income at (at most) 101 evenly spaced population shares, from (0, 0) to (1, 1);
 * with fewer than 100 participants, one point per participant. Sums are exact (bigint past 2^53); only the
 * final shares are doubles. Everyone earning nothing gives the diagonal.
 *
 * @param sorted gross income per participant, minor units, ascending
 * @example
 * ```ts
 * lorenzCurve(Float64Array.of(0, 0, 0, 100)); // [{0,0}, {0.25,0}, {0.5,0}, {0.75,0}, {1,1}]
 * ```
 */
export function lorenzCurve(sorted: Float64Array): LorenzPoint[] {
  const n = sorted.length;
  if (n === 0) return [{ population: 0, income: 0 }, { population: 1, income: 1 }];
  const steps = Math.min(100, n);
  const marks = Array.from({ length: steps + 1 }, (_, s) => Math.round((s * n) / steps));
  const cumulative: bigint[] = [0n];
  let big = 0n;
  let small = 0;
  let next = 1;
  for (let i = 0; i < n; i++) {
    // past 2^52 to bigint at once: the double sum only ever adds two numbers ≤ 2^52, so it stays exact
    if (sorted[i] > 2 ** 52) big += BigInt(sorted[i]);
    else small += sorted[i];
    if (small > 2 ** 52) {
      big += BigInt(small);
      small = 0;
    }
    while (next <= steps && marks[next] === i + 1) {
      cumulative.push(big + BigInt(small));
      next++;
    }
  }
  const total = cumulative[steps];
  return marks.map((m, s) => ({
    population: m / n,
    income: total === 0n ? m / n : Number((cumulative[s] * 1_000_000n) / total) / 1_000_000,
  }));
}

/** 10^(decade) currency units, short: 1, 10, 100, 1k, 10k, 100k, 1M… */
function compact(decade: number): string {
  if (decade < 3) return String(10 ** decade);
  if (decade < 6) return `${10 ** (decade - 3)}k`;
  if (decade < 9) return `${10 ** (decade - 6)}M`;
  return `${groupThousands(String(10 ** (decade - 9)))}B`;
}
