import type { ExactColumn } from '../money/exact-column';

/**
 * Stage 2: who is active this period: an affiliate with `PV ≥ minPersonalVolume` (DESIGN §3 rule 1); a
 * customer never is (`roles[i] === 1`). Returns 1/0 per member, genealogy preorder.
 *
 * @example
 * ```ts
 * const active = qualify(volumes.personal, compiled.minPersonalVolume, genealogy.roles);
 * active[genealogy.indexOf('C')]; // 0 when C's PV is below the minimum
 * ```
 */
export function qualify(personal: ExactColumn, minPersonalVolume: bigint, roles?: Uint8Array): Uint8Array {
  const values = personal.values;
  const n = values.length;
  const active = new Uint8Array(n);
  // A minimum above 2^53 can only be met by a wide value; then the double comparison below never passes.
  const min = minPersonalVolume <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minPersonalVolume) : Infinity;
  // the comparison stored as a number, not chosen by a branch (a branch mispredicts on a random mix of active
  // and inactive members: measured 2× slower), customers ruled out in the same pass
  if (roles === undefined) for (let i = 0; i < n; i++) active[i] = +(values[i] >= min);
  else for (let i = 0; i < n; i++) active[i] = +(values[i] >= min) & +(roles[i] !== 1);
  for (const [i, value] of personal.big) active[i] = value >= minPersonalVolume && roles?.[i] !== 1 ? 1 : 0;
  return active;
}

