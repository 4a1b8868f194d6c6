import type { ExactColumn } from '../money/exact-column';

/**
 * Stage 2: who is active this period: `PV ≥ minPersonalVolume` (DESIGN §3 rule 1). Returns 1/0 per
 * affiliate, genealogy preorder.
 *
 * @example
 * ```ts
 * const active = qualify(volumes.personal, compiled.minPersonalVolume);
 * active[genealogy.indexOf('C')]; // 0 when C's PV is below the minimum
 * ```
 */
export function qualify(personal: ExactColumn, minPersonalVolume: bigint): Uint8Array {
  const values = personal.values;
  const n = values.length;
  const active = new Uint8Array(n);
  // A minimum above 2^53 can only be met by a wide value; then the double comparison below never passes.
  const min = minPersonalVolume <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minPersonalVolume) : Infinity;
  for (let i = 0; i < n; i++) active[i] = values[i] >= min ? 1 : 0;
  for (const [i, value] of personal.big) active[i] = value >= minPersonalVolume ? 1 : 0;
  return active;
}

