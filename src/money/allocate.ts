/**
 * Splits an exact integer amount in proportion to integer weights, conserving every unit: each part is
 * `floor(amount × weight / Σ weights)`, and the units the floors leave over go one each to the largest
 * remainders (ties to the earlier weight, or as `tieBreak` orders them) — the largest remainder (Hamilton) method. The parts always add up
 * to `amount` exactly; a zero weight gets nothing; all weights zero gives all zero parts (nothing can be
 * split: the caller decides where `amount` goes).
 *
 * @example
 * ```ts
 * allocate(100n, [1n, 1n, 1n]); // [34n, 33n, 33n]
 * allocate(10n, [0n, 3n, 1n]);  // [0n, 8n, 2n]  (7.5 and 2.5: the tie goes to the earlier one)
 * allocate(10n, [0n, 3n, 1n], (a, b) => b - a); // [0n, 7n, 3n] (ties to the later one)
 * ```
 */
export function allocate(amount: bigint, weights: readonly bigint[], tieBreak: (a: number, b: number) => number = (a, b) => a - b): bigint[] {
  const { parts, left, remainders } = floorShares(amount, weights);
  if (left === 0n) return parts;
  if (weights.length <= 16) {
    // a few weights (a payee's stages): pick the largest remaining remainder once per unit left over
    const taken = new Uint8Array(weights.length);
    for (let unit = 0n; unit < left; unit++) {
      let best = -1;
      for (let k = 0; k < remainders.length; k++) {
        if (taken[k] === 1) continue;
        if (best < 0 || remainders[k] > remainders[best] || (remainders[k] === remainders[best] && tieBreak(k, best) < 0)) best = k;
      }
      taken[best] = 1;
      parts[best] += 1n;
    }
    return parts;
  }
  for (const k of largestFirst(remainders, Number(left), tieBreak)) parts[k] += 1n;
  return parts;
}

/**
 * {@link allocate} where no part may pass its limit: the floors (never above `limits` when `amount × weight / Σ
 * weights ≤ limit`), then one unit each to the largest remainders among the parts still below their limit.
 * Units that no part can take are not given: the parts add up to `amount` or less.
 *
 * @example
 * ```ts
 * allocateWithin(3n, [1n, 1n, 1n, 1n], [1n, 0n, 1n, 1n]); // [1n, 0n, 1n, 1n]: the second is full
 * ```
 */
export function allocateWithin(
  amount: bigint,
  weights: readonly bigint[],
  limits: readonly bigint[],
  tieBreak: (a: number, b: number) => number = (a, b) => a - b,
): bigint[] {
  const { parts, left, remainders } = floorShares(amount, weights);
  if (left === 0n) return parts;
  const open: number[] = [];
  for (let k = 0; k < parts.length; k++) if (parts[k] < limits[k]) open.push(k);
  const taking = Number(left) < open.length ? Number(left) : open.length;
  if (taking === 0) return parts;
  const chosen = largestFirst(
    open.map((k) => remainders[k]),
    taking,
    (a, b) => tieBreak(open[a], open[b]),
  );
  for (const c of chosen) parts[open[c]] += 1n;
  return parts;
}

/**
 * The floors of `amount × weight / Σ weights`, what they leave over, and each remainder (numerators over
 * Σ weights). `allocate` hands the leftover units out; a caller that keeps them elsewhere uses this alone.
 *
 * @example
 * ```ts
 * floorShares(100n, [1n, 1n, 1n]); // { parts: [33n, 33n, 33n], left: 1n, remainders: [1n, 1n, 1n] }
 * ```
 */
export function floorShares(amount: bigint, weights: readonly bigint[]): { parts: bigint[]; left: bigint; remainders: bigint[] } {
  let total = 0n;
  for (const weight of weights) total += weight;
  if (total === 0n) return { parts: weights.map(() => 0n), left: 0n, remainders: weights.map(() => 0n) };
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const weight of weights) {
    const product = amount * weight;
    const part = product / total;
    parts.push(part);
    remainders.push(product - part * total);
    given += part;
  }
  return { parts, left: amount - given, remainders };
}

/**
 * Indexes of the `count` largest remainders, ties ordered by `tieBreak`. Remainders are ranked by their doubles
 * (rounding to a double never reverses an order): a native sort of the doubles gives the threshold, every
 * remainder above it is taken, and only those whose double equals the threshold are compared exactly.
 */
function largestFirst(remainders: readonly bigint[], count: number, tieBreak: (a: number, b: number) => number): number[] {
  const keys = Float64Array.from(remainders, Number);
  const threshold = Float64Array.from(keys).sort()[keys.length - count];
  const taken: number[] = [];
  const atThreshold: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (keys[k] > threshold) taken.push(k);
    else if (keys[k] === threshold) atThreshold.push(k);
  }
  atThreshold.sort((a, b) => {
    const ra = remainders[a];
    const rb = remainders[b];
    return ra === rb ? tieBreak(a, b) : rb > ra ? 1 : -1;
  });
  return taken.concat(atThreshold.slice(0, count - taken.length));
}

/**
 * A tie-break for {@link allocate} over members: by member id (UTF-16 code units), so that a split never depends
 * on the order the records came in.
 *
 * @example
 * ```ts
 * allocate(amount, weights, byId(members.map((i) => genealogy.ids.at(i))));
 * ```
 */
export function byId(ids: readonly string[]): (a: number, b: number) => number {
  return (a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
}
